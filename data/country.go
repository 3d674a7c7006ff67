package data

import (
	"fmt"
	"strings"
)

// iso3166 is the ISO 3166-1 alpha-2 list of officially assigned codes (249),
// alphabetical. The shape check alone let "UK" and "XX" through, and a
// figure clustered by country then drew a country that does not exist.
const iso3166 = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ " +
	"EC EE EG EH ER ES ET " +
	"FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
	"HK HM HN HR HT HU " +
	"ID IE IL IM IN IO IQ IR IS IT " +
	"JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ " +
	"LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ " +
	"OM " +
	"PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
	"QA " +
	"RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
	"UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU " +
	"WF WS " +
	"YE YT " +
	"ZA ZM ZW"

// acceptedCountries are codes outside the official list that datasets need:
// EU (exceptionally reserved, for the European Union as a party) and XK
// (Kosovo, user-assigned but in wide use, by the EU and the IMF among
// others).
const acceptedCountries = "EU XK"

// countryMistakes maps codes people write for a country that has another
// code to the right one.
var countryMistakes = map[string]string{"UK": "GB", "EL": "GR"}

// checkCountry returns what is wrong with a two-capital-letter country
// code, or "".
func checkCountry(s string) string {
	if len(s) != 2 || strings.Contains(iso3166+" "+acceptedCountries, s) && !strings.Contains(s, " ") {
		return ""
	}
	if right, ok := countryMistakes[s]; ok {
		return fmt.Sprintf("is not an ISO 3166-1 alpha-2 code (did you mean %s?)", right)
	}
	return "is not an ISO 3166-1 alpha-2 code (EU and XK are accepted too)"
}
