package tm

import "testing"

// numberText has the number forms a memory's sentences carry: grouped,
// decimal, foreign, versions, words with digits.
const numberText = "En 2024, 12 500 personnes ont payé 3,5 % de plus, soit 1 234,50 € ; la version 3.12.1 du A320 coûte 4.000 euros, 7 fois 15."

func BenchmarkFindNumbers(b *testing.B) {
	b.SetBytes(int64(len(numberText)))
	for b.Loop() {
		findNumbers(numberText, "fr")
	}
}
