package qa

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/trad-project/trad/internal/configfile"
)

// Config says which checks run and how serious their findings are. The zero
// value (and a nil *Config) runs every check at its default severity.
//
// On disk it is the "qa" object of $XDG_CONFIG_HOME/trad/config.json (or,
// for older set-ups, the whole of qa.json; see Resolve):
//
//	"qa": {
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
	bad := c.unknown()
	if len(bad) == 0 {
		return nil
	}
	ids := make([]string, len(bad))
	for i, b := range bad {
		ids[i] = b.id
	}
	sort.Strings(ids)
	return fmt.Errorf("unknown check %s (checks: %s)", strings.Join(ids, ", "), strings.Join(CheckIDs(), ", "))
}

// ValidateIn is Validate for the settings read from f under keys ("qa" in
// config.json, none in qa.json): the error is placed at the first unknown
// check id.
func (c *Config) ValidateIn(f *configfile.File, keys ...string) error {
	err := c.Validate()
	if err == nil {
		return nil
	}
	b := c.unknown()[0]
	return f.Errorf(append(keys[:len(keys):len(keys)], b.keys...), "%w", err)
}

type unknownID struct {
	id   string
	keys []string // where it is, below the settings' object
}

// unknown lists the check ids of c that do not exist, in file order for
// disable; severity's come after, sorted (a map has no order).
func (c *Config) unknown() []unknownID {
	if c == nil {
		return nil
	}
	var bad []unknownID
	for i, id := range c.Disable {
		if _, ok := defaultSeverity(id); !ok {
			bad = append(bad, unknownID{id, []string{"disable", strconv.Itoa(i)}})
		}
	}
	var sev []string
	for id := range c.Severity {
		if _, ok := defaultSeverity(id); !ok {
			sev = append(sev, id)
		}
	}
	sort.Strings(sev)
	for _, id := range sev {
		bad = append(bad, unknownID{id, []string{"severity", id}})
	}
	return bad
}

// legacyName is the file QA settings had, beside config.json, before they
// moved into its "qa" object (see Resolve).
const legacyName = "qa.json"

// LoadConfig reads a file that holds only QA settings, as qa.json does and
// the file given to `trad qa --config`. A missing file is not an error: it
// gives the defaults. Unknown fields and check ids are errors naming
// file:line:column.
func LoadConfig(path string) (*Config, error) {
	c, _, err := loadFile(path)
	return c, err
}

// loadFile is LoadConfig, and whether the file exists.
func loadFile(path string) (*Config, bool, error) {
	cfg := &Config{}
	f, err := configfile.Read(path, "", cfg)
	if err != nil {
		return nil, f != nil, err
	}
	if f == nil {
		return cfg, false, nil
	}
	if err := cfg.ValidateIn(f); err != nil {
		return nil, true, err
	}
	return cfg, true, nil
}

// Load returns the QA settings of the config.json at configPath: its "qa"
// object, or qa.json beside it when config.json has none (see Resolve).
// Both `trad qa` and the editor (tui.LoadConfig) follow this rule. The
// notices say which file was left out or should be moved.
func Load(configPath string) (*Config, []string, error) {
	if configPath == "" {
		return &Config{}, nil, nil
	}
	var c *Config
	f, err := configfile.Read(configPath, "qa", &c)
	if err != nil {
		return &Config{}, nil, err
	}
	if err := c.ValidateIn(f, "qa"); err != nil {
		return &Config{}, nil, err
	}
	return Resolve(c, configPath)
}

// Resolve picks the QA settings among the two files that may hold them.
// The "qa" object of config.json (fromConfig; nil when config.json has
// none) is the one place: every other setting is in config.json too. A
// qa.json beside config.json is ignored then, with a notice; without a
// "qa" object, qa.json is read, as before, with a notice asking to move
// it. Neither gives the checks' defaults. An error is qa.json's.
func Resolve(fromConfig *Config, configPath string) (*Config, []string, error) {
	legacy := filepath.Join(filepath.Dir(configPath), legacyName)
	if fromConfig != nil {
		if _, err := os.Stat(legacy); err == nil {
			return fromConfig, []string{fmt.Sprintf("%s: ignored: the \"qa\" object of %s holds the QA settings and wins; "+
				"move what you still need from %s into it, then delete %[3]s", legacy, configPath, legacyName)}, nil
		}
		return fromConfig, nil, nil
	}
	c, exists, err := loadFile(legacy)
	if err != nil {
		return &Config{}, nil, err
	}
	if !exists {
		return c, nil, nil
	}
	return c, []string{fmt.Sprintf("%s: deprecated: QA settings belong in the \"qa\" object of %s; "+
		"%s is read while that object is missing", legacy, configPath, legacyName)}, nil
}
