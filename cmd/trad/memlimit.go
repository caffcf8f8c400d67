package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// editMemoryLimit is the soft limit of trad edit's heap: issue 10 asks a
// 50 MB article to be edited within 500 MB. The editor's collector runs at
// GOGC 200 (tui.TuneGC), which lets the heap reach three times the live
// data between collections: 900 MB for the 300 MB such an article keeps
// live, though nothing needs it. Near the limit the collector runs sooner.
const editMemoryLimit = 450 << 20

// limitMemory sets the runtime's soft memory limit for an editing session
// (and the commands that hold the same glossaries and memories: qa,
// pretranslate),
// unless the user set GOMEMLIMIT: floor, or 1.25 times the live heap after
// a collection when that is more (a large memory or glossary), so that the
// collector never runs back to back on a heap the limit cannot hold. It
// returns a function that puts the previous limit back.
func limitMemory(floor int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(floor)
	var stop atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	// A finalizer runs after the collection that finds its object
	// unreachable: re-armed each time, it follows every collection.
	type sentinel struct{ _ *byte } // with a pointer: never a tiny allocation, whose finalizer may not run
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			if stop.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				live := int64(sample[0].Value.Uint64())
				debug.SetMemoryLimit(max(floor, live+live/4))
			}
			arm()
		})
	}
	arm()
	return func() {
		stop.Store(true)
		debug.SetMemoryLimit(prev)
	}
}
