// Package configfile is the one loader of trad's settings files
// (docs/config.md): config.json, whose sections belong to tui (the whole
// file), mt ("mt"), glossary ("glossary") and qa ("qa"); the older qa.json;
// and keys.json. Every file gets the same rules:
//
//   - a missing file is not an error: the caller keeps its defaults;
//   - a syntax error, a field the settings do not have and a value of the
//     wrong type are errors naming file:line:column (an *Error);
//   - a problem the owner finds after decoding (a score out of range, an
//     unknown check) is placed with File.Errorf, the same way.
package configfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a problem in a settings file. Line and Col (1-based; the column
// counts characters) are 0 when the problem has no place in the file.
type Error struct {
	Path      string
	Line, Col int
	Err       error
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// File is one settings file as read: its bytes stay to place the problems
// found after decoding.
type File struct {
	Path string
	data []byte
}

// Read reads the settings file at path and decodes its object section
// ("" for the whole file) into v, strictly. A missing file gives a nil
// File and no error, leaving v alone; so does a missing or null section.
func Read(path, section string, v any) (*File, error) {
	f, err := Open(path)
	if f == nil || err != nil {
		return nil, err
	}
	if _, err := f.Decode(section, v); err != nil {
		return f, err
	}
	return f, nil
}

// Open reads the file at path without decoding it: nil for a missing file.
func Open(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading settings: %w", err)
	}
	return Parse(data, path), nil
}

// Parse is Open on bytes already read; path names the file in errors.
func Parse(data []byte, path string) *File {
	// Windows editors may start the file with a byte-order mark, which JSON
	// does not allow; it is not part of the settings.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	return &File{Path: path, data: data}
}

// Decode decodes the object section of the file ("" for the whole file)
// into v and reports whether it was there. An empty file is an empty
// object. Unknown fields, values of the wrong type and values v's types
// refuse (their UnmarshalJSON or UnmarshalText) are errors naming the
// place; v is left alone then.
func (f *File) Decode(section string, v any) (bool, error) {
	if len(bytes.TrimSpace(f.data)) == 0 {
		return false, nil
	}
	if err := f.syntax(); err != nil {
		return false, err
	}
	start, err := f.section(section)
	if start < 0 || err != nil {
		return false, err
	}
	var path []string
	if section != "" {
		path = []string{section}
	}
	if err := f.check(start, v, path); err != nil {
		return false, err
	}
	dec := json.NewDecoder(bytes.NewReader(f.data[start:]))
	if err := dec.Decode(v); err != nil {
		// check accepted what the decoder refuses: report it all the same.
		return false, f.errAt(int64(start), err)
	}
	return true, nil
}

// Errorf returns an error placed at the field named by keys (object keys,
// or array indexes in decimal), or at the deepest of them the file has.
func (f *File) Errorf(keys []string, format string, args ...any) error {
	return f.errAt(f.locate(keys), fmt.Errorf(format, args...))
}

// errAt returns err placed at byte offset off; a negative off names only the file.
func (f *File) errAt(off int64, err error) *Error {
	e := &Error{Path: f.Path, Err: err}
	if off >= 0 {
		e.Line, e.Col = f.position(off)
	}
	return e
}

// position returns the 1-based line and column (in characters) of offset off.
func (f *File) position(off int64) (line, col int) {
	off = min(max(off, 0), int64(len(f.data)))
	before := f.data[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return 1 + bytes.Count(before, []byte("\n")), 1 + utf8.RuneCount(before[lineStart:])
}

// syntax reports the first syntax error of the file, at its character.
func (f *File) syntax() error {
	var raw json.RawMessage
	err := json.Unmarshal(f.data, &raw)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return nil
	}
	off := se.Offset // the decoder stops after the bad character
	if !strings.Contains(se.Error(), "end of JSON input") {
		off--
	}
	return f.errAt(off, errors.New(strings.TrimPrefix(se.Error(), "json: ")))
}

// section returns the offset of the value of the top-level key name (the
// whole file for ""), or -1 when it is absent or null.
func (f *File) section(name string) (int, error) {
	top := skipSep(f.data, 0)
	if f.data[top] != '{' {
		return -1, f.errAt(int64(top), errors.New("want a JSON object {…}"))
	}
	if name == "" {
		return top, nil
	}
	_, at := f.find([]string{name})
	if at < 0 || bytes.HasPrefix(f.data[at:], []byte("null")) {
		return -1, nil
	}
	return at, nil
}

// locate returns the offset of the key (or array element) keys names, or of
// the deepest one present; -1 when not even the first is.
func (f *File) locate(keys []string) int64 {
	at, _ := f.find(keys)
	return int64(at)
}

// find returns the offsets of the deepest key of keys present in the file
// (its name, and its value), -1 for none. The file is valid JSON here. A key
// given twice is found at its last place, the one the decoder keeps.
func (f *File) find(keys []string) (keyAt, valueAt int) {
	keyAt, valueAt = -1, -1
	start := 0
	for _, k := range keys {
		dec := json.NewDecoder(bytes.NewReader(f.data[start:]))
		tok, err := dec.Token()
		if err != nil {
			break
		}
		var kAt, vAt int
		switch tok {
		case json.Delim('{'):
			kAt, vAt = f.objectKey(dec, start, k)
		case json.Delim('['):
			kAt = f.arrayElement(dec, start, k)
			vAt = kAt
		default:
			kAt = -1
		}
		if kAt < 0 {
			break
		}
		keyAt, valueAt, start = kAt, vAt, vAt
	}
	return keyAt, valueAt
}

// objectKey finds key k in the object dec has just opened (dec reads the
// file from base): the offsets of its last occurrence and of its value.
func (f *File) objectKey(dec *json.Decoder, base int, k string) (keyAt, valueAt int) {
	keyAt, valueAt = -1, -1
	for dec.More() {
		kAt := skipSep(f.data, base+int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			break
		}
		vAt := skipSep(f.data, base+int(dec.InputOffset()))
		if tok == k {
			keyAt, valueAt = kAt, vAt
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return keyAt, valueAt
}

// arrayElement finds element number k (decimal, from 0) of the array dec
// has just opened (dec reads the file from base): its offset, or -1.
func (f *File) arrayElement(dec *json.Decoder, base int, k string) int {
	n, err := strconv.Atoi(k)
	if err != nil || n < 0 {
		return -1
	}
	for i := 0; dec.More(); i++ {
		at := skipSep(f.data, base+int(dec.InputOffset()))
		if i == n {
			return at
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return -1
}

// skipSep returns the offset of the first byte at or after off that is not
// JSON white space or a separator (',' ':'): where the next token starts.
func skipSep(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}
