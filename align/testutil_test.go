package align

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/trad-project/trad/glossary"
)

// pinnedGlossary is the dictionary of the tests of the aligner's
// mechanics: the core vocabulary and testdata/glossary.tsv. The built-in
// glossary grows with every data change; these tests must not move with
// it (one integration test, TestBuiltinGlossary, uses it with a tolerance).
var pinnedGlossary = sync.OnceValues(func() (*glossary.Glossary, error) {
	f, err := os.Open("testdata/glossary.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, warns, err := glossary.Read(f, "testdata/glossary.tsv", glossary.FormatTSVMulti)
	if err == nil && len(warns) > 0 {
		err = fmt.Errorf("%s", warns[0])
	}
	return WithCore(g), err
})

func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	g, err := pinnedGlossary()
	if err != nil {
		t.Fatalf("test glossary: %v", err)
	}
	return g
}
