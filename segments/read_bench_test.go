package segments

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// benchText returns about size bytes of French news text in plain text
// paragraphs, made from the sample article without its Markdown.
func benchText(b *testing.B, size int) []byte {
	b.Helper()
	data, err := os.ReadFile("../examples/article.fr.md")
	if err != nil {
		b.Fatal(err)
	}
	md := regexp.MustCompile(`(?m)^(#+ |- )|\*`)
	para := md.ReplaceAll(data, nil)
	var buf bytes.Buffer
	for buf.Len() < size {
		buf.Write(para)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func BenchmarkRead(b *testing.B) {
	for _, bc := range []struct {
		name   string
		format string
	}{{"text", FormatText}, {"markdown", FormatMarkdown}} {
		b.Run(bc.name, func(b *testing.B) {
			data := benchText(b, 8<<20)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Read(bytes.NewReader(data), ReadOptions{Format: bc.format}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	s := string(benchText(b, 8<<20))
	for _, bc := range []struct{ name, text string }{
		{"clean", s},
		{"crlf", strings.ReplaceAll(s, "\n", "\r\n")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				Normalize(bc.text)
			}
		})
	}
}
