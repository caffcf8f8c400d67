package segments

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestQAIgnore(t *testing.T) {
	now := time.Date(2026, 12, 5, 23, 0, 0, 0, time.FixedZone("CET", 3600))
	var s Segment
	if !s.IgnoreQA("glossary", "k1", "ana", now) || s.IgnoreQA("glossary", "k1", "bob", now) {
		t.Fatal("IgnoreQA: want true then false for the same issue")
	}
	clone := s
	s.IgnoreQA("numbers", "k2", "bob", now)
	if len(*clone.QAIgnored) != 1 || clone.QAIgnored == s.QAIgnored {
		t.Error("IgnoreQA changed a slice shared with a clone")
	}
	r := s.IgnoredQA("glossary", "k1")
	if r == nil || r.Who != "ana" || !r.When.Equal(now) || r.When.Location() != time.UTC {
		t.Fatalf("IgnoredQA = %+v", r)
	}
	if s.IgnoredQA("glossary", "k2") != nil {
		t.Error("IgnoredQA matched another key")
	}
	b, err := json.Marshal(s)
	if err != nil || !strings.Contains(string(b), `"qa_ignored":[{"check":"glossary","key":"k1","who":"ana","when":"2026-12-05T22:00:00Z"}`) {
		t.Errorf("JSON = %s %v", b, err)
	}
	var back Segment
	if err := json.Unmarshal(b, &back); err != nil || back.IgnoredQA("numbers", "k2") == nil {
		t.Errorf("round trip: %v %+v", err, back.QAIgnored)
	}
	if !s.UnignoreQA("glossary", "k1") || s.UnignoreQA("glossary", "k1") || len(*s.QAIgnored) != 1 {
		t.Errorf("UnignoreQA: %+v", s.QAIgnored)
	}
	s.UnignoreQA("numbers", "k2")
	if b, _ := json.Marshal(s); strings.Contains(string(b), "qa_ignored") {
		t.Errorf("empty list still written: %s", b)
	}
}
