package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			if c.TM.AutoInsertExact || c.TM.MinScore != 50 || !c.Repetitions.Autofill || c.QA != nil {
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
		{name: "syntax error names file and line", content: "{\n\"tm\": {\"min_score\": 70,}\n}", wantErr: "config.json:2:"},
		{name: "unknown field", content: `{"tm": {"min": 70}}`, wantErr: `unknown field "min"`},
		{name: "bad score", content: `{"tm": {"min_score": 0}}`, wantErr: "tm.min_score is 0"},
		{name: "unknown check", content: `{"qa": {"disable": ["grammar"]}}`, wantErr: "unknown check grammar"},
		{name: "mt object (issue 16)", content: `{"mt": {"engine": "apertium", "engines": {"apertium": {"pairs": ["fr-es"]}}}}`, check: func(t *testing.T, c Config) {
			if c.MT == nil || c.MT.Engine != "apertium" {
				t.Errorf("got %+v", c.MT)
			}
		}},
		{name: "bad mt engine", content: `{"mt": {"engine": "google"}}`, wantErr: `unknown engine "google"`},
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
			c, err := LoadConfig(p)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
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
