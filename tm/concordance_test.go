package tm

import (
	"strings"
	"testing"
	"time"
)

func concordanceMemory() *Memory {
	m := newTestMemory()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	m.Add(
		Unit{Source: "L'État a annoncé un plan d'investissement.", Target: "The state announced an investment plan.", Origin: "a.tmx", Changed: day(1)},
		Unit{Source: "Les ETATS membres ont voté.", Target: "Member states voted.", Origin: "b.tmx", Changed: day(2)},
		Unit{Source: "Un plan d'investissement de 3,5 milliards a été annoncé par l'Etat hier soir.", Target: "A 3.5 billion investment plan was announced by the state last night.", Origin: "a.tmx", Changed: day(3)},
		Unit{Source: "Le cœur du réseau électrique.", Target: "The core of the power grid.", Origin: "c.tmx", Changed: day(4)},
		Unit{Source: "Le plan a été annoncé.", Target: "The plan was announced.", Origin: "a.tmx", Changed: day(5)},
		Unit{Source: "Le plan a été annoncé.", Target: "The plan was announced.", Origin: "b.tmx", Changed: day(6)},
		Unit{Source: "Investissement : le plan.", Target: "Investment: the plan.", Origin: "a.tmx", Changed: day(7)},
	)
	return m
}

func TestConcordance(t *testing.T) {
	m := concordanceMemory()
	tests := []struct {
		query string
		limit int
		want  []string // "matched text|exact" in order
	}{
		{"état", 10, []string{"État|true", "Etat|false"}},
		{"ETAT", 10, []string{"Etat|true", "État|false"}}, // case aside, "ETAT" has no accent
		{"etat", 10, []string{"Etat|true", "État|false"}},
		{"États", 10, []string{"ETATS|false"}},
		{"plan d'investissement", 10, []string{"plan d'investissement|true", "plan d'investissement|true"}},
		{"investissement plan", 10, nil}, // not in a row
		{"coeur", 10, []string{"cœur|false"}},
		{"Cœur du RÉSEAU", 10, []string{"cœur du réseau|true"}},
		{"annoncé", 2, []string{"annoncé|true", "annoncé|true"}},
		{"3,5 milliards", 10, []string{"3,5 milliards|true"}},
		{"inconnu", 10, nil},
		{"", 10, nil},
		{"état", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var got []string
			for _, h := range m.Concordance(tt.query, tt.limit) {
				got = append(got, h.Source[h.Start:h.End]+"|"+sprint(h.Exact))
			}
			if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
				t.Errorf("Concordance(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestConcordanceOrderAndFields(t *testing.T) {
	m := concordanceMemory()
	got := m.Concordance("plan", 10)
	// Shortest sources first; the repeated pair once (the most recent);
	// then by length.
	want := []string{"Investissement : le plan.", "Le plan a été annoncé.", "L'État a annoncé un plan d'investissement."}
	if len(got) < 3 {
		t.Fatalf("%d hits: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].Source != w {
			t.Errorf("hit %d = %q, want %q", i, got[i].Source, w)
		}
	}
	if got[1].Origin != "b.tmx" || !got[1].Changed.Equal(time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)) || got[1].Target != "The plan was announced." || got[1].Source[got[1].Start:got[1].End] != "plan" {
		t.Errorf("second hit %+v, want the more recent of the two identical units", got[1])
	}
	if len(got) != 4 {
		t.Errorf("%d hits, want 4", len(got))
	}
}

func TestConcordanceSeesAddedUnits(t *testing.T) {
	m := concordanceMemory()
	if got := m.Concordance("Québec", 5); len(got) != 0 {
		t.Fatalf("before Add: %+v", got)
	}
	m.Add(Unit{Source: "Le Québec a voté.", Target: "Quebec voted.", Origin: "p.trad.json"})
	if got := m.Concordance("quebec", 5); len(got) != 1 || got[0].Origin != "p.trad.json" || got[0].Exact {
		t.Errorf("after Add: %+v", got)
	}
}

func TestIntersectSorted(t *testing.T) {
	tests := []struct{ a, b, want []uint32 }{
		{[]uint32{1, 5, 9}, []uint32{0, 1, 2, 3, 4, 5, 6, 7, 8, 10}, []uint32{1, 5}},
		{[]uint32{}, []uint32{1}, []uint32{}},
		{[]uint32{7}, []uint32{}, []uint32{}},
		{[]uint32{0, 1000}, []uint32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 1000}, []uint32{0, 1000}},
		{[]uint32{3, 4}, []uint32{1, 2, 3, 4}, []uint32{3, 4}},
	}
	for _, tt := range tests {
		if got := intersectSorted(append([]uint32(nil), tt.a...), tt.b); sprint(got) != sprint(tt.want) {
			t.Errorf("intersect(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if got := unionSorted([]uint32{1, 3, 5}, []uint32{2, 3, 6}); sprint(got) != sprint([]uint32{1, 2, 3, 5, 6}) {
		t.Errorf("union = %v", got)
	}
}

// TestConcordanceWhileAdding runs searches while units are added (run
// with -race): each search sees a consistent memory.
func TestConcordanceWhileAdding(t *testing.T) {
	m := concordanceMemory()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 300 {
			m.Add(Unit{Source: "Le réseau numéro " + sprint(i) + " a été étendu.", Target: "Network extended.", Origin: "p"})
		}
	}()
	for range 200 {
		for _, h := range m.Concordance("réseau", 5) {
			if h.Source[h.Start:h.End] != "réseau" {
				t.Fatalf("hit %+v", h)
			}
		}
	}
	<-done
	if got := m.Concordance("reseau numero 299", 5); len(got) != 1 || got[0].Exact {
		t.Errorf("after the adds: %+v", got)
	}
}
