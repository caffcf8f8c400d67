package cputime

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// ChildFigures runs test (a Test function of the running test binary) in
// a new process with env added, and returns the "name=number" lines it
// printed. Benchmarks whose peak RSS must be the work's alone (the tm and
// segments scale benchmarks) measure in such a child: the parent's heap
// would count too.
func ChildFigures(test string, env ...string) (map[string]float64, []byte, error) {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, out, fmt.Errorf("%s: %w", test, err)
	}
	vals := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				vals[k] = f
			}
		}
	}
	return vals, out, nil
}
