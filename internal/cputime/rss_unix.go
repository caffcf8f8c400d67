//go:build unix

package cputime

import (
	"runtime"
	"syscall"
)

// PeakRSS returns the largest resident set the process has had, in bytes
// (getrusage's ru_maxrss); 0 when the system cannot say.
func PeakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return ru.Maxrss // bytes there, kilobytes elsewhere
	}
	return ru.Maxrss << 10
}
