package cputime

import (
	"fmt"
	"os"
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

// A 64 MB buffer touched page by page shows in the peak resident set.
func TestPeakRSSSeesAllocation(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("peak RSS is not read here")
	}
	before := PeakRSS()
	buf := make([]byte, 64<<20)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	// Only a lower bound: the buffer may reuse pages already resident.
	if after := PeakRSS(); after < before || after < 64<<20 {
		t.Errorf("PeakRSS %d MB before, %d MB after touching 64 MB", before>>20, after>>20)
	}
	runtime.KeepAlive(buf)
}

// A child started by a large process reports its own peak, not its
// parent's (ru_maxrss carries the parent's over on Linux).
func TestPeakRSSOfChildIsItsOwn(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("VmHWM is Linux's")
	}
	if os.Getenv("TRAD_CPUTIME_CHILD") != "" {
		fmt.Printf("rss=%d\n", PeakRSS()>>20)
		return
	}
	buf := make([]byte, 256<<20)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	vals, out, err := ChildFigures("TestPeakRSSOfChildIsItsOwn", "TRAD_CPUTIME_CHILD=1")
	runtime.KeepAlive(buf)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if vals["rss"] >= 200 {
		t.Errorf("child's peak RSS %v MB: the parent's 256 MB counted", vals["rss"])
	}
}
