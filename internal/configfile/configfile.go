// Package configfile reads one named object of trad's config.json
// (docs/config.md) the same way for every package that owns a section:
// mt ("mt") and glossary ("glossary"). A syntax error names the file and
// line; an unknown field in the section is an error.
package configfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Read decodes the object name of the config file at path into v. A
// missing file or object leaves v alone and reports false.
func Read(path, name string, v any) (bool, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read config: %w", err)
	}
	return Decode(data, path, name, v)
}

// Decode is Read on the file's bytes; path names the file in errors.
func Decode(data []byte, path, name string, v any) (bool, error) {
	var file map[string]json.RawMessage
	if err := json.Unmarshal(data, &file); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(max(se.Offset, 0), int64(len(data)))], []byte("\n"))
			return false, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		return false, fmt.Errorf("%s: %w", path, err)
	}
	raw := file[name]
	if len(raw) == 0 || string(raw) == "null" {
		return false, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return false, fmt.Errorf("%s: %s: %w", path, name, err)
	}
	return true, nil
}
