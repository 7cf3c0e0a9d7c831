//go:build !linux

package main

import "os"

// peakRSS is measured on Linux only (ru_maxrss has other units elsewhere, or does not exist).
func peakRSS(*os.ProcessState) int64 { return 0 }
