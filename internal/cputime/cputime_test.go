package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Busy work shows up in Used within two seconds, however loaded the
// machine (the loop consumes CPU whenever it runs).
func TestUsedGrowsWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("CPU time is not read here")
	}
	t0 := Used()
	if t0 <= 0 {
		t.Fatalf("Used() = %v at start", t0)
	}
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		if Used() > t0 {
			return
		}
	}
	t.Errorf("Used() stayed at %v over 2 s of work", t0)
}
