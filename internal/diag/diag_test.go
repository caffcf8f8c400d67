package diag

import "testing"

func TestWarningString(t *testing.T) {
	for _, c := range []struct {
		w    Warning
		want string
	}{
		{Warning{File: "g.tsv", Line: 3, Msg: "empty target"}, "g.tsv:3: empty target"},
		{Warning{File: "a.txt", Byte: 1, Msg: "invalid UTF-8"}, "a.txt: byte 1: invalid UTF-8"},
		{Warning{File: "a.txt", Line: 2, Byte: 9, Msg: "x"}, "a.txt:2: x"},
		{Warning{File: "m.tmx", Msg: "index not written"}, "m.tmx: index not written"},
	} {
		if got := c.w.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.w, got, c.want)
		}
	}
}
