// Package data reads claimgraph datasets: YAML or JSON files, directories of
// them and standard input, merged into one graph.Dataset. It also carries the
// default dataset, embedded in the binary, and writes the canonical JSON form.
//
// Every problem the loader finds is reported with its file:line:col, all of
// them (up to a cap) rather than the first, because a dataset is written by
// hand and fixing one error per run is slow. Load and LoadBytes return an
// *Errors; its Error method prints one "file:line:col: message" per line,
// the first 50, then "... and N more problems". Columns count characters,
// not bytes. A problem with a whole file (unreadable, empty, too large) has
// no line: "file: message".
//
// # Format rules
//
// Syntax. A file named *.json is JSON; *.yaml and *.yml are YAML; standard
// input ("-") and other names are JSON when the first non-blank byte is '{',
// else YAML. JSON is strict (RFC 8259): no comments, no trailing commas, and
// a string field must hold a string. In YAML a plain number or boolean may
// stand for a string field, as written ("country: NO" is the string NO,
// "name: 1984" the string 1984), since that is what the person typing meant.
// A null or an absent field is the empty value, in both syntaxes.
//
// Refused outright:
//   - empty files, and YAML files of nothing but comments: an empty input is
//     far more often a mistake (a truncated download, the wrong file) than a
//     wish for an empty dataset; write "{}" for that;
//   - NUL bytes and invalid UTF-8, reported at the first bad byte (a UTF-8
//     byte order mark at the start is allowed and ignored); "\u0000" and
//     unpaired surrogate escapes in JSON strings likewise;
//   - YAML anchors, aliases, merge keys (<<) and tags: the format has no use
//     for them, and refusing aliases is the plainest guarantee that no
//     "billion laughs" document expands. Nothing is ever expanded: an alias
//     is reported where it stands;
//   - more than one YAML document (---) in a file;
//   - nesting deeper than 100 levels (the format needs 4): YAML is
//     pre-scanned before the parser sees it, JSON is counted as it is read,
//     so 100,000 nested brackets cost microseconds, never the stack;
//   - more than Options.MaxBytes (default 256 MiB) of input in total, checked
//     against a file's size before it is read and enforced while reading.
//
// Fields. Unknown fields are errors (with a "did you mean" when one is
// close), as are repeated fields: nothing is silently dropped. Required:
// entity id, name and type; source id and title; claim from, to, relation
// and status; stance by and position; a claim source's source. Blank
// (whitespace-only) counts as missing. Values: entity type, claim status and
// stance position take the names listed in package graph (an error lists
// them); dates are YYYY-MM-DD, YYYY-MM or YYYY and must exist (no
// 2023-02-29); urls are http or https with a host; reliability is one
// Admiralty letter, A to F; country is two capital letters (ISO 3166
// alpha-2 shape); ids are letters, digits, '-', '_' and '.'.
//
// Ids and references. Ids are unique across entities, sources and claims
// together, within and across files; a second definition is an error naming
// both places. A claim without an id gets graph.DeriveClaimID(from,
// relation, to), which must be unique too. References (claim from and to,
// stance by: entities; claim sources, stance source, derived_from: sources)
// must name an id of the right kind, defined anywhere in the inputs.
// derived_from must not form a cycle (a source cannot repeat itself through
// a chain); the error spells the cycle out.
//
// Belief fields (see graph/belief.go and the README's tables). Claim
// credibility is a number from 1 to 6 (Admiralty information credibility;
// absent means ungraded, and 0 is refused rather than read as ungraded);
// credibility_note needs a credibility. negated is true or false. basis is
// stated (the default), assessment or inference; an inference needs a
// non-blank detail. likelihood is one of ICD 203's seven terms. lint is a
// list of {rule, reason} waivers: the rule must be one of check's rules,
// named once per claim, and the reason is required. A stance may carry a
// note. A source may carry text or text_file (not both) and a retrieved
// date. A reliability written as a full Admiralty grade ("B2") is refused
// with a message saying the digit belongs to the claims' credibility.
// Entity country must be an officially assigned ISO 3166-1 alpha-2 code,
// or EU or XK ("UK" gets "did you mean GB").
//
// text_file is a path relative to the file that names it. It must be local
// (no "..", not absolute, no backslash), and must resolve, symlinks
// followed, to a regular file inside that file's directory: a dataset from
// someone else must not make claimgraph read, and export, a file elsewhere
// on the machine. It is read at most 16 MiB (and within --max-bytes), must
// be UTF-8 without NUL, and is kept as the source's text; its path is not
// kept, so export writes the text inline and the exported file stands
// alone. Standard input has no directory: a text_file there is an error.
// The embedded dataset reads its text_file from the files embedded with it;
// a dataset read from a git revision (REV:PATH), from the same revision.
//
// Quote places. For the quotes that cite a source with a text (one defined
// before the claim, as sources usually are), the loader records where each
// quote is written, so that check reports a quote missing from the text at
// its file:line:col.
//
// Titles. The files of one load may each carry a title only if they agree:
// two different titles are an error at the first (by path) naming the
// other, so that the message and the merged title do not depend on the
// order of the arguments. Files without a title are not counted.
//
// Derived fields. "contested" may appear on a claim, because export writes
// it, but it is derived from the stances and must agree with them.
// Likewise "first_reported" and "last_reported" (the earliest and latest
// date of the claim's sources, stances, history and reported date): they
// are checked when every source is known, since a claim may cite a source
// defined later or in another file.
//
// Time (decode_time.go). A stance may have a "date"; a claim a "history"
// ({status, date, source, note}: status and date required) whose last
// status must be the claim's status, and a "when" ({on} or {start, end},
// either end open, never on with a span). Dates keep the rules above.
// Order (a history going back, an end before its start) is left to check:
// a dataset is often written out of order.
//
// Allowed on purpose: self-referencing claims (from == to). Reporting has
// them ("the ministry contradicted itself", "the company restructured its
// own unit"), the graph library accepts self-loops, and refusing them would
// force a dataset to misstate a claim.
//
// Merging. Load merges its inputs in order; the title is the first non-empty
// one. A directory contributes the *.yaml, *.yml and *.json files directly
// inside it, in name order; hidden files and subdirectories are skipped, so
// that a data directory under version control does not pick up CI files,
// and so that no walk can loop: a symlink loop among the files fails to open
// (ELOOP) and is reported, a symlink to a directory is reported as one.
//
// Other formats. One file per format: csv*.go (the spreadsheet forms, in and
// out; the columns come from one field table per record kind), ftm*.go
// (FollowTheMoney in and out, mapped from FtM's published model), stix.go,
// neo4j.go and cypher.go (out). Writers of several files take a
// WriteFileFunc, so that the command decides where files go and how they
// are written safely. Every writer is deterministic: records in id order.
//
// Round trip. WriteJSON → LoadBytes → WriteJSON gives the same bytes: the
// export holds every field, derived ones included, and the loader accepts
// all of them back.
package data
