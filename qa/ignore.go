package qa

import (
	"time"

	"github.com/trad-project/trad/segments"
)

// MarkIgnored sets Ignored on the issues that doc's segments record as
// ignored (segments.Segment.QAIgnored), matching check and Key.
func MarkIgnored(doc *segments.Document, issues []Issue) {
	for k := range issues {
		is := &issues[k]
		if is.Segment < 0 || is.Segment >= len(doc.Segments) {
			continue
		}
		if r := doc.Segments[is.Segment].IgnoredQA(is.Check, is.Key); r != nil {
			rec := *r
			is.Ignored = &rec
		}
	}
}

// Ignore records in doc that issue is ignored, by who at now, and marks it.
// It reports false when it was already ignored. The editor calls it from
// the QA pane, `trad qa --ignore` from the command line; the caller saves
// the project.
func Ignore(doc *segments.Document, issue *Issue, who string, now time.Time) bool {
	if issue.Segment < 0 || issue.Segment >= len(doc.Segments) {
		return false
	}
	s := &doc.Segments[issue.Segment]
	added := s.IgnoreQA(issue.Check, issue.Key, who, now.Truncate(time.Second))
	rec := *s.IgnoredQA(issue.Check, issue.Key)
	issue.Ignored = &rec
	if added {
		doc.MarkChanged(issue.Segment) // written in place: a snapshot must carry it
	}
	return added
}

// Unignore forgets that issue was ignored and clears its mark.
func Unignore(doc *segments.Document, issue *Issue) bool {
	issue.Ignored = nil
	if issue.Segment < 0 || issue.Segment >= len(doc.Segments) {
		return false
	}
	if !doc.Segments[issue.Segment].UnignoreQA(issue.Check, issue.Key) {
		return false
	}
	doc.MarkChanged(issue.Segment)
	return true
}

// Standing returns the issues not ignored, in order.
func Standing(issues []Issue) []Issue {
	out := make([]Issue, 0, len(issues))
	for _, is := range issues {
		if is.Ignored == nil {
			out = append(out, is)
		}
	}
	return out
}
