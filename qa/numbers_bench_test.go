package qa

import "testing"

// numberText has the number forms a segment carries: grouped, decimal,
// foreign, dates, times, versions, scale words.
const numberText = "En 2024, 12 500 personnes ont payé 3,5 % de plus, soit 1 234,50 € le 14.05.2024 à 15 h 30 ; la version 3.12.1 coûte 4.000 euros, 180 millions, 7 fois 15."

func BenchmarkNumbers(b *testing.B) {
	b.SetBytes(int64(len(numberText)))
	for b.Loop() {
		Numbers(numberText, "fr")
	}
}
