package mt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/glossary"
)

// Apertium runs the apertium program, offline. One process translates a
// whole batch: the segments go in as paragraphs separated by a blank line,
// which Apertium's text format keeps as it is, and come back in order. When
// the paragraph count does not match (a segment Apertium split or joined),
// each segment is run alone.
type Apertium struct {
	name  string
	bin   string
	modes map[string]string // "fr-es" → mode name
	pairs []string
}

// apertiumModes are the modes of the Debian packages apertium-fr-es and
// apertium-fra-cat for the pairs trad knows, where the mode is not "from-to".
var apertiumModes = map[string]string{"fr-ca": "fra-cat", "ca-fr": "cat-fra"}

// NewApertium returns the Apertium engine. bin is the program ("" finds
// "apertium" in PATH at the first translation).
func NewApertium(name string, ec EngineConfig, bin string) *Apertium {
	if name == "" {
		name = TypeApertium
	}
	a := &Apertium{name: name, bin: bin, modes: map[string]string{}, pairs: ec.Pairs}
	for k, v := range apertiumModes {
		a.modes[k] = v
	}
	for k, v := range ec.Modes {
		if f, t, ok := splitPair(k); ok {
			a.modes[f+"-"+t] = v
		}
	}
	return a
}

// Name implements Engine.
func (a *Apertium) Name() string { return a.name }

// Options implements Engine: the modes decide the output.
func (a *Apertium) Options() string { return fmt.Sprint("apertium ", a.modes) }

// Mode returns the Apertium mode for a pair of BCP 47 tags.
func (a *Apertium) Mode(from, to string) string {
	p := glossary.BaseLang(from) + "-" + glossary.BaseLang(to)
	if m, ok := a.modes[p]; ok {
		return m
	}
	return p
}

// Translate implements Engine.
func (a *Apertium) Translate(ctx context.Context, reqs []Request) ([]Result, error) {
	if len(reqs) == 0 {
		return nil, nil
	}
	mode := a.Mode(reqs[0].From, reqs[0].To)
	paras := make([]string, len(reqs))
	for i, r := range reqs {
		paras[i] = apertiumInput(r.Source)
	}
	out, err := a.run(ctx, mode, strings.Join(paras, "\n\n")+"\n")
	if err != nil {
		return nil, err
	}
	got := strings.Split(strings.TrimRight(out, "\n"), "\n\n")
	if len(got) != len(reqs) {
		// Apertium changed the paragraph structure: one run per segment.
		got = got[:0]
		for _, p := range paras {
			o, err := a.run(ctx, mode, p+"\n")
			if err != nil {
				return nil, err
			}
			got = append(got, strings.TrimRight(o, "\n"))
		}
	}
	res := make([]Result, len(reqs))
	for i, g := range got {
		res[i].Text, res[i].Unknown = stripUnknown(strings.TrimSpace(g), reqs[i].Source)
	}
	return res, nil
}

// apertiumInput makes a segment one paragraph: line breaks would split
// it. Other spaces (no-break ones) are kept.
func apertiumInput(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f', 0x85, 0x2028, 0x2029:
			return ' '
		case 0:
			return -1
		}
		return r
	}, s))
}

func (a *Apertium) run(ctx context.Context, mode, input string) (string, error) {
	bin := a.bin
	if bin == "" {
		p, err := exec.LookPath("apertium")
		if err != nil {
			return "", fmt.Errorf("%w: %s: the apertium program is not installed (Debian: apt-get install apertium apertium-fr-es apertium-fra-cat)", ErrOffline, a.name)
		}
		bin = p
	}
	cmd := exec.CommandContext(ctx, bin, "-f", "txt", mode)
	cmd.Stdin = strings.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("%s: %w", a.name, ctx.Err())
		}
		var ee *exec.ExitError
		msg := firstLine(stderr.String())
		if errors.As(err, &ee) && strings.Contains(strings.ToLower(msg), "mode") {
			return "", fmt.Errorf("%w: %s: no mode %q (install its language package; `apertium -l` lists the modes)", ErrNotConfigured, a.name, mode)
		}
		return "", fmt.Errorf("%s %s: %v: %s", a.name, mode, err, msg)
	}
	return stdout.String(), nil
}

// ApertiumMissing returns why the apertium mode cannot run here ("" when
// it can): the program or the mode's language package is not installed.
func ApertiumMissing(mode string) string {
	bin, err := exec.LookPath("apertium")
	if err != nil {
		return "apertium is not installed (Debian: apt-get install apertium apertium-fr-es apertium-fra-cat)"
	}
	out, err := exec.Command(bin, "-l").Output()
	for _, m := range strings.Fields(string(out)) {
		if m == mode {
			return ""
		}
	}
	if err != nil {
		return fmt.Sprintf("apertium -l: %v", err)
	}
	return fmt.Sprintf("the apertium mode %s is not installed (`apertium -l` lists the modes)", mode)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// stripUnknown removes Apertium's markers of unknown words ("*word",
// "#word", "@word") from out and returns the words. A marker is taken as
// one only when the word follows it in the source without it, so an
// asterisk the source itself had stays.
func stripUnknown(out, source string) (string, []string) {
	if !strings.ContainsAny(out, "*#@") {
		return out, nil
	}
	var b strings.Builder
	var unknown []string
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c == '*' || c == '#' || c == '@' {
			w := wordAt(out[i+1:])
			if w != "" && !wordBefore(out, i) && containsWord(source, w) && !strings.Contains(source, string(c)+w) {
				if c == '*' {
					unknown = append(unknown, w)
				}
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String(), unknown
}

// wordBefore reports whether s[:i] ends with a letter or digit.
func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordAfter reports whether s[j:] starts with a letter or digit.
func wordAfter(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return j < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordAt returns the word (letters, digits, inner apostrophes and hyphens)
// at the start of s.
func wordAt(s string) string {
	end := 0
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
			(r == '-' || r == '\'' || r == '’') && i > 0 {
			end = i + len(string(r))
			continue
		}
		break
	}
	return strings.TrimRight(s[:end], "-'’")
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		if !wordBefore(s, i) && !wordAfter(s, j) {
			return true
		}
		off = i + 1
	}
}
