//go:build !unix

package cputime

// PeakRSS returns 0: the peak resident set is not read on this system.
func PeakRSS() int64 { return 0 }
