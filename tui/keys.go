package tui

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"

	"github.com/trad-project/trad/internal/configfile"
	"github.com/trad-project/trad/internal/safetext"
	"github.com/trad-project/trad/internal/xdg"
)

// BrowseKeys are the bindings used while moving through the segments.
type BrowseKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextUntranslated, PrevUntranslated      key.Binding
	Search, NextMatch, PrevMatch, Goto      key.Binding
	Edit, Review, Save, Quit                key.Binding
	Glossary, Help, Export                  key.Binding
	// NextChanged steps through the segments the source file changed.
	NextChanged key.Binding
	// UndoConfirm restores the current segment's previous version from its
	// history; History shows or hides the history pane.
	UndoConfirm, History key.Binding
	// PaneGlossary, PaneMatches and PaneQA toggle one pane each
	// (Glossary toggles them all).
	PaneGlossary, PaneMatches, PaneQA key.Binding
	// mouseHelp documents the mouse in the help; it matches no key.
	mouseHelp key.Binding
	// UseMatch[i] opens the editor with translation-memory match i+1's target.
	UseMatch [maxShownMatches]key.Binding
	// useMatchHelp stands for the UseMatch bindings in the help.
	useMatchHelp key.Binding
	// QA pane: select the next or previous issue, ignore or un-ignore the
	// selected one, show the ignored ones (qawire.go). UseMT opens the
	// editor with the machine translation (mt.go).
	QANext, QAPrev, QAIgnore, QAUnignore, QAShowIgnored, UseMT key.Binding
	// The translator's tools (keys_tools.go): the row filter and
	// clearing it.
	Filter, ClearFilter key.Binding
	// Note adds or edits the current segment's note; PaneNotes shows the
	// notes pane (notes.go).
	Note, PaneNotes key.Binding
	// Concordance searches the memories and glossaries (concord.go).
	Concordance key.Binding
	// Replace replaces in targets (replace.go); UndoBulk undoes the last
	// replace or repetition fill (bulk.go).
	Replace, UndoBulk key.Binding
	// AddTerm opens the add-term form (termform.go).
	AddTerm key.Binding
	// Split opens the split picker, Merge merges with the next segment
	// (splitmerge.go).
	Split, Merge key.Binding
}

// EditKeys are the bindings of the target editor. They embed the textarea's
// own key map, with InsertNewline rebound because enter confirms.
type EditKeys struct {
	textarea.KeyMap
	Confirm, Leave, CopySource, Undo, Redo key.Binding
	// InsertTag inserts the source's next tag missing in the target,
	// InsertAllTags all of them (docs/tags.md).
	InsertTag, InsertAllTags key.Binding
	// ConfirmNext confirms and opens the next untranslated segment.
	ConfirmNext key.Binding
	// Help shows the full key help while editing.
	Help                 key.Binding
	Save, Quit, Glossary key.Binding
	// InsertHit[i] inserts glossary hit i+1's first translation.
	InsertHit [9]key.Binding
	// insertHitHelp stands for the nine InsertHit bindings in the help.
	insertHitHelp key.Binding
	// ReplaceMatch[i] replaces the target by translation-memory match i+1's
	// target; InsertMatch[i] inserts it at the cursor.
	ReplaceMatch, InsertMatch         [maxShownMatches]key.Binding
	replaceMatchHelp, insertMatchHelp key.Binding
	// UseMT puts the machine translation in; AddWord adds the word under
	// the cursor to the user dictionary, Suggest shows corrections of it
	// (spell.go).
	UseMT, AddWord, Suggest key.Binding
	// Concordance searches the memories and glossaries (concord.go);
	// AddTerm opens the add-term form (termform.go).
	Concordance, AddTerm key.Binding
}

// PromptKeys answer the one-line prompts: the quit confirmation after a
// failed save and the export picker.
type PromptKeys struct {
	Yes, No, Retry, Cancel, Prev, Next, Choose key.Binding
}

// KeyMap is the editor's complete key map. It is built by DefaultKeyMap and
// changed by LoadKeyMap; the help views read it through browseHelp and
// editHelp, which implement help.KeyMap.
type KeyMap struct {
	Browse BrowseKeys
	Edit   EditKeys
	Prompt PromptKeys
}

// DefaultKeyMap returns the key map documented in docs/keys.md.
func DefaultKeyMap() KeyMap {
	var k KeyMap
	defaultBrowseKeys(&k)
	defaultEditKeys(&k)
	defaultPromptKeys(&k)
	defaultToolKeys(&k)
	return k
}

// binding is a key binding with its help entry.
func binding(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

func defaultBrowseKeys(k *KeyMap) {
	b := binding
	k.Browse = BrowseKeys{
		Up:               b([]string{"up", "k"}, "↑/k", "up"),
		Down:             b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:           b([]string{"pgup"}, "pgup", "page up"),
		PageDown:         b([]string{"pgdown"}, "pgdn", "page down"),
		Top:              b([]string{"home", "g"}, "home/g", "first"),
		Bottom:           b([]string{"end", "G"}, "end/G", "last"),
		NextUntranslated: b([]string{"n"}, "n", "next untranslated"),
		PrevUntranslated: b([]string{"N"}, "N", "prev untranslated"),
		Search:           b([]string{"/"}, "/", "search"),
		NextMatch:        b([]string{"ctrl+n"}, "ctrl+n", "next match"),
		PrevMatch:        b([]string{"ctrl+p"}, "ctrl+p", "prev match"),
		Goto:             b([]string{":"}, ":", "go to #"),
		Edit:             b([]string{"enter", "i"}, "enter/i", "edit"),
		Review:           b([]string{"r"}, "r", "reviewed"),
		Save:             b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Quit:             b([]string{"q", "ctrl+c"}, "q", "quit"),
		Glossary:         b([]string{"ctrl+g"}, "ctrl+g", "all panes"),
		Help:             b([]string{"?"}, "?", "more keys"),
		Export:           b([]string{"ctrl+e"}, "ctrl+e", "export"),
		NextChanged:      b([]string{"c"}, "c", "next changed"),
		UndoConfirm:      b([]string{"ctrl+z"}, "ctrl+z", "undo confirm"),
		History:          b([]string{"H"}, "H", "history"),
		PaneGlossary:     b([]string{"alt+g"}, "alt+g", "glossary pane"),
		PaneMatches:      b([]string{"alt+m"}, "alt+m", "matches pane"),
		PaneQA:           b([]string{"alt+q"}, "alt+q", "QA pane"),
		useMatchHelp:     b([]string{"f1"}, "f1…f3", "use match"),
		mouseHelp:        b([]string{"\x00mouse"}, "mouse", "click, wheel"),
		QANext:           b([]string{"tab"}, "tab", "next QA issue"),
		QAPrev:           b([]string{"shift+tab"}, "shift+tab", "prev QA issue"),
		QAIgnore:         b([]string{"x"}, "x", "ignore QA issue"),
		QAUnignore:       b([]string{"X"}, "X", "un-ignore QA issue"),
		QAShowIgnored:    b([]string{"I"}, "I", "show ignored issues"),
		UseMT:            b([]string{"f4"}, "f4", "use MT"),
	}
	for i := range k.Browse.UseMatch {
		n := fmt.Sprint(i + 1)
		k.Browse.UseMatch[i] = b([]string{"f" + n}, "f"+n, "use match "+n)
	}
}

func defaultEditKeys(k *KeyMap) {
	b := binding
	ta := textarea.DefaultKeyMap
	ta.InsertNewline = b([]string{"alt+enter", "ctrl+j"}, "alt+enter/ctrl+j", "line break")
	// ctrl+u confirms and goes on (OmegaT's key), so it no longer deletes
	// to the start of the line.
	ta.DeleteBeforeCursor = b(nil, "", "")
	ta.DeleteBeforeCursor.Unbind()
	// ctrl+t inserts the next missing tag (a key every terminal sends).
	ta.TransposeCharacterBackward = b(nil, "", "")
	ta.TransposeCharacterBackward.Unbind()
	k.Edit = EditKeys{
		KeyMap:        ta,
		Confirm:       b([]string{"enter"}, "enter", "confirm"),
		ConfirmNext:   b([]string{"ctrl+u"}, "ctrl+u", "confirm, next untranslated"),
		Help:          b([]string{"f12"}, "f12", "help"),
		Leave:         b([]string{"esc"}, "esc", "leave"),
		CopySource:    b([]string{"ctrl+r"}, "ctrl+r", "copy source"),
		InsertTag:     b([]string{"ctrl+t"}, "ctrl+t", "insert next tag"),
		InsertAllTags: b([]string{"alt+t"}, "alt+t", "insert all tags"),
		Undo:          b([]string{"ctrl+z"}, "ctrl+z", "undo"),
		Redo:          b([]string{"ctrl+y"}, "ctrl+y", "redo"),
		Save:          b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Quit:          b([]string{"ctrl+c"}, "ctrl+c", "save & quit"),
		Glossary:      b([]string{"ctrl+g"}, "ctrl+g", "glossary"),
		insertHitHelp: b([]string{"alt+1"}, "alt+1…9", "insert term"),

		replaceMatchHelp: b([]string{"f1"}, "f1…f3", "use match"),
		insertMatchHelp:  b([]string{"shift+f1"}, "shift+f1…f3", "insert match"),
		UseMT:            b([]string{"f4"}, "f4", "use MT"),
		AddWord:          b([]string{"alt+a"}, "alt+a", "add word to dictionary"),
		Suggest:          b([]string{"alt+s"}, "alt+s", "spelling suggestions"),
	}
	for i := range k.Edit.ReplaceMatch {
		n := fmt.Sprint(i + 1)
		k.Edit.ReplaceMatch[i] = b([]string{"f" + n}, "f"+n, "use match "+n)
		// Terminals send shift+f1…f3 as f13…f15 (xterm); Bubble Tea v1
		// names them so.
		k.Edit.InsertMatch[i] = b([]string{"shift+f" + n, fmt.Sprint("f", 12+i+1)}, "shift+f"+n, "insert match "+n)
	}
	for i := range k.Edit.InsertHit {
		n := fmt.Sprint(i + 1)
		k.Edit.InsertHit[i] = b([]string{"alt+" + n}, "alt+"+n, "insert term "+n)
	}
}

func defaultPromptKeys(k *KeyMap) {
	b := binding
	k.Prompt = PromptKeys{
		Yes:    b([]string{"y", "Y"}, "y", "yes"),
		No:     b([]string{"n", "N", "esc"}, "n", "no"),
		Retry:  b([]string{"s", "S"}, "s", "retry"),
		Cancel: b([]string{"esc", "q"}, "esc", "cancel"),
		Prev:   b([]string{"left", "h", "up", "k", "shift+tab"}, "←", "previous"),
		Next:   b([]string{"right", "l", "down", "j", "tab"}, "→", "next"),
		Choose: b([]string{"enter"}, "enter", "write"),
	}
}

// browseHelp shows the browsing keys in bubbles/help; the full view (the
// `?` screen) adds a column of the main editing keys.
type browseHelp struct {
	k *BrowseKeys
	e *EditKeys
}

func (h browseHelp) ShortHelp() []key.Binding {
	k := h.k
	return []key.Binding{k.Edit, k.Down, k.NextUntranslated, k.useMatchHelp, k.Search, k.Glossary, k.Save, k.Quit, k.Help}
}

// FullHelp lists every browsing key once, then the editing keys that
// browsing does not already show (f1…f3 appears once).
func (h browseHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.mouseHelp},
		{k.NextUntranslated, k.PrevUntranslated, k.NextChanged, k.Goto, k.Search, k.NextMatch, k.PrevMatch},
		{k.Edit, k.useMatchHelp, k.Review, k.UndoConfirm, k.History, k.Export, k.Save, k.Quit},
		{k.Glossary, k.PaneGlossary, k.PaneMatches, k.PaneQA, k.Help},
		{k.QANext, k.QAPrev, k.QAIgnore, k.QAUnignore, k.QAShowIgnored, k.UseMT},
		toolColumn(h.k),
		editColumn(h.e),
	}
}

// editColumn is the editing keys shown in both full helps.
func editColumn(k *EditKeys) []key.Binding {
	return []key.Binding{k.Confirm, k.ConfirmNext, k.InsertNewline, k.Leave, k.insertMatchHelp, k.insertHitHelp, k.CopySource, k.Undo, k.Redo}
}

// editHelp shows the editing keys in bubbles/help.
type editHelp struct{ k *EditKeys }

func (h editHelp) ShortHelp() []key.Binding {
	k := h.k
	return []key.Binding{k.Confirm, k.ConfirmNext, k.InsertNewline, k.Leave, k.replaceMatchHelp, k.insertMatchHelp, k.insertHitHelp, k.CopySource, k.InsertTag, k.InsertAllTags, k.Undo, k.Redo, k.Save, k.Help}
}

func (h editHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		editColumn(k),
		{k.replaceMatchHelp, k.Save, k.Quit, k.Glossary, k.Help},
		{k.UseMT, k.AddWord, k.Suggest, k.InsertTag, k.InsertAllTags, k.Concordance, k.AddTerm},
	}
}

// keyAction names one remappable binding in the config file.
type keyAction struct {
	name string
	b    *key.Binding
}

// actions lists the remappable bindings of each section, in a stable order.
func (k *KeyMap) actions() map[string][]keyAction {
	br := &k.Browse
	ed := &k.Edit
	m := map[string][]keyAction{
		"browse": {
			{"up", &br.Up}, {"down", &br.Down}, {"page-up", &br.PageUp}, {"page-down", &br.PageDown},
			{"top", &br.Top}, {"bottom", &br.Bottom},
			{"next-untranslated", &br.NextUntranslated}, {"prev-untranslated", &br.PrevUntranslated},
			{"search", &br.Search}, {"next-match", &br.NextMatch}, {"prev-match", &br.PrevMatch},
			{"goto", &br.Goto}, {"edit", &br.Edit}, {"review", &br.Review}, {"save", &br.Save},
			{"quit", &br.Quit}, {"glossary", &br.Glossary}, {"help", &br.Help}, {"export", &br.Export},
			{"next-changed", &br.NextChanged}, {"undo-confirm", &br.UndoConfirm}, {"history", &br.History},
			{"pane-glossary", &br.PaneGlossary}, {"pane-matches", &br.PaneMatches}, {"pane-qa", &br.PaneQA},
			{"qa-next", &br.QANext}, {"qa-prev", &br.QAPrev}, {"qa-ignore", &br.QAIgnore},
			{"qa-unignore", &br.QAUnignore}, {"qa-show-ignored", &br.QAShowIgnored}, {"use-mt", &br.UseMT},
		},
		"edit": {
			{"confirm", &ed.Confirm}, {"newline", &ed.InsertNewline}, {"leave", &ed.Leave},
			{"copy-source", &ed.CopySource}, {"undo", &ed.Undo}, {"redo", &ed.Redo},
			{"insert-tag", &ed.InsertTag}, {"insert-all-tags", &ed.InsertAllTags},
			{"save", &ed.Save}, {"quit", &ed.Quit}, {"glossary", &ed.Glossary},
			{"confirm-next-untranslated", &ed.ConfirmNext}, {"help", &ed.Help},
			{"use-mt", &ed.UseMT}, {"add-word", &ed.AddWord}, {"suggest", &ed.Suggest},
		},
		"prompt": {
			{"yes", &k.Prompt.Yes}, {"no", &k.Prompt.No}, {"retry", &k.Prompt.Retry},
			{"cancel", &k.Prompt.Cancel}, {"previous", &k.Prompt.Prev}, {"next", &k.Prompt.Next},
			{"choose", &k.Prompt.Choose},
		},
	}
	k.toolActions(m)
	for i := range ed.InsertHit {
		m["edit"] = append(m["edit"], keyAction{fmt.Sprintf("insert-hit-%d", i+1), &ed.InsertHit[i]})
	}
	for i := range ed.ReplaceMatch {
		m["edit"] = append(m["edit"],
			keyAction{fmt.Sprintf("replace-match-%d", i+1), &ed.ReplaceMatch[i]},
			keyAction{fmt.Sprintf("insert-match-%d", i+1), &ed.InsertMatch[i]})
		m["browse"] = append(m["browse"], keyAction{fmt.Sprintf("use-match-%d", i+1), &br.UseMatch[i]})
	}
	// The textarea's own bindings, by kebab-cased field name
	// (CharacterForward -> "character-forward").
	v := reflect.ValueOf(&ed.KeyMap).Elem()
	for i := 0; i < v.NumField(); i++ {
		name := kebab(v.Type().Field(i).Name)
		if name == "insert-newline" {
			continue // exposed as "newline"
		}
		if b, ok := v.Field(i).Addr().Interface().(*key.Binding); ok {
			m["edit"] = append(m["edit"], keyAction{name, b})
		}
	}
	return m
}

func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// KeyConfigPath returns the key map file: $XDG_CONFIG_HOME/trad/keys.json.
func KeyConfigPath() string { return filepath.Join(xdg.ConfigDir(), "keys.json") }

// LoadKeyMap returns the default key map changed by the JSON file at path,
// if it exists (read by internal/configfile, as every settings file), and
// the problems that do not stop it: empty key names, and keys bound to two
// actions of the same mode. A missing file is not an error; an unreadable
// or malformed one is, as are an unknown section or action (named by
// file:line:column), and the defaults are returned with it.
func LoadKeyMap(path string) (KeyMap, []string, error) {
	k := DefaultKeyMap()
	if path == "" {
		return k, nil, nil
	}
	f, err := configfile.Open(path)
	if f == nil || err != nil {
		return k, nil, err
	}
	warns, err := k.applyFile(f)
	if err != nil {
		return DefaultKeyMap(), nil, err
	}
	return k, warns, nil
}

// apply is applyFile on a file's content; name names it in errors.
func (k *KeyMap) apply(r io.Reader, name string) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return k.applyFile(configfile.Parse(data, name))
}

// applyFile reads a key map file ({"browse": {"down": ["down", "j"]}, "edit":
// {…}}) and rebinds the actions it names. An empty list unbinds an action.
// Names are checked before anything changes.
func (k *KeyMap) applyFile(f *configfile.File) ([]string, error) {
	var cfg map[string]map[string][]string
	if _, err := f.Decode("", &cfg); err != nil {
		return nil, err
	}
	acts := k.actions()
	byName := map[string]map[string]*key.Binding{}
	for sec, list := range acts {
		byName[sec] = map[string]*key.Binding{}
		for _, a := range list {
			byName[sec][a.name] = a.b
		}
	}
	if err := checkKeyNames(f, cfg, byName); err != nil {
		return nil, err
	}
	var warns []string
	for _, sec := range slices.Sorted(maps.Keys(cfg)) {
		for _, n := range slices.Sorted(maps.Keys(cfg[sec])) {
			b := byName[sec][n]
			var clean []string
			for i, kk := range cfg[sec][n] {
				kk = strings.TrimSpace(kk)
				switch {
				case kk == "":
					warns = append(warns, f.Errorf([]string{sec, n, strconv.Itoa(i)}, "%s.%s: empty key name", sec, n).Error())
					continue
				case !safetext.Safe(kk) || strings.ContainsAny(kk, "\t\n"):
					// No key is named so, and the help bar would send it to the terminal.
					warns = append(warns, f.Errorf([]string{sec, n, strconv.Itoa(i)}, "%s.%s: key name %q has control characters: left out", sec, n, kk).Error())
					continue
				}
				clean = append(clean, kk)
			}
			if len(clean) == 0 {
				b.Unbind()
				continue
			}
			h := b.Help()
			b.SetKeys(clean...)
			b.SetHelp(clean[0], h.Desc)
		}
	}
	k.syncGroupHelp()
	if at, err := k.leavable(); err != nil {
		return nil, f.Errorf(at, "%w", err)
	}
	return append(warns, k.Conflicts()...), nil
}

// checkKeyNames refuses the first unknown section or action of cfg, as
// every settings file refuses an unknown field.
func checkKeyNames(f *configfile.File, cfg map[string]map[string][]string, known map[string]map[string]*key.Binding) error {
	for _, sec := range slices.Sorted(maps.Keys(cfg)) {
		names, ok := known[sec]
		if !ok {
			return f.Errorf([]string{sec}, "unknown section %q (want browse, edit or prompt)", sec)
		}
		for _, n := range slices.Sorted(maps.Keys(cfg[sec])) {
			if _, ok := names[n]; !ok {
				return f.Errorf([]string{sec, n}, "%s: unknown action %q (the actions are listed in docs/keys.md)", sec, n)
			}
		}
	}
	return nil
}

// leavable refuses a key map that would trap the translator: no key quits
// from browsing, or none leaves the editor. It returns the action at fault.
func (k *KeyMap) leavable() ([]string, error) {
	if len(k.Browse.Quit.Keys()) == 0 {
		return []string{"browse", "quit"}, errors.New("browse.quit has no key: the editor could not be quit; bind at least one key (default: q, ctrl+c)")
	}
	if len(k.Edit.Leave.Keys()) == 0 && len(k.Edit.Quit.Keys()) == 0 {
		return []string{"edit", "leave"}, errors.New("edit.leave and edit.quit have no key: the target editor could not be left; bind at least one (default: esc)")
	}
	return nil, nil
}

// syncGroupHelp makes the help entries standing for a numbered group
// (alt+1…9, f1…f3) show the keys actually bound, after a remap.
func (k *KeyMap) syncGroupHelp() {
	group := func(g *key.Binding, bs []key.Binding) {
		first, last := bs[0].Keys(), bs[len(bs)-1].Keys()
		if len(first) == 0 || len(last) == 0 {
			g.SetEnabled(false)
			return
		}
		g.SetHelp(first[0]+"…"+strings.TrimPrefix(last[0], commonPrefix(first[0], last[0])), g.Help().Desc)
	}
	group(&k.Browse.useMatchHelp, k.Browse.UseMatch[:])
	group(&k.Edit.insertHitHelp, k.Edit.InsertHit[:])
	group(&k.Edit.replaceMatchHelp, k.Edit.ReplaceMatch[:])
	group(&k.Edit.insertMatchHelp, k.Edit.InsertMatch[:])
}

// commonPrefix returns the modifiers a and b share ("alt+" for "alt+1"
// and "alt+9"), "" when none.
func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	if i := strings.LastIndexByte(a[:n], '+'); i >= 0 {
		return a[:i+1]
	}
	return ""
}

// Conflicts reports keys bound to more than one action of the same mode.
func (k *KeyMap) Conflicts() []string {
	var out []string
	acts := k.actions()
	for _, sec := range []string{"browse", "edit"} { // prompt keys serve two prompts: no conflict check
		owner := map[string]string{}
		for _, a := range acts[sec] {
			for _, kk := range a.b.Keys() {
				if prev, ok := owner[kk]; ok && prev != a.name {
					out = append(out, fmt.Sprintf("%s: key %q is bound to both %s and %s", sec, kk, prev, a.name))
					continue
				}
				owner[kk] = a.name
			}
		}
	}
	return out
}
