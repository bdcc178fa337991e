package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

const (
	// Wire protocol framing: every message starts with a 16-byte header whose
	// first int32 (little-endian) is the whole message's length. 48 MB is the
	// maxMessageSizeBytes FerretDB advertises.
	headerLen     = 16
	maxMessageLen = 48_000_000
)

// serveSerialized relays client connections to FerretDB, letting one request
// at a time through across all connections.
//
// Why: FerretDB 1.24 runs findAndModify and filtered update/delete as a read
// followed by a separate write by _id, with nothing in between to stop another
// connection. Measured over 40 rounds of 20 concurrent
// findOneAndUpdate({n: {$lt: 3}}, {$inc: {n: 1}}) on SQLite: 8 to 20 calls
// reported success instead of 3, and n ended at 1 or 2 in 34 rounds. With
// requests serialized, every round gave exactly 3 and n = 3, as on MongoDB. The cost is no parallelism between requests (fine for
// development and tests); a getMore on a tailable awaitData cursor holds
// everyone up for its maxTimeMS.
//
// FerretDB 1.24 answers every request with exactly one reply (it supports
// neither exhaust cursors nor moreToCome), which is what makes relaying
// request/reply pairs correct.
func serveSerialized(ctx context.Context, front net.Listener, socket string, logger *slog.Logger) {
	stop := context.AfterFunc(ctx, func() { front.Close() })
	defer stop()

	var turn sync.Mutex
	var connections sync.WaitGroup
	defer connections.Wait()

	for {
		client, err := front.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			// Transient failures such as running out of file descriptors.
			logger.Error("accepting a connection failed", slog.String("error", err.Error()))
			time.Sleep(100 * time.Millisecond)
			continue
		}

		connections.Add(1)
		go func() {
			defer connections.Done()
			relay(ctx, client, socket, &turn, logger)
		}()
	}
}

// relay carries one client connection's requests to its own FerretDB connection.
func relay(ctx context.Context, client net.Conn, socket string, turn *sync.Mutex, logger *slog.Logger) {
	defer client.Close()

	backend, err := net.Dial("unix", socket)
	if err != nil {
		logger.Error("connecting to FerretDB failed", slog.String("error", err.Error()))
		return
	}
	defer backend.Close()

	// Closing both ends unblocks any read in progress when we shut down.
	stop := context.AfterFunc(ctx, func() {
		client.Close()
		backend.Close()
	})
	defer stop()

	clientReader := bufio.NewReader(client)
	backendReader := bufio.NewReader(backend)

	for {
		// Read and write errors only mean that a side hung up (FerretDB logs its own).
		request, err := readMessage(clientReader)
		if err != nil {
			return
		}

		reply, err := roundTrip(turn, backend, backendReader, request)
		if err != nil {
			return
		}

		if _, err := client.Write(reply); err != nil {
			return
		}
	}
}

// roundTrip sends one request and reads its reply, holding the turn unless the
// request is a handshake or heartbeat.
func roundTrip(turn *sync.Mutex, backend net.Conn, backendReader *bufio.Reader, request []byte) ([]byte, error) {
	if !isHeartbeat(request) {
		turn.Lock()
		defer turn.Unlock()
	}

	if _, err := backend.Write(request); err != nil {
		return nil, err
	}
	return readMessage(backendReader)
}

const (
	opQuery = 2004
	opMsg   = 2013
)

// isHeartbeat tells whether a request is a driver's handshake or server
// monitoring (hello, isMaster, ping). Those touch no data, so they skip the
// turn: a long request (an index build over a million documents) must not hold
// up the heartbeats, or the driver gives the server up for dead. OP_QUERY only
// carries the legacy handshake; an OP_MSG names its command first in its body.
func isHeartbeat(message []byte) bool {
	switch binary.LittleEndian.Uint32(message[12:16]) {
	case opQuery:
		return true
	case opMsg:
		// header, flagBits, section kind 0, document length, first element's type
		const nameAt = headerLen + 4 + 1 + 4 + 1
		if len(message) <= nameAt || message[headerLen+4] != 0 {
			return false
		}
		end := nameAt
		for end < len(message) && message[end] != 0 {
			end++
		}
		switch string(message[nameAt:end]) {
		case "hello", "isMaster", "ismaster", "ping":
			return true
		}
	}
	return false
}

// readMessage reads one complete wire protocol message.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var length [4]byte
	if _, err := io.ReadFull(r, length[:]); err != nil {
		return nil, err
	}

	n := binary.LittleEndian.Uint32(length[:])
	if n < headerLen || n > maxMessageLen {
		return nil, fmt.Errorf("invalid message length %d", n)
	}

	message := make([]byte, n)
	copy(message, length[:])
	if _, err := io.ReadFull(r, message[len(length):]); err != nil {
		return nil, err
	}
	return message, nil
}
