package main

import (
	"strings"
	"testing"
)

func TestGlossaryMatch(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	terms := writeGlossaryFile(t, dir, "terms.tsv", testTerms)
	article := writeGlossaryFile(t, dir, "a.fr.txt", "Les réseaux sociaux & l'IA.\n\nPékin collecte des données. Rien ici.\n")
	code, out, errs := runGlossary(t, "", "match", "--no-builtin", "--glossary", terms, article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `{"segment": 1, "start": 4, "end": 20, "text": "réseaux sociaux", "term": "réseau social", "targets": ["social network", "social media"], "domain": "tech", "how": "stemmed", "origin": "` + terms + `:2"}
{"segment": 1, "start": 25, "end": 27, "text": "IA", "term": "IA", "targets": ["AI"], "domain": "tech", "how": "exact", "origin": "` + terms + `:4"}
{"segment": 2, "start": 0, "end": 6, "text": "Pékin", "term": "Pékin", "targets": ["Beijing"], "domain": "geopolitics", "how": "exact", "origin": "` + terms + `:5"}
{"segment": 2, "start": 20, "end": 28, "text": "données", "term": "donnée", "targets": ["data"], "domain": "tech", "how": "stemmed", "origin": "` + terms + `:3"}
`
	if out != want {
		t.Errorf("match output:\n%s\nwant:\n%s", out, want)
	}
}

func TestGlossaryMatchBuiltinAndUserPriority(t *testing.T) {
	user := isolateGlossaries(t)
	userFile := writeGlossaryFile(t, user, "mine.txt", "# my terms\nréseau social\tsocial platform\tclient wording\n")
	code, out, errs := runGlossary(t, "Les réseaux sociaux de Pékin.\n", "match", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Fatalf("want hits for réseaux sociaux and Pékin, got:\n%s", out)
	}
	if !strings.Contains(lines[0], `"targets": ["social platform", `) || !strings.Contains(lines[0], `"origin": "`+userFile+`:2"`) {
		t.Errorf("user glossary should win and come first: %s", lines[0])
	}
	if !strings.Contains(out, `"term": "Pékin"`) || !strings.Contains(out, `"origin": "builtin"`) {
		t.Errorf("built-in hit missing:\n%s", out)
	}
}
