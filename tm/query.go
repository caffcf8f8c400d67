package tm

import "github.com/trad-project/trad/segments"

// The looked-up text, prepared for a lookup: analysed, its words bound to
// the memory's IDs, its numbers masked for the numbers-only comparison.

// newQuery analyses a looked-up text; it needs no lock.
func (m *Memory) newQuery(src string, ctx Context) *query {
	q := &query{src: src, a: analyze(src, m.src, m.tok), key: normKey(src), ctx: contextHash(ctx.Prev, ctx.Next)}
	q.keyHash = keyHash(q.key)
	if len(q.a.nums) > 0 {
		q.mask = maskNumbers(src, q.a.nums)
	}
	q.fold = q.a.fold
	q.nRunes = runeLen(q.fold)
	return q
}

// bindQuery maps the query's words to the memory's IDs (0 for words it
// has never seen) and returns how many times each known stem occurs. The
// caller holds m.mu.
func (m *Memory) bindQuery(q *query) map[uint32]int {
	q.ids = make([]tid, len(q.a.toks))
	q.numStem = m.stems["#"]
	stemCount := make(map[uint32]int, len(q.ids))
	for i, t := range q.a.toks {
		q.ids[i] = tid{fold: m.folds[t.Fold], stem: m.stems[t.Stem]}
		if q.ids[i].stem != 0 {
			stemCount[q.ids[i].stem]++
		}
	}
	return stemCount
}

// query is a looked-up text prepared for scoring against entries.
type query struct {
	src     string
	a       analysis
	ids     []tid
	key     string
	keyHash uint64
	ctx     uint64
	mask    string // src with numbers masked, "" when it has none
	fold    string
	nRunes  int
	numStem uint32   // the memory's ID of the stem of numbers, 0 if none
	tagged  bool     // LookupTagged: compare tags
	sig     []string // the query's TagSignature
}

// sameWordsBut reports whether toks has the query's words in the same
// order, numbers aside: the cheap test before a number substitution.
func (q *query) sameWordsBut(toks []tid) bool {
	if len(toks) != len(q.ids) || q.numStem == 0 {
		return false
	}
	for i, a := range q.ids {
		b := toks[i]
		if (a.fold != b.fold || a.fold == 0) && (a.stem != q.numStem || b.stem != q.numStem) {
			return false
		}
	}
	return true
}

type substitution struct {
	target string
	tags   []segments.Tag // the target's tags, moved with the numbers
	subst  bool
}

// numbersOnly reports whether e's source differs from the query only in
// its numbers and, if so, returns e's target with those numbers replaced.
func (m *Memory) numbersOnly(e *entry, q *query) (substitution, bool) {
	enums := findNumbers(e.src, m.src)
	if len(enums) != len(q.a.nums) || maskNumbers(e.src, enums) != q.mask {
		return substitution{}, false
	}
	var tags []segments.Tag
	if e.tags != nil {
		tags = e.tags.tgt
	}
	t, moved, subst, ok := substituteNumbers(q.a.nums, enums, e.tgt, m.tgt, tags)
	if !ok {
		return substitution{}, false
	}
	return substitution{target: t, tags: moved, subst: subst}, true
}
