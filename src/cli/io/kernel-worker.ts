// The I/O kernel: a worker thread that owns the program's sockets, servers, UDP endpoints and child
// processes through Node's net, dgram and child_process, while the program's thread runs the
// synchronous event loop (see io-host.ts for the other side).
//
// Requests arrive as one message (an array) per loop wait. Completions of one kernel turn go back
// as one message, and the sleeping program is woken (a bit in the shared cell + Atomics.notify) at
// most once per turn, and only when it waits. Read buffers are transferred, not copied
// (kernel-core.ts). Each kind of object has its own file: connections (kernel-conns.ts) and their
// leases (kernel-leases.ts), servers (kernel-servers.ts), UDP (kernel-udp.ts), child processes
// (kernel-children.ts), signals (kernel-signals.ts) and standard input (kernel-stdin.ts); this one dispatches the requests.
//
// For the virtual clock, the kernel counts what is in flight: connects, listens, look-ups, spawns,
// unsent bytes, live child processes, standard input still open, and bytes or EOFs on their way between two of its own
// sockets (a client and a server of the same program). A waiting loop that asked for it gets
// `idle` when nothing is in flight: then no completion can come unless time passes.
import { lookup } from "node:dns";
import type { IoRequest } from "../../runtime/io-messages.js";
import type { HostRequest } from "./host-messages.js";
import { createChildren } from "./kernel-children.js";
import { ioError } from "./io-errors.js";
import { debug, emit, inFlight, maybeIdle, ops, owned, port, startBatch } from "./kernel-core.js";
import { setLeases } from "./kernel-leases.js";
import { conns, connect, connRequest, connsWriting, expectedAccepts, peerOf, startTls, write } from "./kernel-conns.js";
import { listen, pickPort, releasePort, reservedPorts, serverRequest } from "./kernel-servers.js";
import { closeUdp, sendto, udpConnect, udp, udpExpected } from "./kernel-udp.js";
import { setAlarm, watchSignal } from "./kernel-signals.js";
import { stdinMaySend, stdinRequest } from "./kernel-stdin.js";

const children = createChildren({
  emit,
  ioError,
  owned,
  opStarted: () => ops.pending++,
  opDone: () => ops.pending--,
});

// --- in flight, for the virtual clock -----------------------------------------------------------

inFlight.idle = () => {
  if (ops.pending > 0 || children.count > 0 || stdinMaySend()) return false;
  for (const c of conns.values()) {
    if (c.paused) continue;
    if (c.expectBytes > 0 || c.expectEof || (!c.socket.destroyed && c.socket.writableLength > 0)) return false;
    // A peer outside the program answers in real time: while it may still send, time must not jump.
    if (!c.eofSeen && peerOf(c) === null) return false;
  }
  for (const n of udpExpected.values()) if (n > 0) return false;
  return expectedAccepts.size === 0;
};

/**
 * No bytes, EOF, connection or datagram on its way between two of the program's own sockets: what
 * one of them sent has reached the other, as it has in CPython by the next select().
 */
inFlight.settled = () => {
  for (const c of conns.values()) {
    if (c.paused) continue;
    if (c.expectBytes > 0 || c.expectEof) return false;
    if (!c.socket.destroyed && c.socket.writableLength > 0) {
      const peer = peerOf(c);
      if (peer && !peer.paused) return false;
    }
  }
  for (const n of udpExpected.values()) if (n > 0) return false;
  return expectedAccepts.size === 0;
};

/** At exit: "flushed" once every connection and child's stdin has sent what it holds. */
function flushAll(): void {
  const check = () => {
    if (connsWriting() || children.writing()) setTimeout(check, 1);
    else emit({ ev: "flushed", id: 0 });
  };
  check();
}

// --- requests -------------------------------------------------------------------------------------

function handle(req: IoRequest | HostRequest): void {
  switch (req.op) {
    case "leases":
      setLeases(req.on);
      return;
    case "connect":
      if (reservedPorts.size > 0) releasePort(req.id);
      return connect(req);
    case "listen":
      return listen(req);
    case "bind":
      return pickPort(req.id, req.host);
    case "start_tls":
      return startTls(req);
    case "write":
      return write(req.id, req.data, req.confirm, req.partial);
    case "close":
      if (closeUdp(req.id)) return;
      if (reservedPorts.size > 0) releasePort(req.id);
      return connRequest(req);
    case "read_start":
    case "read_error":
    case "watch_drain":
    case "eof":
    case "abort":
    case "pause":
    case "resume":
      return connRequest(req);
    case "server_tls":
    case "server_close":
      return serverRequest(req);
    case "udp":
      return udp(req);
    case "sendto":
      return sendto(req);
    case "udp_connect":
      return udpConnect(req);
    case "spawn":
      return children.spawn(req);
    case "stdin_write":
      return children.stdin(req.id, req.data, req.fd);
    case "stdin_close":
      return children.stdin(req.id, null, req.fd);
    case "pipe_close":
      return children.closePipe(req.id, req.fd);
    case "pipe_pause":
      return children.pausePipe(req.id, req.fd, req.on);
    case "kill":
      return children.kill(req.id, req.signal);
    case "signal_watch":
      return watchSignal(req.signum, req.on);
    case "alarm":
      return setAlarm(req.seconds, req.interval);
    case "stdin_read":
      return stdinRequest(req);
    case "flush_all":
      return flushAll();
    case "lookup": {
      ops.pending++;
      lookup(req.host, { all: true }, (err, addresses) => {
        ops.pending--;
        if (err) emit({ ev: "error", id: req.id, error: ioError(err, "getaddrinfo") });
        else emit({ ev: "resolved", id: req.id, addresses: addresses.map((a) => ({ family: a.family === 6 ? 6 : 4, address: a.address })) });
      });
      return;
    }
  }
}

port.on("message", (msg: { seq: number; requests: (IoRequest | HostRequest)[] }) => {
  debug?.(`batch ${msg.seq}: ${msg.requests.length} requests`);
  startBatch(msg.seq);
  for (const req of msg.requests) {
    debug?.(`req ${req.op} ${"id" in req ? req.id : ""}`);
    handle(req);
  }
  // A quiet waiter must hear "idle" even when the requests produced nothing.
  maybeIdle();
});
