package main

import (
	"github.com/spf13/pflag"
	"github.com/trad-project/trad/tm"
)

// memoryFlags are the memory flags of every command that reads
// translation memories without the editor (tm lookup, tm concordance,
// pretranslate, analyze): one declaration, so their names, help and
// meaning cannot drift apart. The editor's --no-user also leaves out the
// user's glossaries and says so in its own help.
type memoryFlags struct {
	TM     []string // --tm: TMX files or folders, repeatable
	NoUser bool     // --no-user: leave out the user's memory folder
}

func (m *memoryFlags) add(f *pflag.FlagSet) {
	f.StringArrayVar(&m.TM, "tm", nil, "TMX file or folder of .tmx files (repeatable)")
	f.BoolVar(&m.NoUser, "no-user", false, "do not load the user's memory folder")
}

// options returns the tm.Options for the pair from → to.
func (m *memoryFlags) options(from, to string) tm.Options {
	return tm.Options{SourceLang: from, TargetLang: to, Paths: m.TM, NoUser: m.NoUser}
}
