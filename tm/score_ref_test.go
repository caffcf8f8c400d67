package tm

// wordDistance is the weighted Levenshtein distance between two token
// sequences, in quarter-words: the reference the tests hold the
// production distances (boundedWordDistance, the bit-parallel bound) to. row is scratch space of len(b)+1 or more.
func wordDistance(a, b []tid, row []int) int {
	row = row[:len(b)+1]
	for j := range row {
		row[j] = j * costWord
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i * costWord
		for j := 1; j <= len(b); j++ {
			best := diag + subCost(a[i-1], b[j-1])
			if v := row[j] + costWord; v < best {
				best = v
			}
			if v := row[j-1] + costWord; v < best {
				best = v
			}
			diag, row[j] = row[j], best
		}
	}
	return row[len(b)]
}
