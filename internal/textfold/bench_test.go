package textfold

import (
	"strings"
	"testing"
)

// benchTexts are a paragraph each of French, Russian and Chinese news.
var benchTexts = map[string]string{
	"fr": strings.Repeat("Le gouvernement a publié mardi un rapport sur l’intelligence artificielle : selon ce document, les centres de données consomment de plus en plus d’électricité. ", 4),
	"ru": strings.Repeat("Правительство во вторник опубликовало доклад об искусственном интеллекте: центры обработки данных потребляют всё больше электроэнергии. ", 4),
	"zh": strings.Repeat("政府星期二发布了一份关于人工智能的报告：数据中心消耗的电力越来越多。", 8),
}

// BenchmarkKeys measures each key over a paragraph (MB/s of input), the
// cost the editor's search and filter pay per segment.
func BenchmarkKeys(b *testing.B) {
	for _, lang := range []string{"fr", "ru", "zh"} {
		s := benchTexts[lang]
		for _, k := range []struct {
			name string
			fn   func(string) string
		}{{"Fold", Fold}, {"Unaccent", Unaccent}, {"Loose", Loose}} {
			b.Run(k.name+"/"+lang, func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					k.fn(s)
				}
			})
		}
	}
}
