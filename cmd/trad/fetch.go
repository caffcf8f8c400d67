package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/safetext"
)

// fetchTimeout bounds a page download; fetchLimit its size.
const (
	fetchTimeout = 30 * time.Second
	fetchLimit   = 10 << 20
)

// isURL reports whether arg names a web page rather than a file.
func isURL(arg string) bool {
	return strings.HasPrefix(arg, "https://") || strings.HasPrefix(arg, "http://")
}

// fetchArticle downloads the page at raw into folder dir, as NAME.html
// (NAME from the URL's last path element), so that the project has an
// article beside it like any other, and returns its path and a notice for
// the user. A copy downloaded earlier is used as it is (delete it to
// download again): the project's translations belong to that copy.
func fetchArticle(ctx context.Context, client *http.Client, raw, dir string) (string, string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", "", fmt.Errorf("%q is not a web address", raw)
	}
	file := pageFileName(u)
	dest := dir + string(os.PathSeparator) + file
	if _, err := os.Stat(dest); err == nil {
		return dest, fmt.Sprintf("using %s, downloaded earlier from %s (delete it to download the page again)", dest, u.Host), nil
	}
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", "", fmt.Errorf("download %s: %w", raw, err)
	}
	req.Header.Set("User-Agent", "trad/"+versionString())
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	resp, err := client.Do(req)
	if err != nil {
		var dns *net.DNSError
		var op *net.OpError
		if errors.As(err, &dns) || errors.As(err, &op) {
			return "", "", fmt.Errorf("download %s: cannot reach %s (offline?): %w", raw, u.Host, err)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return "", "", fmt.Errorf("download %s: no answer within %s", raw, fetchTimeout)
		}
		return "", "", fmt.Errorf("download %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", "", fmt.Errorf("download %s: the server answered %s", raw, resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") {
		return "", "", fmt.Errorf("download %s: not a web page (%s)", raw, ct)
	}
	data, err := safefile.ReadAllLimited(resp.Body, raw, safefile.Limit{Max: fetchLimit, What: "web page"}, 0)
	if err != nil {
		return "", "", fmt.Errorf("download %s: %w", raw, err)
	}
	if err := safefile.WriteFile(dest, data, safefile.Options{}); err != nil {
		return "", "", fmt.Errorf("save the page: %w", err)
	}
	return dest, fmt.Sprintf("downloaded %s to %s", raw, dest), nil
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._-]+`)

// pageFileName is the local name of a downloaded page: the URL's last path
// element (or its host), cleaned for any file system, ending in .html.
func pageFileName(u *url.URL) string {
	name := strings.TrimSuffix(path.Base(strings.TrimRight(u.Path, "/")), path.Ext(u.Path))
	if name == "" || name == "." || name == "/" {
		name = u.Host
	}
	name = strings.Trim(unsafeName.ReplaceAllString(name, "-"), "-.")
	name = safetext.CutBytes(name, 80)
	if name == "" {
		name = "page"
	}
	return name + ".html"
}

// fetchedPath is prepareEdit's hook for a URL argument.
func fetchedPath(arg string) (string, string, error) {
	if !isURL(arg) {
		return arg, "", nil
	}
	return fetchArticle(context.Background(), http.DefaultClient, arg, ".")
}
