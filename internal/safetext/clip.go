package safetext

import "unicode/utf8"

// Clip returns s cut to its first n characters (runes) with "…" after
// them when it was longer: the one way trad shortens outside text for a
// message (bitext's import report, an MT server's error). It never splits
// a character, so the result stays valid UTF-8.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for k < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return s[:i] + "…"
}

// CutBytes returns s cut to at most n bytes at a character boundary, for
// limits counted in bytes (a file name's 255 bytes).
func CutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
