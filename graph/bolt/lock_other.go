//go:build !unix

package bolt

import "os"

// unlock does nothing where bbolt locks the file by other means than flock; the lock lasts
// until the process ends.
func unlock(*os.File) {}
