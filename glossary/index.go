package glossary

import (
	"hash/maphash"
	"slices"
)

// trie is an index of terms by word keys. Every key has an id (1 up),
// found by the key's 64-bit hash: the trie keeps no key strings (a text
// word whose key collides with another's only makes matchAt check a term
// that then fails, since it compares the words themselves), with its node
// as a first word (once built; 0: none). first[id] is that node too, and
// alias[aliasAt[id]:
// aliasAt[id+1]] the ids of the keys it is an alias of (see wordKeys).
//
// Once built (finish), the nodes are laid out breadth first: the children
// of a node are nodes[kid0:kid0+nkid], sorted by the id of the key that
// leads to them (label), so one step of a walk reads the children where
// the next step finds its node. At a million terms a trie of maps and
// pointers cost a gigabyte that the collector scanned at every cycle, and
// each step was a miss in a map of millions.
type trie struct {
	seed maphash.Seed
	// ids holds by key hash the key's refs as the key of a word in lower
	// case and of a word with a capital ("Orange", "OTAN"). Such a word
	// only matches a text word with a capital, so its key is another
	// key: a text word in lower case, the most common, does not walk into
	// the terms it cannot match; a word with a capital finds both in one
	// lookup.
	ids      map[uint64]keyRefs
	first    []int32
	aliasAt  []int32
	alias    []int32
	nodes    []tnode
	slot     int
	maxWords int
	// While the matcher is built: the nodes' ends (see tnode), the edges
	// by (parent, key id), and the aliases by key id; finish lays them out.
	ends    []int32
	edges   map[uint64]int32
	aliases map[int32][]int32
}

// tnode is a trie node: end is 1 + the index in Matcher.terms of the first
// term ending there (0: none), label the id of the key leading to it, and
// its children nodes[kid0 : kid0+nkid].
type tnode struct {
	end, label, kid0, nkid int32
}

// newTrie returns an empty trie for about terms terms of words words in
// all (a size hint: at a million terms, growing the edges map left as much
// garbage as it held).
func newTrie(slot, terms, words int) trie {
	return trie{seed: maphash.MakeSeed(), ids: make(map[uint64]keyRefs),
		first: make([]int32, 1), ends: make([]int32, 1, words-terms/2+1),
		slot: slot, edges: make(map[uint64]int32, words-terms), aliases: make(map[int32][]int32)}
}

// edgeKey is the key in trie.edges of the edge from node parent through
// the key whose id is id.
func edgeKey(parent, id int32) uint64 {
	return uint64(uint32(parent))<<32 | uint64(uint32(id))
}

// intern returns the id of key (of a word with a capital when capital is
// set), creating it.
func (t *trie) intern(key string, capital bool) int32 {
	h := keyHash(t.seed, key)
	rs := t.ids[h]
	r := &rs[0]
	if capital {
		r = &rs[1]
	}
	if r.id == 0 {
		r.id = int32(len(t.first))
		t.first = append(t.first, 0)
		t.ids[h] = rs
	}
	return r.id
}

// addAlias registers key id a as an alias of key id of.
func (t *trie) addAlias(a, of int32) {
	if !slices.Contains(t.aliases[a], of) {
		t.aliases[a] = append(t.aliases[a], of)
	}
}

// path returns the node reached from the root through the key ids,
// creating the nodes missing.
func (t *trie) path(ids []int32) int32 {
	n := int32(0)
	for _, id := range ids {
		n = t.child(n, id)
	}
	t.maxWords = max(t.maxWords, len(ids))
	return n
}

// link adds term ct (its index in Matcher.terms) to the terms ending at
// node n, after them.
func (t *trie) link(n, ct int32, terms []cterm) {
	p := &t.ends[n]
	for *p != 0 {
		if *p == ct+1 {
			return
		}
		p = &terms[*p-1].next[t.slot]
	}
	*p = ct + 1
}

// child returns the node reached from n through key id, creating it.
func (t *trie) child(n, id int32) int32 {
	if n == 0 {
		if t.first[id] == 0 {
			t.first[id] = int32(len(t.ends))
			t.ends = append(t.ends, 0)
		}
		return t.first[id]
	}
	k := edgeKey(n, id)
	c, ok := t.edges[k]
	if !ok {
		c = int32(len(t.ends))
		t.ends = append(t.ends, 0)
		t.edges[k] = c
	}
	return c
}

// finish lays the nodes out breadth first, sorts each node's children by
// label, and drops the maps the trie was built in.
func (t *trie) finish() {
	// Children by parent, in one array (counting sort on the parent).
	start := make([]int32, len(t.ends)+1)
	for k := range t.edges {
		start[int32(k>>32)+1]++
	}
	for n := 1; n < len(start); n++ {
		start[n] += start[n-1]
	}
	roots := 0
	for _, n := range t.first {
		if n != 0 {
			roots++
		}
	}
	edges := make([]tedge, len(t.edges), len(t.edges)+roots)
	fill := slices.Clone(start[:len(t.ends)])
	for k, c := range t.edges {
		p := int32(k >> 32)
		edges[fill[p]] = tedge{id: int32(uint32(k)), child: c}
		fill[p]++
	}
	t.edges, fill = nil, nil
	// The first words are the children of node 0.
	for id, n := range t.first {
		if n != 0 {
			edges = append(edges, tedge{id: int32(id), child: n})
		}
	}
	// Breadth first: a node's children are appended when it is laid out,
	// each with its old number in end until its own turn.
	nodes := make([]tnode, 1, len(t.ends))
	for q := 0; q < len(nodes); q++ {
		old := nodes[q].end
		kids := edges[start[len(t.ends)]:]
		if q != 0 {
			kids = edges[start[old]:start[old+1]]
		}
		slices.SortFunc(kids, func(a, b tedge) int { return int(a.id - b.id) })
		nn := &nodes[q]
		nn.end, nn.kid0, nn.nkid = t.ends[old], int32(len(nodes)), int32(len(kids))
		for _, e := range kids {
			if q == 0 {
				t.first[e.id] = int32(len(nodes))
			}
			nodes = append(nodes, tnode{label: e.id, end: e.child})
		}
	}
	t.nodes, t.ends = nodes, nil
	// A text word's key and its node in one lookup.
	for h, rs := range t.ids {
		for k := range rs {
			if rs[k].id != 0 {
				rs[k] = t.refID(rs[k].id)
			}
		}
		t.ids[h] = rs
	}
	t.aliasAt = make([]int32, len(t.first)+1)
	for id := range t.first {
		t.aliasAt[id+1] = t.aliasAt[id] + int32(len(t.aliases[int32(id)]))
	}
	t.alias = make([]int32, 0, t.aliasAt[len(t.first)])
	for id := range t.first {
		t.alias = append(t.alias, t.aliases[int32(id)]...)
	}
	t.aliases = nil
	t.first = slices.Clip(t.first)
}

// tedge is an edge to node child through the key whose id is id, while
// finish lays the trie out.
type tedge struct {
	id, child int32
}

// keyRef is a word key as found in a trie: its id (0: the trie has no
// such key) and its node as a first word (0: none).
type keyRef struct{ id, node int32 }

// keyHash hashes a key for trie.ids (a variable so that a test can make
// keys collide).
var keyHash = maphash.String

// keyRefs are the refs of a key as a word's in lower case and with a
// capital (see trie.ids).
type keyRefs [2]keyRef

// refs looks key up.
func (t *trie) refs(key string) keyRefs {
	return t.ids[keyHash(t.seed, key)]
}

func (t *trie) refID(id int32) keyRef {
	return keyRef{id, t.first[id]}
}

// aliasesOf returns the ids of the keys key id is an alias of.
func (t *trie) aliasesOf(id int32) []int32 {
	if id == 0 {
		return nil
	}
	return t.alias[t.aliasAt[id]:t.aliasAt[id+1]]
}

// follow returns the node reached from n through key.
func (t *trie) follow(n int32, key keyRef) (int32, bool) {
	if key.id == 0 {
		return 0, false
	}
	if n == 0 {
		return key.node, key.node != 0
	}
	nd := &t.nodes[n]
	kids := t.nodes[nd.kid0 : nd.kid0+nd.nkid]
	if len(kids) <= 8 {
		for k := range kids {
			if kids[k].label == key.id {
				return nd.kid0 + int32(k), true
			}
		}
		return 0, false
	}
	k, ok := slices.BinarySearchFunc(kids, key.id, func(c tnode, id int32) int { return int(c.label - id) })
	return nd.kid0 + int32(k), ok
}

// leaf reports whether no term goes on past node n.
func (t *trie) leaf(n int32) bool {
	return t.nodes[n].nkid == 0
}
