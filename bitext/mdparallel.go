package bitext

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/diag"
	"github.com/trad-project/trad/segments"
)

// The parallel layout of the bilingual Markdown, and its notes.
//
// A segment's note is written as a footnote: a reference [^trad-sN-H] (N is
// the segment number, H a short hash of its source: renderers show neither)
// right after the segment's text in the block's
// translation (in its source when the block has none), and at the end of
// the file a definition line
//
//	[^trad-sN-H]: the note, escaped as a table cell (MarkdownCell)
//
// Import checks H against the source of segment N, so that a note never
// lands on another sentence after the project was re-segmented (an edited
// article, a split or merge): a mismatch looks for the segment with that
// source nearest N, and is skipped when there is none. Files written before
// the hash ([^trad-sN]) are matched by number only.
//
// one line per note (a line break is <br>), after a blank line. Renderers
// with footnotes (GitHub, pandoc) show the note under the document; import
// (ImportMarkdown) reads the definition lines back. Nothing else in the
// file can be such a line: a line of the article that starts with
// "[^trad-" is written "\[^trad-" (the same text once rendered), and the
// reader skips fenced code blocks.

// noteRefPrefix starts the footnote label of a segment's note.
const noteRefPrefix = "[^trad-s"

func noteRef(s *segments.Segment) string {
	return noteRefPrefix + strconv.Itoa(s.Index+1) + "-" + sourceHash(s.Source) + "]"
}

// sourceHash is the short hash of a segment's source in note labels.
func sourceHash(source string) string {
	h := fnv.New32a()
	h.Write([]byte(source))
	return fmt.Sprintf("%08x", h.Sum32())
}

// noteSegments finds the segment of a note by its label: segment n
// (1-based) when its source has the label's hash, else the one with that
// source nearest n. Hashes are computed once, on first need.
type noteSegments struct {
	doc    *segments.Document
	byHash map[string][]int // source hash → segment indexes, in order
}

// find returns the index of the segment for number n and hash (may be "":
// number only), or -1.
func (f *noteSegments) find(n int, hash string) int {
	i := n - 1
	segs := f.doc.Segments
	if hash == "" || i >= 0 && i < len(segs) && sourceHash(segs[i].Source) == hash {
		if i >= 0 && i < len(segs) {
			return i
		}
		return -1
	}
	if f.byHash == nil {
		f.byHash = make(map[string][]int, len(segs))
		for j := range segs {
			h := sourceHash(segs[j].Source)
			f.byHash[h] = append(f.byHash[h], j)
		}
	}
	list := f.byHash[hash]
	if len(list) == 0 {
		return -1
	}
	k, _ := slices.BinarySearch(list, i)
	switch {
	case k == len(list):
		return list[k-1]
	case k > 0 && i-list[k-1] <= list[k]-i:
		return list[k-1]
	}
	return list[k]
}

// writeParallel writes each block's source followed by its translation, in
// the source's structure, then the notes.
func writeParallel(bw *bufio.Writer, doc *segments.Document, opts Options) {
	r := newBlockRenderer(doc.Format == "markdown" || doc.Format == "html") // html articles are written as Markdown
	r.loose = true
	for b := 0; b < len(doc.Blocks); b++ {
		bl := &doc.Blocks[b]
		if bl.Info == "table" {
			// A table is written whole, then its translation whole:
			// rows interleaved would break the header row.
			end := b
			for end < len(doc.Blocks) && doc.Blocks[end].Info == "table" {
				end++
			}
			var src, tgt strings.Builder
			n := 0
			for i := b; i < end; i++ {
				t, k, _ := blockTarget(doc, i, opts)
				src.WriteString(doc.BlockSourceMarkup(i) + "\n")
				tgt.WriteString(t + "\n")
				n += k
			}
			if n == 0 {
				src.Reset()
				for i := b; i < end; i++ {
					src.WriteString(parallelSource(doc, i, opts) + "\n")
				}
			} else {
				tgt.Reset()
				for i := b; i < end; i++ {
					t, _, _ := blockText(doc, i, opts, true, noteRefOf(doc, i))
					tgt.WriteString(t + "\n")
				}
			}
			bw.WriteString(r.sep(bl))
			bw.WriteString(escapeNoteLines(src.String()))
			if n > 0 {
				bw.WriteString("\n" + escapeNoteLines(tgt.String()))
			}
			r.prev = &doc.Blocks[end-1]
			b = end - 1
			continue
		}
		if bl.Count == 0 {
			bw.WriteString(r.render(bl, doc.BlockSourceMarkup(b)))
			continue
		}
		_, n, _ := blockTarget(doc, b, opts)
		if n == 0 {
			bw.WriteString(escapeNoteLines(r.render(bl, parallelSource(doc, b, opts))))
			continue
		}
		target, _, _ := blockText(doc, b, opts, true, noteRefOf(doc, b))
		bw.WriteString(escapeNoteLines(r.renderPair(bl, doc.BlockSourceMarkup(b), target)))
	}
	for i := range doc.Segments {
		if s := &doc.Segments[i]; s.Note != "" {
			bw.WriteString("\n" + noteRef(s) + ": " + MarkdownCell(s.Note) + "\n")
		}
	}
}

// parallelSource is block b's source markup, with the references of its
// segments' notes when it has any (it is then written without a
// translation).
func parallelSource(doc *segments.Document, b int, opts Options) string {
	if after := noteRefOf(doc, b); after != nil {
		t, _, _ := blockText(doc, b, opts, false, after)
		return t
	}
	return doc.BlockSourceMarkup(b)
}

// noteRefOf returns the note references to write after block b's
// segments, nil when none of them has a note.
func noteRefOf(doc *segments.Document, b int) func(*segments.Segment) string {
	segs := doc.BlockSegments(b)
	for i := range segs {
		if segs[i].Note != "" {
			return func(s *segments.Segment) string {
				if s.Note == "" {
					return ""
				}
				return noteRef(s)
			}
		}
	}
	return nil
}

// escapeNoteLines escapes a line of the article that would read as a
// note's definition.
func escapeNoteLines(s string) string {
	if !strings.Contains(s, noteRefPrefix) {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, noteRefPrefix) {
			lines[i] = `\` + l
		}
	}
	return strings.Join(lines, "")
}

// noteLine matches a note's definition line.
var noteLine = regexp.MustCompile(`^\[\^trad-s([0-9]+)(?:-([0-9a-f]{8}))?\]: (.*)$`)

// ImportMarkdown brings back the notes of a bilingual Markdown file in the
// parallel layout (the [^trad-sN]: lines WriteMarkdown writes; targets are
// not read back from Markdown). A note names its segment by number and a
// hash of its source (see above); a non-empty note replaces the project's,
// whose different note goes to the segment's History. A note whose segment
// is not in the project is reported in Skipped.
func ImportMarkdown(doc *segments.Document, r io.Reader, now time.Time) (*ImportReport, error) {
	rep := &ImportReport{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	fence := "" // the open fence of a code block
	line := 1
	where := noteSegments{doc: doc}
	for ; sc.Scan(); line++ {
		l := sc.Text()
		if f := codeFence(l); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), f[:1])) == "":
				fence = ""
			}
			continue
		}
		m := noteLine.FindStringSubmatch(l)
		if fence != "" || m == nil {
			continue
		}
		rep.Units++
		n, err := strconv.Atoi(m[1])
		i := -1
		if err == nil {
			i = where.find(n, m[2])
		}
		if i < 0 {
			why := "not in the project"
			if m[2] != "" && err == nil && n >= 1 && n <= len(doc.Segments) {
				why = "its source sentence is no longer in the project"
			}
			rep.Skipped = append(rep.Skipped, diag.Warning{Line: line, Msg: fmt.Sprintf("segment s%s: %s", m[1], why)})
			continue
		}
		note := segments.Normalize(unescapeCell(m[3]))
		if strings.TrimSpace(note) != "" && doc.ReplaceNote(i, note, now) {
			rep.Filled++
		} else {
			rep.Unchanged++
		}
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("read Markdown: %w", diag.AtLine(line, err))
	}
	return rep, nil
}

// codeFence returns the fence a line opens or closes (``` or ~~~, at least
// three, indented by up to three spaces), "" when it is not one.
func codeFence(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return t[:n]
}

// unescapeCell reverses MarkdownCell: backslash escapes, <br> line breaks
// and numeric character references.
func unescapeCell(s string) string {
	if !strings.ContainsAny(s, `\<&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && s[i+1] < utf8.RuneSelf && isPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case strings.HasPrefix(s[i:], "<br>"):
			b.WriteByte('\n')
			i += len("<br>")
		case c == '&' && strings.HasPrefix(s[i:], "&#"):
			j := strings.IndexByte(s[i:], ';')
			if v, err := strconv.Atoi(s[i+2 : i+max(j, 2)]); j > 2 && err == nil && utf8.ValidRune(rune(v)) {
				b.WriteRune(rune(v))
				i += j + 1
				continue
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func isPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
