package tui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/internal/textfold"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
)

// TestEvalFilter: each kind of criterion on testDoc's rows (0 translated,
// 1 reviewed, 2 draft, 3…7 new), with QA results, a repetition and notes.
func TestEvalFilter(t *testing.T) {
	doc := testDoc()
	doc.Segments[6].Source = doc.Segments[4].Source // a repetition: 4 and 6
	doc.Segments[5].Note = "check the term"
	issues := newIssueStore()
	issues.set(2, []qa.Issue{{Severity: qa.Error}})
	issues.set(1, []qa.Issue{{Severity: qa.Warning}})
	issues.set(0, []qa.Issue{{Severity: qa.Error, Ignored: &segments.QAIgnore{}}}) // ignored: does not count
	rows := filterRows(doc, issues)
	changed := []int{3, 7}
	tests := []struct {
		filter string
		want   []int
	}{
		{"new", []int{3, 4, 5, 6, 7}},
		{"DRAFT translated", []int{0, 2}},
		{"reviewed", []int{1}},
		{"errors", []int{2}},
		{"warnings", []int{1}},
		{"errors warnings", []int{1, 2}},
		{"rep", []int{4, 6}},
		{"changed", []int{3, 7}},
		{"notes", []int{5}},
		{"new changed", []int{3, 7}},
		{"etat", []int{0}},          // folded: État
		{"ELECTRICITE", []int{2}},   // accents and case
		{"state", []int{0}},         // targets too
		{"src:state", nil},          // only sources
		{"tgt:state", []int{0}},     // only targets
		{"/^Les /", []int{4, 6, 7}}, // a regexp
		{"new /^Les (puces|négo)/", []int{4, 6, 7}},
		{"draft centres de données", []int{2}}, // keywords, then text with spaces
		{"", []int{0, 1, 2, 3, 4, 5, 6, 7}},
	}
	for _, tt := range tests {
		spec, err := parseFilter(tt.filter)
		if err != nil {
			t.Fatalf("parseFilter(%q): %v", tt.filter, err)
		}
		if got := evalFilter(spec, rows, changed); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("filter %q keeps %v, want %v", tt.filter, got, tt.want)
		}
	}
	if _, err := parseFilter("/a(/"); err == nil || !strings.Contains(err.Error(), "bad regular expression") {
		t.Errorf("a bad regexp gives %v", err)
	}
}

// typeFilter opens the filter prompt, replaces its text and applies it.
func typeFilter(h *harness, text string) {
	h.press("f", "ctrl+a", "ctrl+k")
	h.typeText(text + "\r")
}

// TestFilterSession: the header says the filter and "N of M segments",
// moving and n skip hidden rows, F clears, a filter that keeps nothing
// is not applied.
func TestFilterSession(t *testing.T) {
	h := started(t, testDoc())
	typeFilter(h, "new")
	v := h.view()
	for _, want := range []string{"filter: new", "5 of 8 segments"} {
		if !strings.Contains(strings.SplitN(v, "\n", 2)[0], want) {
			t.Errorf("header lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Le gouvernement") {
		t.Errorf("a reviewed row is shown under filter new:\n%s", v)
	}
	if h.m.cur != 3 {
		t.Fatalf("cursor on %d after filtering, want the first shown row 3", h.m.cur)
	}
	h.press("G")
	if h.m.cur != 7 {
		t.Errorf("G goes to %d, want 7", h.m.cur)
	}
	h.press("g", "up")
	if h.m.cur != 3 {
		t.Errorf("g, up goes to %d, want 3 (the first shown row)", h.m.cur)
	}
	typeFilter(h, "translated reviewed")
	if got := h.m.table.rows; !reflect.DeepEqual(got, []int{0, 1}) {
		t.Fatalf("rows %v, want [0 1]", got)
	}
	h.press("n")
	if !strings.Contains(h.m.status.msg, "every segment is translated") {
		t.Errorf("n with only confirmed rows shown: status %q", h.m.status.msg)
	}
	typeFilter(h, "zzzz")
	if !strings.Contains(h.m.status.msg, "no segment matches") || !reflect.DeepEqual(h.m.table.rows, []int{0, 1}) {
		t.Errorf("an empty filter result: status %q, rows %v", h.m.status.msg, h.m.table.rows)
	}
	// Search follows the filter.
	h.press("/")
	h.typeText("puces\r")
	if !strings.Contains(h.m.status.msg, "among the filtered segments") || h.m.cur > 1 {
		t.Errorf("search for a hidden row: status %q, cursor %d", h.m.status.msg, h.m.cur)
	}
	h.press("F")
	if h.m.table.filtered() || strings.Contains(h.view(), "filter:") {
		t.Errorf("F did not clear the filter:\n%s", h.view())
	}
	h.press("ctrl+n")
	if h.m.cur != 4 {
		t.Errorf("after clearing, ctrl+n goes to %d, want 4", h.m.cur)
	}
	h.press("F")
	if !strings.Contains(h.m.status.msg, "no filter") {
		t.Errorf("F without a filter: %q", h.m.status.msg)
	}
}

// TestFilterConfirmMovesToNextShown: confirming goes on to the next row
// shown, not the next segment.
func TestFilterConfirmMovesToNextShown(t *testing.T) {
	h := started(t, testDoc())
	typeFilter(h, "/^Les /")
	if h.m.cur != 4 {
		t.Fatalf("cursor on %d, want 4", h.m.cur)
	}
	h.press("enter")
	h.typeText("Chips remain scarce.\r")
	if h.m.cur != 7 || !h.m.editing() {
		t.Fatalf("after confirm: cursor %d editing %v, want editing 7", h.m.cur, h.m.editing())
	}
	// The confirmed row stays until the filter is applied again.
	h.press("esc")
	typeFilter(h, "new /^Les /")
	if !reflect.DeepEqual(h.m.table.rows, []int{7}) {
		t.Errorf("rows %v, want [7]", h.m.table.rows)
	}
}

// TestFilterExport: ctrl+e with a filter on writes the filtered segments
// only, to a file of its own.
func TestFilterExport(t *testing.T) {
	dir := t.TempDir()
	list := Exporter{Name: "list", Ext: "txt", Write: func(w io.Writer, d *segments.Document) error {
		for b := range d.Blocks {
			for _, s := range d.BlockSegments(b) {
				fmt.Fprintf(w, "%d %d %s\n", b, s.Index, s.Source)
			}
		}
		return nil
	}}
	h := newHarness(t, testDoc(), Options{Exporters: []Exporter{list}, ExportDir: dir})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	typeFilter(h, "src:/^(Les|La|Selon)/")
	h.press("ctrl+e")
	if v := h.view(); !strings.Contains(v, "export 4 of 8 filtered segments") {
		t.Errorf("the picker does not say the export is filtered:\n%s", v)
	}
	h.press("enter")
	data, err := os.ReadFile(filepath.Join(dir, "article.fr.filtered.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Segments 3 and 4 of one paragraph stay one block; 5 and 8 each
	// have their own.
	want := "0 0 Selon ce document, les centres de données consomment de plus en plus d'électricité.\n" +
		"0 1 La souveraineté numérique devient une priorité.\n" +
		"1 2 Les puces restent rares.\n" +
		"2 3 Les négociations reprendront à l'automne, a indiqué un diplomate européen sous couvert d'anonymat.\n"
	if string(data) != want {
		t.Errorf("filtered export:\n%s\nwant\n%s", data, want)
	}
}

// TestFilterNarrowHeader: at 80 and 40 columns the header keeps the
// filter's count.
func TestFilterNarrowHeader(t *testing.T) {
	for _, w := range []int{160, 80, 40} {
		h := started(t, testDoc())
		h.send(tea.WindowSizeMsg{Width: w, Height: 24})
		typeFilter(h, "new")
		head := strings.SplitN(h.view(), "\n", 2)[0]
		if !strings.Contains(head, "5 of 8 segments") {
			t.Errorf("%d columns: header %q", w, head)
		}
	}
}

// TestHighlighterAgreesWithSearch: the highlighter, which folds a letter
// and its marks at a time to map matches back to the text, highlights
// exactly where the search (textfold.Loose on the whole text) finds the
// query, accents, case, ligatures and decomposed letters included.
func TestHighlighterAgreesWithSearch(t *testing.T) {
	tests := []struct{ text, query, want string }{
		{"L'État français", "etat", "État"},
		{"e\u0301tat de droit", "ETAT", "e\u0301tat"},
		{"Œuvre et cœur", "oeuvre", "Œuvre"},
		{"Die Straße ist lang", "strasse", "Straße"},
		{"İstanbul ve Ankara", "istanbul", "İstanbul"},
		{"ΣΊΣΥΦΟΣ ο βασιλιάς", "σισυφος", "ΣΊΣΥΦΟΣ"},
		{"数据中心的电力", "中心", "中心"},
		{"l’Europe unie", "l'europe", "l’Europe"},
		{"Йод и иод", "йод", "Йод"},
	}
	for _, tt := range tests {
		h := &highlighter{}
		h.setQuery(tt.query)
		spans := h.spans(tt.text)
		if len(spans) != 1 || tt.text[spans[0].start:spans[0].end] != tt.want {
			t.Errorf("highlight of %q in %q: %v, want %q", tt.query, tt.text, spans, tt.want)
		}
		if !strings.Contains(textfold.Loose(tt.text), textfold.Loose(tt.query)) {
			t.Errorf("the search does not find %q in %q", tt.query, tt.text)
		}
	}
}
