package segments

import (
	"testing"
	"time"
)

// An issue ignored by `trad qa --ignore` while an editor holds the project
// survives the editor's next save, and the editor's own ignores too; an
// ignore the editor removed stays removed.
func TestStoreMergesQAIgnores(t *testing.T) {
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	pp := savedProject(t, dir, func(d *Document) {
		d.Segments[2].IgnoreQA("length", "k0", "ann", now)
	})
	ed, live := openStore(t, pp, "trad edit")

	qa, qdoc := openStore(t, pp, "trad qa")
	qdoc.Segments[0].IgnoreQA("numbers", "k1", "ann", now)
	mustSave(t, qa, qdoc)

	live.Segments[1].IgnoreQA("links", "k2", "bob", now)
	live.Segments[2].UnignoreQA("length", "k0")
	snap := live.Clone()
	res := mustSave(t, ed, snap)
	live.ApplySaved(snap, res)

	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*Document{got, live} {
		if d.Segments[0].IgnoredQA("numbers", "k1") == nil {
			t.Error("the ignore saved by trad qa was lost")
		}
		if d.Segments[1].IgnoredQA("links", "k2") == nil {
			t.Error("the editor's ignore was lost")
		}
		if d.Segments[2].IgnoredQA("length", "k0") != nil {
			t.Error("the ignore the editor removed came back")
		}
	}
}

func TestMergeQAIgnores(t *testing.T) {
	l := func(keys ...string) *QAIgnores {
		if keys == nil {
			return nil
		}
		var out QAIgnores
		for _, k := range keys {
			out = append(out, QAIgnore{Check: "c", Key: k})
		}
		return &out
	}
	tests := []struct {
		name                       string
		mine, theirs, mb, tb, want *QAIgnores
		changed                    bool
	}{
		{"nothing", nil, nil, nil, nil, nil, false},
		{"theirs added", nil, l("a"), nil, nil, l("a"), true},
		{"mine added", l("a"), nil, nil, nil, l("a"), false},
		{"both added same", l("a"), l("a"), nil, nil, l("a"), false},
		{"they removed", l("a"), nil, l("a"), l("a"), nil, true},
		{"I removed", nil, l("a"), l("a"), l("a"), nil, false},
		{"union", l("a"), l("b"), nil, nil, l("a", "b"), true},
	}
	for _, tt := range tests {
		got, changed := mergeQAIgnores(tt.mine, tt.theirs, tt.mb, tt.tb)
		if changed != tt.changed || !sameQAIgnores(got, tt.want) {
			t.Errorf("%s: got %v changed %v, want %v changed %v", tt.name, got, changed, tt.want, tt.changed)
		}
	}
}
