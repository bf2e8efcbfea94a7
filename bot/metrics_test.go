package bot

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func TestMetricsHealth(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	const limit = 60 * time.Second
	tests := []struct {
		name   string
		events func(m *Metrics, c *clock)
		want   string // "" for healthy, else in the reason
	}{
		{"never started", func(*Metrics, *clock) {}, ""},
		{"starting", func(m *Metrics, c *clock) { m.starting(); c.advance(limit) }, ""},
		{"slow start", func(m *Metrics, c *clock) { m.starting(); c.advance(limit + time.Second) }, "no gateway shard connected"},
		{"connected", func(m *Metrics, c *clock) { m.starting(); m.shardUp(0); c.advance(time.Hour) }, ""},
		{"down briefly", func(m *Metrics, c *clock) { m.shardUp(0); m.shardDown(0); c.advance(limit) }, ""},
		{"down too long", func(m *Metrics, c *clock) { m.shardUp(0); m.shardDown(0); c.advance(limit + time.Second) }, "shard 0 disconnected for 1m1s"},
		{"second drop keeps the first time", func(m *Metrics, c *clock) {
			m.shardUp(0)
			m.shardDown(0)
			c.advance(limit)
			m.shardDown(0)
			c.advance(2 * time.Second)
		}, "shard 0 disconnected for 1m2s"},
		{"back up", func(m *Metrics, c *clock) { m.shardUp(0); m.shardDown(0); c.advance(time.Hour); m.shardUp(0) }, ""},
		{"one of two down", func(m *Metrics, c *clock) {
			m.shardUp(0)
			m.shardUp(1)
			m.shardDown(1)
			c.advance(2 * limit)
		}, "shard 1 disconnected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMetrics(prometheus.NewRegistry())
			if err != nil {
				t.Fatal(err)
			}
			c := &clock{t: t0}
			m.now = c.now
			tt.events(m, c)
			err = m.health(limit)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("health = %v, want healthy", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("health = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestMetricsNilAndTwice(t *testing.T) {
	var m *Metrics // every hook is safe on nil
	m.LibrarySize("global", 1)
	m.Reloaded(errors.New("x"))
	m.StoreError("vote")
	m.observe(outcome{command: cmdAsk, result: resultAnswered, question: true}, time.Millisecond)
	m.starting()
	m.shardUp(0)
	m.shardDown(0)
	m.reconnected()
	reg := prometheus.NewRegistry()
	if _, err := NewMetrics(reg); err != nil {
		t.Fatal(err)
	}
	if _, err := NewMetrics(reg); err == nil {
		t.Error("registering the metrics twice on one registry succeeded")
	}
}
