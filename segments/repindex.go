package segments

// repIndex groups the segments by SourceKey. Sources never change within a
// Document (a changed article gives a new Document), so it is built once,
// on the first call that needs it, in one pass over the sources, or ahead
// of it on another goroutine (PrepareRepetitions).
type repIndex struct {
	n      int               // len(Segments) when built
	first  []int32           // segment → the first segment of its group, -1 when alone
	groups map[int32][]int32 // first segment → the group, in document order
}

// repBuild is an index being built on another goroutine: idx is set when
// done is closed.
type repBuild struct {
	done chan struct{}
	idx  *repIndex
}

// PrepareRepetitions starts building the index of repetitions on another
// goroutine, from a copy of the sources taken now, so that the first
// confirm does not wait for it: one pass over every source, 0.2 s for a
// 50 MB article's half a million segments, more than a keystroke may take.
// The first Repetitions or FillRepetitions call takes the index when it is
// ready (waiting for the rest of it if need be); a split or merge before
// then discards it.
func (d *Document) PrepareRepetitions() {
	if d.reps != nil && d.reps.n == len(d.Segments) || d.repsPending != nil {
		return
	}
	sources := make([]string, len(d.Segments))
	for i := range d.Segments {
		sources[i] = d.Segments[i].Source
	}
	b := &repBuild{done: make(chan struct{})}
	d.repsPending = b
	go func() {
		defer close(b.done)
		b.idx = buildRepIndex(len(sources), func(i int) string { return sources[i] })
	}()
}

// dropReps forgets the index: the sources changed (a split, a merge).
func (d *Document) dropReps() {
	d.reps, d.repsPending = nil, nil
}

func (d *Document) repetitions() *repIndex {
	if d.reps != nil && d.reps.n == len(d.Segments) {
		return d.reps
	}
	if b := d.repsPending; b != nil {
		d.repsPending = nil
		<-b.done
		if b.idx.n == len(d.Segments) {
			d.reps = b.idx
			return d.reps
		}
	}
	d.reps = buildRepIndex(len(d.Segments), func(i int) string { return d.Segments[i].Source })
	return d.reps
}

// buildRepIndex groups the n sources source(i) by SourceKey.
func buildRepIndex(n int, source func(int) string) *repIndex {
	seen := make(map[string]int32)
	r := &repIndex{n: n, first: make([]int32, n), groups: map[int32][]int32{}}
	for i := range n {
		r.first[i] = -1
		k := SourceKey(source(i))
		if k == "" {
			continue
		}
		f, ok := seen[k]
		if !ok {
			seen[k] = int32(i)
			continue
		}
		if len(r.groups[f]) == 0 {
			r.first[f] = f
			r.groups[f] = []int32{f}
		}
		r.first[i] = f
		r.groups[f] = append(r.groups[f], int32(i))
	}
	return r
}

// group returns the segments sharing segment i's source (i included), nil
// when i has no repetition.
func (d *Document) group(i int) []int32 {
	r := d.repetitions()
	if f := r.first[i]; f >= 0 {
		return r.groups[f]
	}
	return nil
}
