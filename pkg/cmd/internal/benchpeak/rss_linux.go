package main

import (
	"os"
	"syscall"
)

// peakRSS is the largest resident set size of the finished process (or of any of its own children): the
// kernel's ru_maxrss from wait4, in KiB on Linux.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}
