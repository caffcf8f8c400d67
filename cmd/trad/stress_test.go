package main

import (
	"context"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// TestConcurrentProcessesLoseNothing is issue 10's randomized test: several
// real trad processes (confirm, XLIFF import, TMX import, pretranslate,
// split, merge) work on one project at once, some killed with SIGKILL at a
// random moment. The invariant: every target that a process reported as
// saved is in the final project, as a segment's target or in a segment's
// History (replaced later, moved by a split or merge, or kept as a merge
// conflict); never only in the orphans. Each segment gets few enough writes
// that History's bound never drops a version.
//
// Splits and merges happen in the last quarter of the paragraphs only (the
// region), so that the segment numbers the XLIFF imports use stay right;
// confirms by number in the region may land on a neighbour once segments
// there were split, which is why a target is looked for in every segment.
//
// CI runs it for a few seconds with a fixed seed. Locally:
//
//	TRAD_STRESS=60s TRAD_STRESS_SEED=7 go test -run ConcurrentProcesses -v ./cmd/trad
func TestConcurrentProcessesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs hundreds of processes; skipped in -short mode")
	}
	dur, seed := 3*time.Second, uint64(1)
	if v := os.Getenv("TRAD_STRESS"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("TRAD_STRESS=%q: want a duration such as 60s", v)
		}
		dur = d
	}
	if v := os.Getenv("TRAD_STRESS_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("TRAD_STRESS_SEED=%q: want a number", v)
		}
		seed = n
	}
	bin := buildTrad(t)
	// Enough segments that the writes per segment stay under maxWrites.
	sp := newStressProject(t, max(120, 40*int(dur.Seconds())))
	const workers = 4
	var wg sync.WaitGroup
	deadline := time.Now().Add(dur)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			for k := 0; time.Now().Before(deadline); k++ {
				sp.step(t, bin, r, fmt.Sprintf("w%d-%d", w, k))
			}
		}()
	}
	// One long-lived editor in this process (the Store, as trad edit uses
	// it): its document is older than the file at every save.
	wg.Add(1)
	go func() {
		defer wg.Done()
		r := rand.New(rand.NewPCG(seed, 99))
		for k := 0; time.Now().Before(deadline); k++ {
			sp.editorSession(t, r, fmt.Sprintf("e%d", k), deadline)
		}
	}()
	wg.Wait()
	lost, conflicts := sp.check(t)
	t.Logf("seed %d, %s, %d workers and an editor: %d processes (%d killed), %d editor saves, %d targets reported saved, %d splits and %d merges saved (%d refused), %d merge conflicts kept in history, %d lost",
		seed, dur, workers, sp.procs, sp.killed, sp.saves, len(sp.saved), sp.splits, sp.merges, sp.refused, conflicts, lost)
}

// stressProject is the shared state of the test's workers.
type stressProject struct {
	dir, article, project, tmx string
	sources                    []string
	env                        []string

	mu            sync.Mutex
	writes        []int          // write attempts per segment (capped)
	saved         map[string]int // target text → segment index, for reported saves
	procs, killed int
	// splits and merges count the saved ones, refused those the command
	// refused (the segment at that number was not one it could change).
	splits, merges, refused int
	saves                   int // the editor's
}

// editorSession opens the project as the editor does and makes a few
// random confirms, splits and merges, saving a snapshot now and then and
// applying what came in (as tui's saver does).
func (sp *stressProject) editorSession(t *testing.T, r *rand.Rand, id string, deadline time.Time) {
	p, err := segments.OpenProject(sp.project, segments.OpenOptions{By: "trad edit"})
	if err != nil {
		t.Errorf("editor: %v", err)
		return
	}
	live, n := p.Doc, len(sp.writes)
	pending := map[string]int{}
	for k := 0; k < 5+r.IntN(20) && time.Now().Before(deadline); k++ {
		switch op := r.IntN(10); {
		case op < 6:
			segs := sp.pick(r, 1, 0, n, 1)
			if j := firstOfBlock(live, segs); j >= 0 {
				text := fmt.Sprintf("Edited %s-%d.", id, k)
				live.Confirm(j, text, segments.OriginTyped, time.Now())
				pending[text] = segs[0]
			}
		case op < 8:
			segs := sp.pick(r, 1, sp.region(), n, 2)
			if j := firstOfBlock(live, segs); j >= 0 {
				if at := strings.Index(live.Segments[j].Source, "du texte."); at > 0 {
					_ = live.SplitSegment(j, at, time.Now())
				}
			}
		default:
			segs := sp.pick(r, 1, sp.region(), n, 2)
			if j := firstOfBlock(live, segs); j >= 0 && live.Blocks[segs[0]].Count == 2 {
				_ = live.MergeNext(j, time.Now())
			}
		}
		if r.IntN(3) == 0 || len(pending) > 3 {
			res, saved, err := p.Store.SaveSnapshot(live.Snapshot())
			if err != nil {
				t.Errorf("editor save: %v", err)
				return
			}
			if saved != nil {
				live.ApplySaved(saved, res)
			}
			sp.mu.Lock()
			sp.saves++
			for text, i := range pending {
				sp.saved[text] = i
			}
			sp.mu.Unlock()
			clear(pending)
		}
		time.Sleep(time.Duration(r.IntN(30)) * time.Millisecond)
	}
	// Quitting saves.
	if _, err := p.Store.Save(live); err != nil {
		t.Errorf("editor save: %v", err)
		return
	}
	sp.mu.Lock()
	sp.saves++
	for text, i := range pending {
		sp.saved[text] = i
	}
	sp.mu.Unlock()
}

// firstOfBlock returns the index of the first segment of paragraph
// segs[0] in d, or -1 when segs is empty.
func firstOfBlock(d *segments.Document, segs []int) int {
	if len(segs) == 0 || segs[0] >= len(d.Blocks) || d.Blocks[segs[0]].Count == 0 {
		return -1
	}
	return d.Blocks[segs[0]].First
}

// region is the first paragraph where splits and merges happen.
func (sp *stressProject) region() int { return len(sp.writes) * 3 / 4 }

// maxWrites bounds the explicit writes of one segment, below HistoryLimit.
const maxWrites = segments.HistoryLimit - 4

func newStressProject(t *testing.T, n int) *stressProject {
	dir := t.TempDir()
	sp := &stressProject{dir: dir, writes: make([]int, n), saved: map[string]int{}}
	var art, tmx strings.Builder
	tmx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t" creationtool="t" creationtoolversion="1"/><body>
`)
	for i := range n {
		src := fmt.Sprintf("Phrase numéro %d du texte.", i+1)
		sp.sources = append(sp.sources, src)
		fmt.Fprintf(&art, "%s\n\n", src)
		if i%2 == 0 { // the memory knows half of them
			fmt.Fprintf(&tmx, `<tu><tuv xml:lang="fr"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>Memory %d.</seg></tuv></tu>`+"\n", src, i+1)
		}
	}
	tmx.WriteString("</body></tmx>\n")
	sp.article = filepath.Join(dir, "article.fr.txt")
	sp.tmx = filepath.Join(dir, "memory.tmx")
	for p, data := range map[string]string{sp.article: art.String(), sp.tmx: tmx.String()} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	op, err := segments.OpenProject(sp.article, segments.OpenOptions{Lang: "fr", Target: "en"})
	doc, project := op.Doc, op.Path()
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != n {
		t.Fatalf("%d segments, want %d", len(doc.Segments), n)
	}
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	sp.project = project
	sp.env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	return sp
}

// pick reserves up to k segments of lo…hi-1 that may still be written
// cost more times, none if none.
func (sp *stressProject) pick(r *rand.Rand, k, lo, hi, cost int) []int {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	var out []int
	for range 4 * k {
		i := lo + r.IntN(hi-lo)
		limit := maxWrites
		if i >= sp.region() {
			// Writes by number may land on a neighbour there.
			limit = maxWrites - 1
		}
		if sp.writes[i]+cost <= limit && !contains(out, i) {
			sp.writes[i] += cost
			out = append(out, i)
			if len(out) == k {
				break
			}
		}
	}
	return out
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// step runs one random process; id makes its texts unique.
func (sp *stressProject) step(t *testing.T, bin string, r *rand.Rand, id string) {
	var args []string
	var texts map[string]int // what the process saves, if it reports success
	n := len(sp.writes)
	switch op := r.IntN(100); {
	case op < 52:
		segs := sp.pick(r, 1, 0, n, 1)
		if len(segs) == 0 {
			return
		}
		text := "Confirmed " + id + "."
		args, texts = []string{"confirm", sp.project, strconv.Itoa(segs[0] + 1), text}, map[string]int{text: segs[0]}
	case op < 64:
		// A paragraph's first segment as the file has it now (another
		// process may change it before this one runs: then it is refused);
		// a merge takes a paragraph split in two.
		doc, _, err := segments.Load(sp.project)
		if err != nil {
			t.Errorf("load: %v", err)
			return
		}
		lo, verb := sp.region(), "split"
		if op >= 58 {
			verb = "merge"
			var split []int
			for b := lo; b < n; b++ {
				if doc.Blocks[b].Count == 2 {
					split = append(split, b)
				}
			}
			if len(split) == 0 {
				return
			}
			lo = split[r.IntN(len(split))]
			n = lo + 1
		}
		segs := sp.pick(r, 1, lo, n, map[string]int{"split": 1, "merge": 2}[verb]) // versions each pushes at most
		if len(segs) == 0 {
			return
		}
		args = []string{verb, sp.project, strconv.Itoa(doc.Blocks[segs[0]].First + 1)}
		if verb == "split" {
			args = append(args, "du texte.")
		}
	case op < 74:
		segs := sp.pick(r, 1+r.IntN(3), 0, sp.region(), 1)
		if len(segs) == 0 {
			return
		}
		path, tx := sp.xliff(t, segs, id)
		args, texts = []string{"import", path, "--project", sp.project}, tx
	case op < 86:
		args = []string{"import", sp.tmx, "--project", sp.project}
	default:
		args = []string{"pretranslate", sp.project, "--tm", sp.tmx, "--no-user"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = sp.env
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Error(err)
		return
	}
	kill := r.IntN(100) < 20
	if kill {
		time.AfterFunc(time.Duration(r.IntN(40))*time.Millisecond, func() { _ = cmd.Process.Kill() })
	}
	err := cmd.Wait()
	sp.mu.Lock()
	defer sp.mu.Unlock()
	sp.procs++
	resegment := args[0] == "split" || args[0] == "merge"
	if err != nil {
		if kill {
			sp.killed++
			return // whether it saved is unknown: nothing is claimed
		}
		if resegment && cmd.ProcessState.ExitCode() == 1 && !strings.Contains(errb.String(), "panic") {
			sp.refused++ // another split there, a paragraph's last segment
			return
		}
		t.Errorf("trad %s: %v\n%s", strings.Join(args, " "), err, errb.String())
		return
	}
	for text, i := range texts {
		sp.saved[text] = i
	}
	switch args[0] {
	case "split":
		sp.splits++
	case "merge":
		sp.merges++
	}
}

// xliff writes an XLIFF 1.2 file translating segments segs, and returns its
// path and the targets it holds.
func (sp *stressProject) xliff(t *testing.T, segs []int, id string) (string, map[string]int) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr" target-language="en" datatype="plaintext"><body>
`)
	texts := map[string]int{}
	for _, i := range segs {
		text := fmt.Sprintf("Imported %s/%d.", id, i)
		texts[text] = i
		fmt.Fprintf(&b, `<trans-unit id="s%d"><source>%s</source><target state="translated">%s</target></trans-unit>`+"\n",
			i+1, html.EscapeString(sp.sources[i]), text)
	}
	b.WriteString("</body></file></xliff>\n")
	path := filepath.Join(sp.dir, "import-"+id+".xlf")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, texts
}

// check loads the final project and counts the reported targets found
// neither as a target nor in History.
func (sp *stressProject) check(t *testing.T) (lost, conflicts int) {
	doc, _, err := segments.Load(sp.project)
	if err != nil {
		t.Fatalf("the final project does not load: %v", err)
	}
	// Every target and historic version of the document: a merge joins
	// two targets ("A. B."), so a saved one may be part of one of them.
	var all []string
	for _, s := range doc.Segments {
		all = append(all, s.Target)
		for _, v := range s.History {
			all = append(all, v.Target)
			if v.Conflict {
				conflicts++
			}
		}
	}
	in := "\x00" + strings.Join(all, "\x00") + "\x00"
	for text, i := range sp.saved {
		if strings.Contains(in, text) { // texts are unique and end with "."
			continue
		}
		lost++
		where := "nowhere"
		for _, o := range doc.Orphans {
			if strings.Contains(o.Target, text) {
				where = "only in the orphans"
			}
		}
		t.Errorf("segment %d: %q was reported saved and is lost (%s)", i+1, text, where)
	}
	if len(sp.saved) == 0 {
		t.Error("no process reported a save: the test tested nothing")
	}
	return lost, conflicts
}
