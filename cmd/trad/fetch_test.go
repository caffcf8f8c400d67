package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestFetchArticle(t *testing.T) {
	page, err := os.ReadFile("../../segments/testdata/html/article.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/eco/les-puces.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/data.json":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte("{}"))
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Repeat("<p>x</p>", fetchLimit/8+1)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	ctx := context.Background()
	path, note, err := fetchArticle(ctx, srv.Client(), srv.URL+"/eco/les-puces.html", dir)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "les-puces.html" || !strings.Contains(note, "downloaded") {
		t.Errorf("saved as %s (%s)", path, note)
	}
	doc, _, err := segments.ReadFile(path, segments.ReadOptions{})
	if err != nil || doc.Format != segments.FormatHTML || doc.SourceLang.String() != "fr-FR" {
		t.Fatalf("downloaded page read as %v: %v", doc, err)
	}
	// A second time, the copy is used as it is.
	if _, note, err := fetchArticle(ctx, srv.Client(), srv.URL+"/eco/les-puces.html", dir); err != nil || !strings.Contains(note, "downloaded earlier") {
		t.Errorf("second fetch: %q %v", note, err)
	}
	for _, tt := range []struct{ path, want string }{
		{"/missing.html", "404"},
		{"/data.json", "not a web page"},
		{"/huge", "web page"},
	} {
		if _, _, err := fetchArticle(ctx, srv.Client(), srv.URL+tt.path, dir); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.path, err, tt.want)
		}
	}
	// No server listening: a clear message.
	closed := httptest.NewServer(http.NotFoundHandler())
	addr := closed.URL
	closed.Close()
	if _, _, err := fetchArticle(ctx, http.DefaultClient, addr+"/a.html", dir); err == nil || !strings.Contains(err.Error(), "offline?") {
		t.Errorf("unreachable server: %v", err)
	}
	if n := pageFileName(mustURL(t, "https://example.org/")); n != "example.org.html" {
		t.Errorf("page name %q", n)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
