package tm

// newTestMemory returns an empty fr→en memory analysed as in production.
func newTestMemory() *Memory { return New("fr", "en") }
