package knowledge

import (
	"runtime"
	"sync"
)

// A File is a briefing to parse: its name (as Parse takes it) and contents.
type File struct {
	Name string
	Data []byte
}

// ParseAll parses files concurrently, at most GOMAXPROCS at a time. The
// briefings and errors come back in the order of files: for each file,
// either a briefing or the error Parse gave for it.
func ParseAll(files []File) ([]*Briefing, []error) {
	briefings := make([]*Briefing, len(files))
	errs := make([]error, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				briefings[i], errs[i] = Parse(files[i].Name, files[i].Data)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return briefings, errs
}
