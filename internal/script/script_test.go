package script

import "testing"

func TestIsIdeograph(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'中', true}, {'か', true}, {'カ', true}, {'한', true}, {'々', true},
		{'a', false}, {'é', false}, {'1', false}, {'１', false}, {'。', false}, {'Ж', false},
	} {
		if got := IsIdeograph(c.r); got != c.want {
			t.Errorf("IsIdeograph(%q) = %v, want %v", c.r, got, c.want)
		}
	}
}
