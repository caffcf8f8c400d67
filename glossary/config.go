package glossary

import "github.com/trad-project/trad/internal/configfile"

// Config is the "glossary" object of config.json (docs/config.md).
type Config struct {
	// UserFile is the glossary file terms are added to, as
	// UserGlossaryPath takes it: an absolute path, "~/…", or a name in the
	// user folder. Empty: the first glossary file of the user folder.
	UserFile string `json:"user_file,omitempty"`
}

// LoadConfig reads the "glossary" object of the config file at path
// (config.json) through internal/configfile. A missing file or object
// gives the zero Config; a file that is not JSON, or a glossary object with
// an unknown field or a wrong type, is an error naming file:line:column. The
// editor and `trad glossary add` both read the setting through it, so
// they add terms to the same file.
func LoadConfig(path string) (Config, error) {
	var c Config
	if _, err := configfile.Read(path, "glossary", &c); err != nil {
		return Config{}, err
	}
	return c, nil
}
