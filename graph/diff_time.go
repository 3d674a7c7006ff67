package graph

import "strings"

// timeChanges reports a claim's history and event time as changed fields,
// each written as one line ("alleged 2023-01-10; established 2023-04-20",
// "2021-06 to 2022-03"), so that every diff writer prints them as it prints
// any changed text field. Stance dates are told with their stances.
func timeChanges(a, b *Claim) []Change {
	var ch []Change
	ch = scalar(ch, "history", historyText(a.History), historyText(b.History))
	ch = scalar(ch, "when", whenText(a.When), whenText(b.When))
	return ch
}

func historyText(h []HistoryEntry) string {
	parts := make([]string, len(h))
	for i, e := range h {
		parts[i] = string(e.Status) + " " + e.Date
		if e.Source != "" {
			parts[i] += " (" + e.Source + ")"
		}
	}
	return strings.Join(parts, "; ")
}

func whenText(w *When) string {
	switch {
	case w == nil:
		return ""
	case w.On != "":
		return w.On
	}
	return strings.TrimSpace(w.Start + " to " + w.End)
}
