package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// serve runs Discord's HTTP interactions endpoint, with /healthz and
// /metrics on the same listener, until ctx is done, then finishes the
// requests in flight.
func serve(ctx context.Context, addr string, cfg config, lib *library, log *slog.Logger) error {
	key, err := parsePublicKey(cfg.publicKey)
	if err != nil {
		return err
	}
	metrics, err := newMetrics()
	if err != nil {
		return err
	}
	lib.observe(metrics)
	lib.watch(ctx)
	srv := &http.Server{
		Addr: addr,
		Handler: bot.NewInteractionsHandler(bot.InteractionsOptions{
			PublicKey: ed25519.PublicKey(key),
			Engines:   lib.engines,
			Library:   lib.lib,
			Feedback:  lib.feedback(),
			Metrics:   metrics,
			Log:       log,
			Token:     cfg.token,
			APIBase:   cfg.apiBase,
		}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	log.Info("serving interactions", "addr", ln.Addr().String(), "endpoint", "/interactions", "health", "/healthz", "metrics", "/metrics")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down %s: %w", addr, err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", addr, err)
	}
	log.Info("stopped serving interactions")
	return nil
}
