package segments

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The blocks list holds the whole article's text (50 MB for a 50 MB
// article): json.Decoder scanned it twice byte by byte (to find each item's
// end, then to decode it) and decoded each field by reflection, 0.4 s of the
// 0.5 s a 50 MB many-paragraph project took to decode, before the editor's
// first frame. blocks reads that list itself: it finds each item's end with
// bytes.IndexByte over the strings, and decodes the record shape trad writes
// (parseBlock); any other item goes to encoding/json, which decodes it or
// says what is wrong, so what a file means is unchanged.

// blocks decodes the value of the "blocks" field, the json.Decoder having
// just read its key, then hands the rest of the file to a new json.Decoder.
func (d *projectDecoder) blocks(out []Block) ([]Block, error) {
	s := &rawScanner{r: io.MultiReader(d.dec.Buffered(), d.src), off: d.offset()}
	out, err := d.blockList(s, out)
	if err != nil {
		return nil, err
	}
	// The top-level object goes on with ',' and the next field, or ends
	// with '}': the new decoder reads "{" then what follows the ','.
	c, err := s.nonSpace()
	if err != nil {
		return nil, err
	}
	if c != ',' && c != '}' {
		d.at = s.abs()
		return nil, fmt.Errorf("invalid character %q after the blocks", c)
	}
	if c == ',' {
		// A field must follow, as encoding/json requires: "," then "}"
		// would read as "{}" once the new decoder's "{" is put before it.
		s.pos++
		if c, err = s.nonSpace(); err != nil {
			return nil, err
		}
		if c != '"' {
			d.at = s.abs()
			return nil, fmt.Errorf("invalid character %q looking for beginning of object key string", c)
		}
	}
	rest := bytes.Clone(s.buf[s.pos:]) // not the buffer the text grew
	d.shift = s.abs() - 1
	d.dec = json.NewDecoder(io.MultiReader(strings.NewReader("{"), bytes.NewReader(rest), s.r))
	_, err = d.token()
	return out, err
}

// blockList reads `: [item, …]` or `: null`.
func (d *projectDecoder) blockList(s *rawScanner, out []Block) ([]Block, error) {
	c, err := s.nonSpace()
	if err != nil || c != ':' {
		d.at = s.abs()
		return nil, cmp(err, errors.New("invalid character after the key \"blocks\""))
	}
	s.pos++
	if c, err = s.nonSpace(); err != nil {
		return nil, err
	}
	d.at = s.abs()
	if c != '[' {
		raw, err := s.value()
		if err == nil && string(raw) == "null" {
			return out, nil
		}
		return nil, cmp(err, errors.New(`"blocks" is not a list`))
	}
	s.pos++
	for i := 0; ; i++ {
		if c, err = s.nonSpace(); err != nil {
			return nil, err
		}
		if i == 0 && c == ']' {
			s.pos++
			return out, nil
		}
		d.at = s.abs()
		raw, err := s.value()
		if err != nil {
			return nil, err
		}
		out = append(out, Block{})
		if err := d.blockItem(raw, &out[len(out)-1]); err != nil {
			return nil, fmt.Errorf("blocks item %d: %w", i, err)
		}
		if c, err = s.nonSpace(); err != nil {
			return nil, err
		}
		s.pos++
		if c == ']' {
			return out, nil
		}
		if c != ',' {
			d.at = s.abs() - 1
			return nil, fmt.Errorf("blocks item %d: invalid character %q after it", i, c)
		}
	}
}

// cmp returns err, or other when err is nil.
func cmp(err, other error) error {
	if err != nil {
		return err
	}
	return other
}

// blockItem decodes one item of the blocks list into b, keeping its spans.
func (d *projectDecoder) blockItem(raw []byte, b *Block) error {
	var spans spanList
	if !parseBlock(raw, b, &spans) {
		*b, spans = Block{}, nil
		rec := blockRecord{Block: b}
		if err := json.Unmarshal(raw, &rec); err != nil {
			return err
		}
		spans = rec.Spans
	}
	d.spans = append(d.spans, []int(spans))
	d.hasSpans = d.hasSpans || spans != nil
	return nil
}

// rawScanner reads JSON values from r as raw bytes.
type rawScanner struct {
	r   io.Reader
	buf []byte // buf[pos:] is not read yet
	pos int
	off int64 // the file offset of buf[0]
}

// abs is the file offset of the next byte.
func (s *rawScanner) abs() int64 { return s.off + int64(s.pos) }

// more reads more input into buf, dropping what is before keep (which
// moves to 0: it returns how far); io.ErrUnexpectedEOF at the end.
func (s *rawScanner) more(keep int) (int, error) {
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:])
		s.buf, s.pos, s.off = s.buf[:n], s.pos-keep, s.off+int64(keep)
	}
	if cap(s.buf)-len(s.buf) < 64<<10 {
		s.buf = append(s.buf, make([]byte, max(256<<10, len(s.buf)))...)[:len(s.buf)]
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if n == 0 && err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return keep, err
	}
	return keep, nil
}

// nonSpace skips white space and returns the next byte without taking it.
func (s *rawScanner) nonSpace() (byte, error) {
	for {
		for ; s.pos < len(s.buf); s.pos++ {
			if c := s.buf[s.pos]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				return c, nil
			}
		}
		if _, err := s.more(s.pos); err != nil {
			return 0, err
		}
	}
}

// value takes the JSON value that starts at pos and returns its bytes,
// valid until the next call: an object or list up to its closing bracket,
// a string up to its closing quote, anything else up to a separator. It
// does not check the syntax inside (parseBlock or encoding/json do).
func (s *rawScanner) value() ([]byte, error) {
	first := s.buf[s.pos]
	i, depth, inStr, quote := s.pos, 0, false, -1
	for {
		if i >= len(s.buf) {
			moved, err := s.more(s.pos)
			if err != nil {
				return nil, err
			}
			i, quote = i-moved, -1
			continue
		}
		if inStr {
			// The next quote is found once, not again after each escape.
			if quote < i {
				quote = len(s.buf)
				if q := bytes.IndexByte(s.buf[i:], '"'); q >= 0 {
					quote = i + q
				}
			}
			if b := bytes.IndexByte(s.buf[i:quote], '\\'); b >= 0 {
				i += b + 2 // the escaped byte may not be read yet
				continue
			}
			if i = quote; i == len(s.buf) {
				continue
			}
			inStr = false
		} else {
			switch c := s.buf[i]; {
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
			case depth == 0 && i > s.pos && (c == ',' || c == ' ' || c == '\n' || c == '\t' || c == '\r'):
				raw := s.buf[s.pos:i] // a scalar
				s.pos = i
				return raw, nil
			}
			if depth < 0 && first != '{' && first != '[' {
				raw := s.buf[s.pos:i] // a scalar closed by its list
				s.pos = i
				return raw, nil
			}
		}
		i++
		if depth == 0 && !inStr && (first == '{' || first == '[' || first == '"') {
			raw := s.buf[s.pos:i]
			s.pos = i
			return raw, nil
		}
	}
}

// parseBlock decodes raw into b and spans when it is a block record of the
// shape trad writes: an object of the fields named here, with strings,
// integers of at most 15 digits, booleans and a list of integers for
// values; false for anything else (codes, overrides, other keys, null,
// floats, invalid UTF-8 or a surrogate escape), which encoding/json then
// decodes.
func parseBlock(raw []byte, b *Block, spans *spanList) bool {
	p := blockParser{data: raw}
	if !p.byte('{') {
		return false
	}
	if p.byte('}') {
		return p.i == len(p.data)
	}
	for {
		key, ok := p.str()
		if !ok || !p.byte(':') {
			return false
		}
		switch key {
		case "kind":
			var s string
			s, ok = p.str()
			b.Kind = BlockKind(s)
		case "marker":
			b.Marker, ok = p.str()
		case "info":
			b.Info, ok = p.str()
		case "text":
			b.Text, ok = p.str()
		case "level":
			b.Level, ok = p.int()
		case "first":
			b.First, ok = p.int()
		case "count":
			b.Count, ok = p.int()
		case "plain":
			b.Plain, ok = p.bool()
		case "spans":
			ok = p.spans(spans)
		default:
			return false
		}
		if !ok {
			return false
		}
		if p.byte('}') {
			return p.i == len(p.data)
		}
		if !p.byte(',') {
			return false
		}
	}
}

// blockParser reads the values parseBlock accepts from data.
type blockParser struct {
	data []byte
	i    int
}

// byte takes c, after white space, and the white space after it.
func (p *blockParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.data) && p.data[p.i] == c {
		p.i++
		p.space()
		return true
	}
	return false
}

func (p *blockParser) space() {
	for p.i < len(p.data) && (p.data[p.i] == ' ' || p.data[p.i] == '\n' || p.data[p.i] == '\t' || p.data[p.i] == '\r') {
		p.i++
	}
}

// str reads a string; the text is copied once.
func (p *blockParser) str() (string, bool) {
	if p.i >= len(p.data) || p.data[p.i] != '"' {
		return "", false
	}
	start := p.i + 1
	// Most texts have no escape: found with IndexByte and checked eight
	// bytes at a time, not byte by byte (50 MB of them).
	if q := bytes.IndexByte(p.data[start:], '"'); q >= 0 {
		text := p.data[start : start+q]
		if bytes.IndexByte(text, '\\') < 0 && !hasControl(text) {
			if !utf8.Valid(text) {
				return "", false
			}
			p.i = start + q + 1
			return string(text), true
		}
	}
	return p.escaped(start)
}

// hasControl reports whether b holds a byte below 0x20, which a JSON
// string cannot (a byte of x below 0x20 sets its high bit in x-0x20…20
// where it is clear in x; a borrow only reaches bytes above such a byte).
func hasControl(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]); (x-0x20*ones)&^x&highs != 0 {
			return true
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x20 {
			return true
		}
	}
	return false
}

// escaped reads a string with escapes, or control bytes to refuse, from
// data[start].
func (p *blockParser) escaped(start int) (string, bool) {
	var out []byte
	j := start
	for {
		k := j
		for k < len(p.data) && p.data[k] != '"' && p.data[k] != '\\' && p.data[k] >= 0x20 {
			k++
		}
		out = append(out, p.data[j:k]...)
		if k >= len(p.data) || p.data[k] < 0x20 {
			return "", false
		}
		if p.data[k] == '"' {
			if !utf8.Valid(out) {
				return "", false
			}
			p.i = k + 1
			return string(out), true
		}
		if k+1 >= len(p.data) {
			return "", false
		}
		j = k + 2
		switch e := p.data[k+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(p.data[k+2:])
			if !ok || 0xD800 <= r && r < 0xE000 {
				return "", false // surrogates: encoding/json pairs them
			}
			out, j = utf8.AppendRune(out, r), k+6
		default:
			return "", false
		}
	}
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// int reads an integer of at most 15 digits.
func (p *blockParser) int() (int, bool) {
	n, next, ok := scanInt(p.data, p.i)
	p.i = next
	return n, ok
}

func (p *blockParser) bool() (bool, bool) {
	for _, lit := range []string{"true", "false"} {
		if bytes.HasPrefix(p.data[p.i:], []byte(lit)) {
			p.i += len(lit)
			return lit == "true", true
		}
	}
	return false, false
}

// spans reads a list of integers.
func (p *blockParser) spans(spans *spanList) bool {
	if p.i >= len(p.data) || p.data[p.i] != '[' {
		return false
	}
	end := bytes.IndexByte(p.data[p.i:], ']')
	if end < 0 {
		return false
	}
	out, ok := parseInts(p.data[p.i:p.i+end+1], (*spans)[:0])
	p.i += end + 1
	*spans = out
	return ok
}
