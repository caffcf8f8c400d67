//go:build unix

package cputime

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"syscall"
)

// PeakRSS returns the largest resident set the process has had, in bytes;
// 0 when the system cannot say. On Linux it is VmHWM of /proc/self/status:
// getrusage's ru_maxrss carries over the peak of the process that started
// this one (Go starts a child in its parent's address space before exec),
// so a small child of a large benchmark reported the benchmark's peak.
func PeakRSS() int64 {
	if runtime.GOOS == "linux" {
		if n, ok := vmHWM(); ok {
			return n
		}
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return ru.Maxrss // bytes there, kilobytes elsewhere
	}
	return ru.Maxrss << 10
}

// vmHWM reads the "VmHWM:   1234 kB" line of /proc/self/status.
func vmHWM() (int64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range bytes.Lines(data) {
		rest, ok := bytes.CutPrefix(line, []byte("VmHWM:"))
		if !ok {
			continue
		}
		f := bytes.Fields(rest)
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, false
		}
		n, err := strconv.ParseInt(string(f[0]), 10, 64)
		return n << 10, err == nil
	}
	return 0, false
}
