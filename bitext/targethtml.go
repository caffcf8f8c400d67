package bitext

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/trad-project/trad/segments"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// FormatTargetHTML is the translated document as a web page: the
// translated Markdown (WriteTarget) rendered to HTML, for an article read
// from a web page (or any Markdown article).
const FormatTargetHTML = "target-html"

// WriteTargetHTML writes the translated document as an HTML page in the
// target language: the article's text, formatting and links (its own
// inline HTML passed through; no script is added).
func WriteTargetHTML(w io.Writer, doc *segments.Document, opts Options) error {
	var md bytes.Buffer
	if err := WriteTarget(&md, doc, opts); err != nil {
		return err
	}
	title := ""
	for b := range doc.Blocks {
		if doc.Blocks[b].Kind == segments.KindHeading {
			for _, s := range doc.BlockSegments(b) { // plain text: no markup in <title>
				t := s.Source
				if Exported(&s, opts) {
					t = s.Target
				}
				title = strings.TrimSpace(title + " " + t)
			}
			break
		}
	}
	var body bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(ghtml.WithUnsafe()))
	if err := gm.Convert(md.Bytes(), &body); err != nil {
		return fmt.Errorf("write HTML: %w", err)
	}
	_, err := fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n</head>\n<body>\n<article>\n%s</article>\n</body>\n</html>\n",
		html.EscapeString(doc.TargetLang.String()), html.EscapeString(title), body.String())
	if err != nil {
		return fmt.Errorf("write HTML: %w", err)
	}
	return nil
}
