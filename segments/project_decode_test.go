package segments

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Damaged files name the line of the damage, for every layout.
func TestDecodeProjectErrorLines(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("testdata", "project", "schema3.trad.json"))
	if err != nil {
		t.Fatal(err)
	}
	good := string(golden)
	first := strings.Split(good, "\n")[21] // the record of segment 0
	for _, tt := range []struct{ name, data, msg string }{
		{"bad segment", strings.Replace(good, `"status":"new","note"`, `"status":"new",,"note"`, 1), "line 23: segments item 1"},
		{"wrong type", strings.Replace(good, `{"index":2,"block":1`, `{"index":"2","block":1`, 1), "line 24: segments item 2"},
		{"bad key", strings.Replace(good, `  "cursor": 0,`, `  cursor: 0,`, 1), "line 13: invalid character 'c'"},
		{"bad header value", strings.Replace(good, `"cursor": 0`, `"cursor": "first"`, 1), "cursor"},
		{"not a list", strings.Replace(good, `"blocks": [`, `"blocks": {"a": [`, 1), `"blocks" is not a list`},
		{"trailing data", good + "{}", "data after the end"},
		{"spans short", strings.Replace(good, `"spans":[0,30,1,17]`, `"spans":[0,30]`, 1), "block 1: 1 spans for segments 1..3"},
		{"span out of text", strings.Replace(good, `"spans":[0,30,1,17]`, `"spans":[0,30,1,170]`, 1), "block 1: segment 2 at bytes 31..201 of a 48-byte text"},
		{"record elsewhere", strings.Replace(good, `"index":2,"block":1,"start":31`, `"index":2,"block":1,"start":30`, 1), "segment 2: block 1 bytes 30..48, where its block's spans put block 1 bytes 31..48"},
		{"records out of order", strings.Replace(good, first, first+"\n"+first, 1), "line 23: segments item 1: index 0 out of order"},
		{"array", "[]", "not a JSON object"},
		{"truncated in a block", good[:strings.Index(good, `"list-item"`)], "truncated"},
		{"truncated after the object", good[:len(good)-3], "truncated"},
		{"spaces only", " \n\t", "empty"},
		{"no schema", `{"segments": []}`, "schema"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseProject("p.trad.json", strings.NewReader(tt.data), int64(len(tt.data)))
			var ce *CorruptProjectError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want a *CorruptProjectError saying %q", err, tt.msg)
			}
		})
	}
}

// A forged segment count in the blocks cannot make the decoder allocate
// more than the file can hold.
func TestDecodeProjectForgedCount(t *testing.T) {
	data := `{"schema": 3, "source_lang": "fr", "target_lang": "en", "format": "text",
"blocks": [{"kind":"paragraph","text":"A.","first":0,"count":1000000000000}],
"segments": [{"index":0,"block":0,"start":0,"end":2,"status":"new"}]}`
	pf, err := decodeProject(strings.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if cap(pf.Segments) > 100 || len(pf.Segments) != 1 || pf.Segments[0].Source != "A." {
		t.Errorf("segments %+v (cap %d)", pf.Segments, cap(pf.Segments))
	}
}

// FuzzDecodeProject: any input gives a document or an error, never a
// panic; a document it gives is saved and read back to the same file (the
// layout is a fixed point), whatever schema it came in.
func FuzzDecodeProject(f *testing.F) {
	for _, name := range []string{"schema1.trad.json", "schema3.trad.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "project", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	doc, pp := taggedWork(f, f.TempDir())
	f.Add(schema2File(f, pp, doc))
	f.Add([]byte(`{"schema":3,"source_lang":"fr","target_lang":"en","format":"text","blocks":null,"segments":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		first, ok := reencode(t, data)
		if !ok {
			return
		}
		second, ok := reencode(t, first)
		if !ok {
			t.Fatalf("a file written from a loaded project does not load:\n%s", first)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("written twice, the file changed:\n%s\n----\n%s", first, second)
		}
	})
}

// reencode parses data and writes the document it holds as Save would.
func reencode(t *testing.T, data []byte) ([]byte, bool) {
	doc, pf, err := parseProject("p.trad.json", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false
	}
	out := *pf
	out.Schema = ProjectSchema
	out.Blocks, out.Segments, out.Orphans, out.Cursor = doc.Blocks, doc.Segments, doc.Orphans, doc.Cursor
	var buf bytes.Buffer
	if err := encodeProject(&buf, &out, nil); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return buf.Bytes(), true
}

// spanList decodes what encoding/json decodes into []int, and fails where
// it fails.
func TestSpanListMatchesEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`[0,85,1,85]`, ` [ 0 , -3 ,12 ] `, `[]`, `null`, `[7]`, `[1.5]`, `[1e3]`, `[01]`, `[-]`, `[1,]`, `[,1]`,
		`[1 2]`, `[1`, `[999999999999999]`, `[9999999999999999999]`, `["1"]`, `{}`, `[1]x`, `[-0]`,
	} {
		checkSpanList(t, []byte(in))
	}
}

func checkSpanList(t *testing.T, data []byte) {
	var want []int
	werr := json.Unmarshal(data, &want)
	var got spanList
	gerr := got.UnmarshalJSON(data)
	if (werr == nil) != (gerr == nil) || werr == nil && !slices.Equal([]int(got), want) {
		t.Errorf("%q: spanList %v (%v), encoding/json %v (%v)", data, got, gerr, want, werr)
	}
}

func FuzzSpanList(f *testing.F) {
	for _, s := range []string{`[0,85,1,85]`, ` [ 0 , -3 ,12 ] `, `[]`, `[1e3]`, `[01]`, `[9999999999999999999]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkSpanList)
}
