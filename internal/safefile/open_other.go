//go:build !unix

package safefile

import "os"

// openNoBlock opens path for reading (the caller has checked it is a
// regular file).
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
