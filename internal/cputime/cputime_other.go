//go:build !unix

// Package cputime reads the CPU time the process has used, for benchmarks
// that report it next to wall time: on a shared machine wall time is mostly
// waiting for a core, and other processes disturb CPU time far less.
package cputime

import "time"

// Used returns 0: the CPU time is not read on this system.
func Used() time.Duration { return 0 }
