package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func writeCSVFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const simpleEntities = "name,type,aliases,id\nAcme Corp,company,Acme;ACME Inc.,\nGlobex,company,,globex\nMinistry of Trade,government,MoT,\n"

func TestSimpleCSV(t *testing.T) {
	tests := []struct {
		name   string
		claims string
		create graph.EntityType
		want   []string // claims as from|relation|to|status|stances|sources
		errs   []string // problems, as the start of each line
	}{
		{name: "by name, alias and id, any column order",
			claims: "status,to,from,relation,asserted_by,denied_by,source,quote\n" +
				"alleged,globex,acme,supplies,MoT,Globex;Acme Corp,r1,\"It said \"\"so\"\"\"\n",
			want: []string{"acme-corp|supplies|globex|alleged|ministry-of-trade:asserts,globex:denies,acme-corp:denies|r1:It said \"so\""}},
		{name: "semicolon-separated file",
			claims: "from;relation;to;status\nAcme;owns;Globex;established\n",
			want:   []string{"acme-corp|owns|globex|established||"}},
		{name: "formula guard removed",
			claims: "from,relation,to,status,detail\nAcme,owns,Globex,reported,'=1+1\n",
			want:   []string{"acme-corp|owns|globex|reported||"}},
		{name: "unknown name with did you mean",
			claims: "from,relation,to,status\nAcme Crop,owns,Globex,reported\n",
			errs:   []string{`claims.csv:2:1: from "Acme Crop" names no entity: did you mean "Acme Corp"?`}},
		{name: "unknown name created",
			claims: "from,relation,to,status\nInitech,owns,Globex,reported\n", create: graph.Company,
			want: []string{"initech|owns|globex|reported||"}},
		{name: "missing required column and bad status",
			claims: "from,relation,to\nAcme,owns,Globex\n",
			errs:   []string{`claims.csv:1:1: no column "status"`}},
		{name: "bad values at row and column",
			claims: "from,relation,to,status,reported\nAcme,owns,Globex,rumoured,2023-02-29\n",
			errs: []string{`claims.csv:2:4: status "rumoured" is not one of`,
				`claims.csv:2:5: reported "2023-02-29" is not a real date`}},
		{name: "unknown column",
			claims: "from,relation,to,status,asserted\nAcme,owns,Globex,reported,x\n",
			errs:   []string{`claims.csv:1:5: unknown column "asserted": did you mean "asserted_by"?`}},
		{name: "duplicate claim",
			claims: "from,relation,to,status\nAcme,owns,Globex,reported\nacme-corp,owns,globex,alleged\n",
			errs:   []string{`claims.csv:3:1: claim "acme-corp--owns--globex" is already on row 2`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeCSVFiles(t, map[string]string{"claims.csv": tt.claims, "entities.csv": simpleEntities,
				"sources.csv": "id,title\nr1,Report one\n"})
			rel := func(n string) string { return filepath.Join(dir, n) }
			ds, err := ReadSimpleCSV(SimpleCSV{Claims: rel("claims.csv"), Entities: rel("entities.csv"),
				Sources: rel("sources.csv"), CreateEntities: tt.create})
			if tt.errs != nil {
				var e *Errors
				if !errors.As(err, &e) {
					t.Fatalf("error %v, want problems %q", err, tt.errs)
				}
				got := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
				for _, w := range tt.errs {
					if !strings.Contains("\n"+got, "\n"+w) {
						t.Errorf("problems:\n%s\nwant a line starting %q", got, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := graph.New(ds); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range ds.Claims {
				var st, src []string
				for _, s := range c.Stances {
					st = append(st, s.By+":"+string(s.Position))
				}
				for _, s := range c.Sources {
					src = append(src, s.Source+":"+s.Quote)
				}
				got = append(got, strings.Join([]string{c.From, c.Relation, c.To, string(c.Status), strings.Join(st, ","), strings.Join(src, ",")}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("claims:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTemplateImports(t *testing.T) {
	dir := t.TempDir()
	if err := WriteCSVTemplate(dirWriter(t, dir)); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadSimpleCSV(SimpleCSV{Claims: filepath.Join(dir, "claims.csv"),
		Entities: filepath.Join(dir, "entities.csv"), Sources: filepath.Join(dir, "sources.csv")})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Claims) != 1 || len(ds.Entities) != 1 || len(ds.Sources) != 1 {
		t.Errorf("template gives %d claims, %d entities, %d sources; want one each", len(ds.Claims), len(ds.Entities), len(ds.Sources))
	}
}

func TestCSVDerivedFromChecked(t *testing.T) {
	for _, tt := range []struct{ sources, want string }{
		{"id,title,derived_from\na,A,b\nb,B,a\n", "derived_from cycle: a -> b -> a"},
		{"id,title,derived_from\na,A,zz\n", `derived_from "zz" is not the id of a source`},
	} {
		dir := writeCSVFiles(t, map[string]string{"claims.csv": "from,relation,to,status\nx,r,x,reported\n",
			"entities.csv": "id,name,type\nx,X,person\n", "sources.csv": tt.sources})
		_, err := ReadSimpleCSV(SimpleCSV{Claims: filepath.Join(dir, "claims.csv"), Entities: filepath.Join(dir, "entities.csv"),
			Sources: filepath.Join(dir, "sources.csv")})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
		// The full form too.
		full := writeCSVFiles(t, map[string]string{"claims.csv": "id,from,to,relation,status\nc,x,x,r,reported\n",
			"entities.csv": "id,name,type\nx,X,person\n", "sources.csv": tt.sources})
		if _, err := ReadCSVDir(full); err == nil || !strings.Contains(err.Error(), strings.Split(tt.want, `"zz"`)[0]) {
			t.Errorf("full form: error %v, want %q", err, tt.want)
		}
	}
}

// TestSimpleCSVBelief checks the simple form's belief columns: read into
// the claim, and bad cells reported where they stand.
func TestSimpleCSVBelief(t *testing.T) {
	tests := []struct {
		name, claims string
		want         graph.Claim // only the belief fields
		err          string
	}{
		{name: "every column",
			claims: "from,relation,to,status,detail,likelihood,basis,negated,credibility\nAcme,owns,Globex,reported,per filings,likely,inference,true,2\n",
			want:   graph.Claim{Credibility: 2, Negated: true, Basis: graph.BasisInference, Likelihood: "likely"}},
		{name: "blank cells are the defaults",
			claims: "from,relation,to,status,credibility,negated,basis,likelihood\nAcme,owns,Globex,reported,,,,\n"},
		{name: "credibility out of range",
			claims: "from,relation,to,status,credibility\nAcme,owns,Globex,reported,7\n",
			err:    `claims.csv:2:5: credibility "7" is not a whole number from 1 to 6`},
		{name: "ungraded is blank, not 0",
			claims: "from,relation,to,status,credibility\nAcme,owns,Globex,reported,0\n",
			err:    `claims.csv:2:5: credibility "0"`},
		{name: "negated yes",
			claims: "from,relation,to,status,negated\nAcme,owns,Globex,reported,yes\n",
			err:    `claims.csv:2:5: negated "yes" is not true or false`},
		{name: "unknown likelihood",
			claims: "from,relation,to,status,likelihood\nAcme,owns,Globex,reported,probable\n",
			err:    `claims.csv:2:5: likelihood "probable" is not one of`},
		{name: "inference without detail",
			claims: "from,relation,to,status,basis\nAcme,owns,Globex,reported,inference\n",
			err:    `claims.csv:2:5: basis inference without a detail`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeCSVFiles(t, map[string]string{"claims.csv": tt.claims, "entities.csv": simpleEntities})
			ds, err := ReadSimpleCSV(SimpleCSV{Claims: filepath.Join(dir, "claims.csv"), Entities: filepath.Join(dir, "entities.csv")})
			if tt.err != "" {
				if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c := ds.Claims[0]
			got := graph.Claim{Credibility: c.Credibility, Negated: c.Negated, Basis: c.Basis, Likelihood: c.Likelihood}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("belief fields %+v, want %+v", got, tt.want)
			}
		})
	}
}
