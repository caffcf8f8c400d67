package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("trad version exited %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "trad ") {
		t.Errorf("trad version printed %q, want it to start with \"trad \"", out.String())
	}
}

func TestUnknownCommandFails(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"no-such-command"}, strings.NewReader(""), &out, &errb); code == 0 {
		t.Fatal("an unknown subcommand exited 0")
	}
}
