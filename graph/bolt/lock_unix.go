//go:build unix

package bolt

import (
	"os"
	"syscall"
)

// unlock releases bbolt's lock on f. Closing f is not enough after bbolt panicked inside
// Open: its memory map of the file keeps the lock.
func unlock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
