package filelock

import (
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestLockExcludesAndReleases(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// A second lock on the same folder (another open file description, as
	// another process would have) must wait, then give up.
	start := time.Now()
	if _, err := Lock(dir, 50*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("second Lock while held: %v, want ErrTimeout", err)
	}
	if time.Since(start) < 50*time.Millisecond {
		t.Error("the second Lock did not wait")
	}
	done := make(chan error)
	go func() {
		u, err := Lock(dir, 5*time.Second)
		if err == nil {
			u()
		}
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	unlock()
	if err := <-done; err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	if _, err := Lock(dir+"/missing", time.Millisecond); err == nil || errors.Is(err, ErrTimeout) {
		t.Errorf("Lock on a missing folder: %v", err)
	}
}

func TestAlive(t *testing.T) {
	if !Alive(os.Getpid()) {
		t.Error("this process is not alive")
	}
	if Alive(0) || Alive(-1) {
		t.Error("pid 0 or -1 alive")
	}
	cmd := exec.Command("true")
	if err := cmd.Start(); err != nil {
		t.Skip("no `true` command:", err)
	}
	// Not waited for yet: a zombie once it exits, which is not alive (an
	// editor killed by SIGKILL whose parent has not reaped it).
	deadline := time.Now().Add(5 * time.Second)
	for Alive(cmd.Process.Pid) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if Alive(cmd.Process.Pid) {
		t.Errorf("pid %d of an exited, unreaped process is alive", cmd.Process.Pid)
	}
	_ = cmd.Wait()
	if Alive(cmd.Process.Pid) {
		t.Errorf("pid %d of a finished, reaped process is alive", cmd.Process.Pid)
	}
}
