package segments

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"time"
	"unicode/utf8"
)

// segmentRecord is a Segment as the "segments" list of a schema 3 file
// holds it: without its source, which is bytes start..end of its block's
// text (Check). Its Source field shadows the Segment's (encoding/json takes
// the shallower of two fields of one name), so every other field of Segment,
// a future one included, is written and read as it is. Reading a schema 1 or
// 2 file, Source receives the stored copy, which Check compares with the
// block's text.
type segmentRecord struct {
	*Segment
	Source string `json:"source,omitempty"`
}

// blockRecord is a Block as a schema 3 file holds it: with the places of
// its segments in its text, so that a segment without work needs no record
// of its own. Spans holds two numbers per segment: how many bytes after the
// end of the previous segment (or the start of the text) it starts, and
// its length.
type blockRecord struct {
	*Block
	Spans spanList `json:"spans,omitempty"`
}

// needsRecord reports whether s holds anything besides its place (index,
// block, offsets, source): work, or source tags. Such a segment gets a
// record in the "segments" list. It runs for every segment at each save
// (half a million for a 50 MB article), so it names the fields instead of
// reflecting on a copy (ten times slower); TestNeedsRecordSeesEveryField
// fails when a field added to Segment is not named here.
func needsRecord(s *Segment) bool {
	return s.Target != "" || s.SourceTags != nil || s.TargetTags != nil || s.Wrap != nil ||
		s.Status != StatusNew || s.Note != "" || s.Origin != "" || s.MTEngine != "" ||
		s.Changed != (time.Time{}) || s.History != nil || s.QAIgnored != nil
}

// encodeProject writes pf: the header as json.MarshalIndent(pf, "", "  ")
// writes it, then the blocks (as blockRecords), the segments that need a
// record (as segmentRecords: the article's text is stored once, in the blocks) and
// the orphans, one compact item per line, streamed item by item. A line per
// item keeps the file diffable; streaming keeps the memory to one item (a
// 50 MB block at most) instead of the whole file. The segments must be
// those of the blocks, in order (Check), or nothing is written. When segs
// is not nil, the segments are segs, not pf.Segments (a Snapshot's).
func encodeProject(w io.Writer, pf *projectFile, segs *segBase) error {
	head := *pf
	head.Blocks, head.Segments, head.Orphans = nil, nil, nil
	data, err := json.MarshalIndent(&head, "", "  ")
	if err != nil {
		return err
	}
	// The header ends with the two null lists (Orphans, omitempty, is left
	// out); the lists are written in their place.
	const tail = ",\n  \"blocks\": null,\n  \"segments\": null\n}"
	if !bytes.HasSuffix(data, []byte(tail)) {
		return errors.New("encode project: unexpected header layout")
	}
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	bw.Write(data[:len(data)-len(tail)])
	enc := newItemEncoder(bw)
	var spanErr error
	rec := blockRecord{}
	var sc *baseCursor
	if segs != nil {
		sc = segs.cursor()
	}
	blocks := func(yield func(any) bool) {
		for i := range pf.Blocks {
			rec.Block = &pf.Blocks[i]
			if sc != nil {
				rec.Spans, spanErr = sc.blockSpans(rec.Spans[:0], i)
			} else {
				rec.Spans, spanErr = blockSpans(rec.Spans[:0], pf, i)
			}
			if spanErr != nil {
				return
			}
			if !yield(&rec) {
				return
			}
		}
	}
	if err := encodeList(enc, "blocks", blocks); err != nil {
		return err
	}
	if spanErr != nil {
		return fmt.Errorf("encode project: %w", spanErr)
	}
	srec := segmentRecord{}
	list := pf.Segments
	if segs != nil {
		list = segs.recs // needsRecord, but those of wide blocks
	}
	records := func(yield func(any) bool) {
		for i := range list {
			if srec.Segment = &list[i]; needsRecord(srec.Segment) && !yield(&srec) {
				return
			}
		}
	}
	if err := encodeList(enc, "segments", records); err != nil {
		return err
	}
	if len(pf.Orphans) > 0 {
		orphans := func(yield func(any) bool) {
			for i := range pf.Orphans {
				if !yield(&pf.Orphans[i]) {
					return
				}
			}
		}
		if err := encodeList(enc, "orphans", orphans); err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// blockSpans appends block bi's spans to spans (see blockRecord), checking
// that its segments are where the block says.
func blockSpans(spans []int, pf *projectFile, bi int) ([]int, error) {
	b := &pf.Blocks[bi]
	if b.First < 0 || b.Count < 0 || b.First+b.Count > len(pf.Segments) {
		return nil, fmt.Errorf("block %d: segments %d..%d of %d", bi, b.First, b.First+b.Count, len(pf.Segments))
	}
	spans = slices.Grow(spans, 2*b.Count)
	end := 0
	for i := b.First; i < b.First+b.Count; i++ {
		s := &pf.Segments[i]
		if s.Index != i || s.Block != bi {
			return nil, fmt.Errorf("segment %d: index %d, block %d, listed in block %d", i, s.Index, s.Block, bi)
		}
		spans = append(spans, s.Start-end, s.End-s.Start)
		end = s.End
	}
	return spans, nil
}

// itemEncoder writes compact JSON values straight to a bufio.Writer: the
// json.Encoder's buffer is the only copy of an item (a 50 MB block).
type itemEncoder struct {
	bw  *bufio.Writer
	enc *json.Encoder
	// buf and piece, with their encoders, serve encodeLargeBlock.
	buf, piece       bytes.Buffer
	bufEnc, pieceEnc *json.Encoder
}

func newItemEncoder(bw *bufio.Writer) *itemEncoder {
	e := &itemEncoder{bw: bw}
	e.enc = newCompactEncoder(noNewline{bw})
	e.bufEnc, e.pieceEnc = newCompactEncoder(&e.buf), newCompactEncoder(&e.piece)
	return e
}

func newCompactEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	// Markup stays readable in the file ("<b>", not "\u003cb\u003e").
	enc.SetEscapeHTML(false)
	return enc
}

// largeText is the size of a block text that encodeLargeBlock writes.
var largeText = 1 << 20

// encode writes one item.
func (e *itemEncoder) encode(item any) error {
	if b, ok := item.(*blockRecord); ok && len(b.Text) > largeText {
		return e.encodeLargeBlock(b)
	}
	return e.enc.Encode(item)
}

// encodeLargeBlock writes a block record as encode does, its text escaped
// 64 KB at a time: encoding/json builds a value in one buffer grown by
// doubling, 200 MB allocated for a 50 MB line. Pieces end before a rune's
// first byte, where escaping them one by one gives the whole's escape.
func (e *itemEncoder) encodeLargeBlock(rec *blockRecord) error {
	b := *rec.Block
	b.Text = ""
	e.buf.Reset()
	if err := e.bufEnc.Encode(blockRecord{Block: &b, Spans: rec.Spans}); err != nil {
		return err
	}
	head := bytes.TrimSuffix(e.buf.Bytes(), []byte{'\n'})
	// The first such bytes are the field: a quote inside the values before
	// it is escaped.
	const field = `"text":""`
	at := bytes.Index(head, []byte(field))
	if at < 0 {
		return errors.New("encode project: no text in a block record")
	}
	e.bw.Write(head[:at+len(field)-1])
	for text := rec.Text; len(text) > 0; {
		n := min(len(text), 64<<10)
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		e.piece.Reset()
		if err := e.pieceEnc.Encode(text[:n]); err != nil {
			return err
		}
		piece := e.piece.Bytes()
		e.bw.Write(piece[1 : len(piece)-2]) // without the quotes and newline
		text = text[n:]
	}
	_, err := e.bw.Write(head[at+len(field)-1:])
	return err
}

// noNewline drops the newline json.Encoder ends each value with: compact
// JSON has no other raw newline (strings escape theirs), and the list
// separator goes before it.
type noNewline struct{ w io.Writer }

func (n noNewline) Write(p []byte) (int, error) {
	_, err := n.w.Write(bytes.TrimSuffix(p, []byte{'\n'}))
	return len(p), err
}

// encodeList writes `,\n  "name": [` then the items, each on a line of
// its own indented by four spaces, then `\n  ]`.
func encodeList(e *itemEncoder, name string, items iter.Seq[any]) error {
	e.bw.WriteString(",\n  \"" + name + "\": [")
	n := 0
	var err error
	for item := range items {
		if n > 0 {
			e.bw.WriteByte(',')
		}
		n++
		e.bw.WriteString("\n    ")
		if err = e.encode(item); err != nil {
			return err
		}
	}
	if n == 0 {
		_, err = e.bw.WriteString("]")
	} else {
		_, err = e.bw.WriteString("\n  ]")
	}
	return err
}
