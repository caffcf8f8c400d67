package mt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "config.json")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c, err := LoadConfig(filepath.Join(dir, "missing.json"))
	if err != nil || c.Engine != "" || c.Timeout() != DefaultTimeout || c.PrefetchCount() != DefaultPrefetch || c.RetryCount() != DefaultRetries {
		t.Fatalf("missing file: %+v %v", c, err)
	}
	c, err = LoadConfig(write(`{"tm": {"min_score": 70}, "mt": {"engine": "llm", "timeout_seconds": 5, "prefetch": -1,
	  "engines": {"llm": {"type": "openai", "base_url": "http://localhost:11434/v1", "model": "m", "api_key_env": "K", "pairs": ["fr-es"]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	name, ec, err := c.Lookup("")
	if err != nil || name != "llm" || ec.Type != TypeOpenAI || c.Timeout() != 5*time.Second || c.PrefetchCount() != 0 {
		t.Errorf("loaded: %s %+v %v", name, ec, err)
	}
	for _, bad := range []struct{ text, want string }{
		{"{\n\"mt\": {\n}}}", "config.json:3:"},
		{`{"mt": {"engin": "x"}}`, `unknown field "engin"`},
		{`{"mt": {"engine": "google"}}`, `unknown engine "google"`},
		{`{"mt": {"engines": {"x": {"type": "openai", "model": "m"}}}}`, "base_url is required"},
		{`{"mt": {"engines": {"apertium": {"pairs": ["french"]}}}}`, `"french" is not a pair`},
	} {
		_, err := LoadConfig(write(bad.text))
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "config.json") {
			t.Errorf("%s: %v, want %q", bad.text, err, bad.want)
		}
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(`{"mt": {"engine": "x", "engines": {"x": {"type": "deepl", "pairs": ["fr-es"]}}}}`))
	f.Add([]byte(`{"mt": {"timeout_seconds": -3, "prefetch": -1}}`))
	f.Add([]byte("{\n\"mt\": ["))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseConfig(data, "config.json")
		if c == nil {
			t.Fatal("nil config")
		}
		if err != nil && !strings.Contains(err.Error(), "config.json") {
			t.Fatalf("error without the file name: %v", err)
		}
		if err == nil {
			if c.Timeout() <= 0 || c.PrefetchCount() < 0 || c.RetryCount() < 0 {
				t.Fatalf("bad derived values %+v", c)
			}
			if _, _, err := c.Lookup(""); err != nil && c.Engine == "" {
				t.Fatalf("default engine: %v", err)
			}
		}
	})
}
