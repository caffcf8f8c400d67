package configfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// level decodes itself and refuses what is not low or high, as
// qa.Severity does.
type level int

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("unknown level %q", b)
	}
	return nil
}

type Embedded struct {
	Shared string `json:"shared"`
	Inner  int    `json:"inner"`
}

type settings struct {
	Embedded
	TM struct {
		MinScore int  `json:"min_score"`
		Auto     bool `json:"auto"`
	} `json:"tm"`
	Names   []string         `json:"names"`
	Levels  map[string]level `json:"levels"`
	Ratio   float64          `json:"ratio"`
	Count   uint8            `json:"count"`
	Ptr     *struct{ X int } `json:"ptr"`
	Any     any              `json:"any"`
	Shared  string           `json:"shared"` // shadows Embedded.Shared
	Skipped string           `json:"-"`
	hidden  int              //lint:ignore U1000 the decoder must not see it, and check neither
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string // the whole error
	}{
		{"syntax: trailing comma", "{\n  \"tm\": {\"min_score\": 70,}\n}", `settings.json:2:26: invalid character '}' looking for beginning of object key string`},
		{"syntax: cut short", "{\n  \"tm\": {", `settings.json:2:10: unexpected end of JSON input`},
		{"syntax: after the value", "{}\n x", `settings.json:2:2: invalid character 'x' after top-level value`},
		{"syntax: column counts characters", "{\"names\": [\"é\" \"ü\"]}", `settings.json:1:16: invalid character '"' after array element`},
		{"unknown field", "{\n  \"tm\": {\n    \"min\": 70}}", `settings.json:3:5: tm: unknown field "min" (fields: auto, min_score)`},
		{"unknown top-level field", "{\"tn\": {}}", `settings.json:1:2: unknown field "tn" (fields: any, count, inner, levels, names, ptr, ratio, shared, tm)`},
		{"names are exact", "{\"TM\": {}}", `settings.json:1:2: unknown field "TM": did you mean "tm"?`},
		{"field named -", "{\"Skipped\": \"x\"}", `settings.json:1:2: unknown field "Skipped" (fields: any, count, inner, levels, names, ptr, ratio, shared, tm)`},
		{"unexported", "{\"hidden\": 1}", `settings.json:1:2: unknown field "hidden" (fields: any, count, inner, levels, names, ptr, ratio, shared, tm)`},
		{"wrong type: string for int", "{\"tm\": {\"min_score\": \"70\"}}", `settings.json:1:22: tm.min_score: want a whole number, got "70"`},
		{"wrong type: fraction for int", "{\"tm\": {\"min_score\": 70.5}}", `settings.json:1:22: tm.min_score: want a whole number, got the number 70.5`},
		{"wrong type: out of range", "{\"count\": 300}", `settings.json:1:11: count: want a whole number ≥ 0, got the number 300`},
		{"wrong type: list for object", "{\"tm\": [1]}", `settings.json:1:8: tm: want an object {…}, got a list`},
		{"wrong type: object for list", "{\"names\": {}}", `settings.json:1:11: names: want a list […], got an object`},
		{"wrong type: in a list", "{\"names\": [\"a\",\n 2]}", `settings.json:2:2: names[1]: want text in quotes, got the number 2`},
		{"wrong type: bool", "{\"tm\": {\"auto\": \"yes\"}}", `settings.json:1:17: tm.auto: want true or false, got "yes"`},
		{"bad value of a type that decodes itself", "{\"levels\": {\"a\": \"low\", \"b\": \"mid\"}}", `settings.json:1:30: levels.b: unknown level "mid"`},
		{"wrong type for a type that decodes itself", "{\"levels\": {\"a\": 3}}", `settings.json:1:18: levels.a: want text in quotes, got the number 3`},
		{"unknown field in a pointer", "{\"ptr\": {\"Y\": 1}}", `settings.json:1:10: ptr: unknown field "Y" (fields: X)`},
		{"not an object", "[]", `settings.json:1:1: want a JSON object {…}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s settings
			s.TM.MinScore = 50
			found, err := Parse([]byte(tc.text), "settings.json").Decode("", &s)
			var ce *Error
			if err == nil || err.Error() != tc.want || !errors.As(err, &ce) {
				t.Fatalf("error\n  %v\nwant\n  %s", err, tc.want)
			}
			if found || s.TM.MinScore != 50 {
				t.Errorf("a refused file changed the settings: %+v", s)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	var s settings
	s.TM.MinScore = 50
	s.TM.Auto = true
	text := "\ufeff{\"tm\": {\"auto\": false}, \"inner\": 3, \"shared\": \"outer\", \"levels\": {\"a\": \"high\"}, \"ptr\": {\"X\": 2},\n" +
		" \"any\": {\"whatever\": [1, \"x\"]}, \"ratio\": 1e3, \"names\": null}"
	found, err := Parse([]byte(text), "s.json").Decode("", &s)
	if err != nil || !found {
		t.Fatalf("Decode = %v, %v", found, err)
	}
	if s.TM.MinScore != 50 || s.TM.Auto || s.Inner != 3 || s.Shared != "outer" || s.Embedded.Shared != "" ||
		s.Levels["a"] != 2 || s.Ptr == nil || s.Ptr.X != 2 || s.Ratio != 1000 || s.Names != nil {
		t.Errorf("decoded %+v", s)
	}
}

func TestSections(t *testing.T) {
	type mt struct {
		Engine string `json:"engine"`
	}
	for _, tc := range []struct {
		name, text string
		found      bool
		engine     string
		wantErr    string
	}{
		{"empty file", " \n", false, "kept", ""},
		{"no section", `{"tm": {"anything": 1}}`, false, "kept", ""},
		{"null section", `{"mt": null}`, false, "kept", ""},
		{"other sections are not checked", `{"tm": {"anything": 1}, "mt": {"engine": "x"}}`, true, "x", ""},
		{"last of two", `{"mt": {"engine": "x"}, "mt": {"engine": "y"}}`, true, "y", ""},
		{"unknown field in the section", "{\"tm\": 1,\n \"mt\": {\"engin\": \"x\"}}", false, "kept", `c.json:2:9: mt: unknown field "engin" (fields: engine)`},
		{"section of the wrong type", `{"mt": "deepl"}`, false, "kept", `c.json:1:8: mt: want an object {…}, got "deepl"`},
		{"syntax error elsewhere", "{\"tm\": {,}, \"mt\": {}}", false, "kept", `c.json:1:9: invalid character ','`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := mt{Engine: "kept"}
			found, err := Parse([]byte(tc.text), "c.json").Decode("mt", &v)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if found != tc.found || v.Engine != tc.engine {
				t.Errorf("found %v engine %q, want %v %q", found, v.Engine, tc.found, tc.engine)
			}
		})
	}
}

func TestErrorf(t *testing.T) {
	f := Parse([]byte("{\n  \"qa\": {\n    \"disable\": [\"numbers\",\n      \"grammar\"]},\n  \"tm\": {\"min_score\": 0}\n}"), "config.json")
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{[]string{"tm", "min_score"}, "config.json:5:10: boom"},
		{[]string{"qa", "disable", "1"}, "config.json:4:7: boom"},
		{[]string{"qa", "disable", "9"}, "config.json:3:5: boom"}, // the deepest present
		{[]string{"qa", "severity"}, "config.json:2:3: boom"},
		{[]string{"mt"}, "config.json: boom"},
		{nil, "config.json: boom"},
	} {
		if got := f.Errorf(tc.keys, "boom").Error(); got != tc.want {
			t.Errorf("Errorf(%q) = %q, want %q", tc.keys, got, tc.want)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	var v struct {
		A int `json:"a"`
	}
	f, err := Read(filepath.Join(dir, "missing.json"), "", &v)
	if f != nil || err != nil {
		t.Fatalf("missing file: %v, %v", f, err)
	}
	p := filepath.Join(dir, "x.json")
	if err := os.WriteFile(p, []byte(`{"a": 4}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := Read(p, "", &v); f == nil || err != nil || v.A != 4 || f.Path != p {
		t.Fatalf("Read = %v, %v, %+v", f, err, v)
	}
	if _, err := Read(dir, "", &v); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("reading a folder: %v, want an error naming it", err)
	}
}

// FuzzDecode: any bytes give settings or an *Error naming the file at a
// place inside it; never a panic.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"tm": {"min_score": 70, "auto": true}, "names": ["a"], "levels": {"a": "low"}}`,
		"{\n\"tm\": {\"min\": 1}}", `{"levels": {"a": "mid"}}`, `{"count": -1}`, `[]`, ``, `null`,
		"\ufeff{}", `{"mt": {"engine": 3}}`, `{"ptr": {"X": 1e400}}`, `{"any": [[[{}]]]}`,
	} {
		f.Add([]byte(s), "")
		f.Add([]byte(s), "mt")
	}
	f.Fuzz(func(t *testing.T, data []byte, section string) {
		file := Parse(data, "f.json")
		var s settings
		_, err := file.Decode(section, &s)
		if err == nil {
			// Never laxer than encoding/json's strict mode on the same file.
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			var std settings
			if section == "" && !bytes.HasPrefix(data, []byte("\ufeff")) && len(bytes.TrimSpace(data)) > 0 && dec.Decode(&std) != nil {
				t.Fatalf("accepted %q, which encoding/json refuses", data)
			}
			return
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.Path != "f.json" {
			t.Fatalf("error %v is not an *Error naming the file", err)
		}
		lines := strings.Count(string(file.data), "\n") + 1
		if ce.Line < 0 || ce.Line > lines || (ce.Line > 0) != (ce.Col > 0) {
			t.Fatalf("error %v: line %d col %d outside a %d-line file", err, ce.Line, ce.Col, lines)
		}
	})
}
