package mt

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// fakeEngine translates by prefixing "T:", counting its batches; gate, when
// set, holds every batch until it is closed.
type fakeEngine struct {
	batches atomic.Int32
	segs    atomic.Int32
	gate    chan struct{}
	err     error
}

func (f *fakeEngine) Name() string    { return "fake" }
func (f *fakeEngine) Options() string { return "v1" }
func (f *fakeEngine) Translate(ctx context.Context, reqs []Request) ([]Result, error) {
	f.batches.Add(1)
	f.segs.Add(int32(len(reqs)))
	if f.gate != nil {
		select {
		case <-f.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if f.err != nil {
		return nil, f.err
	}
	out := make([]Result, len(reqs))
	for i, r := range reqs {
		out[i].Text = "T:" + r.Source
	}
	return out, nil
}

func req(src string) Request { return Request{Source: src, From: "fr", To: "es"} }

func TestServiceCachesInTheProject(t *testing.T) {
	dir := t.TempDir()
	cachePath := CachePath(filepath.Join(dir, "a.fr.trad.json"))
	if filepath.Base(cachePath) != "a.fr.mtcache.json" {
		t.Fatalf("cache path %s", cachePath)
	}
	eng := &fakeEngine{}
	s, err := New(Options{Engine: eng, CachePath: cachePath})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := s.Suggest(ctx, req("Un."))
	if err != nil || got.Text != "T:Un." || got.Engine != "fake" || got.Cached {
		t.Fatalf("first: %+v %v", got, err)
	}
	if got, _ := s.Suggest(ctx, req("Un.")); !got.Cached || eng.batches.Load() != 1 {
		t.Errorf("second ask went to the engine (%d batches)", eng.batches.Load())
	}
	// Same text, other required terms: another answer.
	r := req("Un.")
	r.Hits = []glossary.Hit{hitFor("Un", "Uno")}
	s.Suggest(ctx, r)
	if eng.batches.Load() != 2 {
		t.Errorf("required terms are not part of the key")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopening asks nothing again.
	eng2 := &fakeEngine{}
	s2, err := New(Options{Engine: eng2, CachePath: cachePath})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := s2.Cached(req("Un.")); !ok || c.Text != "T:Un." {
		t.Errorf("reopened cache: %+v %v", c, ok)
	}
	if _, err := s2.Suggest(ctx, r); err != nil || eng2.batches.Load() != 0 {
		t.Errorf("reopened: %v, %d batches", err, eng2.batches.Load())
	}
	// Another engine (or options) does not reuse the answer.
	other := &renamed{Engine: eng2, name: "other"}
	s3, _ := New(Options{Engine: other, CachePath: cachePath})
	if _, ok := s3.Cached(req("Un.")); ok {
		t.Error("cache shared between engines")
	}
}

type renamed struct {
	Engine
	name string
}

func (r *renamed) Name() string { return r.name }

func TestServiceCorruptCacheIsRebuilt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.mtcache.json")
	os.WriteFile(p, []byte("{not json"), 0o644)
	eng := &fakeEngine{}
	s, err := New(Options{Engine: eng, CachePath: p})
	if err == nil || !strings.Contains(err.Error(), "rebuilt") || s == nil {
		t.Fatalf("corrupt cache: %v", err)
	}
	s.Suggest(context.Background(), req("Un."))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s2, err := New(Options{Engine: eng, CachePath: p}); err != nil {
		t.Fatalf("rewritten cache unreadable: %v", err)
	} else if _, ok := s2.Cached(req("Un.")); !ok {
		t.Error("entry not saved")
	}
}

// A prefetch under way is joined, not repeated: the editor opens segment 2
// while segments 2–4 are being fetched.
func TestServicePrefetchIsJoined(t *testing.T) {
	eng := &fakeEngine{gate: make(chan struct{})}
	s, _ := New(Options{Engine: eng})
	s.Prefetch(req("Deux."), req("Trois."), req("Quatre."))
	waitFor(t, func() bool { return eng.batches.Load() == 1 }) // the prefetch is at the engine
	done := make(chan Suggestion)
	go func() {
		got, _ := s.Suggest(context.Background(), req("Trois."))
		done <- got
	}()
	time.Sleep(20 * time.Millisecond)
	close(eng.gate)
	got := <-done
	if got.Text != "T:Trois." || eng.batches.Load() != 1 || eng.segs.Load() != 3 {
		t.Errorf("got %+v, %d batches of %d segments; want one batch of 3", got, eng.batches.Load(), eng.segs.Load())
	}
	for _, src := range []string{"Deux.", "Quatre."} {
		if _, ok := s.Cached(req(src)); !ok {
			t.Errorf("%s not cached by the prefetch", src)
		}
	}
	s.Close()
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for start := time.Now(); !cond(); time.Sleep(time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatal("timed out")
		}
	}
}

// Moving fast through segments queues prefetches: only the running one
// and the latest are done.
func TestServicePrefetchDropsStale(t *testing.T) {
	eng := &fakeEngine{gate: make(chan struct{})}
	s, _ := New(Options{Engine: eng})
	s.Prefetch(req("A."))
	waitFor(t, func() bool { return eng.batches.Load() == 1 })
	s.Prefetch(req("B."))
	s.Prefetch(req("C."))
	time.Sleep(20 * time.Millisecond) // let both wait for the running one
	close(eng.gate)
	waitFor(t, func() bool { _, ok := s.Cached(req("C.")); return ok })
	s.Close()
	if _, ok := s.Cached(req("B.")); ok || eng.batches.Load() != 2 {
		t.Errorf("%d batches, B cached %v: the stale prefetch ran", eng.batches.Load(), ok)
	}
}

func TestServiceConcurrentSuggest(t *testing.T) {
	eng := &fakeEngine{}
	s, _ := New(Options{Engine: eng})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := []string{"A.", "B.", "C."}[i%3]
			if got, err := s.Suggest(context.Background(), req(src)); err != nil || got.Text != "T:"+src {
				t.Errorf("%s: %+v %v", src, got, err)
			}
		}()
	}
	wg.Wait()
	if n := eng.segs.Load(); n != 3 {
		t.Errorf("%d segments sent for 3 distinct sources", n)
	}
}

func TestServiceErrorsReachWaiters(t *testing.T) {
	eng := &fakeEngine{err: errors.New("engine down")}
	s, _ := New(Options{Engine: eng})
	if _, err := s.Suggest(context.Background(), req("Un.")); err == nil || err.Error() != "engine down" {
		t.Errorf("error %v", err)
	}
	if _, ok := s.Cached(req("Un.")); ok {
		t.Error("a failure was cached")
	}
	eng.err = nil
	if got, err := s.Suggest(context.Background(), req("Un.")); err != nil || got.Text != "T:Un." {
		t.Errorf("retry after failure: %+v %v", got, err)
	}
}

func TestServicePairs(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no apertium is run
	c := &Config{Engines: map[string]EngineConfig{"apertium": {Pairs: []string{"fr-es", "fr_ca"}}}}
	s, err := New(Options{Config: c})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Suggest(context.Background(), Request{Source: "x", From: "fr", To: "de"})
	if !errors.Is(err, ErrNotConfigured) || !strings.Contains(err.Error(), "fr-de") {
		t.Errorf("pair not configured: %v", err)
	}
	_, err = s.Suggest(context.Background(), Request{Source: "x", From: "fr-FR", To: "ca"})
	if !errors.Is(err, ErrOffline) {
		t.Errorf("configured pair should reach the (missing) program: %v", err)
	}
}

// Issue 16: a project marked "no machine translation" sends nothing,
// whatever is asked, and reads no key.
func TestServiceForbiddenSendsNothing(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	for _, typ := range []string{TypeApertium, TypeOpenAI, TypeDeepL, TypeLibreTranslate} {
		c := testConfig(t, typ, srv.URL)
		s, err := New(Options{Config: c, Forbidden: true, CachePath: filepath.Join(t.TempDir(), "x.mtcache.json")})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		_, err1 := s.Suggest(ctx, req("Un."))
		_, err2 := s.SuggestBatch(ctx, []Request{req("Un."), req("Deux.")})
		s.Prefetch(req("Trois."))
		_, cached := s.Cached(req("Un."))
		if !errors.Is(err1, ErrForbidden) || !errors.Is(err2, ErrForbidden) || cached || s.Engine() != "" {
			t.Errorf("%s: %v %v %v", typ, err1, err2, cached)
		}
		s.Close()
	}
	// Forbidding a running Service stops it too.
	c := testConfig(t, TypeLibreTranslate, srv.URL)
	s, err := New(Options{Config: c})
	if err != nil {
		t.Fatal(err)
	}
	s.SetForbidden(true)
	if _, err := s.Suggest(context.Background(), req("Un.")); !errors.Is(err, ErrForbidden) {
		t.Errorf("after SetForbidden: %v", err)
	}
	s.Prefetch(req("Un."))
	s.Close()
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
}

func TestIgnoredTerms(t *testing.T) {
	g := glossary.New(
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"nuage"}, "es": {"nube"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"serveur"}, "es": {"servidor"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"euro"}, "es": {"euro"}})},
	)
	m := glossary.NewMatcher(g, "fr", "es")
	r := Request{Source: "Les nuages du serveur coûtent 3 euros.", From: "fr", To: "es"}
	r.Hits = m.Match(r.Source)
	if len(r.Hits) != 3 {
		t.Fatalf("hits %+v", r.Hits)
	}
	for _, c := range []struct{ text, want string }{
		{"Las nubes del servidor cuestan 3 euros.", ""},
		{"Las nubes del servidor cuestan 3 €.", ""},
		{"Los nublados del server cuestan 3 €.", "nuages,serveur"},
	} {
		var got []string
		for _, h := range Ignored(r, c.text) {
			got = append(got, h.Text)
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("%q: ignored %v, want %q", c.text, got, c.want)
		}
	}
	eng := &fakeEngine{}
	s, _ := New(Options{Engine: eng})
	sg, _ := s.Suggest(context.Background(), r)
	if len(sg.Ignored) != 2 { // "euros" is kept as it is
		t.Errorf("Suggest did not report the ignored terms: %+v", sg)
	}
}

func TestRequestAt(t *testing.T) {
	doc, _, err := segments.Read(strings.NewReader("Le nuage passe. Il pleut.\n\nFin."), segments.ReadOptions{Target: "es", Format: segments.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	g := glossary.New(&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"nuage"}, "es": {"nube"}})})
	m := glossary.NewMatcher(g, "fr", "es")
	first, mid, last := RequestAt(doc, 0, m), RequestAt(doc, 1, nil), RequestAt(doc, 2, m)
	if first.Source != "Le nuage passe." || first.Prev != "" || first.Next != "Il pleut." || first.From != "fr" || first.To != "es" ||
		len(first.Hits) != 1 || first.Hits[0].Targets[0] != "nube" {
		t.Errorf("first %+v", first)
	}
	if mid.Prev != "Le nuage passe." || mid.Next != "Fin." || mid.Hits != nil {
		t.Errorf("middle %+v", mid)
	}
	if last.Next != "" || last.Prev != "Il pleut." || len(last.Hits) != 0 {
		t.Errorf("last %+v", last)
	}
}
