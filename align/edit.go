package align

import "slices"

// The edits a translator makes in the review view. Each returns the new
// links (the argument is not modified) and whether it changed anything;
// all keep the links in order and every sentence in exactly one link.
// Confidences of changed links are left for Pair.Confidence to recompute.

// Join merges link k with the next one.
func Join(links []Link, k int) ([]Link, bool) {
	if k < 0 || k+1 >= len(links) {
		return links, false
	}
	out := slices.Clone(links)
	a, b := links[k], links[k+1]
	out[k] = Link{Src: concat(a.Src, b.Src), Tgt: concat(a.Tgt, b.Tgt), Conf: a.Conf}
	return slices.Delete(out, k+1, k+2), true
}

// Split cuts link k in two: its last source and last target sentence go
// to a new link after it (2:2 → 1:1 + 1:1, 1:2 → 1:1 + 0:1, 3:1 → 2:1 +
// 1:0); a 1:1 link becomes 1:0 + 0:1. A 1:0 or 0:1 link cannot be split.
func Split(links []Link, k int) ([]Link, bool) {
	if k < 0 || k >= len(links) {
		return links, false
	}
	l := links[k]
	if len(l.Src)+len(l.Tgt) < 2 {
		return links, false
	}
	cut := func(ix []int) int {
		if len(ix) > 1 {
			return len(ix) - 1
		}
		return len(ix)
	}
	a, b := cut(l.Src), cut(l.Tgt)
	if a == len(l.Src) && b == len(l.Tgt) { // 1:1
		a, b = 1, 0
	}
	first := Link{Src: slices.Clone(l.Src[:a]), Tgt: slices.Clone(l.Tgt[:b]), Conf: l.Conf}
	second := Link{Src: slices.Clone(l.Src[a:]), Tgt: slices.Clone(l.Tgt[b:]), Conf: l.Conf}
	out := slices.Clone(links)
	out[k] = first
	return slices.Insert(out, k+1, second), true
}

// MoveSource moves the source boundary between link k and link k+1 by one
// sentence: forward (+1) takes the next link's first source sentence into
// link k, backward (-1) gives link k's last source sentence to the next
// link. A link left with no sentence at all disappears.
func MoveSource(links []Link, k, dir int) ([]Link, bool) {
	return move(links, k, dir, func(l *Link) *[]int { return &l.Src })
}

// MoveTarget is MoveSource on the target side.
func MoveTarget(links []Link, k, dir int) ([]Link, bool) {
	return move(links, k, dir, func(l *Link) *[]int { return &l.Tgt })
}

func move(links []Link, k, dir int, side func(*Link) *[]int) ([]Link, bool) {
	if k < 0 || k+1 >= len(links) || dir == 0 {
		return links, false
	}
	out := slices.Clone(links)
	a, b := &out[k], &out[k+1]
	as, bs := side(a), side(b)
	switch {
	case dir > 0 && len(*bs) > 0:
		*as = append(slices.Clone(*as), (*bs)[0])
		*bs = slices.Clone((*bs)[1:])
	case dir < 0 && len(*as) > 0:
		*bs = append([]int{(*as)[len(*as)-1]}, *bs...)
		*as = slices.Clone((*as)[:len(*as)-1])
	default:
		return links, false
	}
	return slices.DeleteFunc(out, func(l Link) bool { return len(l.Src) == 0 && len(l.Tgt) == 0 }), true
}

func concat(a, b []int) []int { return append(slices.Clone(a), b...) }

// Check reports whether links are a valid alignment of n source and m target
// sentences: in order, every sentence in exactly one link, no empty link.
func Check(links []Link, n, m int) bool {
	i, j := 0, 0
	for _, l := range links {
		if len(l.Src)+len(l.Tgt) == 0 || l.Conf < 0 || l.Conf > 1 {
			return false
		}
		for _, s := range l.Src {
			if s != i {
				return false
			}
			i++
		}
		for _, t := range l.Tgt {
			if t != j {
				return false
			}
			j++
		}
	}
	return i == n && j == m
}
