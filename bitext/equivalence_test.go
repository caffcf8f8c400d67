package bitext

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/trad-project/trad/internal/xmlscan"
)

// tmxScanSeeds are documents that exercise every construct the scanner
// handles itself and the ones it hands to encoding/xml.
var tmxScanSeeds = []string{
	`<tmx><body><tu><tuv lang="fr"><seg>a<bpt>b<sub>c</sub></bpt><hi>d</hi></seg></tuv></tu></body></tmx>`,
	"\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\r\n<tmx version='1.4'>\r\n<body>\r\n<tu tuid='7'\r\n creationdate=\"20240229T235959Z\" changedate='20230229T000000Z'><prop type=\"x-status\">ok</prop><note>a\r\nb\rc</note><tuv xml:lang=\"fr\"><seg>l&apos;été &amp; &lt;b&gt; &quot;q&quot; &#233;&#xE9;&#x1F600; &#xd800;</seg></tuv><tuv lang=\"en\" xml:lang=\"en-GB\"><seg><![CDATA[<raw> & ]] ]>\r\n]]>x</seg></tuv></tu>\r\n</body></tmx>\r\n",
	`<?xml version="1.0"?><!DOCTYPE tmx [ <!ENTITY e "x"> <!-- c > --> <!ATTLIST tu a CDATA "<>"> ]><tmx><!-- a - b --><?pi data?><body><tu tuid="1"><tuv xml:lang="fr" ><seg>x</seg ></tuv ><tuv xml:lang='en'/></tu ></body></tmx>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><tmx><body><tu><tuv xml:lang="fr"><seg>` + "caf\xe9" + `</seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu><tuv xml:lang="fr"><seg>&nbsp;</seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu>`,
	"<tmx>\n<body>\n<tu><tuv xml:lang=\"fr\"><seg>x</tuv></tu></body></tmx>",
	`<t:tmx xmlns:t="u"><t:body><a:tu><t:tuv xml:lang="fr"><seg>x</seg></t:tuv></b:tu></t:body></t:tmx>`,
	`<tmx><body><tu a="1"b="2"><tuv xml:lang="fr"><seg>]]></seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu><tuv xml:lang="fr"><seg>&#0; &#x110000; &#X41; &#65</seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu><tuv xml:lang="fr"><seg>` + "\x01\xff\xef\xbf\xbe" + `</seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu><prop>untyped</prop><prop type="p">1</prop><prop type="p">2</prop><tuv xml:lang="fr"><seg>x</seg><seg>y</seg></tuv><tuv xml:lang="fr"><seg>z</seg></tuv></tu></body></tmx>`,
	`<tmx><body><tu><tuv xml:lang="fr"><seg>x</seg></tuv></tu></body></tmx>trailing &amp; text`,
	`<tmx><body><tu><tuv xml:lang="fr"><seg>naïve <ph x="&lt;">{0}</ph> Ünïcödé</seg></tuv></tu></body></tmx>`,
	`<tmx><élément/></tmx>`,
	`<?xml version="1.1"?><tmx/>`,
	`<tmx><!--- bad --></tmx>`,
	`<tmx><![CDAT[x]]></tmx>`,
}

type readResult struct {
	tus []TU
	err error
}

func readAll(read func(io.Reader, func(TU) error) error, r io.Reader) readResult {
	var res readResult
	res.err = read(r, func(tu TU) error { res.tus = append(res.tus, tu); return nil })
	return res
}

func scanWith(size int) func(io.Reader, func(TU) error) error {
	return func(r io.Reader, fn func(TU) error) error {
		return readTMXWith(&xmlscan.Reader{BufSize: size}, r, fn)
	}
}

// checkEquivalent reads in with encoding/xml alone and with the scanner
// (whole, a byte at a time, with a tiny buffer) and fails unless all give
// the same units and the same error.
func checkEquivalent(t *testing.T, in string) {
	t.Helper()
	want := readAll(readTMXStd, strings.NewReader(in))
	for _, v := range []struct {
		name string
		res  readResult
	}{
		{"ReadTMX", readAll(ReadTMX, strings.NewReader(in))},
		{"one byte at a time", readAll(ReadTMX, iotest.OneByteReader(strings.NewReader(in)))},
		{"8-byte buffer", readAll(scanWith(8), iotest.HalfReader(strings.NewReader(in)))},
	} {
		if fmt.Sprint(v.res.err) != fmt.Sprint(want.err) {
			t.Fatalf("%s: error %v, encoding/xml says %v\ninput %q", v.name, v.res.err, want.err, in)
		}
		if !reflect.DeepEqual(v.res.tus, want.tus) {
			t.Fatalf("%s: units\n%#v\nencoding/xml gives\n%#v\ninput %q", v.name, v.res.tus, want.tus, in)
		}
	}
}

func TestReadTMXScannerEquivalent(t *testing.T) {
	for i, in := range tmxScanSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkEquivalent(t, in) })
	}
	for _, p := range []string{"testdata/fr-en.tmx", "testdata/omegat36-level2.tmx", "testdata/golden/fixture.tmx", "testdata/golden/fixture-all-paragraph.tmx"} {
		t.Run(p, func(t *testing.T) { checkEquivalent(t, mustRead(t, p)) })
	}
}

// TestReadTMXScannerNoFallback checks that well-formed TMX in the usual
// shapes is read by the scanner alone (the equivalence tests would pass
// just as well if it always handed over).
func TestReadTMXScannerNoFallback(t *testing.T) {
	ins := []string{tmxScanSeeds[0], tmxScanSeeds[1], tmxScanSeeds[2]}
	for _, p := range []string{"testdata/fr-en.tmx", "testdata/omegat36-level2.tmx", "testdata/golden/fixture.tmx", "testdata/golden/fixture-all-paragraph.tmx"} {
		ins = append(ins, mustRead(t, p))
	}
	for i, in := range ins {
		for _, size := range []int{8, xmlscan.DefaultBufSize} {
			rd := &xmlscan.Reader{BufSize: size}
			if err := readTMXWith(rd, strings.NewReader(in), func(TU) error { return nil }); err != nil || rd.FellBack {
				t.Errorf("input %d, buffer %d: err %v, handed over to encoding/xml: %v", i, size, err, rd.FellBack)
			}
		}
	}
	rd := &xmlscan.Reader{}
	if err := readTMXWith(rd, strings.NewReader(tmxScanSeeds[3]), func(TU) error { return nil }); err != nil || !rd.FellBack {
		t.Errorf("ISO-8859-1 declaration: err %v, handed over %v (want true)", err, rd.FellBack)
	}
}

// TestReadTMXLongText reads texts longer than the scanner's buffer, which
// reach the handler in pieces, cut anywhere but inside "]]>" or "\r\n".
func TestReadTMXLongText(t *testing.T) {
	for _, unit := range []string{"abc ", "]]", "é&amp;", "\r\n", "] ]", "&#x1F600;"} {
		seg := strings.Repeat(unit, 3*xmlscan.DefaultBufSize/len(unit))
		in := `<tmx><body><tu><tuv xml:lang="fr"><seg>` + seg + `</seg></tuv></tu></body></tmx>`
		checkEquivalent(t, in)
		n := 0
		if err := ReadTMX(strings.NewReader(in), func(tu TU) error { n = len(tu.Variants["fr"]); return nil }); err != nil || n == 0 {
			t.Errorf("%q: %d bytes, err %v", unit, n, err)
		}
	}
	bad := `<tmx><body><tu><tuv xml:lang="fr"><seg>` + strings.Repeat("x", xmlscan.DefaultBufSize-40) + "]]>" + strings.Repeat("y", xmlscan.DefaultBufSize) + `</seg></tuv></tu></body></tmx>`
	checkEquivalent(t, bad)
}

func FuzzReadTMXEquivalent(f *testing.F) {
	for _, in := range tmxScanSeeds {
		f.Add(in)
	}
	for _, p := range []string{"testdata/fr-en.tmx", "testdata/omegat36-level2.tmx", "testdata/golden/fixture.tmx"} {
		f.Add(mustRead(f, p))
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkEquivalent(t, in)
	})
}

func TestParseTMXDateBytes(t *testing.T) {
	for _, s := range []string{"20240229T235959Z", "20230229T000000Z", "20241231T240000Z", "20241301T000000Z", "00000101T000000Z",
		"2024010T1000000Z", "20240101T000060Z", "20240101t000000Z", "20240101T000000", "+0240101T000000Z", "20240431T120000Z", ""} {
		if got, want := parseTMXDateBytes([]byte(s)), parseTMXDate(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

type xliffResult struct {
	segs []XLIFFSegment
	err  error
}

func readXLIFFAll(rd *xmlscan.Reader, r io.Reader) xliffResult {
	var res xliffResult
	res.err = readXLIFFWith(rd, r, func(s XLIFFSegment) error { res.segs = append(res.segs, s); return nil })
	return res
}

// checkXLIFFEquivalent is checkEquivalent for ReadXLIFF.
func checkXLIFFEquivalent(t *testing.T, in string) {
	t.Helper()
	want := readXLIFFAll(&xmlscan.Reader{Std: true}, strings.NewReader(in))
	for _, v := range []struct {
		name string
		res  xliffResult
	}{
		{"ReadXLIFF", readXLIFFAll(&xmlscan.Reader{}, strings.NewReader(in))},
		{"one byte at a time", readXLIFFAll(&xmlscan.Reader{}, iotest.OneByteReader(strings.NewReader(in)))},
		{"8-byte buffer", readXLIFFAll(&xmlscan.Reader{BufSize: 8}, iotest.HalfReader(strings.NewReader(in)))},
	} {
		if fmt.Sprint(v.res.err) != fmt.Sprint(want.err) {
			t.Fatalf("%s: error %v, encoding/xml says %v\ninput %q", v.name, v.res.err, want.err, in)
		}
		if !reflect.DeepEqual(v.res.segs, want.segs) {
			t.Fatalf("%s: segments\n%#v\nencoding/xml gives\n%#v\ninput %q", v.name, v.res.segs, want.segs, in)
		}
	}
}

var xliffFiles = []string{"testdata/golden/fixture.xlf", "testdata/golden/fixture-12.xlf"}

func TestReadXLIFFScannerEquivalent(t *testing.T) {
	ins := []string{hostileXLIFF,
		`<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2"><x:file><x:body><x:trans-unit id="1"><x:source>a</x:source><x:note>n</x:note></x:trans-unit></x:body></x:file></x:xliff>`,
		`<xliff version="2.1" xmlns:t="urn:trad-project:trad"><file><unit id="u"><notes><note t:segment="s2">two</note><note>first</note></notes><segment id="s1"><source>a</source></segment><segment id="s2"><source>b</source></segment></unit></file></xliff>`,
	}
	for _, p := range xliffFiles {
		ins = append(ins, mustRead(t, p))
	}
	for i, in := range ins {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkXLIFFEquivalent(t, in) })
	}
}

func FuzzReadXLIFFEquivalent(f *testing.F) {
	for _, p := range xliffFiles {
		f.Add(mustRead(f, p))
	}
	f.Add(hostileXLIFF)
	f.Fuzz(func(t *testing.T, in string) { checkXLIFFEquivalent(t, in) })
}

// The version comes from the root's namespace when it has no version
// attribute, and trad:segment is found through whatever prefix binds
// trad's namespace.
func TestReadXLIFFNamespaces(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string // version/id/note of each segment
	}{
		{`<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2"><x:file><x:body><x:trans-unit id="1"><x:source>a</x:source><x:note>n</x:note></x:trans-unit></x:body></x:file></x:xliff>`,
			[]string{"1.2/1/n"}},
		{`<xliff version="2.1" xmlns:t="urn:trad-project:trad"><file><unit id="u"><notes><note t:segment="s2">two</note><note>first</note></notes><segment id="s1"><source>a</source></segment><segment id="s2"><source>b</source></segment></unit></file></xliff>`,
			[]string{"2.1/s1/first", "2.1/s2/two"}},
		{`<xliff version="2.1" xmlns:t="urn:other"><file><unit id="u"><notes><note t:segment="s2">two</note></notes><segment id="s1"><source>a</source></segment><segment id="s2"><source>b</source></segment></unit></file></xliff>`,
			[]string{"2.1/s1/two", "2.1/s2/"}},
	} {
		var got []string
		err := ReadXLIFF(strings.NewReader(tt.in), func(s XLIFFSegment) error {
			got = append(got, s.Version+"/"+s.ID+"/"+s.Note)
			return nil
		})
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q, %v\nwant %q", tt.in, got, err, tt.want)
		}
	}
}
