package tm

import "fmt"

// newTestMemory returns an empty fr→en memory analysed as in production.
func newTestMemory() *Memory { return New("fr", "en") }

func sprint(v any) string { return fmt.Sprint(v) }
