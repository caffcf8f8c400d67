package segments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

var updateProject = flag.Bool("update-project", false, "rewrite segments/testdata/project/schema3.trad.json")

// taggedWork is a small project with every kind of content the encoder
// meets: a heading, a Markdown paragraph with inline codes and markup
// characters, a list item, a code block, typed work with a multi-line note,
// a history with a conflict version, ignored QA issues, segments without
// work (no record of their own in the file) and an orphan.
func taggedWork(t testing.TB, dir string) (*Document, string) {
	src := filepath.Join(dir, "article.fr.md")
	text := "# Titre\n\nLe **Conseil** & « l’État » <br>. Deux phrases ici.\n\n- un point\n\nSans travail. Ni ici.\n\n```go\nx := 1\n```\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, err := ReadFile(src, ReadOptions{Lang: "fr", Target: "en", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	doc.Confirm(0, "Title", OriginTyped, now)
	doc.Segments[1].Note = "line\nbreak \"quoted\""
	doc.Update(2, "Two sentences here.", StatusDraft, OriginTM, now)
	doc.Update(2, "Two sentences.", StatusTranslated, OriginTyped, now.Add(time.Minute))
	doc.Segments[2].History = append(doc.Segments[2].History, Version{Target: "Theirs.", Status: StatusTranslated, Conflict: true, By: "trad import", Changed: now})
	doc.Segments[3].IgnoreQA("numbers", "1", "ana", now)
	doc.Orphans = []Segment{{Source: "Vieux.", Target: "Old.", Status: StatusDraft}}
	return doc, ProjectPath(src)
}

// The schema 3 layout, byte for byte: the header indented, then one block,
// segment (without its source) and orphan per line.
func TestEncodeProjectGolden(t *testing.T) {
	doc, pp := taggedWork(t, t.TempDir())
	pf, err := toProject(pp, doc)
	if err != nil {
		t.Fatal(err)
	}
	pf.Revision, pf.Generator = 7, "trad edit"
	pf.Saved = time.Date(2026, 1, 2, 3, 5, 0, 0, time.UTC)
	var got bytes.Buffer
	if err := encodeProject(&got, pf, nil); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "project", "schema3.trad.json")
	if *updateProject {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("encodeProject wrote\n%s\nwant (%s; -update-project rewrites it)\n%s", got.Bytes(), golden, want)
	}
	if !json.Valid(got.Bytes()) {
		t.Error("not valid JSON")
	}
	if strings.Contains(got.String(), `"source":"Deux phrases ici."`) {
		t.Error("a segment's source is stored beside its block's text")
	}
}

// Every schema loads to the same document: the files written before this
// version (schema 2: json.MarshalIndent of the same projectFile, sources
// stored twice; schema 1 in testdata) and this version's.
func TestLoadEverySchema(t *testing.T) {
	dir := t.TempDir()
	doc, pp := taggedWork(t, dir)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	want, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pp, schema2File(t, pp, doc), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatalf("schema 2: %v", err)
	}
	if !reflect.DeepEqual(got.Segments, want.Segments) || !reflect.DeepEqual(got.Blocks, want.Blocks) || !reflect.DeepEqual(got.Orphans, want.Orphans) {
		t.Errorf("schema 2 loads as\n%+v\nschema 3 as\n%+v", got.Segments, want.Segments)
	}
	for _, s := range got.Segments {
		if unsafe.StringData(s.Source) != unsafe.StringData(got.Blocks[s.Block].Text[s.Start:]) {
			t.Errorf("schema 2: segment %d's source is the file's copy, not its block's text", s.Index)
		}
	}
	v1 := filepath.Join(dir, "v1.trad.json")
	data, err := os.ReadFile(filepath.Join("testdata", "project", "schema1.trad.json"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, v1, string(data))
	d1, _, err := Load(v1)
	if err != nil || len(d1.Segments) != 3 || d1.Segments[2].Source != "Il repart." || d1.Segments[1].Note != "check the name" {
		t.Fatalf("schema 1: %v %+v", err, d1)
	}
	// Saved again, it is schema 3 and loads the same.
	if err := Save(v1, d1); err != nil {
		t.Fatal(err)
	}
	again, _, err := Load(v1)
	if err != nil || !reflect.DeepEqual(again.Segments, d1.Segments) {
		t.Errorf("schema 1 saved as 3: %v\n%+v\n%+v", err, again.Segments, d1.Segments)
	}
}

// schema2File is doc's project file as trad wrote it before schema 3:
// json.MarshalIndent of the projectFile, every segment with its source.
func schema2File(t testing.TB, pp string, doc *Document) []byte {
	pf, err := toProject(pp, doc)
	if err != nil {
		t.Fatal(err)
	}
	pf.Schema = 2
	data, err := json.MarshalIndent(pf, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Segment and Block fields that Check or the tag rules constrain, set by
// taggedWork; every other field is filled by fill.
var constrainedFields = map[string]bool{
	"Segment.Index": true, "Segment.Block": true, "Segment.Start": true, "Segment.End": true,
	"Segment.Source": true, "Segment.SourceTags": true, "Segment.TargetTags": true, "Segment.Wrap": true,
	"Block.Kind": true, "Block.Text": true, "Block.First": true, "Block.Count": true, "Block.Codes": true,
}

// Any field of Segment, Version or Block with a JSON name is saved and
// loaded: the encoder and the decoder go through encoding/json for them, so
// a field added to the model is persisted without a change to the project
// code. The test fills every field with a non-zero value (failing on a
// type it cannot fill) and compares after a save and a load.
func TestProjectRoundTripsEveryField(t *testing.T) {
	doc, pp := taggedWork(t, t.TempDir())
	n := 0
	for _, v := range []reflect.Value{reflect.ValueOf(&doc.Segments[1]).Elem(), reflect.ValueOf(&doc.Blocks[1]).Elem(), reflect.ValueOf(&doc.Orphans[0]).Elem()} {
		typ := v.Type()
		for i := range typ.NumField() {
			f := typ.Field(i)
			if tag := f.Tag.Get("json"); tag == "-" || constrainedFields[typ.Name()+"."+f.Name] {
				continue
			}
			fill(t, v.Field(i), &n)
			if v.Field(i).IsZero() {
				t.Fatalf("%s.%s: cannot fill a %s", typ.Name(), f.Name, f.Type)
			}
		}
	}
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Segments[1], doc.Segments[1]) {
		t.Errorf("segment\n%+v\nloads as\n%+v", doc.Segments[1], got.Segments[1])
	}
	if !reflect.DeepEqual(got.Blocks[1], doc.Blocks[1]) {
		t.Errorf("block\n%+v\nloads as\n%+v", doc.Blocks[1], got.Blocks[1])
	}
	if !reflect.DeepEqual(got.Orphans, doc.Orphans) {
		t.Errorf("orphans\n%+v\nload as\n%+v", doc.Orphans, got.Orphans)
	}
}

// fill sets v to a non-zero value that survives JSON and Check: the n-th
// distinct string or number, a valid status, one filled element per slice.
func fill(t *testing.T, v reflect.Value, n *int) {
	*n++
	switch v.Interface().(type) {
	case Status:
		v.Set(reflect.ValueOf(StatusReviewed))
		return
	case time.Time:
		v.Set(reflect.ValueOf(time.Date(2026, 2, 1, 0, 0, *n, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + strings.Repeat("x", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n))
	case reflect.Uint, reflect.Uint64, reflect.Uint32:
		v.SetUint(uint64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(t, v.Index(0), n)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && v.Type().Field(i).Tag.Get("json") != "-" {
				fill(t, v.Field(i), n)
			}
		}
	default:
		t.Fatalf("fill: %s not handled", v.Type())
	}
}

// A loaded project's sources are substrings of their blocks' texts.
func TestLoadSharesSourcesWithBlocks(t *testing.T) {
	doc, pp := newProject(t, t.TempDir(), "Le Conseil a tranché. Deux phrases ici.\n\nUn autre paragraphe.\n")
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Segments {
		b := got.Blocks[s.Block]
		if unsafe.StringData(s.Source) != unsafe.StringData(b.Text[s.Start:]) {
			t.Errorf("segment %d (%q) is a copy of its block's text", s.Index, s.Source)
		}
	}
}

// A block text over largeText is escaped piece by piece: the record is
// byte for byte what encoding/json writes for the whole, whatever falls on
// a piece's edge (multi-byte runes, escapes, invalid UTF-8, U+2028).
func TestEncodeLargeBlockMatchesEncoder(t *testing.T) {
	defer func(n int) { largeText = n }(largeText)
	largeText = 10
	var text strings.Builder
	for i := 0; text.Len() < 300<<10; i++ {
		text.WriteString([]string{"é", "<b>&", "\"\\", "\u2028", "\x01\n", "\xe2\x80", "€", "日本", "a"}[i%9])
	}
	for _, s := range []string{text.String(), "short enough? no: eleven", text.String()[1:]} {
		b := Block{Kind: KindParagraph, Level: 2, Marker: `"text":""`, Text: s, First: 0, Count: 1}
		rec := &blockRecord{Block: &b, Spans: []int{0, 3}}
		var want bytes.Buffer
		if err := newCompactEncoder(&want).Encode(rec); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		bw := bufio.NewWriter(&got)
		if err := newItemEncoder(bw).encode(rec); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		if got.String()+"\n" != want.String() {
			t.Errorf("text of %d bytes: pieces differ from the whole (first difference at %d)", len(s), firstDiff(got.String(), want.String()))
		}
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
