//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report it next to wall time: on a shared machine wall time is mostly
// waiting for a core, and other processes disturb CPU time far less.
package cputime

import (
	"syscall"
	"time"
)

// Used returns the CPU time (user + system) the process has used; 0 when
// the system cannot say.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
