package cgraph

import "testing"

// Patched (claimgraph): not in upstream. Opening a graph with a predefined
// descriptor as the very first call must instantiate the module and fill
// the descriptor in before it is passed on.
func TestOpenDirectedFirst(t *testing.T) {
	g, err := Open("g", Directed, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if Directed.wasm == nil {
		t.Fatal("Directed not filled in")
	}
	desc := g.Desc().getWasm()
	if desc.GetDirected() != 1 || desc.GetStrict() != 0 {
		t.Fatalf("graph is directed=%v strict=%v; want 1, 0", desc.GetDirected(), desc.GetStrict())
	}
}
