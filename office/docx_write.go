package office

import (
	"bytes"
	"strings"

	"github.com/trad-project/trad/internal/xmlscan"
)

// docxRuns writes text as WordprocessingML runs in the target language.
type docxRuns struct {
	lang  string
	cache map[string]string // source <w:rPr> → the same with the target language
}

func (d *docxRuns) text(out *bytes.Buffer, rpr, s string) {
	if s == "" {
		return
	}
	props, ok := d.cache[rpr]
	if !ok {
		props = withLang(rpr, d.lang)
		d.cache[rpr] = props
	}
	out.WriteString("<w:r>")
	out.WriteString(props)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out.WriteString("<w:br/>")
		}
		if line == "" {
			continue
		}
		out.WriteString(`<w:t xml:space="preserve">`)
		_, _ = xmlscan.Escape(out, line, false)
		out.WriteString("</w:t>")
	}
	out.WriteString("</w:r>")
}

// rPrAfterLang are the children of <w:rPr> that come after <w:lang> in
// the schema's sequence (Word rejects a file whose elements are out of
// order).
var rPrAfterLang = []string{"<w:eastAsianLayout", "<w:specVanish", "<w:oMath", "<w:rPrChange"}

// withLang returns the cleaned run properties rpr (no <w:lang> in them)
// with the language lang.
func withLang(rpr, lang string) string {
	el := `<w:lang w:val="` + xmlAttr(lang) + `"/>`
	if rpr == "" || strings.HasSuffix(rpr, "/>") && strings.Count(rpr, "<") == 1 {
		return "<w:rPr>" + el + "</w:rPr>"
	}
	at := strings.LastIndex(rpr, "</")
	for _, n := range rPrAfterLang {
		if i := strings.Index(rpr, n); i >= 0 && i < at {
			at = i
		}
	}
	if at < 0 {
		return rpr
	}
	return rpr[:at] + el + rpr[at:]
}

// xmlAttr escapes s for an attribute value in double quotes.
func xmlAttr(s string) string { return xmlscan.EscapeString(s, true) }
