package office

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// These tests open the translated documents with the programs people use:
// pandoc (its tree of the translation must be the source's with only the
// text changed) and LibreOffice (it must convert the translation to PDF).
// They skip when the programs are not installed (.ci/run installs them).

// sharedDir is the project's shared data, outside the repository:
// $TRAD_SHARED, or ../shared next to the checkout.
func sharedDir() string {
	if d := os.Getenv("TRAD_SHARED"); d != "" {
		return d
	}
	return "../../shared"
}

// missingTool skips the test, or fails it under CI (CI=true), where
// .ci/run installs the tool.
func missingTool(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

type interopCase struct {
	name string // file name, its extension the format
	data []byte
}

// interopCases are the generated documents and the shared samples.
func interopCases(t *testing.T) []interopCase {
	cases := []interopCase{
		{"generated.docx", genDOCX(t, docxSpec{paras: 150, comments: true})},
		{"generated.odt", genODT(t, 150, "")},
	}
	dir := filepath.Join(sharedDir(), "formats", "samples", "articles")
	for _, pat := range []string{"*.docx", "*.odt"} {
		files, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cases = append(cases, interopCase{filepath.Base(f), data})
		}
	}
	if len(cases) == 2 {
		t.Logf("%s: no shared samples; testing the generated documents only", dir)
	}
	return cases
}

// translated returns c's translation (rot13 of every segment, tags kept).
func translated(t *testing.T, c interopCase) []byte {
	doc, _ := open(t, c.data, filepath.Ext(c.name), Options{})
	translate(doc, nil)
	return writeTarget(t, doc, c.data, Options{})
}

func TestPandocSeesTheSameStructure(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		missingTool(t, "pandoc not installed (apt-get install pandoc)")
	}
	for _, c := range interopCases(t) {
		t.Run(c.name, func(t *testing.T) {
			from := strings.TrimPrefix(filepath.Ext(c.name), ".")
			src := pandocTree(t, c.data, from, false)
			out := translated(t, c)
			dst := pandocTree(t, out, from, false)
			if !reflect.DeepEqual(src, dst) {
				a, _ := json.MarshalIndent(src, "", " ")
				b, _ := json.MarshalIndent(dst, "", " ")
				t.Errorf("pandoc's tree of the translation differs from the source's:\n%s", firstDiff(string(a), string(b)))
			}
			// And the text did change: the trees with their text differ.
			if reflect.DeepEqual(pandocTree(t, c.data, from, true), pandocTree(t, out, from, true)) {
				t.Error("the translation has the source's text")
			}
		})
	}
}

// pandocTree runs pandoc -f from -t json on data and returns the tree,
// the contents of its Str elements blanked unless text.
func pandocTree(t *testing.T, data []byte, from string, text bool) any {
	t.Helper()
	f := filepath.Join(t.TempDir(), "doc."+from)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pandoc", "-f", from, "-t", "json", f)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc -f %s: %v\n%s", from, err, stderr.String())
	}
	var tree any
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatal(err)
	}
	if !text {
		tree = blankStr(tree)
	}
	return tree
}

// blankStr blanks the text of a pandoc JSON tree: the contents of Str
// elements, what pandoc makes from them (heading identifiers, the links
// to them), and runs of Space (two spaces written as " <text:s/>" or as
// <text:s text:c="2"/> are one or two Space).
func blankStr(v any) any {
	switch x := v.(type) {
	case map[string]any:
		switch x["t"] {
		case "Str":
			x["c"] = ""
			return x
		case "Header":
			if c, ok := x["c"].([]any); ok && len(c) == 3 {
				if attr, ok := c[1].([]any); ok && len(attr) == 3 {
					attr[0] = ""
				}
			}
		case "Link":
			if c, ok := x["c"].([]any); ok && len(c) == 3 {
				if target, ok := c[2].([]any); ok && len(target) == 2 {
					if u, _ := target[0].(string); strings.HasPrefix(u, "#") {
						target[0] = "#"
					}
				}
			}
		}
		for k, e := range x {
			x[k] = blankStr(e)
		}
	case []any:
		out := x[:0]
		for _, e := range x {
			if isSpace(e) && len(out) > 0 && isSpace(out[len(out)-1]) {
				continue
			}
			out = append(out, blankStr(e))
		}
		return out
	}
	return v
}

func isSpace(v any) bool {
	m, ok := v.(map[string]any)
	return ok && m["t"] == "Space"
}

// firstDiff shows where two texts first differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			lo, hi := max(i-8, 0), min(i+8, len(la), len(lb))
			return "source:\n" + strings.Join(la[lo:hi], "\n") + "\ntranslation:\n" + strings.Join(lb[lo:hi], "\n")
		}
	}
	return "the lengths differ"
}

func TestLibreOfficeOpensTheTranslation(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missingTool(t, "LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	var files []string
	for _, c := range interopCases(t) {
		// One PDF per input: generated.docx and generated.odt must not
		// both become generated.pdf.
		ext := filepath.Ext(c.name)
		f := filepath.Join(dir, strings.ReplaceAll(c.name, ".", "-")+ext)
		if err := os.WriteFile(f, translated(t, c), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// One soffice run per format, with its import filter named (so that a
	// broken file is not taken for plain text by another filter).
	var out []byte
	for ext, filter := range map[string]string{".docx": "MS Word 2007 XML", ".odt": "writer8"} {
		var these []string
		for _, f := range files {
			if filepath.Ext(f) == ext {
				these = append(these, f)
			}
		}
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
			"--infilter=" + filter, "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}, these...)
		o, err := exec.Command(soffice, args...).CombinedOutput()
		out = append(out, o...)
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, o)
		}
	}
	// soffice exits 0 even when it cannot load a file: the PDF must exist.
	for _, f := range files {
		pdf := filepath.Join(dir, "pdf", strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
			t.Errorf("LibreOffice did not convert %s to PDF: %v\n%s", filepath.Base(f), err, out)
		}
	}
}
