package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// limitMemory follows the live heap: the floor while the heap is small,
// 1.25 times the live heap once that is more, and the previous limit when
// the session ends.
func TestLimitMemoryFollowsLiveHeap(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	current := func() int64 { return debug.SetMemoryLimit(-1) }
	before := current()
	const floor = 1 << 20
	restore := limitMemory(floor)
	if got := current(); got < floor || got == math.MaxInt64 {
		t.Fatalf("limit %d, want at least the floor %d", got, floor)
	}
	live := make([]byte, 64<<20)
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(10 * time.Second)
	for current() < int64(len(live))*5/4 {
		if time.Now().After(deadline) {
			t.Fatalf("limit %d with %d bytes live", current(), len(live))
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	restore()
	if got := current(); got != before {
		t.Errorf("limit %d after the session, want %d", got, before)
	}
}

func TestLimitMemoryLeavesGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := debug.SetMemoryLimit(-1)
	limitMemory(1 << 20)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d, want %d untouched", got, before)
	}
}
