package library

import (
	"container/list"
	"context"
	"errors"
	"testing"
	"time"
)

// A build whose caller gives up (its context is cancelled) does not fail
// the callers waiting on it: one of them builds again.
func TestBuildCancelledByFirstCaller(t *testing.T) {
	l := &Library{engines: map[string]*list.Element{}, lru: list.New()}
	started := make(chan struct{})
	first, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := l.cachedOrBuild(first, "k", func(ctx context.Context) (*served, error) {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		})
		errc <- err
	}()
	<-started
	waited := make(chan *served, 1)
	go func() {
		s, err := l.cachedOrBuild(context.Background(), "k", func(context.Context) (*served, error) {
			return &served{stamp: "second"}, nil
		})
		if err != nil {
			t.Errorf("waiting caller: %v", err)
		}
		waited <- s
	}()
	time.Sleep(10 * time.Millisecond) // let the second caller wait on the first build
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("first caller: %v, want context.Canceled", err)
	}
	if s := <-waited; s == nil || s.stamp != "second" {
		t.Errorf("waiting caller got %+v, want the engine it built itself", s)
	}
}
