package tui

import (
	"path/filepath"

	"github.com/trad-project/trad/internal/configfile"
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
	// QA configures the quality checks run on confirm (docs/qa.md). After
	// LoadConfig it holds what qa.Resolve chose: this object, or qa.json's.
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

// LoadConfig reads the config file at path over DefaultConfig, through
// internal/configfile, and the QA settings by qa's rule (the "qa" object,
// else qa.json beside the file: qa.Resolve). A missing file is not an
// error. A malformed one is, naming file:line:column, and the defaults
// come with it. The notices are qa.Resolve's, and a qa.json that cannot be
// read (the checks then run with their defaults).
func LoadConfig(path string) (Config, []string, error) {
	c := DefaultConfig()
	if path == "" {
		return c, nil, nil
	}
	got := DefaultConfig()
	f, err := configfile.Read(path, "", &got)
	if err != nil {
		return c, nil, err
	}
	if f != nil {
		if err := got.validate(f); err != nil {
			return c, nil, err
		}
	}
	qc, notices, err := qa.Resolve(got.QA, path)
	if err != nil {
		notices = append(notices, err.Error()+" (running every check)")
	}
	got.QA = qc
	return got, notices, nil
}

// validate checks the values the decoder cannot, placing the problem in f.
func (c *Config) validate(f *configfile.File) error {
	if c.TM.MinScore < 1 || c.TM.MinScore > 101 {
		return f.Errorf([]string{"tm", "min_score"}, "tm.min_score is %d, want 1 to 101", c.TM.MinScore)
	}
	if err := c.QA.ValidateIn(f, "qa"); err != nil {
		return err
	}
	return c.MT.ValidateIn(f)
}
