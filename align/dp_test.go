package align

import (
	"math"
	"testing"
)

func TestTailCost(t *testing.T) {
	for d := 0.0; d < 20; d += 0.0371 {
		want := -math.Log(math.Erfc(d / math.Sqrt2))
		if got := tailCost(d); math.Abs(got-want) > 1e-3*max(1, want) {
			t.Errorf("tailCost(%.3f) = %.5f, want %.5f", d, got, want)
		}
	}
}
