// Package mt gives machine-translation suggestions that respect the
// project's glossary: engines (Apertium run locally, OpenAI-compatible chat
// endpoints, DeepL, LibreTranslate) behind one interface, a Service that
// caches their answers next to the project and prefetches the next
// segments, and the glossary compliance of a suggestion. It knows nothing of
// terminals: the editor and the CLI call it.
package mt

import (
	"context"
	"errors"
	"strings"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// Request is one segment to translate.
type Request struct {
	// Source is the segment's source text.
	Source string
	// From and To are BCP 47 tags ("fr", "es", "ca").
	From, To string
	// Prev and Next are the neighbouring segments' sources, context for
	// the engines that take it (chat endpoints); "" at the document's edges.
	Prev, Next string
	// Hits are the glossary hits in Source (glossary.Matcher.Match for
	// From → To): their target terms are required translations, and the
	// suggestion is checked against them.
	Hits []glossary.Hit
}

// RequestAt returns the request for segment i of doc: its source, the
// document's languages, the neighbouring segments' sources and, when m is
// not nil, the glossary hits (m built for the document's languages).
func RequestAt(doc *segments.Document, i int, m *glossary.Matcher) Request {
	seg := &doc.Segments[i]
	r := Request{Source: seg.Source, From: doc.SourceLang.String(), To: doc.TargetLang.String()}
	if i > 0 {
		r.Prev = doc.Segments[i-1].Source
	}
	if i+1 < len(doc.Segments) {
		r.Next = doc.Segments[i+1].Source
	}
	if m != nil {
		r.Hits = m.Match(seg.Source)
	}
	return r
}

// Result is an engine's translation of one Request.
type Result struct {
	Text string
	// Unknown lists the source words the engine left untranslated
	// (Apertium's unknown words), without the engine's markers.
	Unknown []string
}

// Engine translates batches of segments. Implementations are safe for
// concurrent use. One file per engine: apertium.go, openai.go, deepl.go,
// libretranslate.go.
type Engine interface {
	// Name is the engine's name as configured ("apertium", "deepl", or the
	// key of its entry in config.json), shown beside its suggestions.
	Name() string
	// Options is a stable description of what, besides the source, changes
	// the engine's output (model, base URL, mode), never a secret: the cache
	// key includes its hash.
	Options() string
	// Translate translates reqs, which share From and To, returning one
	// Result per request in order. Engines send one process run or one HTTP
	// request per batch where they can.
	Translate(ctx context.Context, reqs []Request) ([]Result, error)
}

// Errors the Service and the engines return; errors.Is finds them in the
// wrapped errors. Notice turns any of them into the one line a status bar
// shows.
var (
	// ErrForbidden: the project is marked "no machine translation"; nothing
	// was sent.
	ErrForbidden = errors.New("machine translation is off for this project (confidential)")
	// ErrNotConfigured: no engine, an unknown one, a missing key or a
	// language pair the engine is not configured for.
	ErrNotConfigured = errors.New("machine translation is not configured")
	// ErrOffline: the engine cannot be reached (connection refused, DNS,
	// timeout) or its program is not installed.
	ErrOffline = errors.New("machine translation engine unreachable")
)

// Notice returns a one-line message for err, for a status line or the
// CLI's standard error: never more than one line, never a key.
func Notice(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	if i := strings.IndexAny(msg, "\r\n"); i >= 0 {
		msg = msg[:i]
	}
	return "MT: " + msg
}
