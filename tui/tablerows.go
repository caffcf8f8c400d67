package tui

import "sort"

// The table's shown rows: every segment, or the sorted list a filter
// kept (filter.go). The table walks its rows with next and prev, so
// scrolling, drawing and the layout see only the rows shown.

// setRows shows only the segments in rows (sorted, not empty); nil shows
// them all. The top row moves to a shown one.
func (t *table) setRows(rows []int) {
	t.rows = rows
	t.skip = 0
	if n := len(t.doc.Segments); n > 0 {
		t.top = t.nearest(min(max(t.top, 0), n-1))
	}
	// Separators depend on the row above: draw every row again.
	t.touchAll()
}

// filtered reports whether a filter hides some rows.
func (t *table) filtered() bool { return t.rows != nil }

// shown reports whether segment i is shown.
func (t *table) shown(i int) bool {
	if t.rows == nil {
		return i >= 0 && i < len(t.doc.Segments)
	}
	k := sort.SearchInts(t.rows, i)
	return k < len(t.rows) && t.rows[k] == i
}

// next is the first shown segment after i, len(Segments) when none.
func (t *table) next(i int) int {
	if t.rows == nil {
		return i + 1
	}
	if k := sort.SearchInts(t.rows, i+1); k < len(t.rows) {
		return t.rows[k]
	}
	return len(t.doc.Segments)
}

// prev is the last shown segment before i, -1 when none.
func (t *table) prev(i int) int {
	if t.rows == nil {
		return i - 1
	}
	if k := sort.SearchInts(t.rows, i) - 1; k >= 0 {
		return t.rows[k]
	}
	return -1
}

// nearest is the first shown segment at or after i, or else the last
// shown one.
func (t *table) nearest(i int) int {
	if len(t.rows) == 0 {
		return i
	}
	if k := sort.SearchInts(t.rows, i); k < len(t.rows) {
		return t.rows[k]
	}
	return t.rows[len(t.rows)-1]
}

// step is the shown segment n rows after i (before it when n < 0),
// clamped to the first and last shown rows.
func (t *table) step(i, n int) int {
	if t.rows == nil {
		return min(max(i+n, 0), max(len(t.doc.Segments)-1, 0))
	}
	k := sort.SearchInts(t.rows, t.nearest(i))
	return t.rows[min(max(k+n, 0), len(t.rows)-1)]
}

// first and last are the first and last shown segments.
func (t *table) first() int { return t.step(0, -1) }
func (t *table) last() int  { return t.step(len(t.doc.Segments)-1, len(t.doc.Segments)) }

// cycle returns the first shown segment after from (before it with dir
// -1), wrapping around, for which ok holds; -1 when none does. from
// itself is tried last of all, never.
func (t *table) cycle(from, dir int, ok func(int) bool) int {
	n := len(t.doc.Segments)
	if t.rows == nil {
		for step := 1; step < n; step++ {
			if i := ((from+dir*step)%n + n) % n; ok(i) {
				return i
			}
		}
		return -1
	}
	k := len(t.rows)
	start := sort.SearchInts(t.rows, from) // the first shown at or after from
	if dir < 0 {
		start--
	} else if start < k && t.rows[start] == from {
		start++
	}
	for step := 0; step < k; step++ {
		j := ((start+dir*step)%k + k) % k
		if i := t.rows[j]; i != from && ok(i) {
			return i
		}
	}
	return -1
}

// shownOf returns the elements of list (sorted segment indexes) that t
// shows.
func shownOf(t *table, list []int) []int {
	var out []int
	for _, i := range list {
		if t.shown(i) {
			out = append(out, i)
		}
	}
	return out
}
