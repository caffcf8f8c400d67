package segments

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/trad-project/trad/internal/safefile"
)

// RestoreBackup puts the previous version of a project back in place after
// Load reported it corrupted: the damaged file is kept beside it as
// path+".corrupt-YYYYMMDDThhmmss" (nothing is deleted), then path+".bak" is
// copied over path atomically. It returns the name the damaged file was
// given.
func RestoreBackup(path string) (string, error) {
	// Through a link, the backup is beside the target (safefile.Write).
	path, err := safefile.Resolve(path)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	unlock, err := lockProject(path)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	defer unlock()
	bak := path + ".bak"
	data, err := os.ReadFile(bak)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	if _, _, err := parseProject(bak, bytes.NewReader(data), int64(len(data))); err != nil {
		return "", fmt.Errorf("restore %s: the backup is damaged too: %w", path, err)
	}
	kept := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405")
	if err := os.Link(path, kept); err != nil {
		damaged, rerr := os.ReadFile(path)
		if rerr != nil {
			return "", fmt.Errorf("restore %s: keep the damaged file: %w", path, rerr)
		}
		if err := safefile.WriteFile(kept, damaged, safefile.Options{}); err != nil {
			return "", fmt.Errorf("restore %s: keep the damaged file: %w", path, err)
		}
	}
	if err := safefile.WriteFile(path, data, safefile.Options{}); err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	return kept, nil
}
