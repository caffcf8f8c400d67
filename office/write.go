package office

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// ErrChanged is wrapped by WriteTarget's error when the package does not
// hold the paragraphs of the project any more.
var ErrChanged = errors.New("the document's paragraphs are not the project's")

// WriteTarget writes the translated document: the package src (the
// project's source document, doc.SourcePath) with the exported targets of
// doc in place of the text of their paragraphs. Paragraphs with no
// exported target keep their bytes; every zip entry but the text parts is
// copied as it is. Untranslated segments are counted in a warning
// (opts.Warn), as for the other formats.
func WriteTarget(w io.Writer, doc *segments.Document, src []byte, opts bitext.Options, ro Options) error {
	name := doc.SourcePath
	if name == "" {
		name = "the source document"
	}
	if doc.SourceHash != "" && segments.SourceHash(src) != doc.SourceHash {
		return fmt.Errorf("write translated document: %s: %w (it changed since the project was made): open the project again with trad to re-read it, then export", name, ErrChanged)
	}
	d, err := parse(src, name, ro, true)
	if errors.Is(err, ErrTrackedChanges) {
		// A project exists, so its document was read with the changes
		// accepted (they are refused otherwise).
		ro.AcceptChanges = true
		d, err = parse(src, name, ro, true)
	}
	if err == nil && !d.matches(doc) {
		// Comments are read or not (--docx-comments): the project says which.
		ro.Comments = !ro.Comments
		if d2, err2 := parse(src, name, ro, true); err2 == nil && d2.matches(doc) {
			d = d2
		} else {
			err = fmt.Errorf("%s: %w (it changed since the project was made): open the project again with trad to re-read it, then export", name, ErrChanged)
		}
	}
	if err != nil {
		return fmt.Errorf("write translated document: %w", err)
	}
	lang := doc.TargetLang.String()
	edits, missing := d.edits(doc, opts)
	bw := bufio.NewWriterSize(w, 256<<10)
	zw := zip.NewWriter(bw)
	parts := map[string]int{}
	for i, n := range d.parts {
		parts[n] = i
	}
	for _, f := range d.pkg.zr.File {
		i, ok := parts[f.Name]
		if !ok || len(edits[i]) == 0 && (d.odt == nil || !d.odt[i].needsEdit()) {
			if err := zw.Copy(f); err != nil {
				return fmt.Errorf("write translated document: copy %s: %w", f.Name, err)
			}
			continue
		}
		fh := &zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified, Comment: f.Comment}
		fw, err := zw.CreateHeader(fh)
		if err != nil {
			return fmt.Errorf("write translated document: %s: %w", f.Name, err)
		}
		if _, err := d.pkg.readPart(f.Name, func(src io.Reader) (int, error) {
			return 0, d.renderPart(i, edits[i], lang, src, fw)
		}); err != nil {
			return fmt.Errorf("write translated document: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write translated document: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write translated document: %w", err)
	}
	if missing > 0 && opts.Warn != nil {
		opts.Warn(fmt.Sprintf("%d of %d segments not translated: left in the source language (%s)",
			missing, len(doc.Segments), doc.SourceLang))
	}
	return nil
}

// edits returns the edits of each part: the paragraphs with an exported
// target or accepted changes. It counts the segments not exported.
func (d *document) edits(doc *segments.Document, opts bitext.Options) (edits [][]edit, missing int) {
	edits = make([][]edit, len(d.parts))
	for bi, p := range d.paras {
		evs, exported, m := blockEvents(doc, bi, opts)
		missing += m
		if exported || p.changes {
			edits[p.part] = append(edits[p.part], edit{lo: p.body.lo, hi: p.body.hi, para: p, evs: evs})
		}
	}
	return edits, missing
}

// matches reports whether d's paragraphs are the blocks of doc.
func (d *document) matches(doc *segments.Document) bool {
	if len(d.paras) != len(doc.Blocks) {
		return false
	}
	for i, p := range d.paras {
		b := &doc.Blocks[i]
		if b.Text != p.text || len(b.Codes) != p.ncodes {
			return false
		}
	}
	return true
}

// event is a piece of a paragraph's new content: text, or a tag.
type event struct {
	text  string
	tag   segments.Tag
	isTag bool
}

// blockEvents returns block bi's content as it is written: the exported
// targets with their tags, the other segments' sources, the text between
// segments. It reports whether a target was exported and how many
// segments were not.
func blockEvents(doc *segments.Document, bi int, opts bitext.Options) (evs []event, exported bool, missing int) {
	bl := &doc.Blocks[bi]
	pos := 0
	add := func(s string) {
		if s != "" {
			evs = append(evs, event{text: s})
		}
	}
	tag := func(t segments.Tag, _ segments.Code) { evs = append(evs, event{tag: t, isTag: true}) }
	for _, s := range doc.BlockSegments(bi) {
		if s.Start >= pos && s.End <= len(bl.Text) {
			add(bl.Text[pos:s.Start])
			pos = s.End
		}
		text, tags := s.Source, s.SourceTags
		if s.Target != "" && bitext.Exported(&s, opts) {
			text, tags = s.Target, s.TargetTags
			exported = true
		} else {
			missing++
		}
		segments.WalkTagged(text, segments.FullTags(tags, s.Wrap, len(text)), bl.Codes, add, tag)
	}
	if pos <= len(bl.Text) {
		add(bl.Text[pos:])
	}
	return evs, exported, missing
}

// edit replaces bytes [lo, hi) of a part: with a paragraph's new content,
// or with repl.
type edit struct {
	lo, hi int
	para   *para
	evs    []event
	repl   string
	// mark, when set, receives the offset in the output after repl, and
	// after is written there: where the .odt styles are inserted.
	mark  *int
	after string
}

// partWriter writes one part with its edits, reading the part again
// (win) and holding one edit's bytes at a time.
type partWriter struct {
	win   *window
	edits []edit // sorted by lo; an edit may hold others (text boxes)
	out   bytes.Buffer
	// sink, when set, receives out each time it passes flushBytes between
	// edits (.odt: nil, its new styles go before the body at the end).
	sink  io.Writer
	depth int   // > 0 while writing an edit: no flushing, no forgetting
	err   error // the first error reading the part or writing sink
	// outPeak is the most out held (tests: the output is not held whole).
	outPeak int
	runs    runWriter
}

const flushBytes = 64 << 10

// runWriter writes text runs in a format's markup.
type runWriter interface {
	text(out *bytes.Buffer, fmt, s string)
}

// renderPart writes part i, read from src, with its edits to sink.
func (d *document) renderPart(i int, edits []edit, lang string, src io.Reader, sink io.Writer) error {
	w := &partWriter{win: newWindow(src)}
	if d.pkg.format == FormatDOCX {
		w.runs = &docxRuns{lang: lang, cache: map[string]string{}}
		w.sink = sink
	} else {
		o := &d.odt[i]
		w.runs = o.runs(lang)
		edits = append(edits, o.edits()...)
	}
	sort.SliceStable(edits, func(a, b int) bool { return edits[a].lo < edits[b].lo })
	w.edits = edits
	w.copy(0, d.sizes[i])
	w.flush(0)
	d.held = max(d.held, w.win.peak, w.outPeak)
	if w.err != nil {
		return w.err
	}
	if d.pkg.format == FormatODT {
		_, err := sink.Write(d.odt[i].finish(w.out.Bytes()))
		return err
	}
	return nil
}

// flush writes out to sink once it holds min bytes or more.
func (w *partWriter) flush(min int) {
	w.outPeak = max(w.outPeak, w.out.Len())
	if w.sink == nil || w.out.Len() < min || w.err != nil {
		return
	}
	_, w.err = w.sink.Write(w.out.Bytes())
	w.out.Reset()
}

// source writes bytes [lo, hi) of the part; outside edits it reads them a
// piece at a time and forgets them once written.
func (w *partWriter) source(lo, hi int) {
	for lo < hi && w.err == nil {
		end := hi
		if w.depth == 0 {
			end = min(hi, lo+flushBytes)
		}
		if w.err = w.win.ensure(end); w.err != nil {
			return
		}
		w.out.Write(w.win.bytes(lo, end))
		lo = end
		if w.depth == 0 {
			w.err = w.win.drop(lo)
			w.flush(flushBytes)
		}
	}
}

// copy writes src[lo:hi] with the edits inside it applied.
func (w *partWriter) copy(lo, hi int) {
	i := sort.Search(len(w.edits), func(i int) bool { return w.edits[i].lo >= lo })
	pos := lo
	for ; i < len(w.edits) && w.edits[i].lo <= hi && w.err == nil; i++ {
		e := &w.edits[i]
		if e.lo < pos || e.hi > hi || e.lo == hi && e.hi != e.lo {
			continue // inside an edit already written, or past the range
		}
		w.source(pos, e.lo)
		if w.err == nil {
			w.err = w.win.ensure(e.hi) // an edit is written from its bytes
		}
		if w.err != nil {
			return
		}
		w.depth++
		switch {
		case e.para != nil:
			w.para(e.para, e.evs)
		default:
			w.out.WriteString(e.repl)
			if e.mark != nil {
				*e.mark = w.out.Len()
			}
			w.out.WriteString(e.after)
		}
		w.depth--
		pos = e.hi
		if w.depth == 0 {
			w.err = w.win.drop(pos)
			w.flush(flushBytes)
		}
	}
	w.source(pos, hi)
}

// para writes a paragraph's new content: text runs formatted like the
// source runs of the innermost code around them, links and placeholders
// from their source bytes.
func (w *partWriter) para(p *para, evs []event) {
	var stack []int
	link := 0
	closeLink := func() {
		if link != 0 {
			w.out.WriteString(p.info[link-1].close)
			link = 0
		}
	}
	for _, ev := range evs {
		if !ev.isTag {
			f := p.base.fmt
			for i := len(stack) - 1; i >= 0; i-- {
				if ci := p.info[stack[i]-1]; ci.link || ci.format {
					f = ci.fmt
					break
				}
			}
			w.runs.text(&w.out, f, ev.text)
			continue
		}
		id := ev.tag.ID
		if id < 1 || id > len(p.info) {
			continue
		}
		ci := p.info[id-1]
		switch ev.tag.Kind {
		case segments.TagPlaceholder:
			w.out.WriteString(ci.pre)
			w.copy(ci.raw.lo, ci.raw.hi)
			w.out.WriteString(ci.post)
		case segments.TagOpen:
			if ci.link {
				closeLink() // links do not nest
				w.copy(ci.raw.lo, ci.raw.hi)
				link = id
			}
			stack = append(stack, id)
		case segments.TagClose:
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == id {
					stack = append(stack[:i:i], stack[i+1:]...)
					break
				}
			}
			if link == id {
				closeLink()
			}
		}
	}
	closeLink()
}
