// Package outfile writes a command's output to the path the user named
// with -o, without destroying what is at that path.
//
// What happens depends on what the path is:
//
//   - a regular file, or nothing yet: the output is written to a temporary
//     file in the same directory and renamed over the path only when it is
//     complete, so a failure leaves the old file as it was and no partial
//     file behind. The new file keeps the old one's mode, and its owner and
//     group where the process may set them; a new path gets 0666 less the
//     umask, as any file a program creates. A file without write
//     permission (for this user, or for anyone: mode 0444 refuses even
//     root) is refused, not replaced.
//   - a symbolic link: it is followed, and its target is replaced as above
//     (created, when the link dangles); the link stays.
//   - anything else (a character device such as /dev/null, a FIFO, a
//     socket, /dev/stdout and the other /proc/self/fd links): written in
//     place, opened for writing without creating or renaming anything.
//     Replacing /dev/null by a regular file, or a FIFO its reader waits on,
//     is what this package exists to prevent.
//
// The temporary file is made on the first write, so a slow command (a
// render) has no file on disk until its bytes are ready. RemovePending
// deletes the temporary files of writes under way, for a signal handler.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// Write sends what write produces to path by the rules in the package
// comment. Errors of write itself are returned as they are; errors of the
// file system are wrapped as "write PATH: ...".
func Write(path string, write func(io.Writer) error) error {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return fmt.Errorf("write %s: is a directory", path)
	case err == nil && !fi.Mode().IsRegular():
		return writeInPlace(path, os.O_WRONLY, write)
	case err == nil:
		target, magic, err := followLinks(path)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		if magic {
			// /dev/stdout redirected to a file: write where the shell
			// opened it, appending as the descriptor would.
			return writeInPlace(path, os.O_WRONLY|os.O_APPEND, write)
		}
		tfi, err := os.Lstat(target)
		if err != nil || !os.SameFile(fi, tfi) {
			return fmt.Errorf("write %s: the file changed while it was being resolved", path)
		}
		return replace(path, target, tfi, write)
	case errors.Is(err, fs.ErrNotExist):
		// Nothing there, or a link to nothing: create its target.
		target, _, err := followLinks(path)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return replace(path, target, nil, write)
	default:
		return fmt.Errorf("write %s: %w", path, err)
	}
}

// maxLinks is how many symbolic links followLinks follows, as Linux does.
const maxLinks = 40

// followLinks resolves the symbolic links at the end of path (those in
// directories on the way the kernel resolves when the file is created).
// magic reports a link into /proc, such as /dev/stdout → /proc/self/fd/1,
// whose target names an open file rather than a path to replace.
func followLinks(path string) (target string, magic bool, err error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, false, nil
		}
		if err != nil {
			return "", false, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, false, nil
		}
		t, err := os.Readlink(p)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(p), t)
		}
		if strings.HasPrefix(filepath.Clean(t), "/proc/") {
			return "", true, nil
		}
		p = t
	}
	return "", false, syscall.ELOOP
}

// writeInPlace writes to what is at path, creating nothing.
func writeInPlace(path string, flag int, write func(io.Writer) error) (err error) {
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write %s: %w", path, cerr)
		}
	}()
	return write(f)
}

// replace writes target atomically; old describes the file there, nil for
// none. path is what the user named, for messages.
func replace(path, target string, old os.FileInfo, write func(io.Writer) error) (err error) {
	if old != nil {
		if err := checkWritable(target, old); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	t := &lazyTemp{dir: filepath.Dir(target), base: filepath.Base(target), old: old}
	defer func() {
		if err != nil {
			t.discard()
		}
	}()
	if err := write(t); err != nil {
		if t.err != nil && errors.Is(err, t.err) {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return err
	}
	if err := t.commit(target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// checkWritable refuses to replace a file the user could not write to:
// replacing works through the directory, and would otherwise get around
// the file's own protection. Mode 0444 means "do not change" even for
// root, whom access(2) lets write anything.
func checkWritable(target string, old os.FileInfo) error {
	if old.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%w: the file is read-only (mode %04o)", fs.ErrPermission, old.Mode().Perm())
	}
	if err := unix.Access(target, unix.W_OK); err != nil {
		return fmt.Errorf("%w: not writable by this user", fs.ErrPermission)
	}
	return nil
}

// lazyTemp is the temporary file, made on the first write.
type lazyTemp struct {
	dir, base string
	old       os.FileInfo
	f         *os.File
	err       error // the error that made the file unusable, if any
}

func (t *lazyTemp) Write(p []byte) (int, error) {
	if t.f == nil && t.err == nil {
		t.f, t.err = t.create()
	}
	if t.err != nil {
		return 0, t.err
	}
	return t.f.Write(p)
}

// create makes the temporary file, with the old file's mode and owner when
// there is one. Its name stays within NAME_MAX (255 bytes): the base name
// is shortened if need be.
func (t *lazyTemp) create() (*os.File, error) {
	f, err := pending.create(t.dir, tempPrefix(t.base))
	if err != nil {
		return nil, err
	}
	if t.old != nil {
		if st, ok := t.old.Sys().(*syscall.Stat_t); ok {
			// Owner and group where permitted (root; or a group the user is
			// in): failing that, the file is the user's, as a copy would be.
			if f.Chown(int(st.Uid), int(st.Gid)) != nil {
				f.Chown(-1, int(st.Gid))
			}
			err = f.Chmod(fs.FileMode(st.Mode & 0o777))
			if st.Mode&(unix.S_ISUID|unix.S_ISGID|unix.S_ISVTX) != 0 && err == nil {
				err = unix.Fchmod(int(f.Fd()), st.Mode&0o7777)
			}
		} else {
			err = f.Chmod(t.old.Mode().Perm())
		}
		if err != nil {
			pending.remove(f.Name())
			f.Close()
			os.Remove(f.Name())
			return nil, err
		}
	}
	return f, nil
}

// maxPrefix keeps ".BASE.tmp" plus a 10-digit suffix within NAME_MAX.
const maxPrefix = 255 - 10

func tempPrefix(base string) string {
	const dot, suffix = ".", ".tmp"
	if max := maxPrefix - len(dot) - len(suffix); len(base) > max {
		base = base[:max]
		for !utf8.ValidString(base) {
			base = base[:len(base)-1]
		}
	}
	return dot + base + suffix
}

// commit closes the temporary file and renames it over target. An empty
// output still replaces the file: it is what the command wrote.
func (t *lazyTemp) commit(target string) error {
	if t.f == nil {
		if _, err := t.Write(nil); err != nil {
			return err
		}
	}
	name := t.f.Name()
	if err := t.f.Close(); err != nil {
		return err
	}
	t.f = nil
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		pending.remove(name)
		return err
	}
	pending.remove(name)
	return nil
}

func (t *lazyTemp) discard() {
	if t.f != nil {
		t.f.Close()
		os.Remove(t.f.Name())
		pending.remove(t.f.Name())
		t.f = nil
	}
}

// RemovePending deletes the temporary files of writes under way and makes
// later writes fail: main calls it on a signal, just before exiting, so that
// a killed render leaves no ".briefing.svg.tmp123" behind.
func RemovePending() { pending.removeAll() }

var pending = &fileSet{m: map[string]bool{}}

// fileSet holds the temporary files in existence. A file is created and
// registered under the lock, so a signal cannot come between the two.
type fileSet struct {
	mu     sync.Mutex
	m      map[string]bool
	closed bool
}

var errClosed = errors.New("interrupted")

func (s *fileSet) create(dir, prefix string) (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed
	}
	for range 10000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		// 0666: the kernel applies the umask, as for any new file.
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		s.m[name] = true
		return f, nil
	}
	return nil, errors.New("no free temporary file name")
}

func (s *fileSet) remove(name string) { s.mu.Lock(); delete(s.m, name); s.mu.Unlock() }

func (s *fileSet) removeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for name := range s.m {
		os.Remove(name)
	}
}

// count is the number of registered temporary files, for tests.
func (s *fileSet) count() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.m) }
