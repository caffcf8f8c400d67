package mt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/trad-project/trad/glossary"
)

// fakeKey is the API key of the tests; no output or error may contain it.
const fakeKey = "sk-TEST-9f8e7d6c5b4a-SECRET"

const keyEnv = "TRAD_TEST_MT_KEY"

// testConfig configures the engine called name of type typ at url.
func testConfig(t *testing.T, typ, url string) *Config {
	t.Helper()
	t.Setenv(keyEnv, fakeKey)
	return &Config{Engine: typ, TimeoutSeconds: 60, Engines: map[string]EngineConfig{
		typ: {BaseURL: url, Model: "test-model", APIKeyEnv: keyEnv},
	}}
}

// noSleep records the waits instead of sleeping.
func noSleep(waits *[]time.Duration) func(context.Context, time.Duration) error {
	return func(_ context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return nil
	}
}

func hitFor(text string, targets ...string) glossary.Hit {
	return glossary.Hit{Text: text, Term: text, Targets: targets}
}

func TestOpenAIRequestShape(t *testing.T) {
	var got chatRequest
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
			http.Error(w, "not found", 404)
			return
		}
		auth = r.Header.Get("Authorization")
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		fmt.Fprint(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"<think>hmm</think>\n\n\"El nube es grande.\"\n"},"finish_reason":"stop"}]}`)
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeOpenAI, srv.URL+"/v1/"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Translate(context.Background(), []Request{{
		Source: "Le nuage est grand.", From: "fr", To: "es",
		Prev: "Il pleut.", Next: "Il fait froid.",
		Hits: []glossary.Hit{hitFor("nuage", "nube")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Text != "El nube es grande." {
		t.Errorf("answer %q", res[0].Text)
	}
	if auth != "Bearer "+fakeKey || got.Model != "test-model" || got.Temperature != 0 || got.Stream || len(got.Messages) != 2 {
		t.Fatalf("request: auth %q, %+v", auth, got)
	}
	prompt := got.Messages[0].Content + "\n" + got.Messages[1].Content
	for _, want := range []string{"French", "Spanish", "Previous segment: Il pleut.", "Next segment: Il fait froid.",
		"nuage → nube", "Le nuage est grand.", "translation of that segment only"} {
		if !strings.Contains(prompt, want) {
			t.Errorf("prompt lacks %q:\n%s", want, prompt)
		}
	}
}

func TestDeepLGlossaryAndTranslate(t *testing.T) {
	var creates, lists, translates atomic.Int32
	var lastGlossary deeplGlossary
	var lastTranslate deeplTranslateRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "DeepL-Auth-Key "+fakeKey {
			w.WriteHeader(403)
			fmt.Fprint(w, `{"message":"Wrong key"}`)
			return
		}
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v2/glossaries":
			lists.Add(1)
			fmt.Fprint(w, `{"glossaries":[{"glossary_id":"old-1","name":"someone-else","ready":true}]}`)
		case r.Method == http.MethodPost && r.URL.Path == "/v2/glossaries":
			creates.Add(1)
			json.NewDecoder(r.Body).Decode(&lastGlossary)
			w.WriteHeader(201)
			fmt.Fprintf(w, `{"glossary_id":"g-%d","name":%q,"ready":true,"source_lang":"fr","target_lang":"es","entry_count":1}`, creates.Load(), lastGlossary.Name)
		case r.Method == http.MethodPost && r.URL.Path == "/v2/translate":
			translates.Add(1)
			json.NewDecoder(r.Body).Decode(&lastTranslate)
			var out deeplTranslateResponse
			for _, s := range lastTranslate.Text {
				out.Translations = append(out.Translations, struct {
					Text string `json:"text"`
				}{"ES:" + s})
			}
			json.NewEncoder(w).Encode(out)
		default:
			w.WriteHeader(404)
		}
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeDeepL, srv.URL), "", "")
	if err != nil {
		t.Fatal(err)
	}
	reqs := []Request{
		{Source: "Le nuage.", From: "fr", To: "es", Hits: []glossary.Hit{hitFor("nuage", "nube")}},
		{Source: "Le serveur.", From: "fr", To: "es", Hits: []glossary.Hit{hitFor("serveur", "servidor\tbad")}},
	}
	for range 2 {
		res, err := e.Translate(context.Background(), reqs)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Text != "ES:Le nuage." || res[1].Text != "ES:Le serveur." {
			t.Fatalf("results %+v", res)
		}
	}
	if creates.Load() != 1 || lists.Load() != 1 || translates.Load() != 2 {
		t.Errorf("calls: %d creates, %d lists, %d translates; want the glossary created once", creates.Load(), lists.Load(), translates.Load())
	}
	if lastGlossary.Format != "tsv" || lastGlossary.Entries != "nuage\tnube\nserveur\tservidor bad\n" ||
		lastGlossary.SourceLang != "fr" || lastGlossary.TargetLang != "es" {
		t.Errorf("glossary %+v", lastGlossary)
	}
	if lastTranslate.GlossaryID != "g-1" || lastTranslate.SourceLang != "FR" || lastTranslate.TargetLang != "ES" || len(lastTranslate.Text) != 2 {
		t.Errorf("translate %+v", lastTranslate)
	}
}

func TestLibreTranslateShape(t *testing.T) {
	var got libreRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewDecoder(r.Body).Decode(&got)
		fmt.Fprint(w, `{"translatedText":["Hola.","Adiós."]}`)
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeLibreTranslate, srv.URL), "", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}, {Source: "Au revoir.", From: "fr", To: "es"}})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Text != "Hola." || res[1].Text != "Adiós." {
		t.Errorf("%+v", res)
	}
	if got.Source != "fr" || got.Target != "es" || got.Format != "text" || got.APIKey != fakeKey || len(got.Q) != 2 {
		t.Errorf("request %+v", got)
	}
}

// failing answers: each engine type against servers that misbehave.
func TestHTTPEngineFailures(t *testing.T) {
	okBody := map[string]string{
		TypeOpenAI:         `{"choices":[{"message":{"role":"assistant","content":"Hola."}}]}`,
		TypeDeepL:          `{"translations":[{"text":"Hola."}]}`,
		TypeLibreTranslate: `{"translatedText":["Hola."]}`,
	}
	cases := []struct {
		name    string
		handler func(n int32, w http.ResponseWriter) // n: 1 for the first request
		wantErr string                               // "" = success
		is      error
		calls   int32
		waits   string
	}{
		{"429 then ok", func(n int32, w http.ResponseWriter) {
			if n == 1 {
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(429)
				return
			}
			w.Write([]byte("OK"))
		}, "", nil, 2, "7s"},
		{"503 twice then ok", func(n int32, w http.ResponseWriter) {
			if n <= 2 {
				w.WriteHeader(503)
				return
			}
			w.Write([]byte("OK"))
		}, "", nil, 3, "500ms 1s"},
		{"500 for ever", func(n int32, w http.ResponseWriter) {
			w.WriteHeader(500)
			fmt.Fprint(w, `{"error":{"message":"boom `+fakeKey+`"}}`)
		}, "HTTP 500 Internal Server Error: boom [key]", nil, 3, "500ms 1s"},
		{"Retry-After too long", func(n int32, w http.ResponseWriter) {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(429)
		}, "server asks to wait 1h0m0s", nil, 1, ""},
		{"401 echoing the key", func(n int32, w http.ResponseWriter) {
			w.WriteHeader(401)
			fmt.Fprint(w, `{"error":"invalid key `+fakeKey+`\nsecond line"}`)
		}, "HTTP 401 Unauthorized: invalid key [key] second line (check the API key)", ErrNotConfigured, 1, ""},
		{"400 not retried", func(n int32, w http.ResponseWriter) {
			w.WriteHeader(400)
			fmt.Fprint(w, "bad\x1b[31m request")
		}, "HTTP 400 Bad Request: bad request", nil, 1, ""},
		{"malformed JSON", func(n int32, w http.ResponseWriter) {
			fmt.Fprint(w, `{"choices": [`)
		}, "malformed answer", nil, 1, ""},
	}
	for _, typ := range []string{TypeOpenAI, TypeDeepL, TypeLibreTranslate} {
		for _, c := range cases {
			t.Run(typ+"/"+c.name, func(t *testing.T) {
				var n atomic.Int32
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					k := n.Add(1)
					c.handler(k, &okWriter{ResponseWriter: w, body: okBody[typ]})
				}))
				defer srv.Close()
				e, _, err := NewEngine(testConfig(t, typ, srv.URL), "", "")
				if err != nil {
					t.Fatal(err)
				}
				var waits []time.Duration
				engineHTTP(e).sleep = noSleep(&waits)
				res, err := e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}})
				switch {
				case c.wantErr == "" && err != nil:
					t.Fatalf("error %v", err)
				case c.wantErr == "" && res[0].Text != "Hola.":
					t.Errorf("result %+v", res)
				case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
					t.Fatalf("error %v, want %q", err, c.wantErr)
				}
				if err != nil {
					assertNoKey(t, err.Error(), Notice(err))
					if strings.ContainsAny(err.Error(), "\n\x1b") {
						t.Errorf("error not on one clean line: %q", err)
					}
				}
				if c.is != nil && !errors.Is(err, c.is) {
					t.Errorf("errors.Is(%v, %v) = false", err, c.is)
				}
				if n.Load() != c.calls {
					t.Errorf("%d requests, want %d", n.Load(), c.calls)
				}
				if got := fmt.Sprint(waits); got != "["+c.waits+"]" {
					t.Errorf("waits %s, want [%s]", got, c.waits)
				}
			})
		}
	}
}

// okWriter turns a handler's "OK" into the engine's success body.
type okWriter struct {
	http.ResponseWriter
	body string
}

func (w *okWriter) Write(b []byte) (int, error) {
	if string(b) == "OK" {
		return w.ResponseWriter.Write([]byte(w.body))
	}
	return w.ResponseWriter.Write(b)
}

func engineHTTP(e Engine) *httpClient {
	switch e := e.(type) {
	case *OpenAI:
		return e.hc
	case *DeepL:
		return e.hc
	case *LibreTranslate:
		return e.hc
	}
	panic("not an HTTP engine")
}

func assertNoKey(t *testing.T, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		if strings.Contains(o, fakeKey) || strings.Contains(o, fakeKey[8:20]) {
			t.Errorf("the API key leaked: %q", o)
		}
	}
}

func TestSlowServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := testConfig(t, TypeLibreTranslate, srv.URL)
	e, _, err := NewEngine(c, "", "")
	if err != nil {
		t.Fatal(err)
	}
	engineHTTP(e).timeout = 200 * time.Millisecond
	start := time.Now()
	_, err = e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}})
	if !errors.Is(err, ErrOffline) || !strings.Contains(err.Error(), "did not answer within 200ms") {
		t.Fatalf("slow server: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("gave up after %s", d)
	}
}

func TestUnreachableServerIsOffline(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	e, _, err := NewEngine(testConfig(t, TypeOpenAI, "http://"+addr+"/v1"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}})
	if !errors.Is(err, ErrOffline) || !strings.Contains(Notice(err), "cannot be reached") {
		t.Fatalf("refused connection: %v", err)
	}
}

func TestMisconfiguredEngines(t *testing.T) {
	t.Setenv(keyEnv, "")
	for _, c := range []struct {
		cfg  *Config
		name string
		want string
	}{
		{&Config{}, "deepl", "api_key_env is not set"},
		{&Config{Engines: map[string]EngineConfig{"d": {Type: "deepl", APIKeyEnv: keyEnv}}}, "d", "TRAD_TEST_MT_KEY (api_key_env) is empty"},
		{&Config{}, "openai", "base_url and model are required"},
		{&Config{Engines: map[string]EngineConfig{"o": {Type: "openai", BaseURL: "ftp://x", Model: "m"}}}, "o", "not an http(s) URL"},
		{&Config{}, "google", `unknown engine "google"`},
	} {
		_, _, err := NewEngine(c.cfg, c.name, "")
		if !errors.Is(err, ErrNotConfigured) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want ErrNotConfigured with %q", c.name, err, c.want)
		}
	}
}

func FuzzServerMessage(f *testing.F) {
	f.Add([]byte(`{"error":{"message":"x"}}`))
	f.Add([]byte("plain\ntext"))
	f.Add([]byte("0" + strings.Repeat("\xff", 300))) // 200 U+FFFD: 600 bytes, 201 characters
	f.Fuzz(func(t *testing.T, body []byte) {
		m := serverMessage(body)
		// Cut to 200 characters (and "…"), never inside one.
		if strings.ContainsAny(m, "\n\r\x1b") || utf8.RuneCountInString(m) > 201 || !utf8.ValidString(m) {
			t.Fatalf("message %q", m)
		}
	})
}

func TestRetryAfter(t *testing.T) {
	for _, c := range []struct {
		h       string
		attempt int
		want    time.Duration
	}{
		{"3", 0, 3 * time.Second},
		{" 0 ", 1, 0},
		{"", 0, 500 * time.Millisecond},
		{"", 2, 2 * time.Second},
		{"soon", 1, time.Second},
		{"-4", 0, 500 * time.Millisecond},
		{time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat), 0, 0},
	} {
		if got := retryAfter(c.h, c.attempt); got != c.want {
			t.Errorf("retryAfter(%q, %d) = %s, want %s", c.h, c.attempt, got, c.want)
		}
	}
	d := retryAfter(time.Now().Add(90*time.Second).UTC().Format(http.TimeFormat), 0)
	if d < 80*time.Second || d > 91*time.Second {
		t.Errorf("HTTP date 90 s ahead: %s", d)
	}
}

// A Retry-After longer than the time left gives up at once, saying so.
func TestRetryAfterBeyondTimeout(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "10")
		w.WriteHeader(429)
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeLibreTranslate, srv.URL), "", "")
	if err != nil {
		t.Fatal(err)
	}
	hc := engineHTTP(e)
	hc.timeout = 2 * time.Second
	var waits []time.Duration
	hc.sleep = noSleep(&waits)
	_, err = e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}})
	if err == nil || !strings.Contains(err.Error(), "Too Many Requests; the server asks to wait 10s") || len(waits) != 0 || n.Load() != 1 {
		t.Errorf("error %v, waits %v, %d requests", err, waits, n.Load())
	}
}

// An answer larger than the limit is refused with a clear message, not
// read into memory nor reported as malformed JSON.
func TestHugeAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"translatedText":["`))
		chunk := []byte(strings.Repeat("a", 1<<16))
		for range (maxBody >> 16) + 2 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeLibreTranslate, srv.URL), "", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Translate(context.Background(), []Request{{Source: "Bonjour.", From: "fr", To: "es"}})
	if err == nil || !strings.Contains(err.Error(), "larger than 4MiB, the size limit for an MT answer") {
		t.Errorf("huge answer: %v", err)
	}
}

// DeepL refuses glossaries for some pairs: the translation goes on
// without one.
func TestDeepLGlossaryRefused(t *testing.T) {
	var translated atomic.Int32
	var got deeplTranslateRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v2/glossaries":
			if r.Method == http.MethodGet {
				fmt.Fprint(w, `{"glossaries":[]}`)
				return
			}
			w.WriteHeader(400)
			fmt.Fprint(w, `{"message":"Unsupported glossary language pair"}`)
		case "/v2/translate":
			translated.Add(1)
			json.NewDecoder(r.Body).Decode(&got)
			fmt.Fprint(w, `{"translations":[{"text":"El nube."}]}`)
		}
	}))
	defer srv.Close()
	e, _, err := NewEngine(testConfig(t, TypeDeepL, srv.URL), "", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Translate(context.Background(), []Request{{Source: "Le nuage.", From: "fr", To: "es", Hits: []glossary.Hit{hitFor("nuage", "nube")}}})
	if err != nil || res[0].Text != "El nube." || translated.Load() != 1 || got.GlossaryID != "" {
		t.Errorf("%+v %v, %d translations, glossary %q", res, err, translated.Load(), got.GlossaryID)
	}
}
