// Package examples holds the sample article bundled with trad, the default
// document of the commands when no file is given.
package examples

import _ "embed"

//go:embed article.fr.md
var article []byte

// ArticleName is the file name of the bundled sample article.
const ArticleName = "article.fr.md"

// Article returns the bundled sample: an original French news article on
// tech and geopolitics, in Markdown, that exercises the segmenter's hard
// cases. The returned bytes are a copy the caller may change.
func Article() (name string, data []byte) {
	return ArticleName, append([]byte(nil), article...)
}
