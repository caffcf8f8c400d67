package tm

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoCharmDependency keeps the memory a domain package: it must not
// depend on the terminal UI libraries.
func TestNoCharmDependency(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "charmbracelet") {
			t.Errorf("tm depends on %s", p)
		}
	}
}
