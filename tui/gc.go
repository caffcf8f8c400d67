package tui

import (
	"os"
	"runtime/debug"
)

// editorGCPercent is the collector's target for an editing session. The
// editor keeps large indexes live (a glossary of 100,000 terms is ~100 MB):
// at Go's default of 100 the collector runs every time the heap grows by
// that much again, and its assists land inside keystrokes. 200 halves how
// often it runs, for a heap of at most three times the live data.
const editorGCPercent = 200

// TuneGC sets the collector for an interactive session and returns a
// function that puts the previous setting back. A GOGC set by the user wins.
func TuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(editorGCPercent)
	return func() { debug.SetGCPercent(prev) }
}
