package glossary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAppendEntryCheckedParallel adds one term from six goroutines at
// once, in each layout: the clash check runs under the append's lock, so
// one entry is written and the five others get ErrClash with the clash.
func TestAppendEntryCheckedParallel(t *testing.T) {
	for _, name := range []string{"user.tsv", "pairs.txt", "terms.tbx"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			existing := func() (*Glossary, error) {
				if _, err := os.Stat(path); err != nil {
					return New(), nil
				}
				g, _, err := ReadFile(path)
				return g, err
			}
			const n = 6
			errs := make(chan error, n)
			start := make(chan struct{})
			for range n {
				go func() {
					<-start
					_, clashes, err := AppendEntryChecked(path, newEntry("orage", "storm", "", ""), "fr", "en", AppendOptions{Existing: existing})
					if err == nil && len(clashes) > 0 {
						err = errors.New("clashes with a nil error")
					}
					if errors.Is(err, ErrClash) && (len(clashes) != 1 || clashes[0].Kind != ClashDuplicate) {
						err = errors.New("ErrClash without the duplicate")
					}
					errs <- err
				}()
			}
			close(start)
			added, clashed := 0, 0
			for range n {
				switch err := <-errs; {
				case err == nil:
					added++
				case errors.Is(err, ErrClash):
					clashed++
				default:
					t.Error(err)
				}
			}
			g, _, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if added != 1 || clashed != n-1 || g.Len() != 1 {
				data, _ := os.ReadFile(path)
				t.Fatalf("%d added, %d clashed, %d entries in the file; want 1, %d, 1:\n%s", added, clashed, g.Len(), n-1, data)
			}
		})
	}
}

// TestAppendEntryCheckedForce checks that Force writes a clashing entry
// and still returns the clash, and that without it nothing is written.
func TestAppendEntryCheckedForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.tsv")
	if _, err := AppendEntry(path, newEntry("orage", "storm", "", ""), "fr", "en"); err != nil {
		t.Fatal(err)
	}
	existing := func() (*Glossary, error) { g, _, err := ReadFile(path); return g, err }
	before, _ := os.ReadFile(path)
	_, clashes, err := AppendEntryChecked(path, newEntry("Orage", "thunderstorm", "", ""), "fr", "en", AppendOptions{Existing: existing})
	after, _ := os.ReadFile(path)
	if !errors.Is(err, ErrClash) || len(clashes) != 1 || clashes[0].Kind != ClashConflict || string(after) != string(before) {
		t.Fatalf("without Force: %v %v, file %q", err, clashes, after)
	}
	added, clashes, err := AppendEntryChecked(path, newEntry("Orage", "thunderstorm", "", ""), "fr", "en", AppendOptions{Existing: existing, Force: true})
	after, _ = os.ReadFile(path)
	if err != nil || len(clashes) != 1 || added.Origin.Line != 3 || !strings.HasSuffix(string(after), "Orage\tthunderstorm\n") {
		t.Fatalf("with Force: %v %v %v, file %q", err, clashes, added, after)
	}
	failing := func() (*Glossary, error) { return nil, errors.New("boom") }
	if _, _, err := AppendEntryChecked(path, newEntry("pluie", "rain", "", ""), "fr", "en", AppendOptions{Existing: failing}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("a failing Existing: %v", err)
	}
}
