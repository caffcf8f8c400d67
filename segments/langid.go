package segments

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/langtag"

	"github.com/abadojack/whatlanggo"
)

// Language identification, for a notice when an article does not look like
// the language it is segmented as. whatlanggo (trigram profiles, MIT, no
// dependencies, ~1 MB of binary) is restricted to the languages that have
// segmentation rules; lingua-go, more accurate on single short sentences,
// was measured at +130 MB of binary, 0.75 s to load its models and 250 MB
// of memory, too much for a command that starts in milliseconds.

// whatlanggo's confidence is meant for a paragraph: on a long text its
// score goes out of range. DetectLanguage therefore asks it about chunks of
// about detectChunk bytes, at most detectChunks of them (an article may be
// megabytes long), and lets them vote.
const (
	detectChunk  = 1 << 10
	detectChunks = 16
)

// minDetectLetters is the fewest letters a chunk needs to count (CJK
// characters count three): a title or a list of names says nothing
// reliable.
const minDetectLetters = 40

// ClearConfidence is the confidence from which DetectLanguage's answer is
// clear enough to tell the user that the article is not in the language
// assumed.
const ClearConfidence = 0.9

var detectLangs = map[whatlanggo.Lang]string{
	whatlanggo.Fra: "fr", whatlanggo.Eng: "en", whatlanggo.Deu: "de", whatlanggo.Spa: "es",
	whatlanggo.Ita: "it", whatlanggo.Por: "pt", whatlanggo.Cmn: "zh", whatlanggo.Jpn: "ja",
}

var detectOptions = func() whatlanggo.Options {
	w := map[whatlanggo.Lang]bool{}
	for l := range detectLangs {
		w[l] = true
	}
	return whatlanggo.Options{Whitelist: w}
}()

// DetectLanguage returns the language text is written in, among those that
// have segmentation rules (Languages), as a base tag ("de"), with a
// confidence between 0 and 1: the detector's mean confidence over the
// chunks of text, counting the chunks that voted for another language or
// none as 0. It returns "" and 0 when the text is too short or in none of
// the languages. Only the first 16 KB are read.
func DetectLanguage(text string) (tag string, confidence float64) {
	votes := map[string]float64{}
	chunks := 0
	for k := 0; k < detectChunks && text != ""; k++ {
		var chunk string
		chunk, text = cutChunk(text, detectChunk)
		t, c := detectChunkLang(chunk)
		if t == "" {
			continue
		}
		chunks++
		votes[t] += min(max(c, 0), 1)
	}
	for t, v := range votes {
		if v > confidence || v == confidence && t < tag {
			tag, confidence = t, v
		}
	}
	if chunks == 0 {
		return "", 0
	}
	return tag, confidence / float64(chunks)
}

// cutChunk returns the first part of text of about n bytes, cut after a
// space (or at a rune boundary when there is none), and the rest.
func cutChunk(text string, n int) (chunk, rest string) {
	if len(text) <= n {
		return text, ""
	}
	cut := n
	for cut < len(text) && cut < 2*n && text[cut] != ' ' && text[cut] != '\n' {
		cut++
	}
	for cut < len(text) && !utf8.RuneStart(text[cut]) {
		cut++
	}
	return text[:cut], text[cut:]
}

// detectChunkLang identifies the language of one chunk.
func detectChunkLang(text string) (string, float64) {
	letters, kana, han := 0, 0, 0
	for _, c := range text {
		switch {
		case unicode.In(c, unicode.Hiragana, unicode.Katakana):
			kana++
			letters += 3
		case unicode.Is(unicode.Han, c):
			han++
			letters += 3
		case unicode.IsLetter(c):
			letters++
		}
	}
	if letters < minDetectLetters {
		return "", 0
	}
	info := whatlanggo.DetectWithOptions(text, detectOptions)
	tag, ok := detectLangs[info.Lang]
	if !ok {
		return "", 0
	}
	// whatlanggo names the script with most characters, so Japanese with
	// more kanji than kana reads as Chinese; Chinese writes no kana.
	if tag == "zh" && kana*20 >= kana+han {
		tag = "ja"
	}
	return tag, info.Confidence
}

// DetectSourceLanguage runs DetectLanguage on the document's text (its
// blocks in order, code left out, the first 16 KB).
func (d *Document) DetectSourceLanguage() (tag string, confidence float64) {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Kind == KindCode {
			continue
		}
		b.WriteString(bl.Text)
		b.WriteString("\n\n")
		if b.Len() >= detectChunk*detectChunks {
			break
		}
	}
	return DetectLanguage(b.String())
}

// OtherLanguage returns the language the document is clearly written in
// (DetectSourceLanguage with a confidence of at least ClearConfidence) when
// it is not its source language; ok is false otherwise. Commands use it to
// tell the user, never to switch rules silently.
func (d *Document) OtherLanguage() (tag string, ok bool) {
	tag, conf := d.DetectSourceLanguage()
	if tag == "" || conf < ClearConfidence {
		return "", false
	}
	base, _ := d.SourceLang.Base()
	if base.String() == tag {
		return "", false
	}
	return tag, true
}

// languageNames are the English names of the languages that have rules
// here or in qa's number formats. (golang.org/x/text/language/display
// would add 2.4 MB to the binary for nine names.)
var languageNames = map[string]string{
	"fr": "French", "en": "English", "de": "German", "es": "Spanish",
	"it": "Italian", "pt": "Portuguese", "zh": "Chinese", "ja": "Japanese",
	"nl": "Dutch",
}

// LanguageName returns the English name of a language of languageNames
// ("de" → "German", also "de-AT"), or the tag itself for the others. It
// names languages in messages (segments' detection, qa's checks).
func LanguageName(tag string) string {
	if n, ok := languageNames[langtag.Base(tag)]; ok {
		return n
	}
	return tag
}
