//go:build unix

package qa

import "syscall"

// cpuNanos returns the CPU time (user and system) the process has used. The
// benchmarks report it per op: on a shared machine wall time measures the
// neighbours too.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
