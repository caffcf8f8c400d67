package main

import "fmt"

// count is "1 segment", "2 segments": n with word, plural when n ≠ 1.
func count(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
