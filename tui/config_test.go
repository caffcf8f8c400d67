package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/qa"
)

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string // "" = no file
		wantErr       string
		check         func(t *testing.T, c Config)
	}{
		{name: "missing file gives defaults", check: func(t *testing.T, c Config) {
			if c.TM.AutoInsertExact || c.TM.MinScore != 50 || !c.Repetitions.Autofill || c.QA == nil || !c.QA.Enabled(qa.CheckDraft) {
				t.Errorf("defaults = %+v", c)
			}
		}},
		{name: "partial file keeps the other defaults", content: `{"tm": {"auto_insert_exact": true}}`, check: func(t *testing.T, c Config) {
			if !c.TM.AutoInsertExact || c.TM.MinScore != 50 || !c.Repetitions.Autofill {
				t.Errorf("got %+v", c)
			}
		}},
		{name: "everything", content: "{\n \"tm\": {\"min_score\": 70},\n \"repetitions\": {\"autofill\": false},\n \"qa\": {\"disable\": [\"draft\"]}\n}", check: func(t *testing.T, c Config) {
			if c.TM.MinScore != 70 || c.Repetitions.Autofill || c.QA == nil || c.QA.Enabled(qa.CheckDraft) {
				t.Errorf("got %+v", c)
			}
		}},
		{name: "syntax error names file and line", content: "{\n\"tm\": {\"min_score\": 70,}\n}", wantErr: "config.json:2:24: invalid character '}'"},
		{name: "unknown field", content: `{"tm": {"min": 70}}`, wantErr: `config.json:1:9: tm: unknown field "min" (fields: auto_insert_exact, min_score)`},
		{name: "bad score", content: `{"tm": {"min_score": 0}}`, wantErr: "config.json:1:9: tm.min_score is 0, want 1 to 101"},
		{name: "unknown check", content: `{"qa": {"disable": ["grammar"]}}`, wantErr: "config.json:1:21: unknown check grammar"},
		{name: "mt object (issue 16)", content: `{"mt": {"engine": "apertium", "engines": {"apertium": {"pairs": ["fr-es"]}}}}`, check: func(t *testing.T, c Config) {
			if c.MT == nil || c.MT.Engine != "apertium" {
				t.Errorf("got %+v", c.MT)
			}
		}},
		{name: "bad mt engine", content: `{"mt": {"engine": "google"}}`, wantErr: `config.json:1:9: mt.engine: machine translation is not configured: unknown engine "google"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "none", "config.json")
			if tt.content != "" {
				p = filepath.Join(dir, "config.json")
				if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, notices, err := LoadConfig(p)
			if len(notices) > 0 {
				t.Errorf("notices %q without a qa.json", notices)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, tt.wantErr)) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if c.TM.MinScore != 50 || !c.Repetitions.Autofill {
					t.Errorf("a bad file must give the defaults, got %+v", c)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, c)
		})
	}
}

// TestSettingsFileErrors: every settings file goes through one loader
// (internal/configfile), so each kind of mistake is reported the same way in
// each of them: file:line:column, then what is wrong; and a missing file is
// no error. The loaders are the ones the commands call.
func TestSettingsFileErrors(t *testing.T) {
	type load func(path string) error
	kinds := []struct {
		name, file string
		load       load
		// One file per kind of mistake, the mistake on line 2, and the
		// expected error after "FILE:".
		unknown, wrongType, badValue [2]string
	}{
		{"config.json (editor)", "config.json", func(p string) error { _, _, err := LoadConfig(p); return err },
			[2]string{`{"tm": {},` + "\n" + `  "TM": {}}`, `2:3: unknown field "TM": did you mean "tm"?`},
			[2]string{"{\n  \"tm\": {\"min_score\": \"high\"}}", `2:23: tm.min_score: want a whole number, got "high"`},
			[2]string{"{\n  \"tm\": {\"min_score\": 500}}", `2:10: tm.min_score is 500, want 1 to 101`}},
		{"config.json mt (trad mt)", "config.json", func(p string) error { _, err := mt.LoadConfig(p); return err },
			[2]string{"{\n  \"mt\": {\"nope\": 1}}", `2:10: mt: unknown field "nope" (fields: auto_insert, engine, engines, prefetch, retries, timeout_seconds)`},
			[2]string{"{\n  \"mt\": {\"prefetch\": true}}", `2:22: mt.prefetch: want a whole number, got true`},
			[2]string{"{\n  \"mt\": {\"engines\": {\"apertium\": {\"pairs\": [\"french\"]}}}}", `2:45: mt.engines.apertium.pairs: "french" is not a pair`}},
		{"config.json glossary (trad glossary add)", "config.json", func(p string) error { _, err := glossary.LoadConfig(p); return err },
			[2]string{"{\n  \"glossary\": {\"nope\": 1}}", `2:16: glossary: unknown field "nope" (fields: user_file)`},
			[2]string{"{\n  \"glossary\": {\"user_file\": 3}}", `2:29: glossary.user_file: want text in quotes, got the number 3`},
			[2]string{}}, // any file name is a value
		{"config.json qa (trad qa)", "config.json", func(p string) error { _, _, err := qa.Load(p); return err },
			[2]string{"{\n  \"qa\": {\"nope\": 1}}", `2:10: qa: unknown field "nope" (fields: disable, severity)`},
			[2]string{"{\n  \"qa\": {\"disable\": \"draft\"}}", `2:21: qa.disable: want a list […], got "draft"`},
			[2]string{"{\n  \"qa\": {\"disable\": [\"grammar\"]}}", `2:22: unknown check grammar`}},
		{"qa.json (trad qa --config)", "qa.json", func(p string) error { _, err := qa.LoadConfig(p); return err },
			[2]string{"{\n  \"nope\": 1}", `2:3: unknown field "nope" (fields: disable, severity)`},
			[2]string{"{\n  \"disable\": \"draft\"}", `2:14: disable: want a list […], got "draft"`},
			[2]string{"{\n  \"severity\": {\"numbers\": \"fatal\"}}", `2:27: severity.numbers: unknown severity "fatal"`}},
		{"keys.json", "keys.json", func(p string) error { _, _, err := LoadKeyMap(p); return err },
			[2]string{"{\n  \"edit\": {\"nope\": []}}", `2:12: edit: unknown action "nope"`},
			[2]string{"{\n  \"edit\": {\"confirm\": \"enter\"}}", `2:23: edit.confirm: want a list […], got "enter"`},
			[2]string{"{\n  \"browse\": {\"quit\": []}}", `2:14: browse.quit has no key`}},
	}
	for _, k := range kinds {
		cases := map[string][2]string{
			"syntax":     {"{\n  \"tm\": {,}}", "2:10: invalid character ','"},
			"cut short":  {"{\n  \"tm\": {", "2:10: unexpected end of JSON input"},
			"not object": {"\n  [1]", "2:3: want a JSON object {…}"},
			"unknown":    k.unknown, "wrong type": k.wrongType, "bad value": k.badValue,
		}
		for what, c := range cases {
			if c[0] == "" {
				continue
			}
			t.Run(k.name+"/"+what, func(t *testing.T) {
				p := filepath.Join(t.TempDir(), k.file)
				if err := k.load(p); err != nil {
					t.Fatalf("missing file: %v", err)
				}
				if err := os.WriteFile(p, []byte(c[0]), 0o644); err != nil {
					t.Fatal(err)
				}
				err := k.load(p)
				want := p + ":" + c[1]
				if err == nil || !strings.HasPrefix(err.Error(), want) {
					t.Errorf("error\n  %v\nwant it to start with\n  %s", err, want)
				}
			})
		}
	}
}

// TestLoadConfigQAFiles: the editor takes its QA settings by qa.Resolve's
// rule, as trad qa does, and passes its notices on.
func TestLoadConfigQAFiles(t *testing.T) {
	for _, tc := range []struct {
		name, config, legacy string
		identical            bool // whether the identical check runs
		notice               string
	}{
		{"qa.json alone is read", `{"tm": {"min_score": 60}}`, `{"disable": ["identical"]}`, false, "qa.json: deprecated"},
		{"the qa object wins", `{"qa": {"disable": ["draft"]}}`, `{"disable": ["identical"]}`, true, "qa.json: ignored"},
		{"a broken qa.json is a notice", `{}`, `{"disable": [}`, true, "qa.json:1:14: invalid character '}' looking for beginning of value (running every check)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range map[string]string{"config.json": tc.config, "qa.json": tc.legacy} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, notices, err := LoadConfig(filepath.Join(dir, "config.json"))
			if err != nil || c.QA == nil || c.QA.Enabled(qa.CheckIdentical) != tc.identical {
				t.Fatalf("LoadConfig = %+v, %v; want identical enabled %v", c.QA, err, tc.identical)
			}
			if len(notices) != 1 || !strings.Contains(notices[0], tc.notice) {
				t.Errorf("notices %q, want one with %q", notices, tc.notice)
			}
		})
	}
}
