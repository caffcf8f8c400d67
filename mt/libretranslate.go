package mt

import (
	"context"
	"fmt"

	"github.com/trad-project/trad/glossary"
)

// LibreTranslate talks to a LibreTranslate server: POST /translate with the
// batch's segments as an array in "q". Its API has no glossary: the hits
// are only checked in the answer.
type LibreTranslate struct {
	name string
	hc   *httpClient
}

// NewLibreTranslate returns the engine; the key is optional (self-hosted
// servers often take none).
func NewLibreTranslate(name string, ec EngineConfig, c *Config) (*LibreTranslate, error) {
	hc, err := newHTTPClient(name, ec, c, ec.APIKeyEnv != "")
	if err != nil {
		return nil, err
	}
	if hc.base == "" {
		return nil, fmt.Errorf("%w: %s: base_url is required", ErrNotConfigured, name)
	}
	return &LibreTranslate{name: name, hc: hc}, nil
}

// Name implements Engine.
func (l *LibreTranslate) Name() string { return l.name }

// Options implements Engine.
func (l *LibreTranslate) Options() string { return "libretranslate " + l.hc.base }

type libreRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key,omitempty"`
}

type libreResponse struct {
	TranslatedText []string `json:"translatedText"`
}

// Translate implements Engine.
func (l *LibreTranslate) Translate(ctx context.Context, reqs []Request) ([]Result, error) {
	if len(reqs) == 0 {
		return nil, nil
	}
	body := libreRequest{Source: glossary.BaseLang(reqs[0].From), Target: glossary.BaseLang(reqs[0].To), Format: "text", APIKey: l.hc.key}
	for _, r := range reqs {
		body.Q = append(body.Q, r.Source)
	}
	var out libreResponse
	if err := l.hc.postJSON(ctx, "/translate", nil, body, &out); err != nil {
		return nil, err
	}
	if len(out.TranslatedText) != len(reqs) {
		return nil, fmt.Errorf("%s: malformed answer (%d translations for %d segments)", l.name, len(out.TranslatedText), len(reqs))
	}
	res := make([]Result, len(reqs))
	for i, t := range out.TranslatedText {
		res[i].Text = t
	}
	return res, nil
}
