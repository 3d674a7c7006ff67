package data

import "github.com/claimgraph/claimgraph/data/internal/testcases"

// The table of hostile datasets lives in data/internal/testcases, where the
// loader's tests use it; the command's end-to-end test, outside data,
// cannot import an internal package and reaches it through these names.
// Nothing else calls them, so the linker leaves the table out of the
// binary.

// HostileCase is a malformed or hostile input and the problems it must
// give, each as the start of a "file:line:col: message" line.
type HostileCase = testcases.Case

// HostileCases returns the loader's table of hostile datasets.
func HostileCases() []HostileCase { return testcases.Load() }

// HostileWithClaims returns a valid dataset whose claims list ends with
// claims (YAML lines), the base the table's cases build on.
func HostileWithClaims(claims string) string { return testcases.WithClaims(claims) }
