package tm

import (
	"math"
	"unicode/utf8"
)

// tid is a token as interned by the memory: IDs of its fold and its stem.
// ID 0 means "not in the memory", which never equals a unit's token.
type tid struct{ fold, stem uint32 }

// Word edit costs, in quarters of a word: a word with the same stem but a
// different form (inflection, another number) costs a quarter of a
// substitution, so "taux" for "taux" is free, "rapides" for "rapide" cheap.
const (
	costSame  = 0
	costStem  = 1
	costWord  = 4
	costScale = 4
)

func subCost(a, b tid) int {
	switch {
	case a.fold == b.fold && a.fold != 0:
		return costSame
	case a.stem == b.stem && a.stem != 0:
		return costStem
	}
	return costWord
}

// boundedWordDistance is the weighted Levenshtein distance between two
// token sequences, in quarter-words (the tests' wordDistance), when it is
// at most k, and some value above k otherwise: only cells within
// k/costWord words of the diagonal are computed, and it stops as soon as a
// whole row exceeds k. Most candidates of a lookup are rejected after a
// few rows.
func boundedWordDistance(a, b []tid, k int, row []int) int {
	band := k / costWord
	if d := len(a) - len(b); d > band || -d > band {
		return k + 1
	}
	big := k + 1
	row = row[:len(b)+1]
	for j := range row {
		row[j] = min(j*costWord, big)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-band), min(len(b), i+band)
		diag := row[lo-1]
		if lo == 1 {
			row[0] = min(i*costWord, big)
		} else {
			row[lo-1] = big
		}
		rowMin := row[lo-1]
		ai := a[i-1]
		for j := lo; j <= hi; j++ {
			best := diag + subCost(ai, b[j-1])
			up := row[j]
			if j == i+band { // row[j] was outside the band in the previous row
				up = big
			}
			best = min(best, up+costWord, row[j-1]+costWord, big)
			diag, row[j] = row[j], best
			rowMin = min(rowMin, best)
		}
		if rowMin > k {
			return big
		}
	}
	return row[len(b)]
}

// wordSimilarity turns a distance into a similarity in [0, 1].
func wordSimilarity(dist, n, m int) float64 {
	l := max(n, m)
	if l == 0 {
		return 1
	}
	return 1 - float64(dist)/float64(costScale*l)
}

// similarity turns an edit distance over sequences whose longer one has
// length longer into a similarity in [0, 1].
func similarity(d, longer int) float64 {
	if longer == 0 {
		return 1
	}
	return 1 - float64(d)/float64(longer)
}

// boundedLevenshtein returns the rune-level Levenshtein distance of a and
// b when it is at most k, and some value above k otherwise. Only the band
// of cells within k of the diagonal is computed, and it stops as soon as a
// whole row exceeds k. row is scratch space.
func boundedLevenshtein(a, b []rune, k int, row *[]int) int {
	if d := len(a) - len(b); d > k || -d > k {
		return k + 1
	}
	if len(a) == 0 || len(b) == 0 {
		return max(len(a), len(b))
	}
	big := k + 1
	if cap(*row) < len(b)+1 {
		*row = make([]int, len(b)+1)
	}
	r := (*row)[:len(b)+1]
	for j := range r {
		r[j] = min(j, big)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		// r[lo-1] is the cell left of the band in this row: i when lo is 1,
		// outside the band (too far) otherwise.
		diag := r[lo-1]
		if lo == 1 {
			r[0] = min(i, big)
		} else {
			r[lo-1] = big
		}
		rowMin := r[lo-1]
		ca := a[i-1]
		for j := lo; j <= hi; j++ {
			best := diag
			if ca != b[j-1] {
				best++
			}
			up := r[j]
			if j == i+k { // r[j] was outside the band in the previous row
				up = big
			}
			best = min(best, up+1, r[j-1]+1, big)
			diag, r[j] = r[j], best
			rowMin = min(rowMin, best)
		}
		if rowMin > k {
			return big
		}
	}
	return r[len(b)]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// charWeight is the share of the character-level similarity in a score. It
// is larger for short segments, where one word is a large share of the
// words, so that "Conclusion" against "Conclusions" is not scored 0 or 100.
func charWeight(tokens int) float64 {
	return min(0.5, max(0.3, 0.6-0.05*float64(tokens)))
}

// blend combines word and character similarities into a score in [0, 1].
func blend(wordSim, charSim float64, tokens int) float64 {
	wc := charWeight(tokens)
	return (1-wc)*wordSim + wc*charSim
}

// percent turns a similarity into the integer percentage shown to users,
// rounding down so that only identical texts reach 100.
func percent(s float64) int { return int(math.Floor(100*s + 1e-9)) }

// scoreUpperBound bounds the score of a unit of m tokens and mRunes folded
// runes against a query of n tokens and nRunes runes that share at most
// shared stems: every word beyond the shared ones costs a full edit, and
// the character distance is at least the difference in lengths.
func scoreUpperBound(shared, n, m, nRunes, mRunes int) float64 {
	l := max(n, m)
	if l == 0 {
		return 1
	}
	shared = min(shared, n, m)
	if shared == l {
		// Same words up to numbers: the numbers may be substituted, which
		// scores above the blend.
		return 1
	}
	lenRatio := 1.0
	if lr := max(nRunes, mRunes); lr > 0 {
		lenRatio = float64(min(nRunes, mRunes)) / float64(lr)
	}
	return blend(float64(shared)/float64(l), lenRatio, l)
}

// DiffKind says how a run of words of the looked-up text relates to a
// match's source.
type DiffKind uint8

// Diff kinds.
const (
	DiffEqual  DiffKind = iota // in both (same folded form)
	DiffInsert                 // only in the looked-up text: the match lacks it
	DiffDelete                 // only in the match's source: to remove
)

func (k DiffKind) String() string {
	switch k {
	case DiffEqual:
		return "equal"
	case DiffInsert:
		return "insert"
	case DiffDelete:
		return "delete"
	}
	return "diffkind(?)"
}

// DiffOp is one run of a word diff between the looked-up text (Q) and a
// match's Source (M). Spans are byte offsets from the first to the last word
// of the run; the text between runs (spaces, punctuation) belongs to no run.
// An Equal run has both spans; an Insert run has an empty M span at the
// place in Source where the words would go; a Delete run an empty Q span.
type DiffOp struct {
	Kind         DiffKind
	QStart, QEnd int
	MStart, MEnd int
}

// wordDiff aligns query and match tokens and returns the runs. Words with
// the same stem but another form are reported as a delete and an insert so
// that the editor shows the inflection to fix.
func wordDiff(q, m []token, qi, mi []tid) []DiffOp {
	n, k := len(qi), len(mi)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, k+1)
		d[i][0] = i * costWord
	}
	for j := 0; j <= k; j++ {
		d[0][j] = j * costWord
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= k; j++ {
			best := d[i-1][j-1] + subCost(qi[i-1], mi[j-1])
			best = min(best, d[i-1][j]+costWord, d[i][j-1]+costWord)
			d[i][j] = best
		}
	}
	// Walk back from the end, collecting single-word ops in reverse.
	type step struct {
		kind DiffKind
		qi   int // token index in q, or -1
		mi   int
	}
	var steps []step
	i, j := n, k
	for i > 0 || j > 0 {
		switch {
		case i > 0 && j > 0 && d[i][j] == d[i-1][j-1]+subCost(qi[i-1], mi[j-1]):
			if subCost(qi[i-1], mi[j-1]) == costSame {
				steps = append(steps, step{DiffEqual, i - 1, j - 1})
			} else {
				steps = append(steps, step{DiffInsert, i - 1, -1}, step{DiffDelete, -1, j - 1})
			}
			i, j = i-1, j-1
		case i > 0 && d[i][j] == d[i-1][j]+costWord:
			steps = append(steps, step{DiffInsert, i - 1, -1})
			i--
		default:
			steps = append(steps, step{DiffDelete, -1, j - 1})
			j--
		}
	}
	// Forward: merge consecutive steps of the same kind into runs. qPos and
	// mPos are the byte offsets just after the last word seen in each text.
	var ops []DiffOp
	qPos, mPos := 0, 0
	for s := len(steps) - 1; s >= 0; s-- {
		st := steps[s]
		var op DiffOp
		op.Kind = st.kind
		op.QStart, op.QEnd = qPos, qPos
		op.MStart, op.MEnd = mPos, mPos
		if st.qi >= 0 {
			op.QStart, op.QEnd = q[st.qi].Start, q[st.qi].End
			qPos = op.QEnd
		}
		if st.mi >= 0 {
			op.MStart, op.MEnd = m[st.mi].Start, m[st.mi].End
			mPos = op.MEnd
		}
		if l := len(ops) - 1; l >= 0 && ops[l].Kind == op.Kind {
			if st.qi >= 0 {
				if ops[l].QStart == ops[l].QEnd {
					ops[l].QStart = op.QStart
				}
				ops[l].QEnd = op.QEnd
			}
			if st.mi >= 0 {
				if ops[l].MStart == ops[l].MEnd {
					ops[l].MStart = op.MStart
				}
				ops[l].MEnd = op.MEnd
			}
			continue
		}
		ops = append(ops, op)
	}
	return ops
}

// runeLen is the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
