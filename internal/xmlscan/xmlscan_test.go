package xmlscan

import (
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// recorder logs what a Handler receives, text runs merged (the scanner
// may pass a long text in pieces).
type recorder struct {
	log  []string
	text strings.Builder
}

func (r *recorder) flush() {
	if r.text.Len() > 0 {
		r.log = append(r.log, fmt.Sprintf("text %q", r.text.String()))
		r.text.Reset()
	}
}

func (r *recorder) Start(name string, attrs []Attr, line int) error {
	r.flush()
	e := fmt.Sprintf("start %s line %d", name, line)
	for _, a := range attrs {
		e += fmt.Sprintf(" %s:%s=%q", a.Space, a.Local, a.Value)
	}
	r.log = append(r.log, e)
	return nil
}

func (r *recorder) End(name string, line int) error {
	r.flush()
	r.log = append(r.log, fmt.Sprintf("end %s line %d", name, line))
	return nil
}

func (r *recorder) Text(b []byte) { r.text.Write(b) }

// EndTag records the end tag's offsets: the scanner and encoding/xml must
// agree on them too.
func (r *recorder) EndTag(name string, start, end int64) {
	r.flush()
	r.log = append(r.log, fmt.Sprintf("endtag %s %d-%d", name, start, end))
}

func record(rd *Reader, in string, oneByte bool) string {
	r := &recorder{}
	src := iotest.HalfReader(strings.NewReader(in))
	if oneByte {
		src = iotest.OneByteReader(strings.NewReader(in))
	}
	err := rd.Scan(src, r)
	if err == nil {
		// Text before an error is not compared: the scanner may pass a
		// piece of a text whose token encoding/xml then refuses whole.
		r.flush()
	}
	return fmt.Sprintf("%s\nerr %v", strings.Join(r.log, "\n"), err)
}

// scanSeeds exercise every construct the scanner handles itself, the ones
// it hands to encoding/xml, and the document rules.
var scanSeeds = []string{
	`<a><b x="1" y='&lt;&#233;&#x1F600;'>t&amp;u</b><![CDATA[<c>]]><!-- c --><?pi x?></a>`,
	"\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!DOCTYPE a [ <!ENTITY e \"x\"> ]>\r\n<a\r\n b=\"1\">x\ry\r\nz</a>\r\n",
	`<?xml version="1.0" encoding="ISO-8859-1"?><a>` + "caf\xe9" + `</a>`,
	`<a>&nbsp;</a>`,
	`<a><b></a>`,
	`<a></a><b/>`,
	`<a/>trailing`,
	"lead\n<a/>",
	"  \n<a/>\n  ",
	`<a>`,
	`<p:a xmlns:p="u"><p:b/></q:a>`,
	`<élément/>`,
	`<a b="1"c="2"/>`,
	`<a>]]></a>`,
	"<a>\x01</a>",
	``,
	`<!-- only a comment -->`,
	"<a/>\n\n" + strings.Repeat("x ", 40),
	"<a>" + strings.Repeat("xy ", 40) + "</a>",
	"<a>" + strings.Repeat("x ]] ", 40) + "</a>",
	"<a>" + strings.Repeat("x &amp;\r\n", 40) + "</a>",
}

// checkEquivalent reads in with encoding/xml alone and with the scanner
// (a byte at a time, and with a tiny buffer) and fails unless all give
// the same calls and the same error.
func checkEquivalent(t *testing.T, in string) {
	t.Helper()
	want := record(&Reader{Std: true}, in, false)
	for _, v := range []struct {
		name string
		got  string
	}{
		{"scanner", record(&Reader{}, in, false)},
		{"one byte at a time", record(&Reader{}, in, true)},
		{"8-byte buffer", record(&Reader{BufSize: 8}, in, false)},
	} {
		if v.got != want {
			t.Fatalf("%s:\n%s\nencoding/xml gives\n%s\ninput %q", v.name, v.got, want, in)
		}
	}
}

func TestEquivalent(t *testing.T) {
	for i, in := range scanSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkEquivalent(t, in) })
	}
}

// FuzzEquivalent is the scanner's contract: on any input it gives the
// handler what encoding/xml's tokens give it, and the same error.
func FuzzEquivalent(f *testing.F) {
	for _, in := range scanSeeds {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) { checkEquivalent(t, in) })
}

// The document rules, on both paths.
func TestDocumentRules(t *testing.T) {
	for _, tt := range []struct{ in, err string }{
		{`<a/>`, ""},
		{"<?xml version=\"1.0\"?>\n<!-- c -->\n<a/>\n<!-- after -->\n", ""},
		{"<a/>\n<b/>", "line 2: element <b> after the root element"},
		{"<a/>\nx", "line 2: text outside the root element"},
		{"x\n<a/>", "line 2: text outside the root element"},
		{"<a>\n<b>\n</a>", "line 3: unexpected </a>: <b> of line 2 is still open"},
		{"<a/>\n</a>", "line 2: unexpected </a>"},
		{"<a>\n<b>", "line 2: <b> is not closed: unexpected end of file"},
		{"<a>&bogus;</a>", "line 1: invalid character entity &bogus;"},
	} {
		for _, std := range []bool{false, true} {
			err := (&Reader{Std: std}).Scan(strings.NewReader(tt.in), &recorder{})
			if fmt.Sprint(err) != tt.err && !(tt.err == "" && err == nil) {
				t.Errorf("%q (encoding/xml only: %v): error %v, want %q", tt.in, std, err, tt.err)
			}
		}
	}
}

// Well-formed documents in the usual shapes are read by the scanner alone
// (the equivalence tests would pass just as well if it always handed over).
func TestNoFallback(t *testing.T) {
	for _, in := range scanSeeds[:2] {
		for _, size := range []int{8, DefaultBufSize} {
			rd := &Reader{BufSize: size}
			if err := rd.Scan(strings.NewReader(in), &recorder{}); err != nil || rd.FellBack {
				t.Errorf("%q, buffer %d: err %v, handed over: %v", in, size, err, rd.FellBack)
			}
		}
	}
	rd := &Reader{}
	if err := rd.Scan(strings.NewReader(scanSeeds[2]), &recorder{}); err != nil || !rd.FellBack {
		t.Errorf("ISO-8859-1 declaration: err %v, handed over %v (want true)", err, rd.FellBack)
	}
}

// An error from the handler stops the reading and comes back as is.
func TestHandlerError(t *testing.T) {
	stop := fmt.Errorf("stop")
	for _, std := range []bool{false, true} {
		h := &stopper{err: stop}
		err := (&Reader{Std: std}).Scan(strings.NewReader(`<a><b/><b/><b/></a>`), h)
		if err != stop || h.n != 2 {
			t.Errorf("encoding/xml only %v: err %v after %d <b>, want stop after 2", std, err, h.n)
		}
	}
}

type stopper struct {
	err error
	n   int
}

func (s *stopper) Start(name string, _ []Attr, _ int) error {
	if name == "b" {
		s.n++
		if s.n == 2 {
			return s.err
		}
	}
	return nil
}
func (s *stopper) End(string, int) error { return nil }
func (s *stopper) Text([]byte)           {}

// EndTag's offsets locate each end tag in the input: "</" up to the byte
// after ">", or the point after "/>" of an empty element; on the
// scanner's path, after a hand-over to encoding/xml (a non-ASCII name)
// and on encoding/xml's alone.
func TestEndTagOffsets(t *testing.T) {
	for _, in := range []string{
		"<martif><text><body></body><!-- </body> --></text></martif>",
		"\ufeff<a>\r\n<b/><c >x</c\n></a>",
		"<a><![CDATA[</a>]]><?pi </a> ?></a>",
		"<a><élément>x</élément></a>",
		"<!DOCTYPE a [<!ENTITY b \"</a>\">]><a>" + strings.Repeat("x ", 30) + "</a>",
	} {
		for _, rd := range []*Reader{{}, {BufSize: 8}, {Std: true}} {
			r := &recorder{}
			if err := rd.Scan(strings.NewReader(in), r); err != nil {
				t.Fatalf("%q: %v", in, err)
			}
			n := 0
			for _, l := range r.log {
				var name string
				var start, end int
				if _, err := fmt.Sscanf(l, "endtag %s %d-%d", &name, &start, &end); err != nil {
					continue
				}
				n++
				tag := in[start:end]
				if start == end {
					if !strings.HasSuffix(in[:start], "/>") {
						t.Errorf("%q (%+v): empty <%s> at %d, not after \"/>\"", in, *rd, name, start)
					}
				} else if !strings.HasPrefix(tag, "</"+name) || !strings.HasSuffix(tag, ">") {
					t.Errorf("%q (%+v): end tag of %s at %d-%d is %q", in, *rd, name, start, end, tag)
				}
			}
			if n == 0 {
				t.Errorf("%q: no end tag reported", in)
			}
		}
	}
}
