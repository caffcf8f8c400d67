package mt

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/configfile"
)

// Config is the "mt" object of config.json (docs/mt.md). The zero value
// means: Apertium for the pairs it has, nothing inserted automatically.
type Config struct {
	// Engine is the engine used when none is asked for: a key of Engines,
	// or one of the engine types. Default "apertium".
	Engine string `json:"engine,omitempty"`
	// AutoInsert puts the suggestion into an empty segment when the editor
	// opens it. Off by default: a key inserts it.
	AutoInsert bool `json:"auto_insert,omitempty"`
	// Prefetch is how many following segments the editor asks for ahead
	// (default 3; 0 in the file means the default, -1 none).
	Prefetch int `json:"prefetch,omitempty"`
	// TimeoutSeconds bounds one request, retries included (default 20).
	TimeoutSeconds int `json:"timeout_seconds,omitempty"`
	// Retries is how many times a 429 or 5xx answer is retried (default 2).
	Retries int `json:"retries,omitempty"`
	// Engines configures engines by name.
	Engines map[string]EngineConfig `json:"engines,omitempty"`
}

// EngineConfig is one engine's settings. Keys are never written here: only
// the name of the environment variable that holds one.
type EngineConfig struct {
	// Type is "apertium", "openai", "deepl" or "libretranslate"; it
	// defaults to the entry's name.
	Type string `json:"type,omitempty"`
	// Pairs lists the language pairs ("fr-es") this engine is used for;
	// empty means every pair it accepts.
	Pairs []string `json:"pairs,omitempty"`
	// BaseURL is the HTTP engines' endpoint ("http://localhost:11434/v1").
	BaseURL string `json:"base_url,omitempty"`
	// Model is the chat endpoint's model.
	Model string `json:"model,omitempty"`
	// APIKeyEnv names the environment variable holding the API key.
	APIKeyEnv string `json:"api_key_env,omitempty"`
	// Modes maps a pair to an Apertium mode ("fr-ca": "fra-cat") when the
	// mode is not the pair itself.
	Modes map[string]string `json:"modes,omitempty"`
	// Formality is DeepL's formality option ("less", "more", ...).
	Formality string `json:"formality,omitempty"`
}

// Engine types.
const (
	TypeApertium       = "apertium"
	TypeOpenAI         = "openai"
	TypeDeepL          = "deepl"
	TypeLibreTranslate = "libretranslate"
)

var engineTypes = []string{TypeApertium, TypeOpenAI, TypeDeepL, TypeLibreTranslate}

// Defaults.
const (
	DefaultPrefetch = 3
	DefaultTimeout  = 20 * time.Second
	DefaultRetries  = 2
)

// PrefetchCount is how many following segments to prefetch.
func (c *Config) PrefetchCount() int {
	switch {
	case c == nil || c.Prefetch == 0:
		return DefaultPrefetch
	case c.Prefetch < 0:
		return 0
	}
	return c.Prefetch
}

// Timeout is the bound on one request, retries included.
func (c *Config) Timeout() time.Duration {
	if c == nil || c.TimeoutSeconds <= 0 {
		return DefaultTimeout
	}
	return time.Duration(c.TimeoutSeconds) * time.Second
}

// RetryCount is how many times a 429 or 5xx is retried.
func (c *Config) RetryCount() int {
	if c == nil || c.Retries == 0 {
		return DefaultRetries
	}
	return max(c.Retries, 0)
}

// Lookup returns the settings of the engine called name ("" means
// c.Engine, then "apertium"), with Type filled in.
func (c *Config) Lookup(name string) (string, EngineConfig, error) {
	if name == "" && c != nil {
		name = c.Engine
	}
	if name == "" {
		name = TypeApertium
	}
	var ec EngineConfig
	if c != nil {
		ec = c.Engines[name]
	}
	if ec.Type == "" {
		ec.Type = name
	}
	if !isType(ec.Type) {
		return name, ec, fmt.Errorf("%w: unknown engine %q (configured: %s; types: %s)", ErrNotConfigured,
			name, strings.Join(c.names(), ", "), strings.Join(engineTypes, ", "))
	}
	return name, ec, nil
}

func (c *Config) names() []string {
	var out []string
	if c != nil {
		for n := range c.Engines {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}

func isType(t string) bool {
	for _, x := range engineTypes {
		if x == t {
			return true
		}
	}
	return false
}

// Validate reports settings that cannot work: an unknown engine type, a
// malformed pair, an HTTP engine without a base URL where one is needed.
func (c *Config) Validate() error {
	_, err := c.validate()
	return err
}

// ValidateIn is Validate for the "mt" object of the config file f: the
// error is placed at the setting at fault.
func (c *Config) ValidateIn(f *configfile.File) error {
	keys, err := c.validate()
	if err != nil {
		return f.Errorf(append([]string{"mt"}, keys...), "%w", err)
	}
	return nil
}

// validate is Validate, with the keys of the setting at fault below "mt".
func (c *Config) validate() ([]string, error) {
	if c == nil {
		return nil, nil
	}
	if c.Engine != "" {
		if _, _, err := c.Lookup(c.Engine); err != nil {
			return []string{"engine"}, fmt.Errorf("mt.engine: %w", err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Engines)) {
		if keys, err := c.Engines[name].validate(name); err != nil {
			return append([]string{"engines", name}, keys...), err
		}
	}
	return nil, nil
}

// validate checks the engine called name, as Config.validate.
func (ec EngineConfig) validate(name string) ([]string, error) {
	t := ec.Type
	if t == "" {
		t = name
	}
	if !isType(t) {
		return []string{"type"}, fmt.Errorf("mt.engines.%s: unknown type %q (want %s)", name, t, strings.Join(engineTypes, ", "))
	}
	for i, p := range ec.Pairs {
		if _, _, ok := splitPair(p); !ok {
			return []string{"pairs", strconv.Itoa(i)}, fmt.Errorf("mt.engines.%s.pairs: %q is not a pair like \"fr-es\"", name, p)
		}
	}
	if (t == TypeOpenAI || t == TypeLibreTranslate) && ec.BaseURL == "" {
		return nil, fmt.Errorf("mt.engines.%s: base_url is required for %s", name, t)
	}
	if t == TypeOpenAI && ec.Model == "" {
		return nil, fmt.Errorf("mt.engines.%s: model is required for openai", name)
	}
	return nil, nil
}

// splitPair splits "fr-es" (or "fr_es", "fr>es") into its languages.
func splitPair(p string) (from, to string, ok bool) {
	i := strings.IndexAny(p, "->_")
	if i <= 0 || i == len(p)-1 {
		return "", "", false
	}
	return strings.ToLower(p[:i]), strings.ToLower(strings.Trim(p[i+1:], "->_")), true
}

// LoadConfig reads the "mt" object of the config.json at path (other
// fields are the editor's, checked by it) through internal/configfile. A
// missing file or field is the zero Config. Errors name the file, line
// and column.
func LoadConfig(path string) (*Config, error) {
	f, err := configfile.Open(path)
	if err != nil || f == nil {
		return &Config{}, err
	}
	return decodeConfig(f)
}

// parseConfig is LoadConfig on the file's bytes.
func parseConfig(data []byte, path string) (*Config, error) {
	return decodeConfig(configfile.Parse(data, path))
}

func decodeConfig(f *configfile.File) (*Config, error) {
	c := &Config{}
	found, err := f.Decode("mt", c)
	if err != nil {
		return &Config{}, err
	}
	if !found {
		return c, nil
	}
	if err := c.ValidateIn(f); err != nil {
		return &Config{}, err
	}
	return c, nil
}
