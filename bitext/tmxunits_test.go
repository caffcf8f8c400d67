package bitext

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/xmlscan"
	"github.com/trad-project/trad/segments"
)

func readAllTMX(t testing.TB, data []byte) []TU {
	t.Helper()
	var out []TU
	if err := ReadTMX(bytes.NewReader(data), func(tu TU) error {
		out = append(out, tu)
		return nil
	}); err != nil {
		t.Fatalf("reading back: %v\n%s", err, data)
	}
	return out
}

func TestTMXWriterRoundTrip(t *testing.T) {
	when := time.Date(2026, 3, 1, 10, 20, 30, 0, time.UTC)
	tests := []struct {
		name string
		tu   TU
		want TU // zero: same as tu
	}{
		{name: "plain", tu: TU{ID: "7", Variants: map[string]string{"fr": "Le marché.", "en": "The market."}, Created: when, Changed: when.Add(time.Hour)}},
		{name: "context props and note", tu: TU{
			Variants: map[string]string{"fr": "B.", "en-GB": "B."},
			Props:    map[string]string{"prev": "A & <b>", "next": "", "x-status": "translated"},
			Note:     "a \"note\"\nover two lines", Created: when, Changed: when,
		}},
		{name: "markup-like text and CR", tu: TU{Variants: map[string]string{"fr": "a < b > c & d\r\ne", "en": "]]> 'x'"}, Created: when, Changed: when}},
		{name: "forbidden characters dropped", tu: TU{Variants: map[string]string{"fr": "a\x01b\uFFFEc", "en": "ok"}, Created: when, Changed: when},
			want: TU{Variants: map[string]string{"fr": "abc", "en": "ok"}, Created: when, Changed: when}},
		{name: "no dates get Now", tu: TU{Variants: map[string]string{"fr": "x", "en": "y"}},
			want: TU{Variants: map[string]string{"fr": "x", "en": "y"}, Created: when, Changed: when}},
		{name: "three variants", tu: TU{Variants: map[string]string{"fr": "un", "en": "one", "de": "eins"}, Created: when, Changed: when}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			var warns []string
			w := NewTMXWriter(&buf, "fr", Options{Now: when, Warn: func(s string) { warns = append(warns, s) }})
			if err := w.Write(tt.tu); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got := readAllTMX(t, buf.Bytes())
			want := tt.want
			if want.Variants == nil {
				want = tt.tu
			}
			if len(got) != 1 {
				t.Fatalf("%d units read back", len(got))
			}
			g := got[0]
			if g.Props == nil && want.Props == nil {
				g.Props = nil
			}
			if len(g.Props) == 0 && len(want.Props) == 0 {
				g.Props, want.Props = nil, nil
			}
			// The reader cleans what it reads (segments.Normalize: line
			// ends, tabs, controls), as it does for any TMX.
			norm := map[string]string{}
			for l, v := range want.Variants {
				norm[l] = segments.Normalize(v)
			}
			want.Variants = norm
			if !reflect.DeepEqual(g, want) {
				t.Errorf("read back %+v\nwant      %+v\n%s", g, want, buf.String())
			}
			if (tt.name == "forbidden characters dropped") != (len(warns) == 1) {
				t.Errorf("warnings %q", warns)
			}
			if i, j := strings.Index(buf.String(), `xml:lang="fr"`), strings.Index(buf.String(), `xml:lang="en`); i < 0 || j < i {
				t.Errorf("source variant not first:\n%s", buf.String())
			}
		})
	}
}

// FuzzTMXWriter checks that whatever text a unit holds, the writer's
// output is well-formed and reads back to the same text, less the
// characters XML 1.0 forbids.
func FuzzTMXWriter(f *testing.F) {
	f.Add("Le marché a reculé.", "The market fell.", "prev", "note")
	f.Add("<seg>&amp;", "\r\n\t", "\"'", "]]>")
	f.Fuzz(func(t *testing.T, src, tgt, prev, note string) {
		var buf bytes.Buffer
		w := NewTMXWriter(&buf, "fr", Options{})
		tu := TU{Variants: map[string]string{"fr": src, "en": tgt}, Props: map[string]string{"prev": prev}, Note: note}
		if err := w.Write(tu); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		got := readAllTMX(t, buf.Bytes())
		if len(got) != 1 {
			t.Fatalf("%d units", len(got))
		}
		clean := func(s string) string {
			var b strings.Builder
			for _, r := range strings.ToValidUTF8(s, "") {
				if xmlscan.IsChar(r) {
					b.WriteRune(r)
				}
			}
			return b.String() // line ends: segments.Normalize below, as the reader does
		}
		for l, want := range map[string]string{"fr": src, "en": tgt} {
			if g := got[0].Variants[l]; g != segments.Normalize(clean(want)) {
				t.Errorf("%s: read back %q, wrote %q", l, g, want)
			}
		}
	})
}
