package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// tmuxSession drives the built trad binary in a private tmux server.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

// buildTrad builds the binary once per test into a temporary folder.
func buildTrad(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "trad")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, w, h int, env []string, args ...string) *tmuxSession {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tmux test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not found: skipping the end-to-end editor test (install tmux to run it)")
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("trad-test-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "trad"}
	shell := "exec env " + strings.Join(env, " ") + " " + strings.Join(args, " ")
	s.tmux("-f", "/dev/null", "new-session", "-d", "-s", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), shell)
	// No escape delay: esc followed by a key must not become alt+key.
	s.tmux("set-option", "-g", "escape-time", "0")
	s.tmux("set-option", "-g", "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

// waitFor polls the screen until it contains want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
	return ""
}

func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) text(txt string) {
	s.tmux("send-keys", "-t", s.name, "-l", txt)
}

func (s *tmuxSession) pid() int {
	p, err := strconv.Atoi(strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_pid}")))
	if err != nil {
		s.t.Fatal(err)
	}
	return p
}

func (s *tmuxSession) dead() bool {
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_dead}")) == "1"
}

// waitProject polls the project file until check accepts it.
func waitProject(t *testing.T, path string, check func(*segments.Document) bool) *segments.Document {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if doc, _, err := segments.Load(path); err == nil && check(doc) {
			return doc
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("project %s never reached the expected state", path)
	return nil
}

func e2eSetup(t *testing.T) (bin, art string, env []string) {
	dir := t.TempDir()
	art = writeArticle(t, dir)
	env = []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "TERM=xterm-256color"}
	return buildTrad(t), art, env
}

func TestE2EEditInTmux(t *testing.T) {
	bin, art, env := e2eSetup(t)
	proj := segments.ProjectPath(art)
	s := startTmux(t, 120, 40, env, bin, "edit", art)
	// The status line is the last part of the first screen to settle.
	scr := s.waitFor("project: " + proj)
	for _, want := range []string{"fr → en", "0/3 segments", "▶ 1 ·", "# Les puces", "project: " + proj, "enter/i edit"} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	s.keys("j", "Enter")
	s.waitFor("enter confirm")
	s.text("The government published a report.")
	s.keys("Enter")
	s.waitFor("1/3 segments")
	doc := waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[1].Status == segments.StatusTranslated })
	if doc.Segments[1].Target != "The government published a report." {
		t.Fatalf("saved target %q", doc.Segments[1].Target)
	}
	// Now editing segment 3: type, leave with esc (draft), search, quit.
	s.text("Data centres")
	s.keys("Escape")
	s.waitFor("3 ✎")
	// Typed in one burst: the keys after "/" belong to the search field.
	s.text("/GOUVERNEMENT")
	s.keys("Enter")
	s.waitFor("match 1/1")
	// 80×24 stacks the columns.
	s.tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
	scr = s.waitFor("→  The government published a report.")
	if strings.Contains(scr, "│ The government") {
		t.Errorf("80 columns still side by side:\n%s", scr)
	}
	s.keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for !s.dead() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !s.dead() {
		t.Fatalf("q did not quit:\n%s", s.screen())
	}
	doc = waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[2].Status == segments.StatusDraft })
	if doc.Cursor != 1 || doc.Segments[2].Target != "Data centres" {
		t.Fatalf("after quit: cursor %d, segment 3 %q", doc.Cursor, doc.Segments[2].Target)
	}

	// Reopening resumes on segment 2.
	s2 := startTmux(t, 120, 40, env, bin, art)
	s2.waitFor("▶ 2 ✓")
	s2.keys("q")
	waitDead(t, s2) // before the folder is removed: quitting releases the editor lock
}

func TestE2ESigkillKeepsConfirmedSegments(t *testing.T) {
	bin, art, env := e2eSetup(t)
	proj := segments.ProjectPath(art)
	s := startTmux(t, 100, 30, env, bin, art)
	s.waitFor("article.fr.md")
	s.keys("Enter")
	s.waitFor("enter confirm")
	s.text("Chips")
	s.keys("Enter")
	s.text("The government published a report.")
	s.keys("Enter")
	// Segment 3 is open and being typed in when the process is killed.
	s.text("Data cent")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[1].Status == segments.StatusTranslated })
	if err := syscall.Kill(s.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	doc, _, err := segments.Load(proj)
	if err != nil {
		t.Fatalf("project unreadable after SIGKILL: %v", err)
	}
	for i, want := range []string{"Chips", "The government published a report."} {
		if s := doc.Segments[i]; s.Target != want || s.Status != segments.StatusTranslated {
			t.Errorf("segment %d after SIGKILL: %q (%v), want %q translated", i+1, s.Target, s.Status, want)
		}
	}
}

// TestE2ESignalsSaveTyping sends signals, or closes the terminal, while
// text is in the editor: it must reach the project as a draft, whether the
// editor quits by itself or ends first (killed by a second signal, input
// lost with the terminal) and the rescue save after the program writes it.
func TestE2ESignalsSaveTyping(t *testing.T) {
	for _, tc := range []struct {
		name string
		sigs []syscall.Signal // none: close the terminal
	}{
		{"SIGTERM", []syscall.Signal{syscall.SIGTERM}},
		{"SIGHUP", []syscall.Signal{syscall.SIGHUP}},
		{"SIGTERM then SIGHUP", []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP}},
		{"terminal closed", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bin, art, env := e2eSetup(t)
			proj := segments.ProjectPath(art)
			s := startTmux(t, 100, 30, env, bin, art)
			s.waitFor("article.fr.md")
			s.keys("Enter")
			s.waitFor("enter confirm")
			s.text("Les puces, typed")
			s.waitFor("Les puces, typed")
			pid := s.pid()
			for _, sig := range tc.sigs {
				if err := syscall.Kill(pid, sig); err != nil {
					t.Fatal(err)
				}
			}
			if tc.sigs == nil {
				s.tmux("kill-session", "-t", s.name)
			}
			doc := waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[0].Target != "" })
			if doc.Segments[0].Target != "Les puces, typed" || doc.Segments[0].Status != segments.StatusDraft {
				t.Fatalf("after %s segment 1 is %q (%v)", tc.name, doc.Segments[0].Target, doc.Segments[0].Status)
			}
			// Gone, or a zombie its tmux pane keeps (remain-on-exit).
			deadline := time.Now().Add(10 * time.Second)
			for !exited(pid) && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			if !exited(pid) {
				t.Fatalf("trad still runs after %s", tc.name)
			}
		})
	}
}

// exited reports whether process pid has ended (a zombie counts).
func exited(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) != nil
	}
	// The state follows the command name in parentheses.
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	return len(f) > 0 && f[0] == "Z"
}

// TestE2EMemoryInTmux opens an article with --tm, uses a match with f1,
// confirms it, and checks the project and the user's memory; then keys
// typed ahead in one burst ("jjq") still move the cursor, which is saved.
func TestE2EMemoryInTmux(t *testing.T) {
	bin, art, env := e2eSetup(t)
	dir := filepath.Dir(art)
	mem := filepath.Join(dir, "client.tmx")
	tmx := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="fr"><seg>Le gouvernement a publié un long rapport.</seg></tuv><tuv xml:lang="en"><seg>The government published a long report.</seg></tuv></tu></body></tmx>
`
	if err := os.WriteFile(mem, []byte(tmx), 0o644); err != nil {
		t.Fatal(err)
	}
	proj := segments.ProjectPath(art)
	s := startTmux(t, 120, 40, env, bin, art, "--tm", mem)
	s.waitFor("article.fr.md")
	s.keys("j")
	scr := s.waitFor("Matches (1)")
	for _, want := range []string{"client.tmx", "The government published a long report."} {
		if !strings.Contains(scr, want) {
			t.Errorf("matches pane lacks %q:\n%s", want, scr)
		}
	}
	s.keys("F1")
	s.waitFor("enter confirm")
	s.keys("Enter")
	doc := waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[1].Status == segments.StatusTranslated })
	if got := doc.Segments[1]; got.Target != "The government published a long report." || got.Origin != "tm" {
		t.Fatalf("segment 2 after f1, enter: %q origin %q", got.Target, got.Origin)
	}
	userTM, _ := filepath.Glob(filepath.Join(dir, "data", "trad", "tm", "article.fr-*.tmx"))
	deadline := time.Now().Add(20 * time.Second)
	for len(userTM) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		userTM, _ = filepath.Glob(filepath.Join(dir, "data", "trad", "tm", "article.fr-*.tmx"))
	}
	if len(userTM) != 1 {
		t.Fatal("the confirmed segment did not reach the user's memory folder")
	}
	if data, _ := os.ReadFile(userTM[0]); !strings.Contains(string(data), "The government published a long report.") {
		t.Fatalf("user memory lacks the confirmed segment:\n%s", data)
	}
	s.keys("Escape")
	time.Sleep(600 * time.Millisecond)
	s.keys("g")
	s.waitFor("▶ 1 ")
	s.keys("j", "j", "q") // one burst: Bubble Tea may read it as "jjq"
	deadline = time.Now().Add(10 * time.Second)
	for !s.dead() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !s.dead() {
		t.Fatalf("q did not quit:\n%s", s.screen())
	}
	doc = waitProject(t, proj, func(d *segments.Document) bool { return true })
	if doc.Cursor != 2 {
		t.Fatalf("cursor saved on %d, want 2 (after g j j q)", doc.Cursor)
	}
}

// TestE2ETwoProcesses: a second editor on an open project says so and can
// open read-only; a `trad confirm` while the editor is open reaches its
// screen with a message, and the editor's own confirm is not lost.
func TestE2ETwoProcesses(t *testing.T) {
	bin, art, env := e2eSetup(t)
	proj := segments.ProjectPath(art)
	s := startTmux(t, 120, 40, env, bin, art)
	s.waitFor("project: " + proj)
	s.keys("Enter")
	s.waitFor("enter confirm")
	s.text("Chips")
	s.keys("Enter")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[0].Status == segments.StatusTranslated })

	out, err := exec.Command(bin, "confirm", proj, "3", "Data centres use more and more power.").CombinedOutput()
	if err != nil {
		t.Fatalf("trad confirm: %v\n%s", err, out)
	}
	s.waitFor("1 segment updated by trad confirm")
	s.waitFor("Data centres use more and more power.")

	s2 := startTmux(t, 120, 40, env, bin, art)
	s2.waitFor("already open in trad edit")
	s2.text("r")
	s2.keys("Enter")
	// The header's mark, not the question's words: a q typed before the
	// editor takes the terminal would sit in the line being typed.
	s2.waitFor("· read-only")
	s2.keys("q")
	waitDead(t, s2)

	// Separate sends: esc followed at once by q reads as alt+q.
	s.keys("Escape")
	s.waitFor("enter/i edit")
	s.keys("q")
	// Ended before the test's folder is removed: a process still saving
	// or releasing its lock would race the clean-up.
	waitDead(t, s)
	doc := waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[2].Status == segments.StatusTranslated })
	if doc.Segments[0].Target != "Chips" || doc.Segments[2].Target != "Data centres use more and more power." {
		t.Fatalf("after both: %q / %q", doc.Segments[0].Target, doc.Segments[2].Target)
	}
}

// Issue 10 in the real editor: a second trad edit on an open project says
// so and, opened anyway, confirms a segment; the first editor, which never
// saw that segment, moves its cursor and quits (a save): both confirms are in the project,
// and the editor lock is gone once both have quit.
func TestE2ETwoEditorsKeepBothConfirms(t *testing.T) {
	bin, art, env := e2eSetup(t)
	proj := segments.ProjectPath(art)
	one := startTmux(t, 120, 40, env, bin, "edit", art)
	one.waitFor("project: " + proj)
	one.keys("Enter")
	one.waitFor("enter confirm")
	one.text("Chips by one.")
	one.keys("Enter")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[0].Status == segments.StatusTranslated })
	one.keys("Escape")
	one.waitFor("enter/i edit")

	two := startTmux(t, 120, 40, env, bin, "edit", art)
	two.waitFor("already open in trad edit (pid ")
	two.text("o")
	two.keys("Enter")
	two.waitFor("1/3 segments")
	two.keys("Enter") // the cursor resumed on segment 2
	two.waitFor("enter confirm")
	two.text("Report by two.")
	two.keys("Enter")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[1].Status == segments.StatusTranslated })
	two.waitFor("2/3 segments")
	two.keys("Escape")
	two.waitFor("enter/i edit")
	two.keys("q")
	waitDead(t, two)

	one.keys("k") // only moves the cursor: the quit still saves
	one.waitFor("▶ 1 ✓")
	one.keys("q")
	waitDead(t, one)
	doc, _, err := segments.Load(proj)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Segments[0].Target != "Chips by one." || doc.Segments[1].Target != "Report by two." {
		t.Errorf("after both quit: %q, %q", doc.Segments[0].Target, doc.Segments[1].Target)
	}
	if _, err := os.Stat(segments.EditorLockPath(proj)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("editor lock left behind: %v", err)
	}
}

func waitDead(t *testing.T, s *tmuxSession) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !s.dead() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !s.dead() {
		t.Fatalf("the editor did not quit:\n%s", s.screen())
	}
}
