package glossary

import (
	"sync"
	"sync/atomic"
)

// wordCache maps the folded words of texts to what was computed of them
// (a stem, a matcher's keys): news text repeats its words, and the editor
// matches a document's segments again and again. It is safe for
// concurrent use and stops growing at maxWordCache entries, so that a
// stream of new words cannot grow it without end.
type wordCache[V any] struct {
	m sync.Map
	n atomic.Int64
}

// maxWordCache bounds a wordCache.
const maxWordCache = 1 << 18

func (c *wordCache[V]) load(fold string) (V, bool) {
	v, ok := c.m.Load(fold)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

func (c *wordCache[V]) store(fold string, v V) {
	if c.n.Load() < maxWordCache {
		if _, loaded := c.m.LoadOrStore(fold, v); !loaded {
			c.n.Add(1)
		}
	}
}
