package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
)

// isBusy tells SQLite's "database is locked" from other errors, wrapped
// or not.
func TestIsBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	holder, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, busy := other.ExecContext(ctx, "CREATE TABLE u (x)")
	if busy == nil {
		t.Fatal("a second writer was not refused")
	}
	_, missing := other.ExecContext(ctx, "SELECT nothing FROM nowhere")
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"locked", busy, true},
		{"locked, wrapped", fmt.Errorf("add briefing: %w", busy), true},
		{"no such table", missing, false},
		{"not SQLite's", errors.New("database is locked"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isBusy(tt.err); got != tt.want {
				t.Errorf("isBusy(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
