package tui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/trad-project/trad/internal/xdg"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/qa"
)

// Config is the editor's behaviour that translators may change in
// $XDG_CONFIG_HOME/trad/config.json (documented in docs/config.md). The zero
// value is not the default: use DefaultConfig.
type Config struct {
	TM struct {
		// AutoInsertExact puts the best match's target into an empty
		// segment when the editor opens on it, if that match scores 100 or
		// more. Off by default: enter on an empty segment inserts nothing.
		AutoInsertExact bool `json:"auto_insert_exact"`
		// MinScore is the lowest score a match needs to be shown (percent).
		MinScore int `json:"min_score"`
	} `json:"tm"`
	Repetitions struct {
		// Autofill fills the empty segments with the same source as a
		// confirmed one, as drafts to review.
		Autofill bool `json:"autofill"`
	} `json:"repetitions"`
	// QA configures the quality checks run on confirm, as in qa.json; nil
	// means the checks' defaults.
	QA *qa.Config `json:"qa,omitempty"`
	// MT configures machine translation (docs/mt.md); nil means defaults.
	// The editor reads AutoInsert and PrefetchCount; cmd/trad builds the
	// service (Options.MT) from it.
	MT       *mt.Config `json:"mt,omitempty"`
	Glossary struct {
		// UserFile is the glossary the editor adds terms to (T); empty:
		// the first glossary file of the user folder, or user.tsv there
		// (glossary.UserGlossaryPath).
		UserFile string `json:"user_file,omitempty"`
	} `json:"glossary"`
}

// DefaultConfig returns the settings used when config.json is missing or
// leaves a field out.
func DefaultConfig() Config {
	var c Config
	c.TM.MinScore = 50
	c.Repetitions.Autofill = true
	return c
}

// ConfigPath returns $XDG_CONFIG_HOME/trad/config.json (~/.config/trad
// when the variable is unset).
func ConfigPath() string { return filepath.Join(xdg.ConfigDir(), "config.json") }

// LoadConfig reads the config file at path over DefaultConfig. A missing
// file is not an error. A malformed one is, naming the file and line, and
// the defaults come with it.
func LoadConfig(path string) (Config, error) {
	c := DefaultConfig()
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read config: %w", err)
	}
	got := DefaultConfig()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return c, fmt.Errorf("%s:%d: %v", path, lineAt(data, se.Offset), err)
		case errors.As(err, &te):
			return c, fmt.Errorf("%s:%d: %v", path, lineAt(data, te.Offset), err)
		}
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if got.TM.MinScore < 1 || got.TM.MinScore > 101 {
		return c, fmt.Errorf("%s: tm.min_score is %d, want 1 to 101", path, got.TM.MinScore)
	}
	if err := got.QA.Validate(); err != nil {
		return c, fmt.Errorf("%s: qa: %w", path, err)
	}
	if err := got.MT.Validate(); err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	return got, nil
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}
