//go:build unix

package pipeline

import (
	"errors"
	"syscall"
)

// processAlive: signal 0 checks that a process exists without touching it;
// EPERM means it exists but belongs to another user.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
