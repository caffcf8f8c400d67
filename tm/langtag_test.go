package tm

import (
	"strings"
	"testing"
)

// TestLoadTMXVariants: the memory picks a unit's variants as trad import
// does (internal/langtag): a deprecated code ("IW-IL", as older tools
// write Hebrew) meets a Hebrew memory, and among regional variants the
// lowest key wins whatever the map order.
func TestLoadTMXVariants(t *testing.T) {
	const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="EN-US"><seg>Good morning.</seg></tuv><tuv xml:lang="IW-IL"><seg>בוקר טוב.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="fr-FR"><seg>Bonjour (FR).</seg></tuv><tuv xml:lang="fr-CA"><seg>Allô (CA).</seg></tuv><tuv xml:lang="fr-BE"><seg>Bonjour (BE).</seg></tuv></tu>
</body></tmx>`
	he := New("en", "he")
	if w := he.LoadTMX(strings.NewReader(tmx), "old.tmx"); he.Len() != 1 {
		t.Fatalf("en→he memory: %d units (%v), want 1", he.Len(), w)
	}
	for run := 0; run < 20; run++ {
		fr := New("en", "fr")
		fr.LoadTMX(strings.NewReader(tmx), "old.tmx")
		ms := fr.Lookup("Hello.", Context{}, 100, 1)
		if len(ms) != 1 || ms[0].Target != "Bonjour (BE)." {
			t.Fatalf("run %d: en→fr lookup %+v, want the fr-BE variant", run, ms)
		}
	}
}
