package spell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"github.com/trad-project/trad/internal/textfold"
	"golang.org/x/text/unicode/norm"
)

// Span is a misspelt word of a checked text: its byte span and the word.
// Suggest gives corrections.
type Span struct {
	Start, End int
	Word       string
}

// Checker checks the spelling of one language. It keeps one hunspell
// process, started on first use and again after a failure, and caches the
// verdict on each word, so a sentence of known words costs no call. It is
// safe for concurrent use; checks of one Checker run one at a time.
type Checker struct {
	Dict     Dictionary
	lang     string
	userPath string

	mu    sync.Mutex
	proc  *process // checks words
	sugg  *process // `hunspell -a`, for suggestions, started on demand
	cache map[string]bool
	user  map[string]bool // folds of the user's words
}

// maxCache bounds the per-word cache; it is emptied when full.
const maxCache = 1 << 17

// Program is the hunspell executable New runs.
var Program = "hunspell"

// New returns a Checker for lang with the first dictionary Find gives in
// DictDirs, and the user's word list. The error wraps ErrNoDictionary when
// there is none, exec.ErrNotFound when hunspell is not installed.
func New(lang string) (*Checker, error) {
	d, err := Find(lang, DictDirs())
	if err != nil {
		return nil, err
	}
	return NewWith(lang, d, UserWordsPath(lang))
}

// NewWith returns a Checker for lang using dictionary d and the user word
// list at userPath ("" for none).
func NewWith(lang string, d Dictionary, userPath string) (*Checker, error) {
	if _, err := exec.LookPath(Program); err != nil {
		return nil, fmt.Errorf("spell checking %s: %w", lang, err)
	}
	c := &Checker{Dict: d, lang: lang, userPath: userPath, cache: map[string]bool{}, user: map[string]bool{}}
	if userPath != "" {
		words, err := LoadUserWords(userPath)
		if err != nil {
			return nil, err
		}
		for _, w := range words {
			c.user[textfold.Fold(w)] = true
		}
	}
	return c, nil
}

// Add adds word to the user's dictionary (persisted atomically) and
// accepts it from now on.
func (c *Checker) Add(word string) error {
	if c.userPath == "" {
		return errors.New("no user dictionary")
	}
	if _, err := AddUserWord(c.userPath, word); err != nil {
		return err
	}
	c.mu.Lock()
	c.user[textfold.Fold(strings.TrimSpace(word))] = true
	c.mu.Unlock()
	return nil
}

// Close stops the hunspell process.
func (c *Checker) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range []**process{&c.proc, &c.sugg} {
		if *p != nil {
			(*p).kill()
			*p = nil
		}
	}
	return nil
}

// Check returns the misspelt words of text. Numbers, words with digits,
// acronyms in capitals, URLs, e-mail addresses, @handles and the user's
// words are never misspelt. It may block on hunspell for words not seen
// before: call it off the UI path; ctx ends the wait (the process is then
// restarted on next use).
func (c *Checker) Check(ctx context.Context, text string) ([]Span, error) {
	return c.CheckSkip(ctx, text, nil)
}

// CheckSkip is Check, leaving out the words for which skip (if not nil)
// returns true, such as names copied from the source: they are not even
// sent to hunspell.
func (c *Checker) CheckSkip(ctx context.Context, text string, skip func(word string) bool) ([]Span, error) {
	words := Words(text)
	if skip != nil {
		words = slices.DeleteFunc(words, func(w Word) bool { return skip(w.Word) })
	}
	if len(words) == 0 {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var ask []string
	seen := map[string]bool{}
	for _, w := range words {
		k := key(w.Word)
		if _, ok := c.cache[k]; !ok && !seen[k] && !c.user[textfold.Fold(w.Word)] {
			seen[k] = true
			ask = append(ask, k)
		}
	}
	if len(ask) > 0 {
		if err := c.ask(ctx, ask); err != nil {
			return nil, err
		}
	}
	var out []Span
	for _, w := range words {
		if c.user[textfold.Fold(w.Word)] {
			continue
		}
		if !c.cache[key(w.Word)] {
			out = append(out, Span(w))
		}
	}
	return out, nil
}

// key is the form a word is sent to hunspell in: NFC, typographic
// apostrophes made ASCII as the dictionaries write them.
func key(w string) string {
	return strings.ReplaceAll(norm.NFC.String(w), "’", "'")
}

// ask asks hunspell about words and caches the answers. c.mu is held.
func (c *Checker) ask(ctx context.Context, words []string) error {
	if c.proc == nil {
		p, err := start(c.Dict, listMode)
		if err != nil {
			return fmt.Errorf("spell checking %s: %w", c.lang, err)
		}
		c.proc = p
	}
	res, err := c.proc.check(ctx, words)
	if err != nil {
		c.proc.kill()
		c.proc = nil
		return fmt.Errorf("spell checking %s with %s: %w", c.lang, c.Dict.Name, err)
	}
	if len(c.cache)+len(words) > maxCache {
		clear(c.cache)
	}
	for i, w := range words {
		c.cache[w] = res[i]
	}
	return nil
}

// Suggest returns hunspell's corrections of word, best first. It costs
// from a few to a hundred milliseconds: call it when the user asks.
func (c *Checker) Suggest(ctx context.Context, word string) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sugg == nil {
		p, err := start(c.Dict, pipeMode)
		if err != nil {
			return nil, fmt.Errorf("spelling suggestions for %s: %w", c.lang, err)
		}
		c.sugg = p
	}
	var suggs []string
	err := c.sugg.roundTrip(ctx, []string{key(word)}, func() error {
		var err error
		_, suggs, err = c.sugg.readPipe()
		return err
	})
	if err != nil {
		c.sugg.kill()
		c.sugg = nil
		return nil, fmt.Errorf("spelling suggestions for %q: %w", word, err)
	}
	return suggs, nil
}

// Modes of a hunspell process.
const (
	// listMode runs `hunspell -l` (list misspelt words) with its output
	// line-buffered by stdbuf: it does not compute suggestions, which
	// `hunspell -a` does for every misspelt word at 30 to 100 ms each.
	listMode = iota
	// pipeMode runs `hunspell -a`, Ispell's pipe interface, with
	// suggestions; the fallback when stdbuf is missing.
	pipeMode
)

// sentinel ends a batch in list mode: hunspell reports it as misspelt, so
// reading it back means every word before it was answered.
const sentinel = "qzxjqtradsentinelqzxj"

// process is a running hunspell.
type process struct {
	mode int
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
}

func start(d Dictionary, mode int) (*process, error) {
	args := []string{"-a", "-i", "utf-8", "-d", d.Path}
	name := Program
	if mode == listMode {
		if sb, err := exec.LookPath("stdbuf"); err == nil {
			args = append([]string{"-oL", Program, "-l"}, args[1:]...)
			name = sb
		} else {
			mode = pipeMode
		}
	}
	cmd := exec.Command(name, args...)
	cmd.Env = append(cmd.Environ(), "LC_ALL=C.UTF-8")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", Program, err)
	}
	p := &process{mode: mode, cmd: cmd, in: in, out: bufio.NewReaderSize(out, 64<<10)}
	if mode == pipeMode {
		// The banner ("@(#) International Ispell Version 3.2.06 (but
		// really Hunspell 1.7.2)") says the process is ready.
		if _, err := p.out.ReadString('\n'); err != nil {
			p.kill()
			return nil, fmt.Errorf("%s -d %s did not start: %w", Program, d.Path, err)
		}
	}
	return p, nil
}

func (p *process) kill() {
	p.in.Close()
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
	}
	p.cmd.Wait()
}

// check returns whether each word is spelt right.
func (p *process) check(ctx context.Context, words []string) ([]bool, error) {
	ok := make([]bool, len(words))
	send := words
	if p.mode == listMode {
		send = append(slices.Clip(words), sentinel)
	}
	err := p.roundTrip(ctx, send, func() error {
		if p.mode == listMode {
			return p.readList(words, ok)
		}
		for i := range words {
			good, _, err := p.readPipe()
			if err != nil {
				return err
			}
			ok[i] = good
		}
		return nil
	})
	return ok, err
}

// roundTrip writes words one a line ("^" first in pipe mode, so a word is
// never read as a command) while read reads the answers; ctx ends the wait.
func (p *process) roundTrip(ctx context.Context, words []string, read func() error) error {
	var b strings.Builder
	for _, w := range words {
		if p.mode == pipeMode {
			b.WriteString("^")
		}
		b.WriteString(w)
		b.WriteString("\n")
	}
	done := make(chan error, 1)
	go func() {
		werr := make(chan error, 1)
		go func() { _, err := io.WriteString(p.in, b.String()); werr <- err }()
		err := read()
		if err == nil {
			err = <-werr
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// readList reads `hunspell -l` output up to the sentinel. Misspelt words
// come back in input order, each as hunspell cut it (a part of one of
// ours at most), so a forward walk attributes them.
func (p *process) readList(words []string, ok []bool) error {
	for i := range ok {
		ok[i] = true
	}
	k := 0
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			return fmt.Errorf("reading hunspell's answer: %w", err)
		}
		t := strings.TrimRight(line, "\r\n")
		if t == sentinel {
			return nil
		}
		j := k
		for j < len(words) && !strings.Contains(words[j], t) {
			j++
		}
		if j == len(words) {
			// Not a part of a word left (a dictionary converting
			// characters): better to miss it than to misplace it.
			continue
		}
		k = j
		ok[k] = false
	}
}

// readPipe reads one word's block of `hunspell -a` answer lines, ended by
// an empty line: "*", "+ ROOT", "-" accept; "& word n off: s1, s2" and
// "# word off" reject.
func (p *process) readPipe() (ok bool, suggs []string, err error) {
	ok = true
	for {
		line, err := p.out.ReadString('\n')
		if err != nil {
			return false, nil, fmt.Errorf("reading hunspell's answer: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return ok, suggs, nil
		}
		switch line[0] {
		case '&':
			ok = false
			if _, s, found := strings.Cut(line, ": "); found {
				suggs = append(suggs, strings.Split(s, ", ")...)
			}
		case '#':
			ok = false
		}
	}
}
