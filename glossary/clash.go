package glossary

import "strings"

// ClashKind says how a new entry meets an existing one.
type ClashKind string

const (
	// ClashDuplicate: an existing entry already gives this source term
	// with this target term.
	ClashDuplicate ClashKind = "duplicate"
	// ClashConflict: an existing entry gives this source term with other
	// target terms. An entry with no term in the target language does not
	// clash: the new one adds what it lacks.
	ClashConflict ClashKind = "conflict"
)

// Clash is an existing entry that a new entry duplicates or contradicts.
type Clash struct {
	Kind  ClashKind
	Entry *Entry
	// Source is the source term the two entries share, as the existing
	// entry writes it; Targets are the existing entry's target terms.
	Source  string
	Targets []string
}

// Clashes returns the entries of g that give one of e's source terms (in
// language src; compared case-folded, in NFC, apostrophes unified and
// spaces collapsed): a duplicate when the existing entry also has one of
// e's target terms (in language tgt), else a conflict. The editor shows
// them before AppendEntry saves e. Entries are returned in g's order.
func Clashes(g *Glossary, e Entry, src, tgt string) []Clash {
	srcKeys := termKeys(e.Source(src))
	tgtKeys := termKeys(e.Target(tgt))
	if len(srcKeys) == 0 {
		return nil
	}
	var out []Clash
	for _, old := range g.Entries() {
		if len(old.Target(tgt)) == 0 {
			continue
		}
		for _, s := range old.Source(src) {
			if !srcKeys[termKey(s)] {
				continue
			}
			c := Clash{Kind: ClashConflict, Entry: old, Source: s, Targets: old.Target(tgt)}
			for _, t := range c.Targets {
				if tgtKeys[termKey(t)] {
					c.Kind = ClashDuplicate
					break
				}
			}
			out = append(out, c)
			break
		}
	}
	return out
}

// termKey is what two terms share when they are the same term: folded
// words separated by single spaces.
func termKey(s string) string {
	return strings.Join(strings.Fields(fold(cleanTerm(s))), " ")
}

func termKeys(terms []string) map[string]bool {
	keys := make(map[string]bool, len(terms))
	for _, t := range terms {
		if k := termKey(t); k != "" {
			keys[k] = true
		}
	}
	return keys
}
