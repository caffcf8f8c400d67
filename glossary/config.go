package glossary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Config is the "glossary" object of config.json (docs/config.md).
type Config struct {
	// UserFile is the glossary file terms are added to, as
	// UserGlossaryPath takes it: an absolute path, "~/…", or a name in the
	// user folder. Empty: the first glossary file of the user folder.
	UserFile string `json:"user_file,omitempty"`
}

// LoadConfig reads the "glossary" object of the config file at path
// (config.json). A missing file or object gives the zero Config; a file
// that is not JSON, or a glossary object with an unknown field or a wrong
// type, is an error naming the file (and the line of a syntax error). The
// editor and `trad glossary add` both read the setting through it, so
// they add terms to the same file.
func LoadConfig(path string) (Config, error) {
	var c Config
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("read config: %w", err)
	}
	var file struct {
		Glossary json.RawMessage `json:"glossary"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(max(se.Offset, 0), int64(len(data)))], []byte("\n"))
			return c, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if len(file.Glossary) == 0 || string(file.Glossary) == "null" {
		return c, nil
	}
	dec := json.NewDecoder(bytes.NewReader(file.Glossary))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, fmt.Errorf("%s: glossary: %w", path, err)
	}
	return c, nil
}
