package align

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trad-project/trad/segments"
)

// WriteLinks writes links one per line in vecalign's format, with the
// confidence after a third colon ("[0]:[0, 1]:0.912"), which vecalign's and
// trad's scorers ignore. withConf false leaves it out.
func WriteLinks(w io.Writer, links []Link, withConf bool) error {
	bw := bufio.NewWriter(w)
	for _, l := range links {
		if withConf {
			bw.WriteString(l.String())
		} else {
			bw.WriteString(indexList(l.Src) + ":" + indexList(l.Tgt))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ParseLinks reads links in vecalign's format, one per line; blank lines
// are skipped and a confidence after a third colon is kept in Conf (1 when
// absent). name is used in errors, with the line number.
func ParseLinks(r io.Reader, name string) ([]Link, error) {
	var links []Link
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		l, err := parseLink(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, ln, err)
		}
		links = append(links, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return links, nil
}

func parseLink(line string) (Link, error) {
	l := Link{Conf: 1}
	rest := line
	for side := 0; side < 2; side++ {
		if side == 1 {
			if !strings.HasPrefix(rest, ":") {
				return l, fmt.Errorf("not a link %q: want [i, …]:[j, …]", line)
			}
			rest = strings.TrimSpace(rest[1:])
		}
		if !strings.HasPrefix(rest, "[") {
			return l, fmt.Errorf("not a link %q: want [i, …]:[j, …]", line)
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return l, fmt.Errorf("not a link %q: missing ]", line)
		}
		ix, err := parseIndices(rest[1:end])
		if err != nil {
			return l, fmt.Errorf("link %q: %w", line, err)
		}
		if side == 0 {
			l.Src = ix
		} else {
			l.Tgt = ix
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	if rest != "" {
		c, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimPrefix(rest, ":")), 64)
		if !strings.HasPrefix(rest, ":") || err != nil || c < 0 || c > 1 {
			return l, fmt.Errorf("link %q: want a confidence from 0 to 1 after the last colon", line)
		}
		l.Conf = c
	}
	return l, nil
}

func parseIndices(s string) ([]int, error) {
	ix := []int{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		v, err := strconv.Atoi(f)
		if err != nil || v < 0 {
			return nil, fmt.Errorf("%q is not a sentence number", f)
		}
		ix = append(ix, v)
	}
	return ix, nil
}

// ReadSentences reads one sentence per line (the `--sentences` input):
// the text is decoded and cleaned as articles are (NFC, no control
// characters), line ends may be CRLF, and every line is a sentence, blank
// ones included, so that line numbers stay the sentence numbers.
func ReadSentences(r io.Reader, name string) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	text := string(data)
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil, nil
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		// Normalize turns U+2028 and the like into line feeds: they must
		// not cut the sentence again.
		lines[i] = strings.ReplaceAll(segments.Normalize(strings.TrimSuffix(l, "\r")), "\n", " ")
	}
	return lines, nil
}
