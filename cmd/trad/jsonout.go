package main

import (
	"encoding/json"
	"io"
)

// jsonEncoder is the encoder of every --json output of trad: one value a
// line (or indented, for a report), with "<", ">" and "&" written as
// themselves, so a segment's text reads the same in every command's
// output ("a < b" and never "a \u003c b").
func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
