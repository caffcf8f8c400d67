package main

import "testing"

// TestReleaseVersion: only a release version from the build info is used;
// pseudo-versions (go build in a checkout) and (devel) (go run) fall back
// to the same default, so exports do not depend on how trad was built.
func TestReleaseVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.0": true, "v0.10.3": true,
		"(devel)": false, "": false,
		"v0.0.0-20251205233000-abcdef123456":       false,
		"v0.0.0-20251205233000-abcdef123456+dirty": false,
		"v1.2.1-0.20251205233000-abcdef123456":     false,
		"v1.2.0-rc.1":                              false,
	} {
		if got := releaseVersion.MatchString(v); got != want {
			t.Errorf("%q: release %v, want %v", v, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 segments"}, {1, "1 segment"}, {2, "2 segments"}} {
		if got := count(tc.n, "segment"); got != tc.want {
			t.Errorf("count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
