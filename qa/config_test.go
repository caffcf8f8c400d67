package qa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfg, err := LoadConfig(filepath.Join(dir, "missing.json"))
	if err != nil || !cfg.Enabled(CheckNumbers) || cfg.SeverityOf(CheckNumbers) != Error {
		t.Fatalf("missing file: %+v %v", cfg, err)
	}
	cfg, err = LoadConfig(write("ok.json", `{"disable": ["repeated-word"], "severity": {"identical": "info", "fr-spacing": "error"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Enabled(CheckRepeated) || !cfg.Enabled(CheckIdentical) || cfg.SeverityOf(CheckIdentical) != Info ||
		cfg.SeverityOf(CheckFrSpacing) != Error || cfg.SeverityOf(CheckLinks) != Error {
		t.Errorf("config %+v", cfg)
	}
	for body, want := range map[string]string{
		`{"disable": ["nope"]}`:                           "bad.json:1:14: unknown check nope (checks: untranslated, ",
		`{"severity": {"numbers": "fatal"}}`:              `bad.json:1:26: severity.numbers: unknown severity "fatal"`,
		"{\n  \"disable\": [\"numbers\",]\n}":             "bad.json:2:25: invalid character ']'",
		`{"disabled": []}`:                                `bad.json:1:2: unknown field "disabled" (fields: disable, severity)`,
		"{\n\"disable\": \"numbers\"\n}":                  `bad.json:2:12: disable: want a list […], got "numbers"`,
		`{"severity": {"links": "warning", "x": "info"}}`: `bad.json:1:35: unknown check x`,
		`{"disable": ["numbers", "a", "b"]}`:              `bad.json:1:25: unknown check a, b`,
	} {
		_, err := LoadConfig(write("bad.json", body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadConfig(%s): %v, want %q", body, err, want)
		}
	}
}

func TestConfigApplies(t *testing.T) {
	seg := segments.Segment{Source: "Le taux est de 3,5 %.", Target: "The the rate is 3.6%", Status: segments.StatusTranslated}
	all := Check(seg, Context{SourceLang: "fr", TargetLang: "en"})
	if len(all) != 3 {
		t.Fatalf("want numbers, final-punct and repeated-word, got %v", all)
	}
	cfg := &Config{Disable: []string{CheckRepeated}, Severity: map[string]Severity{CheckNumbers: Warning}}
	got := Check(seg, Context{SourceLang: "fr", TargetLang: "en", Config: cfg})
	if len(got) != 2 || got[0].Check != CheckNumbers || got[0].Severity != Warning || got[1].Check != CheckFinalPunct {
		t.Errorf("with config: %v", got)
	}
}

func TestCheckDocument(t *testing.T) {
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English, Segments: []segments.Segment{
		{Index: 0, Source: "Les plateformes dominent.", Target: "Platforms dominate.", Status: segments.StatusTranslated},
		{Index: 1, Source: "Une puce de 3 nm.", Target: "A 5 nm processor.", Status: segments.StatusReviewed},
		{Index: 2, Source: "Pas encore.", Status: segments.StatusNew},
	}}
	g := testGlossary(t)
	p := NewProject("fr", "en", g, glossary.NewMatcher(g, "fr", "en"), doc)
	var got []string
	for _, is := range CheckDocument(doc, nil, p, nil) {
		got = append(got, is.String())
	}
	want := []string{
		`seg 2 warning glossary: "puce": expected "chip" or "microchip" in target`,
		"seg 2 error numbers: 3 in source but 5 in target",
		"seg 3 error untranslated: not translated",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(CheckDocument(doc, &Config{Disable: []string{CheckGlossary, CheckUntranslated}}, p, nil)); n != 1 {
		t.Errorf("with glossary and untranslated disabled: %d issues, want 1", n)
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v round trip: %v %v", s, back, err)
		}
	}
	if Severity(7).String() != "severity(7)" {
		t.Error(Severity(7).String())
	}
}

// TestLoadPrecedence: the "qa" object of config.json is the place for QA
// settings; qa.json is read only without it, and each case says so.
func TestLoadPrecedence(t *testing.T) {
	for _, tc := range []struct {
		name, config, legacy string // "" = no file
		disabled             string // the check the winning file disables
		notice, wantErr      string
	}{
		{name: "neither file: the defaults"},
		{name: "config.json without qa: the defaults", config: `{"tm": {"min_score": 70}}`},
		{name: "config.json only", config: `{"qa": {"disable": ["draft"]}}`, disabled: CheckDraft},
		{name: "qa.json only: read, deprecated", legacy: `{"disable": ["identical"]}`, disabled: CheckIdentical,
			notice: `qa.json: deprecated: QA settings belong in the "qa" object of `},
		{name: "config.json without qa and qa.json", config: `{"tm": {}}`, legacy: `{"disable": ["identical"]}`,
			disabled: CheckIdentical, notice: "qa.json: deprecated"},
		{name: "both: config.json wins", config: `{"qa": {"disable": ["draft"]}}`, legacy: `{"disable": ["identical"]}`,
			disabled: CheckDraft, notice: `qa.json: ignored: the "qa" object of `},
		{name: "both, qa.json broken: ignored all the same", config: `{"qa": {}}`, legacy: `{`,
			notice: "qa.json: ignored"},
		{name: "qa null: qa.json", config: `{"qa": null}`, legacy: `{"disable": ["identical"]}`, disabled: CheckIdentical,
			notice: "deprecated"},
		{name: "bad qa object", config: "{\"qa\": {\n\"disable\": [\"nope\"]}}", wantErr: "config.json:2:13: unknown check nope"},
		{name: "bad qa.json", legacy: `{"disable": 1}`, wantErr: "qa.json:1:13: disable: want a list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range map[string]string{"config.json": tc.config, "qa.json": tc.legacy} {
				if body != "" {
					if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			cfg, notices, err := Load(filepath.Join(dir, "config.json"))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || cfg == nil {
					t.Fatalf("Load = %v, %v; want an error with %q and the defaults", cfg, err, tc.wantErr)
				}
				return
			}
			if err != nil || cfg == nil {
				t.Fatalf("Load = %v, %v", cfg, err)
			}
			for _, id := range []string{CheckDraft, CheckIdentical} {
				if cfg.Enabled(id) != (id != tc.disabled) {
					t.Errorf("%s enabled = %v, want only %q disabled", id, cfg.Enabled(id), tc.disabled)
				}
			}
			if tc.notice == "" && len(notices) > 0 || tc.notice != "" && (len(notices) != 1 || !strings.Contains(notices[0], tc.notice)) {
				t.Errorf("notices %q, want one with %q", notices, tc.notice)
			}
		})
	}
}
