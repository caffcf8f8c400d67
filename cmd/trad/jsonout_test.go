package main

import (
	"strings"
	"testing"
)

// TestJSONEncoderKeepsText: segment text with "<", ">" and "&" comes out
// as written in every --json output (qa, mt and stats escaped it as
// \u003c while tm and segment did not).
func TestJSONEncoderKeepsText(t *testing.T) {
	var b strings.Builder
	if err := jsonEncoder(&b).Encode(map[string]string{"target": "a < b & c > d"}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), `{"target":"a < b & c > d"}`+"\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
