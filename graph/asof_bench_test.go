package graph_test

import (
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// The --as-of budget: at a million claims the projection may add at most
// 20% to a command's time. A command's time is at least loading the file
// and graph.New; BenchmarkNew (paths_bench_test.go) measures the second (loading is several
// times longer: .ci/bench/asof.sh measures whole commands), BenchmarkAsOf
// the projection, at the median source date (half the sources kept: the
// most copying) and at the last (everything kept).
//
//	go test ./graph -run '^$' -bench 'AsOf|^BenchmarkNew$' -benchtime 5x

func medianDates(ds *graph.Dataset) (median, last string) {
	var dates []string
	for _, s := range ds.Sources {
		if s.Published != "" {
			dates = append(dates, s.Published)
		}
	}
	slices.SortFunc(dates, graph.CompareDates)
	return dates[len(dates)/2], dates[len(dates)-1]
}

func BenchmarkAsOf(b *testing.B) {
	ds := bigDataset(b)
	median, last := medianDates(ds)
	for _, tc := range []struct{ name, date string }{{"median", median}, {"last", last}} {
		b.Run(tc.name, func(b *testing.B) {
			var kept int
			for b.Loop() {
				out, _ := graph.AsOf(ds, tc.date, graph.KeepUndated)
				kept = len(out.Claims)
			}
			b.ReportMetric(float64(kept), "claims-kept")
		})
	}
}
