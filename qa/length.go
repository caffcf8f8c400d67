package qa

import (
	"fmt"
	"unicode/utf8"
)

// lengthRatio is the usual length of a translation relative to its
// source, by language pair: French runs longer than English.
var lengthRatio = map[string]float64{"fr>en": 0.9, "en>fr": 1.12, "de>en": 0.95, "es>en": 0.9, "it>en": 0.9, "en>de": 1.1, "en>es": 1.1, "en>it": 1.1}

// Sources shorter than minLengthCheck runes vary too much in length to
// compare; a target under shortRatio of the usual length is reported.
const (
	minLengthCheck = 100
	shortRatio     = 0.7
)

// checkLength reports a long segment whose target is much shorter than
// translations usually are: a clause may have been left out.
func (c *checker) checkLength() {
	ns := utf8.RuneCountInString(c.source)
	if ns < minLengthCheck {
		return
	}
	want, ok := lengthRatio[c.src+">"+c.tgt]
	if !ok {
		want = 1
	}
	got := float64(utf8.RuneCountInString(c.target)) / float64(ns)
	if got < shortRatio*want {
		c.add(CheckLength, fmt.Sprintf("the target is %.0f%% of the source's length (usually about %.0f%%): check for an omission", 100*got, 100*want), 0, 0)
	}
}
