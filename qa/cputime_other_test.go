//go:build !unix

package qa

func cpuNanos() int64 { return 0 }
