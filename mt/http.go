package mt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/safetext"
)

// httpClient is what the HTTP engines share: the timeout, the retries on
// 429 and 5xx honouring Retry-After, and the key, kept out of every error.
type httpClient struct {
	name    string // engine name, for messages
	base    string // base URL, no trailing slash
	key     string // API key ("" when none); never printed
	retries int
	timeout time.Duration
	// maxWait bounds one Retry-After wait; longer waits give up at once.
	maxWait time.Duration
	client  *http.Client
	// sleep waits d or until ctx is done (tests replace it).
	sleep func(ctx context.Context, d time.Duration) error
}

// maxBody bounds what is read of an answer: a translation is small.
const maxBody = 4 << 20

func newHTTPClient(name string, ec EngineConfig, c *Config, keyRequired bool) (*httpClient, error) {
	hc := &httpClient{
		name: name, base: strings.TrimRight(ec.BaseURL, "/"),
		retries: c.RetryCount(), timeout: c.Timeout(), maxWait: 30 * time.Second,
		client: &http.Client{}, sleep: sleepCtx,
	}
	if hc.base != "" {
		if u, err := url.Parse(hc.base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%w: %s: base_url %q is not an http(s) URL", ErrNotConfigured, name, ec.BaseURL)
		}
	}
	if ec.APIKeyEnv != "" {
		hc.key = os.Getenv(ec.APIKeyEnv)
		if hc.key == "" && keyRequired {
			return nil, fmt.Errorf("%w: %s: the environment variable %s (api_key_env) is empty", ErrNotConfigured, name, ec.APIKeyEnv)
		}
	} else if keyRequired {
		return nil, fmt.Errorf("%w: %s: api_key_env is not set (name the environment variable that holds the key)", ErrNotConfigured, name)
	}
	return hc, nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// postJSON posts body as JSON to path with header set by auth, retrying
// 429 and 5xx, and decodes a 2xx answer into out. Every error is redacted.
func (hc *httpClient) postJSON(ctx context.Context, path string, auth func(http.Header), body, out any) error {
	return hc.redact(hc.do(ctx, http.MethodPost, path, auth, body, out))
}

// getJSON is postJSON for a GET without body.
func (hc *httpClient) getJSON(ctx context.Context, path string, auth func(http.Header), out any) error {
	return hc.redact(hc.do(ctx, http.MethodGet, path, auth, nil, out))
}

func (hc *httpClient) do(ctx context.Context, method, path string, auth func(http.Header), body, out any) error {
	ctx, cancel := context.WithTimeout(ctx, hc.timeout)
	defer cancel()
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("%s: encode request: %w", hc.name, err)
		}
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, hc.base+path, bytes.NewReader(payload))
		if err != nil {
			return fmt.Errorf("%s: %w", hc.name, err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json")
		if auth != nil {
			auth(req.Header)
		}
		resp, err := hc.client.Do(req)
		if err != nil {
			return hc.transportError(err)
		}
		data, rerr := safefile.ReadAllLimited(resp.Body, hc.name+"'s answer", safefile.Limit{Max: maxBody, What: "an MT answer"}, resp.ContentLength)
		resp.Body.Close()
		var tooLarge *safefile.TooLargeError
		if errors.As(rerr, &tooLarge) {
			return rerr
		}
		if rerr != nil {
			return hc.transportError(rerr)
		}
		if resp.StatusCode/100 == 2 {
			if err := json.Unmarshal(data, out); err != nil {
				return fmt.Errorf("%s: malformed answer (%v)", hc.name, err)
			}
			return nil
		}
		retryable := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		if !retryable || attempt >= hc.retries {
			return hc.statusError(resp.StatusCode, data)
		}
		wait := retryAfter(resp.Header.Get("Retry-After"), attempt)
		if dl, ok := ctx.Deadline(); wait > hc.maxWait || ok && time.Until(dl) < wait {
			return fmt.Errorf("%s: %s; the server asks to wait %s", hc.name, http.StatusText(resp.StatusCode), wait.Round(time.Second))
		}
		if err := hc.sleep(ctx, wait); err != nil {
			return hc.transportError(err)
		}
	}
}

// retryAfter reads a Retry-After header (seconds or an HTTP date); without
// one it backs off 0.5 s, 1 s, 2 s...
func retryAfter(h string, attempt int) time.Duration {
	if h = strings.TrimSpace(h); h != "" {
		if s, err := strconv.Atoi(h); err == nil && s >= 0 {
			return time.Duration(s) * time.Second
		}
		if t, err := http.ParseTime(h); err == nil {
			return max(time.Until(t), 0)
		}
	}
	return (500 * time.Millisecond) << min(attempt, 5)
}

// transportError classifies a failure to get an answer: unreachable and
// timed-out servers are ErrOffline.
func (hc *httpClient) transportError(err error) error {
	var ne net.Error
	var oe *net.OpError
	var de *net.DNSError
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s: %w", hc.name, err)
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w: %s did not answer within %s", ErrOffline, hc.name, hc.timeout)
	case errors.As(err, &de), errors.As(err, &oe):
		return fmt.Errorf("%w: %s at %s cannot be reached (offline?)", ErrOffline, hc.name, hc.host())
	}
	return fmt.Errorf("%s: %w", hc.name, err)
}

func (hc *httpClient) host() string {
	if u, err := url.Parse(hc.base); err == nil {
		return u.Host
	}
	return "?"
}

// statusError reports a non-2xx answer with the server's own message when
// it has one, shortened to a line.
func (hc *httpClient) statusError(code int, body []byte) error {
	msg := serverMessage(body)
	what := fmt.Sprintf("%s: HTTP %d %s", hc.name, code, http.StatusText(code))
	if msg != "" {
		what += ": " + msg
	}
	if code == http.StatusUnauthorized || code == http.StatusForbidden {
		return fmt.Errorf("%w: %s (check the API key)", ErrNotConfigured, what)
	}
	return &statusError{code: code, msg: what}
}

// statusError is an answer with a 4xx or 5xx status other than 401/403.
type statusError struct {
	code int
	msg  string
}

func (e *statusError) Error() string { return e.msg }

// isRequestRefused reports whether err is a 4xx answer: the server
// understood the request and will not do it (a glossary for a language
// pair it does not support).
func isRequestRefused(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.code >= 400 && se.code < 500 && se.code != http.StatusTooManyRequests
}

// serverMessage pulls a message out of a JSON error body ({"error": "..."},
// {"error": {"message": "..."}}, {"message": "..."}), or the body's first
// line, cleaned of escape sequences and control characters and cut to 200
// characters.
func serverMessage(body []byte) string {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
	}
	msg := ""
	if json.Unmarshal(body, &v) == nil {
		var s string
		var o struct {
			Message string `json:"message"`
		}
		switch {
		case json.Unmarshal(v.Error, &s) == nil:
			msg = s
		case json.Unmarshal(v.Error, &o) == nil && o.Message != "":
			msg = o.Message
		default:
			msg = v.Message
		}
	} else {
		msg, _, _ = strings.Cut(string(body), "\n")
	}
	return safetext.Clip(strings.Join(strings.Fields(safetext.Display(msg)), " "), 200)
}

// redact replaces the key wherever it appears in err's message (a server
// may echo it back) by "[key]", keeping errors.Is working.
func (hc *httpClient) redact(err error) error {
	if err == nil || hc.key == "" || !strings.Contains(err.Error(), hc.key) {
		return err
	}
	return &redacted{msg: strings.ReplaceAll(err.Error(), hc.key, "[key]"), err: err}
}

type redacted struct {
	msg string
	err error
}

func (r *redacted) Error() string { return r.msg }

// Unwrap gives errors.Is the sentinel errors only: the wrapped chain may
// hold the key in its messages.
func (r *redacted) Unwrap() []error {
	var out []error
	for _, s := range []error{ErrForbidden, ErrNotConfigured, ErrOffline, context.Canceled} {
		if errors.Is(r.err, s) {
			out = append(out, s)
		}
	}
	return out
}
