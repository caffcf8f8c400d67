package layering

import (
	"os/exec"
	"strings"
	"testing"
)

// domain lists the packages that must not know about terminals.
var domain = []string{"./segments", "./glossary", "./bitext", "./tm", "./qa", "./mt"}

// TestDomainImportsNoCharm checks that no domain package depends on the
// charmbracelet libraries, directly or not (STYLE.md, habit 1).
func TestDomainImportsNoCharm(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	args := append([]string{"list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}"}, domain...)
	cmd := exec.Command(gobin, args...)
	cmd.Dir = "../.." // the module root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(domain) {
		t.Fatalf("go list printed %d packages, want %d:\n%s", len(lines), len(domain), out)
	}
	for _, line := range lines {
		f := strings.Fields(line)
		for _, dep := range f[1:] {
			if strings.Contains(dep, "charmbracelet") {
				t.Errorf("%s depends on %s", f[0], dep)
			}
		}
	}
}
