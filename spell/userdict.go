package spell

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/xdg"
)

// UserWordsPath returns the user's word list for base language lang,
// $XDG_DATA_HOME/trad/spell/LANG.txt: one word per line, sorted.
func UserWordsPath(lang string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "-", "_"), "_")
	return filepath.Join(xdg.DataDir(), "spell", strings.ToLower(base)+".txt")
}

// LoadUserWords reads a word list; a missing file is an empty list.
func LoadUserWords(path string) ([]string, error) {
	data, err := safefile.ReadRegular(path, safefile.Limit{Max: 64 << 20, What: "a user dictionary"})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read user dictionary: %w", err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, norm.NFC.String(w))
		}
	}
	return out, sc.Err()
}

// AddUserWord adds word to the word list at path, atomically: the list is
// read again just before the write, so words another process added are
// kept. It reports false when the word was already there.
func AddUserWord(path, word string) (bool, error) {
	word = norm.NFC.String(strings.TrimSpace(word))
	if word == "" || strings.ContainsFunc(word, func(r rune) bool { return r == '\n' || r == '\r' || r == ' ' || r == '\t' }) {
		return false, fmt.Errorf("add %q to the user dictionary: want one word", word)
	}
	words, err := LoadUserWords(path)
	if err != nil {
		return false, err
	}
	if slices.Contains(words, word) {
		return false, nil
	}
	words = append(words, word)
	slices.Sort(words)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, fmt.Errorf("add %q to the user dictionary: %w", word, err)
	}
	data := []byte(strings.Join(words, "\n") + "\n")
	if err := safefile.WriteFile(path, data, safefile.Options{}); err != nil {
		return false, fmt.Errorf("add %q to the user dictionary %s: %w", word, path, err)
	}
	return true, nil
}
