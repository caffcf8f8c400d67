package segments

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// nestedList is n list items, each nested one level deeper than the last
// (two more spaces of indentation).
func nestedList(n int, marker string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i*(len(marker)+1)))
		fmt.Fprintf(&b, "%s item %d\n", marker, i+1)
	}
	return b.String()
}

func TestLimitNesting(t *testing.T) {
	deepDash := strings.Repeat("- ", 40) + "3.5 kg"
	tests := []struct {
		name, in, want string
		lines          int
	}{
		{"shallow list", "- a\n  - b\n    - c\n", "- a\n  - b\n    - c\n", 0},
		{"text with digits", "3.5 kg\n2) x\n", "3.5 kg\n2) x\n", 0},
		{"quote art in limits", "> > >>>\n", "> > >>>\n", 0},
		{"deep code is not touched", strings.Repeat(" ", 100) + "x := 1\n\t\t\t\t\t\t\t\ty\n", strings.Repeat(" ", 100) + "x := 1\n\t\t\t\t\t\t\t\ty\n", 0},
		{"dash line", deepDash + "\n", strings.Repeat("- ", 6) + "3.5 kg\n", 1},
		{"quotes", strings.Repeat(">", 30) + " x", strings.Repeat(">", 6) + "x", 1},
		{"ordered", strings.Repeat("1. ", 20) + "x", strings.Repeat("1. ", 6) + "x", 1},
		{"indented marker", strings.Repeat(" ", 100) + "- x\nfin", strings.Repeat(" ", 24) + "x\nfin", 1},
		{"tabs", strings.Repeat("\t", 8) + "- x", strings.Repeat("\t", 6) + "x", 1},
		{"marker alone", strings.Repeat("- ", 20), strings.Repeat("- ", 6), 1},
		{"two lines", "  - a\n" + deepDash + "\n" + deepDash, "  - a\n" + strings.Repeat("- ", 6) + "3.5 kg\n" + strings.Repeat("- ", 6) + "3.5 kg", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := limitNesting(tt.in)
			if got != tt.want || rep.Lines != tt.lines {
				t.Errorf("limitNesting(%q) = %q, %d lines; want %q, %d", tt.in, got, rep.Lines, tt.want, tt.lines)
			}
			if tt.lines == 0 && unsafe.StringData(got) != unsafe.StringData(tt.in) {
				t.Error("copied text that needed no change")
			}
		})
	}
}

// TestReadDeepNestingBounded reads inputs that took goldmark cubic time
// (2,000 nested items: 28 s) and checks that they are flattened at the
// documented depth with one warning naming the first line.
func TestReadDeepNestingBounded(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"bullets", nestedList(2000, "-")},
		{"ordered", nestedList(1000, "1.")},
		{"dash lines", strings.Repeat(strings.Repeat("- ", 2000)+"item\n", 100)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, warns, err := Read(strings.NewReader(tc.text), ReadOptions{Format: FormatMarkdown})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d bytes in %v", len(tc.text), time.Since(start))
			if len(warns) != 1 || warns[0].Line < 1 || !strings.Contains(warns[0].Msg, "flattened") {
				t.Errorf("warnings %v", warns)
			}
			deepest := 0
			for _, b := range doc.Blocks {
				deepest = max(deepest, b.Level)
			}
			if deepest < maxMarkers || deepest > maxIndent/2+maxMarkers {
				t.Errorf("deepest list level %d, want %d..%d", deepest, maxMarkers, maxIndent/2+maxMarkers)
			}
			if !strings.Contains(doc.Segments[len(doc.Segments)-1].Source, "item") {
				t.Errorf("last segment %q lost its text", doc.Segments[len(doc.Segments)-1].Source)
			}
		})
	}
}

// BenchmarkReadNested is the pathological case of issue 10: n list items
// each nested one level deeper (input grows as n², reading must not grow
// faster than the input).
func BenchmarkReadNested(b *testing.B) {
	cases := map[string]string{}
	for _, n := range []int{1000, 2000, 4000} {
		cases[fmt.Sprint(n)] = nestedList(n, "-")
	}
	// The slowest input the limits let through: lists 12 levels deep (24
	// columns), then six markers on a line, then text lines inside, 4 MB.
	deep := nestedList(12, "-") + strings.Repeat(" ", 24) + strings.Repeat("- ", 6) + "x\n" +
		strings.Repeat(strings.Repeat(" ", 38)+"Une ligne de texte.\n", 100)
	cases["limit-4MB"] = strings.Repeat(deep, 4<<20/len(deep))
	for name, text := range cases {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, _, err := Read(strings.NewReader(text), ReadOptions{Format: FormatMarkdown}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzLimitNesting(f *testing.F) {
	for _, s := range []string{"- a\n  - b\n", strings.Repeat("- ", 30) + "3.5", strings.Repeat(" ", 40) + "- x",
		strings.Repeat("1) ", 10) + "\n" + strings.Repeat("\t", 9) + "* y", "> > > > > > > >\n12345678901. x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, rep := limitNesting(s)
		if again, r2 := limitNesting(out); again != out || r2.Lines != 0 {
			t.Fatalf("limitNesting(%q) = %q is not stable: %q", s, out, again)
		}
		in, got := strings.Split(s, "\n"), strings.Split(out, "\n")
		if len(in) != len(got) {
			t.Fatalf("limitNesting(%q) = %q: %d lines, want %d", s, out, len(got), len(in))
		}
		changed := 0
		for i := range in {
			if in[i] == got[i] {
				continue
			}
			changed++
			// The line lost part of its prefix, never its text.
			cut, skip := deepPrefix(in[i])
			if skip == 0 || got[i] != in[i][:cut]+in[i][cut+skip:] {
				t.Fatalf("line %q became %q", in[i], got[i])
			}
		}
		if changed != rep.Lines {
			t.Fatalf("%d lines changed, report says %d", changed, rep.Lines)
		}
	})
}
