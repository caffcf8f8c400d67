package mt

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/trad-project/trad/glossary"
)

// DeepL talks to DeepL's API v2: POST /v2/translate with every segment of a
// batch in "text". The glossary hits go through DeepL's glossary feature:
// a glossary holding exactly the batch's required terms is created once
// (POST /v2/glossaries, TSV entries) under a name derived from its content,
// found again by that name (GET /v2/glossaries) in later runs, and passed
// as glossary_id. DeepL glossaries are immutable, so a new set of terms
// makes a new glossary. When DeepL refuses the glossary (4xx), the batch is
// translated without one.
type DeepL struct {
	name      string
	formality string
	hc        *httpClient

	mu        sync.Mutex
	glossary  map[string]string // glossary name → id
	listedIDs bool              // the account's glossaries were listed
}

// DefaultDeepLURL is the API's address for free accounts (keys ending
// ":fx"); pro accounts use https://api.deepl.com.
const DefaultDeepLURL = "https://api-free.deepl.com"

// NewDeepL returns the DeepL engine; api_key_env is required.
func NewDeepL(name string, ec EngineConfig, c *Config) (*DeepL, error) {
	if ec.BaseURL == "" {
		ec.BaseURL = DefaultDeepLURL
	}
	hc, err := newHTTPClient(name, ec, c, true)
	if err != nil {
		return nil, err
	}
	return &DeepL{name: name, formality: ec.Formality, hc: hc, glossary: map[string]string{}}, nil
}

// Name implements Engine.
func (d *DeepL) Name() string { return d.name }

// Options implements Engine.
func (d *DeepL) Options() string { return "deepl " + d.hc.base + " " + d.formality }

func (d *DeepL) auth(h http.Header) { h.Set("Authorization", "DeepL-Auth-Key "+d.hc.key) }

type deeplTranslateRequest struct {
	Text       []string `json:"text"`
	SourceLang string   `json:"source_lang"`
	TargetLang string   `json:"target_lang"`
	GlossaryID string   `json:"glossary_id,omitempty"`
	Formality  string   `json:"formality,omitempty"`
}

type deeplTranslateResponse struct {
	Translations []struct {
		Text string `json:"text"`
	} `json:"translations"`
}

type deeplGlossary struct {
	GlossaryID string `json:"glossary_id"`
	Name       string `json:"name"`
	SourceLang string `json:"source_lang,omitempty"`
	TargetLang string `json:"target_lang,omitempty"`
	Entries    string `json:"entries,omitempty"`
	Format     string `json:"entries_format,omitempty"`
}

// Translate implements Engine.
func (d *DeepL) Translate(ctx context.Context, reqs []Request) ([]Result, error) {
	if len(reqs) == 0 {
		return nil, nil
	}
	from, to := reqs[0].From, reqs[0].To
	body := deeplTranslateRequest{
		SourceLang: strings.ToUpper(glossary.BaseLang(from)), TargetLang: deeplTarget(to), Formality: d.formality,
	}
	var hits [][2]string
	for _, r := range reqs {
		body.Text = append(body.Text, r.Source)
		hits = append(hits, requiredTerms(r.Hits)...)
	}
	if len(hits) > 0 {
		id, err := d.glossaryFor(ctx, from, to, hits)
		switch {
		case err == nil:
			body.GlossaryID = id
		case !isRequestRefused(err):
			return nil, err
		}
		// A refused glossary (a pair DeepL has no glossaries for): translate
		// without; the compliance check still reports the terms missed.
	}
	var out deeplTranslateResponse
	if err := d.hc.postJSON(ctx, "/v2/translate", d.auth, body, &out); err != nil {
		return nil, err
	}
	if len(out.Translations) != len(reqs) {
		return nil, fmt.Errorf("%s: malformed answer (%d translations for %d segments)", d.name, len(out.Translations), len(reqs))
	}
	res := make([]Result, len(reqs))
	for i, t := range out.Translations {
		res[i].Text = t.Text
	}
	return res, nil
}

// deeplTarget is DeepL's target code: EN and PT need a variant.
func deeplTarget(tag string) string {
	t := strings.ToUpper(strings.ReplaceAll(tag, "_", "-"))
	switch t {
	case "EN":
		return "EN-GB"
	case "PT":
		return "PT-PT"
	}
	if b := strings.ToUpper(glossary.BaseLang(tag)); b != "EN" && b != "PT" && b != "ZH" {
		return b
	}
	return t
}

// glossaryFor returns the id of a DeepL glossary holding terms, creating it
// when neither this process nor the account has it.
func (d *DeepL) glossaryFor(ctx context.Context, from, to string, terms [][2]string) (string, error) {
	var tsv strings.Builder
	seen := map[string]bool{}
	for _, t := range terms {
		src, tgt := tsvField(t[0]), tsvField(t[1])
		if src == "" || tgt == "" || seen[src] {
			continue
		}
		seen[src] = true
		fmt.Fprintf(&tsv, "%s\t%s\n", src, tgt)
	}
	sum := sha256.Sum256([]byte(from + "\x00" + to + "\x00" + tsv.String()))
	name := "trad-" + hex.EncodeToString(sum[:8])
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.glossary[name]; ok {
		return id, nil
	}
	if !d.listedIDs {
		var list struct {
			Glossaries []deeplGlossary `json:"glossaries"`
		}
		if err := d.hc.getJSON(ctx, "/v2/glossaries", d.auth, &list); err != nil {
			return "", err
		}
		for _, g := range list.Glossaries {
			d.glossary[g.Name] = g.GlossaryID
		}
		d.listedIDs = true
		if id, ok := d.glossary[name]; ok {
			return id, nil
		}
	}
	var g deeplGlossary
	err := d.hc.postJSON(ctx, "/v2/glossaries", d.auth, deeplGlossary{
		Name: name, SourceLang: glossary.BaseLang(from), TargetLang: glossary.BaseLang(to), Entries: tsv.String(), Format: "tsv",
	}, &g)
	if err != nil {
		return "", err
	}
	if g.GlossaryID == "" {
		return "", fmt.Errorf("%s: malformed answer (glossary without id)", d.name)
	}
	d.glossary[name] = g.GlossaryID
	return g.GlossaryID, nil
}

// tsvField makes s one TSV field: no tabs or line breaks, trimmed.
func tsvField(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}
