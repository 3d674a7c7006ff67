package synth

// The tests are in package synth_test, since they compare against package
// data, which imports this one; they reach these unexported names here.
var (
	AppendJSONString = appendJSONString
	AppendYAMLString = appendYAMLString
	Reliabilities    = reliabilities
	Supported        = supported
)
