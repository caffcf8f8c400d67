package mt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// Suggestion is a machine translation offered for a segment.
type Suggestion struct {
	// Text is the translation, without engine markers.
	Text string `json:"text"`
	// Engine is the engine's name, shown beside the suggestion ("MT ·
	// apertium") and recorded on a segment that keeps it.
	Engine string `json:"engine"`
	// Unknown lists source words the engine did not know.
	Unknown []string `json:"unknown,omitempty"`
	// Ignored are the source's glossary hits whose target terms Text does
	// not use, to highlight (Hit.Start/End index the source).
	Ignored []glossary.Hit `json:"-"`
	// Cached is set when no engine was asked (the project's cache had it).
	Cached bool `json:"cached"`
}

// Options configure a Service.
type Options struct {
	// Config is the "mt" object of config.json (nil: defaults).
	Config *Config
	// EngineName picks a configured engine or an engine type ("": the
	// configured default, else apertium).
	EngineName string
	// Engine, when set, is used instead of building one from Config.
	Engine Engine
	// CachePath is the cache file (CachePath(project)); "" keeps the cache
	// in memory.
	CachePath string
	// Forbidden is the project's "no machine translation" flag: the
	// Service then sends nothing, whatever is asked.
	Forbidden bool
	// ApertiumBin is the apertium program ("" finds it in PATH).
	ApertiumBin string
}

// Service gives suggestions for one project. Its methods are safe for
// concurrent use and meant to run off the UI's goroutine: Suggest blocks
// on the engine (the editor runs it in a command), Cached never blocks on
// the network, Prefetch returns at once.
type Service struct {
	engine    Engine
	cfg       *Config
	pairs     []string
	cache     *cache
	forbidden atomic.Bool

	mu       sync.Mutex
	inflight map[string]*call
	bg       context.Context
	stop     context.CancelFunc
	wg       sync.WaitGroup
	// batches counts the engine calls, for tests and benchmarks.
	batches atomic.Int64
	// prefetchSem lets one prefetch batch run at a time; prefetchGen
	// numbers the Prefetch calls, so that a waiting prefetch the cursor
	// has since moved past gives up.
	prefetchSem chan struct{}
	prefetchGen atomic.Int64
}

// call is one key being translated; done closes when res/err are set.
type call struct {
	done chan struct{}
	res  Result
	err  error
}

// New returns the Service for a project. With Forbidden set it builds no
// engine and reads no key: every call returns ErrForbidden. A cache file
// that cannot be read is reported with the Service (which starts with an
// empty cache): the error is a warning.
func New(o Options) (*Service, error) {
	s := &Service{cfg: o.Config, inflight: map[string]*call{}, prefetchSem: make(chan struct{}, 1)}
	s.bg, s.stop = context.WithCancel(context.Background())
	s.forbidden.Store(o.Forbidden)
	if o.Forbidden {
		s.cache, _ = openCache("")
		return s, nil
	}
	if o.Engine == nil {
		e, pairs, err := NewEngine(o.Config, o.EngineName, o.ApertiumBin)
		if err != nil {
			return nil, err
		}
		o.Engine, s.pairs = e, pairs
	}
	s.engine = o.Engine
	var err error
	s.cache, err = openCache(o.CachePath)
	return s, err
}

// NewEngine builds the engine called name from c and returns it with the
// pairs it is configured for (nil: any).
func NewEngine(c *Config, name, apertiumBin string) (Engine, []string, error) {
	name, ec, err := c.Lookup(name)
	if err != nil {
		return nil, nil, err
	}
	var e Engine
	switch ec.Type {
	case TypeApertium:
		e = NewApertium(name, ec, apertiumBin)
	case TypeOpenAI:
		e, err = NewOpenAI(name, ec, c)
	case TypeDeepL:
		e, err = NewDeepL(name, ec, c)
	case TypeLibreTranslate:
		e, err = NewLibreTranslate(name, ec, c)
	}
	if err != nil {
		return nil, nil, err
	}
	return e, ec.Pairs, nil
}

// Engine returns the engine's name ("" when forbidden).
func (s *Service) Engine() string {
	if s.engine == nil {
		return ""
	}
	return s.engine.Name()
}

// Forbidden reports whether the project is marked "no machine translation".
func (s *Service) Forbidden() bool { return s.forbidden.Load() }

// SetForbidden changes the flag while the Service runs (the project's
// flag was changed); forbidding also cancels the prefetches under way. A
// Service created forbidden has no engine: lifting the flag needs a new
// Service.
func (s *Service) SetForbidden(v bool) {
	s.forbidden.Store(v)
	if v {
		s.mu.Lock()
		s.stop()
		s.bg, s.stop = context.WithCancel(context.Background())
		s.mu.Unlock()
	}
}

// check returns ErrForbidden or ErrNotConfigured for r's pair.
func (s *Service) check(r Request) error {
	if s.forbidden.Load() || s.engine == nil {
		return ErrForbidden
	}
	if len(s.pairs) == 0 {
		return nil
	}
	p := glossary.BaseLang(r.From) + "-" + glossary.BaseLang(r.To)
	for _, q := range s.pairs {
		if f, t, ok := splitPair(q); ok && f+"-"+t == p {
			return nil
		}
	}
	return fmt.Errorf("%w: %s is not set up for %s (mt.engines.%s.pairs)", ErrNotConfigured, s.engine.Name(), p, s.engine.Name())
}

// Cached returns the suggestion for r if the cache has it, without asking
// the engine: the editor shows it at once when a segment opens.
func (s *Service) Cached(r Request) (Suggestion, bool) {
	if s.check(r) != nil {
		return Suggestion{}, false
	}
	e, ok := s.cache.get(cacheKey(s.engine, r))
	if !ok {
		return Suggestion{}, false
	}
	return s.suggestion(r, Result{Text: e.Text, Unknown: e.Unknown}, true), true
}

// Suggest returns the suggestion for r: from the cache, from a prefetch
// under way, or from the engine. It blocks until then or until ctx ends.
func (s *Service) Suggest(ctx context.Context, r Request) (Suggestion, error) {
	out, err := s.SuggestBatch(ctx, []Request{r})
	if err != nil {
		return Suggestion{}, err
	}
	return out[0], nil
}

// SuggestBatch is Suggest for many segments of one language pair: those
// not cached go to the engine in one batch (pretranslation).
func (s *Service) SuggestBatch(ctx context.Context, reqs []Request) ([]Suggestion, error) {
	if len(reqs) == 0 {
		return nil, nil
	}
	if err := s.check(reqs[0]); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		calls, cached, owned := s.start(reqs)
		if err := s.run(ctx, reqs, calls, owned); err != nil {
			return nil, err
		}
		out, err := s.collect(ctx, reqs, calls, cached)
		// A prefetch we waited for was cancelled (SetForbidden, Close):
		// ask once more ourselves, unless forbidden now.
		if errors.Is(err, context.Canceled) && ctx.Err() == nil && attempt == 0 {
			if err := s.check(reqs[0]); err != nil {
				return nil, err
			}
			continue
		}
		return out, err
	}
}

// collect waits for calls and makes their suggestions.
func (s *Service) collect(ctx context.Context, reqs []Request, calls []*call, cached []bool) ([]Suggestion, error) {
	out := make([]Suggestion, len(reqs))
	for i, r := range reqs {
		c := calls[i]
		select {
		case <-c.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w", s.engine.Name(), ctx.Err())
		}
		if c.err != nil {
			return nil, c.err
		}
		out[i] = s.suggestion(r, c.res, cached[i])
	}
	return out, nil
}

// Prefetch asks for reqs in the background, in one batch, so that Suggest
// finds them ready; it returns at once. One prefetch runs at a time; one
// still waiting when a newer Prefetch comes is dropped (the translator
// moved on). Errors are dropped: Suggest asks again. Nothing happens when
// the project forbids MT.
func (s *Service) Prefetch(reqs ...Request) {
	if len(reqs) == 0 || s.check(reqs[0]) != nil {
		return
	}
	gen := s.prefetchGen.Add(1)
	s.mu.Lock()
	ctx := s.bg
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		select {
		case s.prefetchSem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-s.prefetchSem }()
		if s.prefetchGen.Load() != gen || s.check(reqs[0]) != nil {
			return
		}
		calls, _, owned := s.start(reqs)
		_ = s.run(ctx, reqs, calls, owned)
	}()
}

// start returns, for each request, its call: a finished one from the
// cache (cached[i]), one another caller runs, or a new one this caller
// owns (owned[i]) and must run.
func (s *Service) start(reqs []Request) (calls []*call, cached, owned []bool) {
	calls, cached, owned = make([]*call, len(reqs)), make([]bool, len(reqs)), make([]bool, len(reqs))
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range reqs {
		key := cacheKey(s.engine, r)
		if e, ok := s.cache.get(key); ok {
			c := &call{done: make(chan struct{}), res: Result{Text: e.Text, Unknown: e.Unknown}}
			close(c.done)
			calls[i], cached[i] = c, true
			continue
		}
		if c, ok := s.inflight[key]; ok {
			calls[i] = c
			continue
		}
		c := &call{done: make(chan struct{})}
		s.inflight[key] = c
		calls[i], owned[i] = c, true
	}
	return calls, cached, owned
}

// run translates the owned requests in one engine batch and completes
// their calls (with the error, if any: the waiters get it too).
func (s *Service) run(ctx context.Context, reqs []Request, calls []*call, owned []bool) error {
	var todo []Request
	var mine []*call
	for i, r := range reqs {
		if owned[i] {
			todo, mine = append(todo, r), append(mine, calls[i])
		}
	}
	if len(todo) == 0 {
		return nil
	}
	s.batches.Add(1)
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout())
	defer cancel()
	res, err := s.engine.Translate(ctx, todo)
	if err == nil && len(res) != len(todo) {
		err = fmt.Errorf("%s: %d answers for %d segments", s.engine.Name(), len(res), len(todo))
	}
	now := time.Now().UTC().Truncate(time.Second)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, c := range mine {
		key := cacheKey(s.engine, todo[i])
		delete(s.inflight, key)
		if err != nil {
			c.err = err
		} else {
			c.res = cleanResult(res[i])
			s.cache.put(key, cacheEntry{Text: c.res.Text, Unknown: c.res.Unknown, Engine: s.engine.Name(), Time: now})
		}
		close(c.done)
	}
	return err
}

func (s *Service) suggestion(r Request, res Result, cached bool) Suggestion {
	return Suggestion{
		Text: res.Text, Engine: s.engine.Name(), Unknown: res.Unknown,
		Ignored: Ignored(r, res.Text), Cached: cached,
	}
}

// Flush writes the suggestions got since the last flush to the cache file.
func (s *Service) Flush() error { return s.cache.flush() }

// Close stops the prefetches under way, waits for them and flushes the
// cache.
func (s *Service) Close() error {
	s.mu.Lock()
	s.stop()
	s.mu.Unlock()
	s.wg.Wait()
	return s.Flush()
}

// cleanResult makes an engine's answer safe to show and store: NFC, no
// control or escape sequences, one line.
func cleanResult(r Result) Result {
	r.Text = strings.TrimSpace(strings.ReplaceAll(segments.Normalize(r.Text), "\n", " "))
	for i, w := range r.Unknown {
		r.Unknown[i] = segments.Normalize(w)
	}
	return r
}
