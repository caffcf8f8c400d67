package tui

import (
	"path/filepath"
	"strconv"

	"github.com/trad-project/trad/tm"
)

// unitOrigin is a memory unit's origin o, short: "this project" for the
// segments of project (the project file), "memory" when unknown.
func unitOrigin(o, project string) string {
	if o == "" {
		return "memory"
	}
	if project != "" && o == project {
		return "this project"
	}
	return shortOrigin(o, 0)
}

// shortOrigin is where a glossary entry or a memory unit comes from, short
// enough for a pane: the file name (no folders) and line, and a user
// memory file by the project it was saved from ("article.fr memory" rather
// than "article.fr-85279d6d.tmx").
func shortOrigin(path string, line int) string {
	base := filepath.Base(path)
	if p, ok := tm.UserFileProject(base); ok {
		base = p + " memory"
	}
	base = sanitizeLine(base)
	if line > 0 {
		base += ":" + strconv.Itoa(line)
	}
	return base
}
