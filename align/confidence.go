package align

import "math"

// A link's confidence is how much cheaper the best local alignment with
// the link is than the best one without it: the window from the link
// before it to the link after it is aligned again by the same programme,
// once forced through the link and once forbidden from using it. A link
// that wins clearly is near 1; one that barely beats another reading (a
// 2:2 against 2:1 + 1:2, a dropped sentence against a merge) is near 0.5;
// a link the translator imposed against the cues falls under it. It works
// for any links covering the pair, so it follows the review's edits.

// confTemperature turns a cost margin into a probability.
const confTemperature = 3

// confidence sets the Conf of every link.
func (pr *problem) confidence(links []Link) {
	for k := range links {
		links[k].Conf = logistic(pr.margin(links, k) / confTemperature)
	}
}

// margin returns the cost of the best alignment of link k's window that
// does not contain the link, minus the cost of the best that does.
func (pr *problem) margin(links []Link, k int) float64 {
	i0, j0 := linkStart(links, k)
	l := links[k]
	i1, j1 := i0+len(l.Src), j0+len(l.Tgt)
	a, c := i0, j0
	if k > 0 {
		a, c = linkStart(links, k-1)
	}
	b, d := i1, j1
	if k+1 < len(links) {
		n := links[k+1]
		b, d = i1+len(n.Src), j1+len(n.Tgt)
	}
	with := pr.window(a, c, i0, j0, -1, -1, 0, 0) +
		pr.linkCost(len(l.Src), len(l.Tgt), i1, j1, shapePrior(len(l.Src), len(l.Tgt))) +
		pr.window(i1, j1, b, d, -1, -1, 0, 0)
	without := pr.window(a, c, b, d, i0, j0, len(l.Src), len(l.Tgt))
	return math.Min(without-with, 20)
}

// linkStart returns the sentences before link k on each side.
func linkStart(links []Link, k int) (int, int) {
	l := links[k]
	switch {
	case len(l.Src) > 0 && len(l.Tgt) > 0:
		return l.Src[0], l.Tgt[0]
	case len(l.Src) > 0:
		return l.Src[0], nextOn(links, k, tgtOf)
	default:
		return nextOn(links, k, srcOf), l.Tgt[0]
	}
}

// nextOn returns the first sentence of side (Src or Tgt) at or after link
// k: the number of that side's sentences before the link.
func nextOn(links []Link, k int, side func(Link) []int) int {
	for ; k < len(links); k++ {
		if ix := side(links[k]); len(ix) > 0 {
			return ix[0]
		}
	}
	for k = len(links) - 1; k >= 0; k-- {
		if ix := side(links[k]); len(ix) > 0 {
			return ix[len(ix)-1] + 1
		}
	}
	return 0
}

func srcOf(l Link) []int { return l.Src }
func tgtOf(l Link) []int { return l.Tgt }

// window returns the cost of the best alignment of source sentences a..b-1
// with target sentences c..d-1, never using the link of fa source and fb
// target sentences starting at (fi, fj) (fi < 0: no such restriction).
func (pr *problem) window(a, c, b, d, fi, fj, fa, fb int) float64 {
	w := d - c + 1
	dist := make([]float64, (b-a+1)*w)
	for x := range dist {
		dist[x] = math.Inf(1)
	}
	dist[0] = 0
	for i := a; i <= b; i++ {
		for j := c; j <= d; j++ {
			if i == a && j == c {
				continue
			}
			best := math.Inf(1)
			for k, sh := range shapes {
				pi, pj := i-sh.a, j-sh.b
				if pi < a || pj < c || (pi == fi && pj == fj && sh.a == fa && sh.b == fb) {
					continue
				}
				if prev := dist[(pi-a)*w+pj-c]; !math.IsInf(prev, 1) {
					best = math.Min(best, prev+pr.cost(k, i, j))
				}
			}
			dist[(i-a)*w+j-c] = best
		}
	}
	return dist[len(dist)-1]
}
