package configfile

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// check walks the JSON value at offset start against v's Go type before the
// decoder fills v, because encoding/json reports neither the place of an
// unknown field nor that of a value its UnmarshalText refuses, and it
// matches field names regardless of case; settings files want exact names
// and a line and column for every problem. The file is valid JSON here.
func (f *File) check(start int, v any, path []string) error {
	dec := json.NewDecoder(bytes.NewReader(f.data[start:]))
	dec.UseNumber()
	w := &walker{f: f, dec: dec, base: start}
	return w.value(reflect.TypeOf(v), path)
}

type walker struct {
	f    *File
	dec  *json.Decoder
	base int // offset of the decoder's input in the file
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// at is the offset where the next token starts.
func (w *walker) at() int64 { return int64(skipSep(w.f.data, w.base+int(w.dec.InputOffset()))) }

// value checks the next JSON value against type t.
func (w *walker) value(t reflect.Type, path []string) error {
	at := w.at()
	for t.Kind() == reflect.Pointer && !custom(t) {
		t = t.Elem()
	}
	if custom(t) || t.Kind() == reflect.Interface {
		return w.raw(t, at, path)
	}
	tok, err := w.dec.Token()
	if err != nil {
		return w.f.errAt(at, err)
	}
	if tok == nil {
		return nil // null leaves the setting as it was, as the decoder does
	}
	want, ok := "", true
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			want, ok = "an object {…}", false
			break
		}
		return w.object(t, path)
	case reflect.Map:
		if tok != json.Delim('{') {
			want, ok = "an object {…}", false
			break
		}
		return w.entries(t.Elem(), path)
	case reflect.Slice, reflect.Array:
		if tok != json.Delim('[') {
			want, ok = "a list […]", false
			break
		}
		return w.elements(t.Elem(), path)
	default:
		want, ok = scalar(t, tok)
	}
	if !ok {
		return w.f.errAt(at, fmt.Errorf("%swant %s, got %s", prefix(path), want, describe(tok)))
	}
	return nil
}

// custom reports whether t (or *t) decodes itself.
func custom(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return t.Implements(jsonUnmarshaler) || t.Implements(textUnmarshaler) ||
		p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
}

// raw checks a value of a type that decodes itself by decoding it alone.
func (w *walker) raw(t reflect.Type, at int64, path []string) error {
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		return w.f.errAt(at, err)
	}
	if t.Kind() == reflect.Interface {
		return nil
	}
	err := json.Unmarshal(raw, reflect.New(t).Interface())
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := "text in quotes" // what UnmarshalText reads
		if !reflect.PointerTo(t).Implements(textUnmarshaler) && !t.Implements(textUnmarshaler) {
			want = strings.TrimPrefix(te.Type.String(), "*")
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		tok, _ := dec.Token()
		return w.f.errAt(at, fmt.Errorf("%swant %s, got %s", prefix(path), want, describe(tok)))
	}
	return w.f.errAt(at, fmt.Errorf("%s%s", prefix(path), strings.TrimPrefix(err.Error(), "json: ")))
}

// object checks the fields of a struct, after its '{'.
func (w *walker) object(t reflect.Type, path []string) error {
	known := fields(t)
	return w.members(path, func(name string) (reflect.Type, error) {
		ft, ok := known[name]
		if !ok {
			return nil, unknownField(name, known, path)
		}
		return ft, nil
	})
}

// entries checks the values of a map, after its '{'.
func (w *walker) entries(elem reflect.Type, path []string) error {
	return w.members(path, func(string) (reflect.Type, error) { return elem, nil })
}

// members checks the members of an object, after its '{': typeOf gives the
// type of a member's value by its name, or why the name is refused.
func (w *walker) members(path []string, typeOf func(name string) (reflect.Type, error)) error {
	for w.dec.More() {
		at := w.at()
		tok, err := w.dec.Token()
		if err != nil {
			return w.f.errAt(at, err)
		}
		name, _ := tok.(string)
		t, err := typeOf(name)
		if err != nil {
			return w.f.errAt(at, err)
		}
		if err := w.value(t, with(path, name)); err != nil {
			return err
		}
	}
	_, err := w.dec.Token()
	return err
}

// elements checks the elements of a list, after its '['.
func (w *walker) elements(elem reflect.Type, path []string) error {
	for i := 0; w.dec.More(); i++ {
		if err := w.value(elem, with(path, "["+strconv.Itoa(i)+"]")); err != nil {
			return err
		}
	}
	_, err := w.dec.Token()
	return err
}

// scalar reports whether tok fits a string, boolean or number type t, and
// otherwise what t wants.
func scalar(t reflect.Type, tok json.Token) (string, bool) {
	n, isNum := tok.(json.Number)
	switch t.Kind() {
	case reflect.String:
		_, ok := tok.(string)
		return "text in quotes", ok
	case reflect.Bool:
		_, ok := tok.(bool)
		return "true or false", ok
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		_, err := strconv.ParseInt(string(n), 10, t.Bits())
		return "a whole number", isNum && err == nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		_, err := strconv.ParseUint(string(n), 10, t.Bits())
		return "a whole number ≥ 0", isNum && err == nil
	case reflect.Float32, reflect.Float64:
		_, err := strconv.ParseFloat(string(n), t.Bits())
		return "a number", isNum && err == nil
	}
	return "nothing (" + t.String() + " is not a setting)", false
}

// describe names a JSON token for a message.
func describe(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "a list"
	case string:
		return strconv.Quote(v)
	case json.Number:
		return "the number " + string(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return "null"
}

// fields returns the JSON names of the fields of struct t and their types,
// as encoding/json sees them: the tag's name or the field's, "-" left out,
// the fields of an untagged embedded struct promoted unless shadowed.
func fields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	promoted := map[string]reflect.Type{}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if sf.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			for k, v := range fields(ft) {
				promoted[k] = v
			}
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		out[name] = sf.Type
	}
	for k, v := range promoted {
		if _, ok := out[k]; !ok {
			out[k] = v
		}
	}
	return out
}

// unknownField says which field was not expected and which are.
func unknownField(name string, known map[string]reflect.Type, path []string) error {
	names := make([]string, 0, len(known))
	for k := range known {
		if strings.EqualFold(k, name) {
			return fmt.Errorf("%sunknown field %q: did you mean %q?", prefix(path), name, k)
		}
		names = append(names, k)
	}
	sort.Strings(names)
	return fmt.Errorf("%sunknown field %q (fields: %s)", prefix(path), name, strings.Join(names, ", "))
}

// with returns path and name, in a new slice: path is shared by siblings.
func with(path []string, name string) []string {
	return append(path[:len(path):len(path)], name)
}

// prefix is "a.b[2]: " for a path, "" for the top.
func prefix(path []string) string {
	if len(path) == 0 {
		return ""
	}
	var b strings.Builder
	for i, p := range path {
		if i > 0 && !strings.HasPrefix(p, "[") {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String() + ": "
}
