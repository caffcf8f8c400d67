// Package safefile replaces files so that no reader ever sees a partial file
// and a crash at any moment leaves either the old or the new content.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Options tune Write.
type Options struct {
	// Backup keeps the previous content as path+".bak" (a hard link, or an
	// atomic copy where links are not possible).
	Backup bool
	// Perm is the mode of a new file (0o644 when zero); an existing file keeps
	// its own mode.
	Perm fs.FileMode
}

// Write replaces path with what write produces: it writes a temporary file in
// the same folder, syncs it, renames it over path and syncs the folder. On
// any error path is left untouched and the temporary file is removed. When
// path is a symbolic link, the file it points to is replaced (and its .bak
// kept beside it): the link stays a link.
func Write(path string, write func(io.Writer) error, opt Options) (err error) {
	path, err = Resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	perm := opt.Perm
	if perm == 0 {
		perm = 0o644
	}
	fi, statErr := os.Stat(path)
	switch {
	case statErr == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", path)
	case statErr == nil:
		perm = fi.Mode().Perm()
	case !errors.Is(statErr, fs.ErrNotExist):
		return statErr
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if opt.Backup && statErr == nil {
		if err = backup(path, path+".bak", perm); err != nil {
			return fmt.Errorf("keep previous version: %w", err)
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// maxLinks bounds the links Resolve follows, as the kernel does (ELOOP).
const maxLinks = 40

// Resolve returns the file path names once symbolic links are followed:
// path itself when it is not a link or does not exist. A dangling link
// resolves to the missing file it points to, so that writing through it
// creates that file instead of replacing the link.
func Resolve(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return path, nil
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink == 0:
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// WriteFile is Write with the content in memory.
func WriteFile(path string, data []byte, opt Options) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, opt)
}

// backup makes bak a copy of path: a hard link when the file system allows
// it, else an atomic copy. path itself is never moved, so it exists at every
// moment of a save.
func backup(path, bak string, perm fs.FileMode) error {
	if err := os.Remove(bak); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Link(path, bak); err == nil {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return WriteFile(bak, data, Options{Perm: perm})
}

// syncDir fsyncs a folder so that a rename in it is durable. Systems that
// cannot fsync a folder (EINVAL, Windows) are not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !strings.Contains(err.Error(), "invalid argument") {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}
