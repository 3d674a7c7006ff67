package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Invented words are built from syllables rather than taken from a list of
// real names: about a thousand syllables give a million two-syllable words,
// enough for 100,000 distinct entities without repeats, and no generated
// party can be mistaken for a real one.
var (
	onsets = []string{"b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z"}
	vowels = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou"}
	codas  = []string{"", "", "n", "r", "l", "s", "x", "m", "k", "th"}

	givenNames = []string{
		"Anna", "Boris", "Chen", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas",
		"Kemal", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas",
		"Uma", "Viktor", "Wei", "Xenia", "Yusuf", "Zofia", "Amir", "Bianca", "Carlos", "Dmitri",
	}
	companySuffixes = []string{"Holdings", "Group", "Technologies", "Logistics", "Systems", "Trading", "Capital", "Energy", "Networks", "Industries", "Shipping", "Labs", "Partners", "Mining", "Telecom"}
	agencyKinds     = []string{"Customs Bureau", "Intelligence Service", "Export Control Office", "Trade Commission", "Cyber Agency", "Financial Regulator", "Interior Ministry", "Defence Procurement Agency"}
	militaryKinds   = []string{"Armed Forces", "Navy", "Air Force", "Strategic Support Force", "Signals Brigade", "Border Guard"}
	legislatureKind = []string{"Parliament", "Senate", "National Assembly", "Congress", "State Council"}
	mediaKinds      = []string{"Times", "Herald", "Post", "Wire", "Daily", "Observer", "Ledger", "Review"}
	documentKinds   = []string{"memo", "audit", "cable", "filing", "dossier", "indictment", "white paper", "leaked report"}
	productKinds    = []string{"router", "chipset", "drone", "phone", "cloud platform", "satellite", "app", "scanner"}
	otherKinds      = []string{"Foundation", "Institute", "Association", "Chamber of Commerce", "Think Tank", "Union"}
	countryCodes    = []string{"US", "CN", "GB", "DE", "FR", "RU", "JP", "IN", "BR", "KR", "TR", "AE", "SG", "NL", "IL", "UA", "ZA", "NG", "MX", "CA", "AU", "IR", "PK", "SA", "CH", "SE"}
	reliabilities   = []string{"A", "B", "C", "D", "E", "F"}

	// relations are short verb phrases as an analyst would write them.
	relations = []string{
		"supplies", "funds", "owns a stake in", "transfers customer data to", "advises",
		"employs", "sanctions", "investigates", "partners with", "lobbies",
		"sells equipment to", "provides cloud services to", "shares intelligence with",
		"is a subsidiary of", "trains personnel of", "licenses technology to",
		"reported on", "sued", "bans", "hosts servers for", "finances research at",
		"negotiates a deal with", "acquires", "pays", "audits", "recruits from",
		"supplies components to", "exports to", "is controlled by", "coordinates with",
		"was contracted by", "lends to", "is the reported author of", "flags as a security risk",
		"accuses", "mediates between", "distributes", "operates in", "certifies", "surveils",
	}
	details = []string{
		"payments routed through intermediaries", "several shipments over two years",
		"a contract worth an undisclosed sum", "IP addresses and payment information",
		"a memorandum of understanding signed abroad", "access to a research facility",
		"dual-use components listed in export rules", "a joint venture registered offshore",
	}
	denialWords = []string{"baseless", "nonsense", "false", "a fabrication", "politically motivated", "misleading"}
)

// weighted picks an index with probability proportional to its weight.
type weighted struct {
	cum   []int
	total int
}

func newWeighted(weights ...int) weighted {
	w := weighted{cum: make([]int, len(weights))}
	for i, x := range weights {
		w.total += x
		w.cum[i] = w.total
	}
	return w
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.IntN(w.total)
	for i, c := range w.cum {
		if x < c {
			return i
		}
	}
	return len(w.cum) - 1
}

var (
	// Indexed like graph.EntityTypes: companies and people dominate real
	// investigations; countries and legislatures are few.
	typeWeights   = newWeighted(30, 6, 8, 3, 2, 25, 8, 8, 5, 2, 3)
	statusWeights = newWeighted(25, 30, 25, 10, 5, 5) // indexed like graph.Statuses
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// word returns an invented capitalised word of two or three syllables.
func word(r *rand.Rand) string {
	var b strings.Builder
	n := 2 + r.IntN(4)/3 // three syllables one time in four
	for i := 0; i < n; i++ {
		b.WriteString(pick(r, onsets))
		b.WriteString(pick(r, vowels))
		b.WriteString(pick(r, codas))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// entityName invents a name for an entity of type t and, for some types, an
// alias a reporter would use for it.
func entityName(r *rand.Rand, t graph.EntityType) (name, alias string) {
	switch t {
	case graph.Company:
		w := word(r)
		return w + " " + pick(r, companySuffixes), w
	case graph.Government:
		w := word(r)
		return "Government of " + w, w + " government"
	case graph.Agency:
		w, k := word(r), pick(r, agencyKinds)
		return w + " " + k, initials(w + " " + k)
	case graph.Military:
		w := word(r)
		return w + " " + pick(r, militaryKinds), ""
	case graph.Legislature:
		w := word(r)
		return w + " " + pick(r, legislatureKind), ""
	case graph.Person:
		last := word(r)
		return pick(r, givenNames) + " " + last, last
	case graph.Media:
		w, k := word(r), pick(r, mediaKinds)
		return "The " + w + " " + k, initials(w + " " + k)
	case graph.Document:
		return word(r) + " " + pick(r, documentKinds) + " " + strconv.Itoa(2010+r.IntN(16)), ""
	case graph.Product:
		return word(r) + " " + pick(r, productKinds) + " " + strings.ToUpper(onsets[r.IntN(len(onsets))][:1]) + strconv.Itoa(1+r.IntN(99)), ""
	case graph.Country:
		return word(r) + "ia", ""
	default:
		return word(r) + " " + pick(r, otherKinds), ""
	}
}

// initials turns "Norvex Trade Commission" into "NTC".
func initials(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		b.WriteString(strings.ToUpper(f[:1]))
	}
	return b.String()
}

// date returns a date in one of the three precisions the format allows, the
// coarser ones rarer, as they are in real reporting.
func date(r *rand.Rand) string {
	y := strconv.Itoa(2015 + r.IntN(11))
	switch x := r.IntN(10); {
	case x == 0:
		return y
	case x < 3:
		return y + "-" + two(1+r.IntN(12))
	default:
		return y + "-" + two(1+r.IntN(12)) + "-" + two(1+r.IntN(28))
	}
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// pad formats n with leading zeros to width digits, so that ids sort in
// generation order.
func pad(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat("0", width-len(s)) + s
}

func digits(n int) int { return len(strconv.Itoa(n)) }
