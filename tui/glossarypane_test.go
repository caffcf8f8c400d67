package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/trad-project/trad/glossary"
)

// TestGlossaryPaneShowsEveryHit: when the pane is too short for every hit in
// full, the first hits keep their details and the rest get one line each,
// so no hit disappears and no line is cut off.
func TestGlossaryPaneShowsEveryHit(t *testing.T) {
	st := DefaultStyles()
	entry := func(domain, note string) *glossary.Entry {
		return &glossary.Entry{Domain: domain, Note: note, Origin: glossary.Origin{File: "builtin", Line: 7}}
	}
	hits := []glossary.Hit{
		{Text: "Puces", Term: "puce", Targets: []string{"chip"}, Entry: entry("semiconductors", "also = flea")},
		{Text: "réseaux sociaux", Term: "réseau social", Targets: []string{"social media"}, Entry: entry("social-media", "plural = the sector")},
		{Text: "5G", Targets: []string{"5G"}, Entry: entry("telecom", "")},
		{Text: "souveraineté", Targets: []string{"sovereignty"}, Entry: entry("geopolitics", "")},
	}
	tests := []struct {
		height   int
		detailed int // hits shown with their origin line
	}{
		{height: 20, detailed: 4},
		{height: 8, detailed: 1}, // title + 3 lines for hit 1 + 3 compact lines = 7
		{height: 5, detailed: 0}, // title + 4 compact lines
	}
	for _, tt := range tests {
		p := glossaryPane{paneBox: paneBox{st: &st}, target: "en"}
		p.setSize(60, tt.height, false)
		out := p.view(0, 0, hits, true)
		plain := make([]string, len(out))
		for i, l := range out {
			plain[i] = ansi.Strip(l)
		}
		text := strings.Join(plain, "\n")
		for i, h := range hits {
			if !strings.Contains(text, h.Text) || !strings.Contains(text, h.Targets[0]) {
				t.Errorf("height %d: hit %d (%s) missing:\n%s", tt.height, i+1, h.Text, text)
			}
		}
		if got := strings.Count(text, "builtin:7"); got != tt.detailed {
			t.Errorf("height %d: %d hits shown in full, want %d:\n%s", tt.height, got, tt.detailed, text)
		}
		if len(out) != tt.height {
			t.Errorf("height %d: %d lines", tt.height, len(out))
		}
	}
}

// TestGlossaryPaneSaysHowManyMore: when even one line per hit does not fit,
// the pane says how many hits it leaves out instead of cutting silently.
func TestGlossaryPaneSaysHowManyMore(t *testing.T) {
	st := DefaultStyles()
	var hits []glossary.Hit
	for i := 0; i < 10; i++ {
		hits = append(hits, glossary.Hit{Text: "terme" + string(rune('a'+i)), Targets: []string{"term"}})
	}
	for _, tc := range []struct {
		height int
		more   string
	}{{5, "… 7 more"}, {10, "… 2 more"}, {11, "… 1 more"}} {
		p := glossaryPane{paneBox: paneBox{st: &st}, target: "en"}
		p.setSize(40, tc.height, false)
		text := ansi.Strip(strings.Join(p.view(0, 0, hits, true), "\n"))
		if !strings.Contains(text, tc.more) {
			t.Errorf("height %d: no %q:\n%s", tc.height, tc.more, text)
		}
	}
}

func TestShortOrigin(t *testing.T) {
	for in, want := range map[string]string{
		"/home/a/glossaries/client.tsv":                     "client.tsv:12",
		"/home/a/.local/share/trad/tm/article-85279d6d.tmx": "article memory:12",
		"team.tmx": "team.tmx:12",
	} {
		if got := shortOrigin(in, 12); got != want {
			t.Errorf("shortOrigin(%q) = %q, want %q", in, got, want)
		}
	}
}
