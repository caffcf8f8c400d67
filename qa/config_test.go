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
		`{"disable": ["nope"]}`:                           "bad.json: unknown check nope (checks: untranslated, ",
		`{"severity": {"numbers": "fatal"}}`:              `bad.json: unknown severity "fatal"`,
		"{\n  \"disable\": [\"numbers\",]\n}":             "bad.json:2: invalid character ']'",
		`{"disabled": []}`:                                `bad.json: json: unknown field "disabled"`,
		"{\n\"disable\": \"numbers\"\n}":                  "bad.json:2: json: cannot unmarshal string",
		`{"severity": {"links": "warning", "x": "info"}}`: "unknown check x",
	} {
		_, err := LoadConfig(write("bad.json", body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadConfig(%s): %v, want %q", body, err, want)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	if got := ConfigPath(); got != "/cfg/trad/qa.json" {
		t.Errorf("ConfigPath = %q", got)
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
