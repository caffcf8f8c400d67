package diag

import (
	"errors"
	"fmt"
	"testing"
)

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

func TestWarningOf(t *testing.T) {
	cause := errors.New("unexpected EOF")
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("read TMX: %w", &LineError{Line: 12, Msg: "unexpected </tu>"}), "m.tmx:12: unexpected </tu>"},
		{fmt.Errorf("read Markdown: %w", AtLine(3, cause)), "m.tmx:3: unexpected EOF"},
		{errors.New("line 4: not a LineError"), "m.tmx: line 4: not a LineError"},
	} {
		if got := WarningOf("m.tmx", c.err).String(); got != c.want {
			t.Errorf("%v: got %q, want %q", c.err, got, c.want)
		}
	}
	if !errors.Is(fmt.Errorf("x: %w", AtLine(3, cause)), cause) {
		t.Error("AtLine loses its cause")
	}
}
