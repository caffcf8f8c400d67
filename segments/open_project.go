package segments

// Project is an opened project: its document, the Store that saves it,
// what re-attachment did when the article had changed since the last
// save, and the problems met on the way (issue 15: Open's five values, of
// which every caller ignored one).
type Project struct {
	Doc *Document
	// Store saves Doc, merging what other processes saved meanwhile. It is
	// never nil, even when opening failed: its Path names the project.
	Store *Store
	// Report says what loading did (re-attachment, a missing article); an
	// empty report for a project created in memory. Never nil.
	Report *LoadReport
	// Warnings are problems in the article or the project file that
	// opening worked around (the report's included), to show the user
	// even when opening failed.
	Warnings []Warning
}

// Path is the project file (*.trad.json) the project is saved to.
func (p *Project) Path() string { return p.Store.Path() }

// OpenProject opens path as openPath does — a project file is loaded; an
// article opens its project, resumed when the project file exists, created
// in memory otherwise — and returns it as one value. The Project is never
// nil: with an error it still holds the Store (naming the project) and the
// warnings met before the error.
func OpenProject(path string, opts OpenOptions) (*Project, error) {
	st, doc, rep, warns, err := openPath(path, opts)
	if rep == nil {
		rep = &LoadReport{}
	}
	return &Project{Doc: doc, Store: st, Report: rep, Warnings: warns}, err
}
