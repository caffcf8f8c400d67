package office

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/trad-project/trad/internal/xmlscan"
	"golang.org/x/text/language"
)

// needsEdit reports whether the part changes even with no translated
// paragraph: accepted tracked changes are removed.
func (o *odtPart) needsEdit() bool { return o.tracked.lo >= 0 }

// edits returns the part-level edits: where the new styles go, the
// tracked changes removed.
func (o *odtPart) edits() []edit {
	var out []edit
	if o.tracked.lo >= 0 {
		out = append(out, edit{lo: o.tracked.lo, hi: o.tracked.hi})
	}
	if o.autoEnd.lo >= 0 {
		e := edit{lo: o.autoEnd.lo, hi: o.autoEnd.hi, mark: &o.mark}
		if o.autoSelf {
			e.repl, e.after = "<office:automatic-styles>", "</office:automatic-styles>"
		}
		out = append(out, e)
	}
	return out
}

// runs returns the writer of text runs in language lang.
func (o *odtPart) runs(lang string) runWriter {
	o.lang, o.defs, o.names, o.mark = lang, nil, map[string]string{}, -1
	return o
}

// text writes s as a span in a new automatic style: the source's text
// style fmt (or none) with the target language.
func (o *odtPart) text(out *bytes.Buffer, fmt, s string) {
	if s == "" {
		return
	}
	name := fmt
	if o.autoEnd.lo >= 0 {
		name = o.langStyle(fmt)
	}
	if name != "" {
		out.WriteString(`<text:span text:style-name="` + xmlAttr(name) + `">`)
	}
	writeODTText(out, s)
	if name != "" {
		out.WriteString("</text:span>")
	}
}

// langStyle returns the name of the automatic style that is fmt in the
// target language, defining it on first use.
func (o *odtPart) langStyle(fmt string) string {
	if n, ok := o.names[fmt]; ok {
		return n
	}
	name := "tradL" + strconv.Itoa(len(o.names)+1)
	o.names[fmt] = name
	var b strings.Builder
	b.WriteString(`<style:style style:name="` + name + `" style:family="text"`)
	st, auto := o.styles[fmt]
	parent := st.parent
	if !auto && fmt != "" {
		parent = fmt // a common style
	}
	if parent != "" {
		b.WriteString(` style:parent-style-name="` + xmlAttr(parent) + `"`)
	}
	b.WriteString("><style:text-properties")
	for _, a := range st.props {
		if a.Name.Space == "xmlns" || noiseProps[a.Name.Local] {
			continue
		}
		b.WriteString(" ")
		if a.Name.Space != "" {
			b.WriteString(a.Name.Space + ":")
		}
		b.WriteString(a.Name.Local + `="` + xmlAttr(a.Value) + `"`)
	}
	b.WriteString(langProps(o.lang))
	b.WriteString("/></style:style>")
	o.defs = append(o.defs, b.String())
	return name
}

// langProps returns the text properties naming lang, for the script it is
// written in (Western, Asian or complex).
func langProps(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	base, _ := tag.Base()
	region, conf := tag.Region()
	country := "none"
	if conf != language.No && conf >= language.High {
		country = region.String()
	}
	kind := "fo:language"
	ckind := "fo:country"
	switch base.String() {
	case "ja", "zh", "ko":
		kind, ckind = "style:language-asian", "style:country-asian"
	case "ar", "he", "fa", "ur", "hi", "th", "bn", "ta", "te", "km", "lo", "my":
		kind, ckind = "style:language-complex", "style:country-complex"
	}
	return " " + kind + `="` + xmlAttr(base.String()) + `" ` + ckind + `="` + xmlAttr(country) + `"`
}

// finish puts the new styles where the part's automatic styles end.
func (o *odtPart) finish(out []byte) []byte {
	if o.mark < 0 || len(o.defs) == 0 {
		return out
	}
	defs := strings.Join(o.defs, "")
	res := make([]byte, 0, len(out)+len(defs))
	res = append(res, out[:o.mark]...)
	res = append(res, defs...)
	return append(res, out[o.mark:]...)
}

// writeODTText writes s as OpenDocument text: spaces that a reader would
// collapse (leading, repeated) as <text:s/>, line ends as
// <text:line-break/>.
func writeODTText(out *bytes.Buffer, s string) {
	prevSpace := true // a space at the start of a span may be collapsed
	start := 0
	flush := func(i int) {
		_, _ = xmlscan.Escape(out, s[start:i], false)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			flush(i)
			out.WriteString("<text:line-break/>")
			start, prevSpace = i+1, true
		case c == ' ' && prevSpace:
			flush(i)
			n := 1
			for i+n < len(s) && s[i+n] == ' ' {
				n++
			}
			if n == 1 {
				out.WriteString("<text:s/>")
			} else {
				out.WriteString(`<text:s text:c="` + strconv.Itoa(n) + `"/>`)
			}
			i += n - 1
			start = i + 1
		case c == ' ':
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	flush(len(s))
}
