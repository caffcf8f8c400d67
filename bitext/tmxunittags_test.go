package bitext

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// A unit's level-2 codes written by TMXWriter read back the same, and
// convert to the same tags on shared codes.
func TestTMXWriterTagsRoundTrip(t *testing.T) {
	codes := []segments.Code{
		{ID: 1, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"},
		{ID: 2, Type: segments.CodeLink, Pair: true, Open: "[", Close: `](https://e.org/?a=1&b="2")`},
		{ID: 3, Type: segments.CodeCode, Open: "`a<b`"},
		{ID: 4, Type: segments.CodeItalic, Pair: true, Open: "_", Close: "_"},
	}
	src := "Le chat noir dort ici."
	tgt := "The black cat sleeps here."
	srcTags := []segments.Tag{
		{At: 3, ID: 1, Kind: segments.TagOpen}, {At: 12, ID: 1, Kind: segments.TagClose},
		{At: 13, ID: 2, Kind: segments.TagOpen}, {At: 17, ID: 2, Kind: segments.TagClose},
		{At: 18, ID: 3, Kind: segments.TagPlaceholder}, {At: 22, ID: 4, Kind: segments.TagClose},
	}
	tgtTags := []segments.Tag{
		{At: 4, ID: 1, Kind: segments.TagOpen}, {At: 13, ID: 1, Kind: segments.TagClose},
		{At: 14, ID: 2, Kind: segments.TagOpen}, {At: 20, ID: 2, Kind: segments.TagClose},
		{At: 21, ID: 3, Kind: segments.TagPlaceholder}, {At: 26, ID: 4, Kind: segments.TagClose},
	}
	when := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tu := TU{
		Variants: map[string]string{"fr": src, "en": tgt},
		Tags:     map[string][]TMXTag{"fr": TMXTags(srcTags, codes), "en": TMXTags(tgtTags, codes)},
		Created:  when, Changed: when,
	}
	var buf bytes.Buffer
	w := NewTMXWriter(&buf, "fr", Options{Now: when})
	if err := w.Write(tu); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<bpt i="1" x="1" type="bold">**</bpt>`, `<ept i="1">**</ept>`, `<ph x="3" type="x-code">` + "`a&lt;b`</ph>", `<it pos="end" x="4" type="italic">_</it>`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, buf.String())
		}
	}
	got := readAllTMX(t, buf.Bytes())
	if len(got) != 1 || !reflect.DeepEqual(got[0].Tags, tu.Tags) {
		t.Fatalf("tags read back:\n%+v\nwant\n%+v", got[0].Tags, tu.Tags)
	}
	gs, gt, gc := UnitTags(got[0].Tags["fr"], got[0].Tags["en"])
	if !reflect.DeepEqual(gs, srcTags) || !reflect.DeepEqual(gt, tgtTags) {
		t.Errorf("UnitTags:\nsrc %+v\ntgt %+v", gs, gt)
	}
	wantCodes := append([]segments.Code(nil), codes...)
	wantCodes[3].Open = "" // only its closing end is in the unit
	if !reflect.DeepEqual(gc, wantCodes) {
		t.Errorf("codes %+v\nwant %+v", gc, wantCodes)
	}
}

// UnitTags pairs target codes with source codes by x, else by type, kind
// and rank; a target code with no counterpart gets its own code.
func TestUnitTags(t *testing.T) {
	open := func(at int, i, x, typ string) TMXTag {
		return TMXTag{At: at, Kind: segments.TagOpen, I: i, X: x, Type: typ, Markup: "<" + typ + ">"}
	}
	closing := func(at int, i string) TMXTag {
		return TMXTag{At: at, Kind: segments.TagClose, I: i, Markup: "</>"}
	}
	ph := func(at int, x, typ string) TMXTag {
		return TMXTag{At: at, Kind: segments.TagPlaceholder, X: x, Type: typ, Markup: "<" + typ + "/>"}
	}
	tag := func(at, id int, k segments.TagKind) segments.Tag { return segments.Tag{At: at, ID: id, Kind: k} }
	o, c, p := segments.TagOpen, segments.TagClose, segments.TagPlaceholder
	tests := []struct {
		name         string
		src, tgt     []TMXTag
		wantS, wantT []segments.Tag
		nCodes       int
	}{
		{"pairs swapped by x (LISA tu 1)",
			[]TMXTag{open(1, "1", "1", "bold"), closing(2, "1"), open(3, "2", "2", "ulined"), closing(4, "2")},
			[]TMXTag{open(1, "2", "2", "ulined"), closing(2, "2"), open(3, "1", "1", "bold"), closing(4, "1")},
			[]segments.Tag{tag(1, 1, o), tag(2, 1, c), tag(3, 2, o), tag(4, 2, c)},
			[]segments.Tag{tag(1, 2, o), tag(2, 2, c), tag(3, 1, o), tag(4, 1, c)}, 2},
		{"no x: type and rank",
			[]TMXTag{ph(0, "", "image"), ph(5, "", "image")},
			[]TMXTag{ph(1, "", "image"), ph(2, "", "image")},
			[]segments.Tag{tag(0, 1, p), tag(5, 2, p)},
			[]segments.Tag{tag(1, 1, p), tag(2, 2, p)}, 2},
		{"extra target code",
			[]TMXTag{ph(0, "1", "lb")},
			[]TMXTag{ph(0, "1", "lb"), ph(3, "9", "image")},
			[]segments.Tag{tag(0, 1, p)},
			[]segments.Tag{tag(0, 1, p), tag(3, 2, p)}, 2},
		{"a placeholder does not stand for a pair",
			[]TMXTag{open(0, "1", "1", "bold"), closing(2, "1")},
			[]TMXTag{ph(0, "1", "bold")},
			[]segments.Tag{tag(0, 1, o), tag(2, 1, c)},
			[]segments.Tag{tag(0, 2, p)}, 2},
		{"no codes", nil, nil, nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, g, codes := UnitTags(tt.src, tt.tgt)
			if !reflect.DeepEqual(s, tt.wantS) || !reflect.DeepEqual(g, tt.wantT) || len(codes) != tt.nCodes {
				t.Errorf("got src %v tgt %v codes %+v", s, g, codes)
			}
		})
	}
}

func TestTMXCodeTypes(t *testing.T) {
	for _, typ := range []segments.CodeType{segments.CodeBold, segments.CodeItalic, segments.CodeLink,
		segments.CodeCode, segments.CodeBreak, segments.CodeImage, segments.CodeOther} {
		if got := codeType(tmxType(typ)); got != typ {
			t.Errorf("%s: written %q, read back %s", typ, tmxType(typ), got)
		}
	}
	for _, v := range []string{"ulined", "x-foo", "x-bold", "x-other", "", "code"} {
		if got := codeType(v); got != segments.CodeOther {
			t.Errorf("%q read as %s, want other", v, got)
		}
	}
}
