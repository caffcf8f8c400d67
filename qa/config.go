package qa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/trad-project/trad/internal/xdg"
)

// Config says which checks run and how serious their findings are. The zero
// value (and a nil *Config) runs every check at its default severity.
//
// On disk it is JSON, by default $XDG_CONFIG_HOME/trad/qa.json:
//
//	{
//	  "disable": ["repeated-word", "draft"],
//	  "severity": {"identical": "info", "untranslated": "warning"}
//	}
type Config struct {
	// Disable lists check ids that do not run.
	Disable []string `json:"disable,omitempty"`
	// Severity overrides the default severity of checks by id.
	Severity map[string]Severity `json:"severity,omitempty"`
}

// Enabled reports whether check id runs.
func (c *Config) Enabled(id string) bool {
	if c == nil {
		return true
	}
	for _, d := range c.Disable {
		if d == id {
			return false
		}
	}
	return true
}

// SeverityOf returns the severity of check id's findings.
func (c *Config) SeverityOf(id string) Severity {
	if c != nil {
		if s, ok := c.Severity[id]; ok {
			return s
		}
	}
	s, _ := defaultSeverity(id)
	return s
}

// Validate reports unknown check ids.
func (c *Config) Validate() error {
	if c == nil {
		return nil
	}
	var bad []string
	for _, id := range c.Disable {
		if _, ok := defaultSeverity(id); !ok {
			bad = append(bad, id)
		}
	}
	for id := range c.Severity {
		if _, ok := defaultSeverity(id); !ok {
			bad = append(bad, id)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("unknown check %s (checks: %s)", strings.Join(bad, ", "), strings.Join(CheckIDs(), ", "))
	}
	return nil
}

// ConfigPath returns the user's QA configuration file,
// $XDG_CONFIG_HOME/trad/qa.json (~/.config/trad/qa.json when
// XDG_CONFIG_HOME is unset or not absolute).
func ConfigPath() string { return filepath.Join(xdg.ConfigDir(), "qa.json") }

// LoadConfig reads a configuration file. A missing file is not an error: it
// gives the defaults. Unknown fields and check ids are errors naming the
// file (and the line, for JSON syntax errors).
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Config{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read QA config: %w", err)
	}
	cfg := &Config{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: %v", path, lineOf(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s:%d: %v", path, lineOf(data, te.Offset), err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}
