// Package spell checks spelling with Hunspell dictionaries through the
// hunspell program kept running in its pipe mode (hunspell -a), one
// process per language, with the answers cached per word. A pure-Go reader
// of .aff/.dic files would avoid the subprocess, but none that handles
// affixes and compounding is available to this module (see docs/qa.md).
package spell

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/trad-project/trad/internal/xdg"
)

// Dictionary is a Hunspell dictionary found on disk: Path is the file
// name without its .aff/.dic extension, as `hunspell -d` takes it (several,
// comma-separated, are all accepted).
type Dictionary struct {
	Name string // "en_US"
	Path string // "/usr/share/hunspell/en_US"
}

// bareVariants are the dictionaries added for a language given without a
// region: "en" accepts British as well as American spelling ("mobilises",
// "colour"), as a translator writing plain "en" may use either.
var bareVariants = map[string][]string{"en": {"en_GB"}}

// ErrNoDictionary is returned (wrapped) when no dictionary serves a
// language.
var ErrNoDictionary = errors.New("no Hunspell dictionary")

// UserDictDir is the user's folder of Hunspell dictionaries,
// $XDG_DATA_HOME/trad/hunspell, searched first.
func UserDictDir() string { return filepath.Join(xdg.DataDir(), "hunspell") }

// SystemDictDirs are the usual system folders of Hunspell and MySpell
// dictionaries (Debian's hunspell-* packages install in the first).
var SystemDictDirs = []string{"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell", "/usr/local/share/hunspell"}

// DictDirs returns the folders searched for dictionaries, user's first.
func DictDirs() []string { return append([]string{UserDictDir()}, SystemDictDirs...) }

// defaultRegion is the dictionary preferred for a bare language.
var defaultRegion = map[string]string{"en": "en_US", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "it": "it_IT", "pt": "pt_PT", "nl": "nl_NL"}

// Find returns the dictionary for BCP 47 tag lang ("en", "en-GB", "fr")
// in dirs: the exact region first, then the language's usual one, the
// bare language, then any region of it. An error wraps ErrNoDictionary.
func Find(lang string, dirs []string) (Dictionary, error) {
	tag := strings.ReplaceAll(lang, "-", "_")
	base, region, _ := strings.Cut(tag, "_")
	base = strings.ToLower(base)
	var names []string
	if region != "" {
		names = append(names, base+"_"+strings.ToUpper(region))
	}
	if r := defaultRegion[base]; r != "" {
		names = append(names, r)
	}
	names = append(names, base)
	for _, n := range names {
		if p := findIn(dirs, n); p != "" {
			d := Dictionary{Name: n, Path: p}
			if region == "" {
				for _, v := range bareVariants[base] {
					if vp := findIn(dirs, v); vp != "" && v != n {
						d.Name += "+" + v
						d.Path += "," + vp
					}
				}
			}
			return d, nil
		}
	}
	for _, d := range dirs {
		m, _ := filepath.Glob(filepath.Join(d, base+"_*.dic"))
		sort.Strings(m)
		for _, f := range m {
			if p := strings.TrimSuffix(f, ".dic"); exists(p + ".aff") {
				return Dictionary{Name: filepath.Base(p), Path: p}, nil
			}
		}
	}
	return Dictionary{}, fmt.Errorf("%w for %q in %s", ErrNoDictionary, lang, strings.Join(dirs, ", "))
}

// findIn returns the path (without extension) of dictionary name in the
// first of dirs that has both its files, or "".
func findIn(dirs []string, name string) string {
	for _, d := range dirs {
		if p := filepath.Join(d, name); exists(p+".aff") && exists(p+".dic") {
			return p
		}
	}
	return ""
}

func exists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
