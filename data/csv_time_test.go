package data

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestCSVTime checks the time columns of the full form: when_* in
// claims.csv, date in stances.csv and claim_history.csv read into their
// claim, and bad cells reported at file:row:column as the loader would
// report them.
func TestCSVTime(t *testing.T) {
	const (
		head    = "id,from,to,relation,status,when_on,when_start,when_end\n"
		sources = "id,title,published\ns1,S1,2023-01-10\n"
		history = "claim,status,date,source,note\nc,alleged,2023,,\nc,reported,2023-02,s1,n\n"
	)
	for _, tt := range []struct {
		name, claims, stances, history, want string
	}{
		{"valid", head + "c,x,x,r,reported,,2019,2020-05\n", "claim,by,position,date\nc,x,asserts,2023-01\n", history, ""},
		{"when on and start", head + "c,x,x,r,reported,2020,2019,\n", "", history, `claims.csv:2:6: claim when has when_on and a when_start`},
		{"when end not a date", head + "c,x,x,r,reported,,2019,soon\n", "", history, `claims.csv:2:8: when_end "soon" is not a date`},
		{"stance date not real", head + "c,x,x,r,reported,,,\n", "claim,by,position,date\nc,x,asserts,2023-13-01\n", history, `stances.csv:2:4: date "2023-13-01" is not a real date`},
		{"history status not last", head + "c,x,x,r,alleged,,,\n", "", history, `claims.csv:2:5: claim "c" has status "alleged" but its history in claim_history.csv ends at "reported"`},
		{"history date missing", head + "c,x,x,r,reported,,,\n", "", "claim,status,date\nc,reported,\n", `claim_history.csv:2:3: date is empty: it is required`},
		{"history status unknown", head + "c,x,x,r,reported,,,\n", "", "claim,status,date\nc,reportd,2023\n", `claim_history.csv:2:2: status "reportd" is not one of`},
		{"history source unknown", head + "c,x,x,r,reported,,,\n", "", "claim,status,date,source\nc,reported,2023,s9\n", `claim_history.csv:2:4: source "s9" is not the id of any source`},
		{"history claim unknown", head + "c,x,x,r,reported,,,\n", "", "claim,status,date\nd,reported,2023\n", `claim_history.csv:2:1: claim "d" is not the id of any claim`},
		{"derived dates are not columns", "id,from,to,relation,status,first_reported\nc,x,x,r,reported,2023\n", "", "", `claims.csv:1:6: unknown column "first_reported"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{CSVClaimsFile: tt.claims, CSVEntitiesFile: "id,name,type\nx,X,person\n", CSVSourcesFile: sources}
			if tt.stances != "" {
				files[CSVStancesFile] = tt.stances
			}
			if tt.history != "" {
				files[CSVClaimHistoryFile] = tt.history
			}
			ds, err := ReadCSVDir(writeCSVFiles(t, files))
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), string(filepath.Separator)+tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c := ds.Claims[0]
			got := fmt.Sprint(c.History, *c.When, c.Stances[0].Date)
			want := fmt.Sprint([]graph.HistoryEntry{{Status: "alleged", Date: "2023"}, {Status: "reported", Date: "2023-02", Source: "s1", Note: "n"}},
				graph.When{Start: "2019", End: "2020-05"}, "2023-01")
			if got != want {
				t.Errorf("read %s, want %s", got, want)
			}
		})
	}
}
