package mt

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// OpenAI talks to any OpenAI-compatible chat-completions endpoint (Ollama,
// llama.cpp's server, vLLM, LM Studio, hosted services): POST
// {base_url}/chat/completions, one request per segment, since the prompt
// carries each segment's own context and required terms.
type OpenAI struct {
	name  string
	model string
	hc    *httpClient
}

// NewOpenAI returns the chat engine. The key is optional (local servers
// take none); when api_key_env is set, the variable must hold one.
func NewOpenAI(name string, ec EngineConfig, c *Config) (*OpenAI, error) {
	hc, err := newHTTPClient(name, ec, c, ec.APIKeyEnv != "")
	if err != nil {
		return nil, err
	}
	if hc.base == "" || ec.Model == "" {
		return nil, fmt.Errorf("%w: %s: base_url and model are required", ErrNotConfigured, name)
	}
	return &OpenAI{name: name, model: ec.Model, hc: hc}, nil
}

// Name implements Engine.
func (o *OpenAI) Name() string { return o.name }

// Options implements Engine.
func (o *OpenAI) Options() string { return "openai " + o.hc.base + " " + o.model + " prompt/1" }

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string        `json:"model"`
	Messages    []chatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
	Stream      bool          `json:"stream"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// Translate implements Engine.
func (o *OpenAI) Translate(ctx context.Context, reqs []Request) ([]Result, error) {
	res := make([]Result, len(reqs))
	for i, r := range reqs {
		var out chatResponse
		err := o.hc.postJSON(ctx, "/chat/completions", o.auth, chatRequest{
			Model: o.model, Messages: Prompt(r), Temperature: 0,
		}, &out)
		if err != nil {
			return nil, err
		}
		if len(out.Choices) == 0 {
			return nil, fmt.Errorf("%s: malformed answer (no choices)", o.name)
		}
		res[i].Text = cleanChatAnswer(out.Choices[0].Message.Content)
	}
	return res, nil
}

func (o *OpenAI) auth(h http.Header) {
	if o.hc.key != "" {
		h.Set("Authorization", "Bearer "+o.hc.key)
	}
}

// Prompt returns the chat messages for r: the language pair, the
// neighbouring segments, the glossary's required translations, and the
// instruction to answer with the translation only.
func Prompt(r Request) []chatMessage {
	from, to := langName(r.From), langName(r.To)
	sys := fmt.Sprintf("You are a professional translator from %s to %s. "+
		"Translate the segment the user gives. Answer with the translation of that segment only: "+
		"no quotes, no notes, no explanation, no translation of the context.", from, to)
	var u strings.Builder
	if r.Prev != "" || r.Next != "" {
		u.WriteString("Context (do not translate):\n")
		if r.Prev != "" {
			fmt.Fprintf(&u, "Previous segment: %s\n", r.Prev)
		}
		if r.Next != "" {
			fmt.Fprintf(&u, "Next segment: %s\n", r.Next)
		}
		u.WriteString("\n")
	}
	if terms := requiredTerms(r.Hits); len(terms) > 0 {
		u.WriteString("Required translations (use them, inflected as the sentence needs):\n")
		for _, t := range terms {
			fmt.Fprintf(&u, "- %s → %s\n", t[0], t[1])
		}
		u.WriteString("\n")
	}
	fmt.Fprintf(&u, "Segment to translate from %s to %s:\n%s", from, to, r.Source)
	return []chatMessage{{Role: "system", Content: sys}, {Role: "user", Content: u.String()}}
}

// requiredTerms lists the hits' source text and preferred target term,
// once each, in order.
func requiredTerms(hits []glossary.Hit) [][2]string {
	var out [][2]string
	seen := map[string]bool{}
	for _, h := range hits {
		if len(h.Targets) == 0 || seen[h.Text] {
			continue
		}
		seen[h.Text] = true
		out = append(out, [2]string{h.Text, h.Targets[0]})
	}
	return out
}

// cleanChatAnswer drops what chat models add despite the instruction: a
// <think> block, surrounding quotes and blank lines.
func cleanChatAnswer(s string) string {
	if i := strings.LastIndex(s, "</think>"); i >= 0 {
		s = s[i+len("</think>"):]
	}
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"«", "»"}, {"“", "”"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) &&
			!strings.Contains(s[len(q[0]):len(s)-len(q[1])], q[0]) {
			s = strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// langName returns the English name of a BCP 47 tag ("fr" → "French"),
// or the language with its code when segments does not know its name.
func langName(tag string) string {
	if n := segments.LanguageName(tag); n != tag {
		return n
	}
	return fmt.Sprintf("the language %q", tag)
}
