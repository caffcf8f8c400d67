// Package memo is trad's one bounded cache of computed answers by string
// key: the glossary analyzer's stems and the matcher's keys of text
// words, and langtag's base languages of tags read from files. It is safe
// for concurrent use and stops growing at its bound, so that a stream of
// new keys (the words of many texts, junk tags of a file) cannot grow it
// without end; what it no longer keeps is computed again.
package memo

import (
	"sync"
	"sync/atomic"
)

// Bounded maps string keys to values, up to Max entries (DefaultMax when
// 0). The zero value is ready to use.
type Bounded[V any] struct {
	Max int64
	m   sync.Map
	n   atomic.Int64
}

// DefaultMax bounds a Bounded whose Max is 0.
const DefaultMax = 1 << 18

// Load returns the value kept for key.
func (c *Bounded[V]) Load(key string) (V, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// Store keeps v for key, unless the cache is full.
func (c *Bounded[V]) Store(key string, v V) {
	max := c.Max
	if max == 0 {
		max = DefaultMax
	}
	if c.n.Load() < max {
		if _, loaded := c.m.LoadOrStore(key, v); !loaded {
			c.n.Add(1)
		}
	}
}
