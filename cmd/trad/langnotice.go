package main

import (
	"fmt"

	"github.com/trad-project/trad/segments"
)

// languageNotice returns a notice when the document is clearly not in the
// language it was segmented as, naming the language and the flag that
// selects it ("--lang de"), or "". The rules are not switched: a guess is
// never applied silently, and a notice leaves the choice to the user.
func languageNotice(doc *segments.Document, flag string) string {
	tag, ok := doc.OtherLanguage()
	if !ok {
		return ""
	}
	src := segments.LanguageName(doc.SourceLang.String())
	other := segments.LanguageName(tag)
	return fmt.Sprintf("the article looks %s, not %s: it was segmented with the %s rules (for %s, use %s %s)",
		other, src, src, other, flag, tag)
}
