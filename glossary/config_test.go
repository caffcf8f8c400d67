package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          string // UserFile
		wantErr       string
	}{
		{"missing file", "", "", ""},
		{"no glossary object", `{"tm": {"min_score": 70}}`, "", ""},
		{"null", `{"glossary": null}`, "", ""},
		{"set", `{"tm": {}, "glossary": {"user_file": "~/terms/mine.tbx"}}`, "~/terms/mine.tbx", ""},
		{"syntax error names file and line", "{\n\"glossary\": {\"user_file\": 1,}\n}", "", "config.json:2:29: invalid character '}'"},
		{"unknown field", `{"glossary": {"userfile": "x.tsv"}}`, "", `config.json:1:15: glossary: unknown field "userfile" (fields: user_file)`},
		{"wrong type", `{"glossary": {"user_file": 3}}`, "", `config.json:1:28: glossary.user_file: want text in quotes, got the number 3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "config.json")
			if tc.content != "" {
				if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, err := LoadConfig(p)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || c.UserFile != "" {
					t.Fatalf("LoadConfig = %+v, %v; want an error with %q", c, err, tc.wantErr)
				}
				return
			}
			if err != nil || c.UserFile != tc.want {
				t.Fatalf("LoadConfig = %+v, %v; want user_file %q", c, err, tc.want)
			}
		})
	}
}
