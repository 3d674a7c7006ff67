// Package wasmcache decides whether and where go-graphviz may cache the
// native code it compiles from Graphviz's WebAssembly, and keeps that cache
// from breaking or subverting a render.
//
// The cache holds machine code that the process maps executable and jumps
// into, so it is trusted like the binary itself:
//
//   - It is used only when the user's cache root (os.UserCacheDir:
//     $XDG_CACHE_HOME or ~/.cache) and every level below it down to the
//     entries are directories owned by the effective user and not writable
//     by group or others. Each level is opened with O_NOFOLLOW and checked
//     with fstat on the open descriptor, so a symbolic link or a directory
//     swapped in after the check is not followed. Otherwise go-graphviz runs
//     without a cache and Open says why. Root running with another user's
//     $HOME (sudo -E, a shared CI workspace) would otherwise load code that
//     user planted: wazero's entries carry only a CRC of the code, which
//     anyone can recompute.
//   - Nothing is chmod-ed but the two directories claimgraph creates and owns
//     (claimgraph/ and claimgraph/go-graphviz/, made 0700).
//   - Every entry must match a checksum claimgraph wrote beside it when the
//     entry was made (entry.sum: length and CRC-32C of the whole file;
//     wazero's own CRC leaves the header and function offsets unchecked).
//     An entry that does not (truncated, empty, flipped bytes, a directory
//     in its place) is removed before wazero looks,
//     and Graphviz is compiled afresh. The checksum guards against accidents
//     (a full disk, a crash, a bad copy); against other users the ownership
//     rule does, and a program running as the same user can already run
//     code as that user.
//
// The patched go-graphviz (render/internal/graphviz, see its PATCHES.md)
// instantiates its module on first use and takes the directory from
// graphviz.SetCompilationCacheDir; render passes Cache.Dir there before its
// first call into go-graphviz and calls Seal or Discard afterwards.
package wasmcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

// Cache is a compilation-cache directory that passed the ownership checks.
type Cache struct {
	path string // for messages
	dir  string // what wazero is given: a path pinned to the checked directory where possible
	fd   int    // the checked go-graphviz directory, kept open for the process's life
}

// Dir is the directory to give go-graphviz.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Path is the cache directory's ordinary path.
func (c *Cache) Path() string {
	if c == nil {
		return ""
	}
	return c.path
}

// Open checks os.UserCacheDir()/claimgraph/go-graphviz, creating the two
// claimgraph levels (mode 0700) if needed, and removes entries that fail
// their checksum. It returns a nil Cache and an error saying why when no
// cache may be used; the error is advice, not a failure: go-graphviz runs
// without a cache.
func Open() (*Cache, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return nil, err
	}
	return OpenIn(base)
}

// OpenIn is Open with the cache root given, for tests.
func OpenIn(root string) (*Cache, error) {
	if !filepath.IsAbs(root) {
		return nil, fmt.Errorf("cache directory %q is not an absolute path", root)
	}
	euid := os.Geteuid()
	// The root may be missing (a fresh home): make it private. Its parents
	// are the user's business.
	if err := os.Mkdir(root, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return nil, err
	}
	fd, err := unix.Open(root, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, levelError(root, err)
	}
	if err := checkLevel(fd, root, euid); err != nil {
		unix.Close(fd)
		return nil, err
	}
	path := root
	for _, name := range []string{"claimgraph", "go-graphviz"} {
		path = filepath.Join(path, name)
		next, err := openOwnDir(fd, name, path, euid)
		unix.Close(fd)
		if err != nil {
			return nil, err
		}
		fd = next
	}
	c := &Cache{path: path, dir: path, fd: fd}
	// On Linux, /proc/self/fd/N names the directory checked above whatever
	// happens to the path later (a parent renamed by its owner).
	if pinned := fmt.Sprintf("/proc/self/fd/%d", fd); sameDir(pinned, fd) {
		c.dir = pinned
	}
	c.verify()
	return c, nil
}

// openOwnDir opens (creating it 0700 if missing) the directory name inside
// parent, one of claimgraph's own levels, and checks it. A level owned by
// the user is made 0700: everything inside is private.
func openOwnDir(parent int, name, path string, euid int) (int, error) {
	const flags = unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC
	fd, err := unix.Openat(parent, name, flags, 0)
	if errors.Is(err, unix.ENOENT) {
		if err := unix.Mkdirat(parent, name, 0o700); err != nil && !errors.Is(err, unix.EEXIST) {
			return -1, &os.PathError{Op: "mkdir", Path: path, Err: err}
		}
		fd, err = unix.Openat(parent, name, flags, 0)
	}
	if err != nil {
		return -1, levelError(path, err)
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return -1, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if int(st.Uid) != euid {
		unix.Close(fd)
		return -1, fmt.Errorf("%s is owned by uid %d, not by this user (uid %d)", path, st.Uid, euid)
	}
	if st.Mode&0o777 != 0o700 {
		if err := unix.Fchmod(fd, 0o700); err != nil {
			unix.Close(fd)
			return -1, &os.PathError{Op: "chmod", Path: path, Err: err}
		}
	}
	return fd, nil
}

// checkLevel refuses a directory that another user owns or may write to.
func checkLevel(fd int, path string, euid int) error {
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if int(st.Uid) != euid {
		return fmt.Errorf("%s is owned by uid %d, not by this user (uid %d)", path, st.Uid, euid)
	}
	if st.Mode&0o022 != 0 {
		return fmt.Errorf("%s is writable by group or others (mode %04o)", path, st.Mode&0o7777)
	}
	return nil
}

func levelError(path string, err error) error {
	if errors.Is(err, unix.ELOOP) || errors.Is(err, unix.ENOTDIR) {
		return fmt.Errorf("%s is a symbolic link or not a directory", path)
	}
	return &os.PathError{Op: "open", Path: path, Err: err}
}

func sameDir(path string, fd int) bool {
	var a, b unix.Stat_t
	return unix.Stat(path, &a) == nil && unix.Fstat(fd, &b) == nil && a.Dev == b.Dev && a.Ino == b.Ino
}

// verify removes whatever in the cache wazero should not read: version
// directories that are not private directories of ours, and entries
// without a matching checksum. wazero keeps entries in
// go-graphviz/wazero-VERSION-ARCH-OS/HEX (the key) and writes them by
// temporary file and rename.
func (c *Cache) verify() {
	subs, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	euid := os.Geteuid()
	for _, s := range subs {
		p := filepath.Join(c.dir, s.Name())
		if !s.IsDir() || !strings.HasPrefix(s.Name(), "wazero-") || !privateDir(p, euid) {
			os.RemoveAll(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			os.RemoveAll(p)
			continue
		}
		for _, e := range entries {
			name := e.Name()
			ep := filepath.Join(p, name)
			switch {
			case isKey(name):
				if !e.Type().IsRegular() || !matchesSum(ep) {
					os.RemoveAll(ep)
					os.RemoveAll(ep + ".sum")
				}
			case strings.HasSuffix(name, ".sum") && isKey(strings.TrimSuffix(name, ".sum")):
				if _, err := os.Lstat(strings.TrimSuffix(ep, ".sum")); err != nil {
					os.RemoveAll(ep) // a checksum without its entry
				}
			}
			// Anything else (wazero's and Seal's temporary files, perhaps
			// another process's in flight) is never read by wazero: left.
		}
	}
}

// privateDir reports whether p is a directory (not a link) owned by euid
// and not writable by group or others.
func privateDir(p string, euid int) bool {
	fd, err := unix.Open(p, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	return checkLevel(fd, p, euid) == nil
}

// Seal writes a checksum beside every entry that has none: entries wazero
// added during this run (any older unsealed entry was removed by Open).
func (c *Cache) Seal() {
	if c == nil {
		return
	}
	subs, _ := filepath.Glob(filepath.Join(c.dir, "wazero-*", "*"))
	for _, ep := range subs {
		if !isKey(filepath.Base(ep)) {
			continue
		}
		if _, err := os.Lstat(ep + ".sum"); err == nil {
			continue
		}
		sum, err := sumFile(ep)
		if err != nil {
			continue
		}
		writeSum(ep+".sum", sum)
	}
}

// Discard removes every entry: go-graphviz could not start from them.
func (c *Cache) Discard() {
	if c == nil {
		return
	}
	subs, _ := filepath.Glob(filepath.Join(c.dir, "wazero-*"))
	for _, p := range subs {
		os.RemoveAll(p)
	}
}

// isKey reports whether name looks like a wazero cache key: 64 hex digits.
func isKey(name string) bool {
	if len(name) != 64 {
		return false
	}
	for _, r := range name {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sumLen is the size of an entry.sum file: the entry's length (8 bytes,
// little-endian) and the CRC-32C of its bytes (4 bytes).
const sumLen = 12

func sumFile(p string) ([sumLen]byte, error) {
	var sum [sumLen]byte
	f, err := os.OpenFile(p, os.O_RDONLY|unix.O_NOFOLLOW, 0)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return sum, errors.New("not a regular file")
	}
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	if err != nil {
		return sum, err
	}
	binary.LittleEndian.PutUint64(sum[:8], uint64(n))
	binary.LittleEndian.PutUint32(sum[8:], h.Sum32())
	return sum, nil
}

func matchesSum(p string) bool {
	want, err := readSmall(p + ".sum")
	if err != nil || len(want) != sumLen {
		return false
	}
	got, err := sumFile(p)
	return err == nil && string(got[:]) == string(want)
}

func readSmall(p string) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|unix.O_NOFOLLOW, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, sumLen+1))
}

func writeSum(p string, sum [sumLen]byte) {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".sum*")
	if err != nil {
		return
	}
	_, err = tmp.Write(sum[:])
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
