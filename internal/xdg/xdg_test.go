package xdg

import (
	"path/filepath"
	"testing"
)

func TestDirs(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	tests := []struct {
		name, config, data   string
		wantConfig, wantData string
	}{
		{"set", "/cfg", "/data", "/cfg/trad", "/data/trad"},
		{"unset", "", "", filepath.Join(home, ".config", "trad"), filepath.Join(home, ".local", "share", "trad")},
		{"relative is ignored", "rel", "rel", filepath.Join(home, ".config", "trad"), filepath.Join(home, ".local", "share", "trad")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", tt.config)
			t.Setenv("XDG_DATA_HOME", tt.data)
			if got := ConfigDir(); got != tt.wantConfig {
				t.Errorf("ConfigDir() = %q, want %q", got, tt.wantConfig)
			}
			if got := DataDir(); got != tt.wantData {
				t.Errorf("DataDir() = %q, want %q", got, tt.wantData)
			}
		})
	}
}

func TestCacheDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CACHE_HOME", "/cache")
	if got := CacheDir(); got != "/cache/trad" {
		t.Errorf("CacheDir() = %q", got)
	}
	t.Setenv("XDG_CACHE_HOME", "")
	if got := CacheDir(); got != filepath.Join(home, ".cache", "trad") {
		t.Errorf("CacheDir() = %q", got)
	}
}
