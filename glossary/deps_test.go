package glossary

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoCharmDependency keeps the domain package free of terminal UI code.
func TestNoCharmDependency(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "charmbracelet") {
			t.Errorf("glossary depends on %s", p)
		}
	}
}
