package segments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// projectDecoder reads a project file as a stream of JSON tokens: the
// header fields, then the blocks, segments and orphans one item at a time,
// each decoded in place into its slice. Only one item's JSON is held at
// once (json.Decoder's buffer), never the whole file: the 50 MB article's
// project used to be read whole (178 MB), then decoded.
type projectDecoder struct {
	dec *json.Decoder
	// src is what dec reads; shift is the file offset of dec's offset 0
	// (blocks hands the rest of the file to a new decoder).
	src   io.Reader
	shift int64
	// size is the file's size, 0 when unknown: it bounds how many segments
	// are allocated ahead from what the blocks announce.
	size int64
	// at is the input offset of the value being decoded, for the line of
	// an error.
	at int64
	// spans are the blocks' spans (blockRecord); hasSpans is false for a
	// file written before schema 3, whose segments list holds every
	// segment.
	spans    [][]int
	hasSpans bool
	// lastWorked is the index of the last segment record placed.
	lastWorked int
}

// decodeError is a decoding error at byte offset Offset of the file.
type decodeError struct {
	Offset int64
	Err    error
}

func (e *decodeError) Error() string { return e.Err.Error() }
func (e *decodeError) Unwrap() error { return e.Err }

// decodeProject decodes a project file of any schema read from r (size
// bytes long, or 0 when unknown). Segments without a stored source (schema
// 3) get theirs from their block's text when their offsets fit in it; Check
// verifies the rest. Errors are *decodeError.
func decodeProject(r io.Reader, size int64) (*projectFile, error) {
	src := bufio.NewReaderSize(r, 256<<10)
	d := &projectDecoder{dec: json.NewDecoder(src), src: src, size: size}
	pf, err := d.file()
	if err != nil {
		return nil, &decodeError{Offset: d.at, Err: err}
	}
	return pf, nil
}

// file decodes the top-level object. Header fields are gathered as raw JSON
// and unmarshalled into projectFile at the end, so that any field added to
// it is read without a change here.
func (d *projectDecoder) file() (*projectFile, error) {
	if err := d.delim('{', "the project file is not a JSON object"); err != nil {
		return nil, err
	}
	pf := &projectFile{}
	head := []byte{'{'}
	var err error
	for d.dec.More() {
		var tok json.Token
		tok, err = d.token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		switch key {
		case "blocks":
			d.spans, d.hasSpans = d.spans[:0], false
			pf.Blocks, err = d.blocks(pf.Blocks[:0])
		case "segments":
			if d.hasSpans {
				// Schema 3: the blocks gave every segment its place; the
				// list holds those with more (needsRecord).
				pf.Segments, err = d.spanSegments(pf.Blocks)
				if d.lastWorked = -1; err == nil {
					_, err = decodeList(d, key, nil, func(*Segment) error { return d.record(pf.Segments) })
				}
			} else {
				pf.Segments, err = decodeList(d, key, d.segmentSpace(pf.Blocks), d.segment)
			}
		case "orphans":
			pf.Orphans, err = decodeList(d, key, pf.Orphans[:0], func(s *Segment) error { return d.dec.Decode(s) })
		default:
			var raw json.RawMessage
			if err = d.dec.Decode(&raw); err == nil {
				k, _ := json.Marshal(key)
				head = append(append(append(append(head, k...), ':'), raw...), ',')
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := d.delim('}', "the project file's object is not closed"); err != nil {
		return nil, err
	}
	if d.hasSpans && pf.Segments == nil {
		// Blocks with spans and no segments list.
		if pf.Segments, err = d.spanSegments(pf.Blocks); err != nil {
			return nil, err
		}
	}
	deriveSources(pf)
	if _, err := d.token(); err != io.EOF {
		return nil, errors.New("data after the end of the project")
	}
	head = append(bytes.TrimSuffix(head, []byte{','}), '}')
	d.at = -1 // somewhere in the header
	if err := json.Unmarshal(head, pf); err != nil {
		return nil, err
	}
	return pf, nil
}

// token reads the next token, setting at to where it starts or to where
// its syntax error is.
func (d *projectDecoder) token() (json.Token, error) {
	d.at = d.offset()
	tok, err := d.dec.Token()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		d.at = se.Offset + d.shift
	}
	return tok, err
}

// offset is the file offset of the decoder's next byte.
func (d *projectDecoder) offset() int64 { return d.dec.InputOffset() + d.shift }

// delim reads the next token, which must be the delimiter want.
func (d *projectDecoder) delim(want json.Delim, msg string) error {
	tok, err := d.token()
	if err != nil {
		return err
	}
	if tok != want {
		return errors.New(msg)
	}
	return nil
}

// segmentSpace returns an empty slice with room for the segments the
// blocks announce, so that half a million segments are not copied as the
// slice grows; at most one per 32 bytes of the file, which a forged count
// cannot exceed.
func (d *projectDecoder) segmentSpace(blocks []Block) []Segment {
	if len(blocks) == 0 || d.size <= 0 {
		return nil
	}
	last := blocks[len(blocks)-1]
	n := last.First + last.Count
	if n <= 0 || int64(n) > d.size/32 {
		return nil
	}
	return make([]Segment, 0, n)
}

// segment decodes a segmentRecord into s: the stored source of a schema 1
// or 2 file, when there is one, is kept for Check to compare.
func (d *projectDecoder) segment(s *Segment) error {
	rec := segmentRecord{Segment: s}
	if err := d.dec.Decode(&rec); err != nil {
		return err
	}
	if rec.Source != "" {
		s.Source = rec.Source
	}
	return nil
}

// spanSegments returns the segments the blocks' spans place, without
// their work: what a schema 3 file holds for a segment without a record.
func (d *projectDecoder) spanSegments(blocks []Block) ([]Segment, error) {
	n := 0
	for bi, sp := range d.spans {
		if len(sp)%2 != 0 || len(sp)/2 != blocks[bi].Count || blocks[bi].First != n {
			return nil, fmt.Errorf("block %d: %d spans for segments %d..%d (the previous blocks hold %d)", bi, len(sp)/2, blocks[bi].First, blocks[bi].First+blocks[bi].Count, n)
		}
		n += len(sp) / 2
	}
	// The fields are set in place: a whole Segment (256 bytes) copied in
	// goes through the collector's bulk write barrier while it marks.
	segs := make([]Segment, n)
	i := 0
	for bi, sp := range d.spans {
		text, end := blocks[bi].Text, 0
		for k := 0; k < len(sp); k += 2 {
			start, stop := end+sp[k], end+sp[k]+sp[k+1]
			if start < end || stop < start || stop > len(text) {
				return nil, fmt.Errorf("block %d: segment %d at bytes %d..%d of a %d-byte text", bi, i, start, stop, len(text))
			}
			s := &segs[i]
			s.Index, s.Block, s.Start, s.End, s.Source = i, bi, start, stop, text[start:stop]
			end = stop
			i++
		}
	}
	return segs, nil
}

// record decodes a segment's record (see needsRecord) into its place in
// segs, which it must match; records come in order of index.
func (d *projectDecoder) record(segs []Segment) error {
	var s Segment
	if err := d.segment(&s); err != nil {
		return err
	}
	if s.Index < 0 || s.Index >= len(segs) || s.Index <= d.lastWorked {
		return fmt.Errorf("index %d out of order or range (%d segments)", s.Index, len(segs))
	}
	at := &segs[s.Index]
	if s.Block != at.Block || s.Start != at.Start || s.End != at.End || s.Source != "" && s.Source != at.Source {
		return fmt.Errorf("segment %d: block %d bytes %d..%d, where its block's spans put block %d bytes %d..%d", s.Index, s.Block, s.Start, s.End, at.Block, at.Start, at.End)
	}
	d.lastWorked = s.Index
	s.Source = at.Source
	*at = s
	return nil
}

// decodeList decodes the value of the field name, a JSON list (or null),
// appending each item to out with decode.
func decodeList[T any](d *projectDecoder, name string, out []T, decode func(*T) error) ([]T, error) {
	tok, err := d.token()
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return out, nil
	}
	if tok != json.Delim('[') {
		return nil, fmt.Errorf("%q is not a list", name)
	}
	for i := 0; d.dec.More(); i++ {
		d.at = d.offset()
		var zero T
		out = append(out, zero)
		if err := decode(&out[len(out)-1]); err != nil {
			return nil, fmt.Errorf("%s item %d: %w", name, i, err)
		}
	}
	_, err = d.token()
	return out, err
}

// deriveSources gives each segment without a source the bytes start..end
// of its block's text, when they are inside it: the segments of a schema 3
// file. Check reports the segments whose offsets do not fit.
func deriveSources(pf *projectFile) {
	for i := range pf.Segments {
		s := &pf.Segments[i]
		if s.Source != "" || s.Block < 0 || s.Block >= len(pf.Blocks) {
			continue
		}
		if text := pf.Blocks[s.Block].Text; 0 <= s.Start && s.Start <= s.End && s.End <= len(text) {
			s.Source = text[s.Start:s.End]
		}
	}
}

// lineAt returns the line (from 1) of the value that follows byte offset
// off of the file r holds (the separators after off skipped: the decoder's
// offsets are the ends of the previous values), reading it again from the
// start; 0 when r cannot be re-read.
func lineAt(r io.Reader, off int64) int {
	seeker, ok := r.(io.Seeker)
	if !ok || off < 0 {
		return 0
	}
	if _, err := seeker.Seek(0, io.SeekStart); err != nil {
		return 0
	}
	br := bufio.NewReaderSize(r, 64<<10)
	line := 1
	for i := int64(0); ; i++ {
		c, err := br.ReadByte()
		if err != nil || i >= off && !bytes.ContainsRune([]byte(", \t\r\n"), rune(c)) {
			return line
		}
		if c == '\n' {
			line++
		}
	}
}

// spanList is a block's spans (blockRecord). Its decoder reads the list of
// integers trad writes itself, where encoding/json decodes each number
// through reflection (0.17 s of the 1.3 s the 50 MB many-paragraph
// article's project took to load); any other JSON goes to encoding/json,
// which decodes it or says what is wrong.
type spanList []int

// UnmarshalJSON implements json.Unmarshaler.
func (l *spanList) UnmarshalJSON(data []byte) error {
	if out, ok := parseInts(data, (*l)[:0]); ok {
		*l = out
		return nil
	}
	return json.Unmarshal(data, (*[]int)(l))
}

// parseInts appends to out the integers of data, a JSON list of integers
// of at most 15 digits ("[0, 85,1,-2]"); ok is false for anything else.
func parseInts(data []byte, out []int) (_ []int, ok bool) {
	i := 0
	skip := func() {
		for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
			i++
		}
	}
	skip()
	if i == len(data) || data[i] != '[' {
		return nil, false
	}
	i++
	skip()
	if i < len(data) && data[i] == ']' {
		i++
		skip()
		return out, i == len(data)
	}
	for {
		n, next, ok := scanInt(data, i)
		if !ok {
			return nil, false
		}
		i = next
		out = append(out, n)
		skip()
		if i == len(data) {
			return nil, false
		}
		switch data[i] {
		case ',':
			i++
			skip()
		case ']':
			i++
			skip()
			return out, i == len(data)
		default:
			return nil, false
		}
	}
}

// scanInt reads the JSON integer of at most 15 digits at data[i:],
// returning it and the index after it; ok is false for no digit, a leading
// zero or more digits.
func scanInt(data []byte, i int) (n, next int, ok bool) {
	neg := i < len(data) && data[i] == '-'
	if neg {
		i++
	}
	start := i
	for i < len(data) && '0' <= data[i] && data[i] <= '9' && i-start < 15 {
		n = n*10 + int(data[i]-'0')
		i++
	}
	if i == start || data[start] == '0' && i-start > 1 || i < len(data) && '0' <= data[i] && data[i] <= '9' {
		return 0, i, false
	}
	if neg {
		n = -n
	}
	return n, i, true
}
