// Command civic-ferretdb runs FerretDB, a MongoDB-wire-protocol server, for
// development and tests on machines where MongoDB binaries cannot be downloaded.
//
// It uses FerretDB's embeddable package because FerretDB's own cmd/ferretdb
// panics when built outside its repository (build/version/version.txt is
// generated there).
//
// Known FerretDB 1.24 limits that callers must design around: no partial
// indexes, no transactions, $group supports only $sum/$count (a second $sum in
// the same $group silently returns 0), no $lookup/$facet/$avg/$min/$push.
// Conditional writes are not atomic in FerretDB itself; see serveSerialized.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// readyTimeout bounds how long we wait for FerretDB to accept connections.
const readyTimeout = 10 * time.Second

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "civic-ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "", "TCP address to listen on, host:port (required)")
	sqliteDir := flag.String("sqlite-dir", "", "absolute directory for SQLite databases, created if missing")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL, e.g. postgres://127.0.0.1:5432/ferretdb")
	logLevel := flag.String("log-level", "error", "error|warn|info|debug")
	flag.Parse()

	config, err := configFromFlags(*listen, *sqliteDir, *postgresqlURL, *logLevel)
	if err != nil {
		return err
	}

	// FerretDB itself listens on a private Unix socket; clients reach it
	// through serveSerialized on the TCP address.
	socketDir, err := os.MkdirTemp("", "civic-ferretdb-")
	if err != nil {
		return fmt.Errorf("creating socket directory: %w", err)
	}
	defer os.RemoveAll(socketDir)
	socket := filepath.Join(socketDir, "ferretdb.sock")
	config.Listener = ferretdb.ListenerConfig{Unix: socket}

	f, err := ferretdb.New(config)
	if err != nil {
		return fmt.Errorf("starting FerretDB: %w", err)
	}

	front, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *listen, err)
	}

	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()

	ferretdbDone := make(chan struct{})
	go func() {
		// Run only returns after its listener, connections and backend are closed.
		_ = f.Run(ctx)
		close(ferretdbDone)
	}()

	if err := waitUntilAccepting(ctx, socket, ferretdbDone); err != nil {
		front.Close()
		if ctx.Err() != nil {
			// A signal during startup is a requested stop, not a failure.
			<-ferretdbDone
			return nil
		}
		return err
	}

	proxyDone := make(chan struct{})
	go func() {
		serveSerialized(ctx, front, socket, config.Logger)
		close(proxyDone)
	}()

	// The parent process waits for exactly this line; it must be the only stdout output.
	fmt.Printf("listening on %s\n", *listen)

	select {
	case <-ctx.Done():
	case <-ferretdbDone:
		return errors.New("FerretDB stopped unexpectedly")
	}

	// Restore default signal handling so a second Ctrl-C kills a hung shutdown.
	stopSignals()
	<-proxyDone
	<-ferretdbDone
	return nil
}

func configFromFlags(listen, sqliteDir, postgresqlURL, logLevel string) (*ferretdb.Config, error) {
	if flag.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %q", flag.Args())
	}

	if listen == "" {
		return nil, errors.New("-listen is required")
	}
	if _, port, err := net.SplitHostPort(listen); err != nil || port == "0" {
		// Port 0 is rejected because the caller connects to the address it gave.
		return nil, fmt.Errorf("-listen must be host:port with a fixed port, got %q", listen)
	}

	levels := map[string]slog.Level{
		"error": slog.LevelError,
		"warn":  slog.LevelWarn,
		"info":  slog.LevelInfo,
		"debug": slog.LevelDebug,
	}
	level, ok := levels[logLevel]
	if !ok {
		return nil, fmt.Errorf("-log-level must be error, warn, info or debug, got %q", logLevel)
	}

	config := &ferretdb.Config{
		// Logs go to stderr so stdout carries only the readiness line. FerretDB logs
		// normal client behaviour at WARN, hence the ERROR default.
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
	}

	switch {
	case (sqliteDir == "") == (postgresqlURL == ""):
		return nil, errors.New("exactly one of -sqlite-dir or -postgresql-url is required")

	case postgresqlURL != "":
		config.Handler = "postgresql"
		config.PostgreSQLURL = postgresqlURL

	default:
		if !filepath.IsAbs(sqliteDir) {
			return nil, fmt.Errorf("-sqlite-dir must be absolute, got %q", sqliteDir)
		}
		if err := os.MkdirAll(sqliteDir, 0o755); err != nil {
			return nil, fmt.Errorf("creating -sqlite-dir: %w", err)
		}
		config.Handler = "sqlite"
		// FerretDB requires a file: URI naming a directory, with a trailing slash.
		dirURL := url.URL{Scheme: "file", Path: filepath.ToSlash(sqliteDir) + "/", OmitHost: true}
		config.SQLiteURL = dirURL.String()
	}

	return config, nil
}

// waitUntilAccepting dials FerretDB's socket until it accepts a connection, so
// the readiness line is only printed once clients can really be served.
func waitUntilAccepting(ctx context.Context, socket string, done <-chan struct{}) error {
	deadline := time.Now().Add(readyTimeout)

	for {
		conn, err := net.DialTimeout("unix", socket, time.Second)
		if err == nil {
			return conn.Close()
		}

		if time.Now().After(deadline) {
			return fmt.Errorf("FerretDB did not accept connections within %s: %w", readyTimeout, err)
		}

		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-done:
			return errors.New("FerretDB stopped before it was ready")
		case <-time.After(50 * time.Millisecond):
		}
	}
}
