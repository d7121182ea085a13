//go:build !unix

package pipeline

import "os"

// processAlive: on Windows FindProcess opens the process and fails when
// there is none; elsewhere it may succeed for any PID, so a lock is then
// treated as held (the message says how to remove it).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
