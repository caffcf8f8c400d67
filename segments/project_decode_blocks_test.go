package segments

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// blockRecordCases are block records in and around the shape trad writes:
// each must decode as encoding/json decodes it.
var blockRecordCases = []string{
	`{"kind":"paragraph","text":"Le chat dort.","first":0,"count":1,"spans":[0,13]}`,
	`{"kind":"heading","level":2,"text":"Titre","first":3,"count":1,"spans":[0,5]}`,
	`{"kind":"list-item","level":1,"marker":"-","text":"un point","first":3,"count":1,"plain":true,"spans":[0,8]}`,
	`{"kind":"code","info":"go","text":"` + "```go\\nx := 1\\n```" + `","first":6,"count":0}`,
	` { "kind" : "paragraph" , "text" : "a" , "first" : 0 , "count" : 1 } `,
	`{"kind":"paragraph","text":"\"Citation\" et \\ et \/ \b\f\n\r\t fin","first":0,"count":0}`,
	`{"kind":"paragraph","text":"U\u001b]0;x\u0007n. \u00e9t\u00C9 \u2028","first":0,"count":0}`,
	`{"kind":"paragraph","text":"\ud83d\ude00 \ud83d x","first":0,"count":0}`,
	`{"kind":"paragraph","text":"\u12","first":0,"count":0}`,
	`{"kind":"paragraph","text":"\x","first":0,"count":0}`,
	"{\"kind\":\"paragraph\",\"text\":\"tab\there\",\"first\":0,\"count\":0}",
	"{\"kind\":\"paragraph\",\"text\":\"bad \xff utf-8\",\"first\":0,\"count\":0}",
	`{"kind":"paragraph","text":"é à « l’État »","first":0,"count":1,"codes":[{"id":1,"type":"bold","pair":true,"open":"**","close":"**"}],"spans":[0,4]}`,
	`{"kind":"paragraph","text":"a","first":0,"count":1,"overrides":[{"op":"split","at":1}]}`,
	`{"Kind":"paragraph","TEXT":"a","first":0,"count":1}`,
	`{"kind":"paragraph","text":"a","other":{"x":[1,2]},"first":0,"count":1}`,
	`{"kind":"paragraph","text":"a","text":"b","spans":[1,2],"spans":[]}`,
	`{"kind":null,"text":null,"first":null,"spans":null}`,
	`{"level":1.0}`, `{"level":1e2}`, `{"level":-0}`, `{"level":01}`, `{"level":-}`, `{"level":9999999999999999999}`,
	`{"first":-3,"count":123456789012345}`, `{"plain":false}`, `{"plain":tru}`, `{"plain":"true"}`,
	`{"spans":[0,85,1,85]}`, `{"spans":[ 0 , -3 ,12 ]}`, `{"spans":[1.5]}`, `{"spans":[1,]}`, `{"spans":["1"]}`, `{"spans":{}}`,
	`{}`, `{ }`, `null`, `7`, `"text"`, `[]`, `{"kind":"p",}`, `{"kind":"p"`, `{"kind":"p"}}`, `{"kind" "p"}`, `{kind:"p"}`,
	`{"te\u0078t":"escaped key"}`, `{"text":"a"}x`,
}

func TestParseBlockMatchesEncodingJSON(t *testing.T) {
	for _, in := range blockRecordCases {
		checkBlockItem(t, []byte(in))
	}
}

func FuzzBlockItem(f *testing.F) {
	for _, in := range blockRecordCases {
		f.Add([]byte(in))
	}
	f.Fuzz(checkBlockItem)
}

// checkBlockItem decodes data as an item of the blocks list and through
// encoding/json, and compares: same error or not, same block and spans.
func checkBlockItem(t *testing.T, data []byte) {
	var want Block
	rec := blockRecord{Block: &want}
	werr := json.Unmarshal(data, &rec)
	d := &projectDecoder{}
	var got Block
	gerr := d.blockItem(data, &got)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%q: error %v, encoding/json's %v", data, gerr, werr)
	}
	if werr != nil {
		return
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(d.spans, [][]int{rec.Spans}) || d.hasSpans != (rec.Spans != nil) {
		t.Fatalf("%q:\n got %#v %#v\nwant %#v %#v", data, got, d.spans, want, rec.Spans)
	}
}

// Block texts longer than the reader's buffer, escapes on either side of
// its refills, are read whole and exactly; so is the rest of the file.
func TestDecodeProjectLongBlocks(t *testing.T) {
	var blocks []blockRecord
	pieces := []string{"Le \"chat\" dort. ", "une \" seule, }] ", "\\", "\\\"", "É\\t\n", "\x1b[2J", "l’État « x » ", "😀", strings.Repeat("a", 1000)}
	for n, size := range []int{10, 300 << 10, 700 << 10, 5, 1 << 20} {
		var sb strings.Builder
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(pieces[(i*7+n)%len(pieces)])
		}
		text := sb.String()
		blocks = append(blocks, blockRecord{Block: &Block{Kind: KindParagraph, Text: text, First: n, Count: 1}, Spans: spanList{0, len(text)}})
	}
	var buf bytes.Buffer
	buf.WriteString(`{"schema": 3, "blocks": [`)
	for i, b := range blocks {
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			buf.WriteString(",\n    ")
		}
		buf.Write(raw)
	}
	buf.WriteString("\n  ] ,\n  \"segments\": [],\n \"target_lang\": \"en\"}\n")
	pf, err := decodeProject(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(pf.Blocks) != len(blocks) || pf.TargetLang != "en" || pf.Schema != 3 || len(pf.Segments) != len(blocks) {
		t.Fatalf("%d blocks, %d segments, target %q, schema %d", len(pf.Blocks), len(pf.Segments), pf.TargetLang, pf.Schema)
	}
	for i, b := range blocks {
		if !reflect.DeepEqual(pf.Blocks[i], *b.Block) || pf.Segments[i].Source != b.Text {
			t.Errorf("block %d differs (%d bytes, want %d)", i, len(pf.Blocks[i].Text), len(b.Text))
		}
	}
}

// Damage in or right after the blocks list names its line.
func TestDecodeProjectBlockErrorLines(t *testing.T) {
	good := strings.Join([]string{
		`{"schema": 3, "source_lang": "fr", "target_lang": "en", "format": "text",`,
		`"blocks": [`,
		`  {"kind":"paragraph","text":"Un.","first":0,"count":1,"spans":[0,3]},`,
		`  {"kind":"paragraph","text":"Deux.","first":1,"count":1,"spans":[0,5]}`,
		`],`,
		`"segments": [`,
		`  {"index":1,"block":1,"start":0,"end":5,"target":"Two.","status":"draft"}`,
		`]}`,
	}, "\n")
	if _, _, err := parseProject("p.trad.json", strings.NewReader(good), int64(len(good))); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, old, new, msg string }{
		{"bad block", `"text":"Deux."`, `"text":"Deux.",`, "line 4: blocks item 1: invalid character"},
		{"wrong type", `"text":"Deux."`, `"text":2`, "line 4: blocks item 1: json: cannot unmarshal number"},
		{"no comma", `[0,3]},`, `[0,3]}`, "line 4: blocks item 0: invalid character '{' after it"},
		{"after the list", "],\n\"segments\"", "] x\n\"segments\"", "line 5: invalid character 'x' after the blocks"},
		{"no colon", `"blocks": [`, `"blocks" [`, "line 2: invalid character after the key"},
		{"not a list", `"blocks": [`, `"blocks": "[`, `line 2: "blocks" is not a list`},
		{"bad record after the blocks", `"status":"draft"`, `"status":draft`, "line 7: segments item 0"},
		{"truncated in the blocks", `"text":"Deux.","first":1,"count":1,"spans":[0,5]}` + "\n],", `"text":"Deux.`, "truncated"},
		{"object not closed", "\n]}", "\n]", "truncated"},
		{"comma then end", "],\n\"segments\": [\n  {\"index\":1,\"block\":1,\"start\":0,\"end\":5,\"target\":\"Two.\",\"status\":\"draft\"}\n]}", "],\n}", "line 6: invalid character '}' looking for beginning of object key string"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(good, tt.old, tt.new, 1)
			if data == good {
				t.Fatal("the case changes nothing")
			}
			_, _, err := parseProject("p.trad.json", strings.NewReader(data), int64(len(data)))
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want one saying %q", err, tt.msg)
			}
		})
	}
	// The file may end with the blocks.
	tail := strings.Replace(good, ",\n\"segments\": [\n  {\"index\":1,\"block\":1,\"start\":0,\"end\":5,\"target\":\"Two.\",\"status\":\"draft\"}\n]}", "}", 1)
	doc, _, err := parseProject("p.trad.json", strings.NewReader(tail), int64(len(tail)))
	if err != nil || len(doc.Segments) != 2 || doc.Segments[1].Source != "Deux." {
		t.Errorf("blocks last: %v, %v", err, fmt.Sprint(doc))
	}
}

// hasControl finds a byte below 0x20 at any place of any length, and no
// other byte.
func TestHasControl(t *testing.T) {
	for n := 0; n < 20; n++ {
		for at := -1; at < n; at++ {
			for _, c := range []byte{0x00, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xff} {
				b := bytes.Repeat([]byte{0xe9}, n)
				if at >= 0 {
					b[at] = c
				}
				if got, want := hasControl(b), at >= 0 && c < 0x20; got != want {
					t.Errorf("%x: %v, want %v", b, got, want)
				}
			}
		}
	}
}
