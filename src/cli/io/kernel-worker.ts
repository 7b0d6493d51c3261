// The I/O kernel: a worker thread that owns the program's sockets, servers, UDP endpoints and child
// processes through Node's net, dgram and child_process, while the program's thread runs the
// synchronous event loop (see io-host.ts for the other side).
//
// Requests arrive as one message (an array) per loop wait. Completions of one kernel turn go back
// as one message, and the sleeping program is woken (a bit in the shared cell + Atomics.notify) at
// most once per turn, and only when it waits. Read buffers are transferred, not copied.
//
// For the virtual clock, the kernel counts what is in flight: connects, listens, look-ups, spawns,
// unsent bytes, live child processes, and bytes or EOFs on their way between two of its own
// sockets (a client and a server of the same program). A waiting loop that asked for it gets
// `idle` when nothing is in flight: then no completion can come unless time passes.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { lookup } from "node:dns";
import { workerData, type MessagePort } from "node:worker_threads";
import { linkSync, renameSync, rmSync, writeSync } from "node:fs";
import type { Address, IoCompletion, IoError, IoRequest, TlsOptions } from "../../runtime/io-messages.js";
import { IO_FLAG, WAITING, QUIET, SETTLE } from "./cell.js";
import { TLSSocket } from "node:tls";
import { tlsConnect, tlsError, tlsInfo, tlsServer, tlsUpgrade, verifyPeer } from "./tls.js";
import { DONE, GEN, LEASE_SLOTS, LEASE_WORDS, OPEN, REVOKED, WRITING } from "./leases.js";
import type { DirectWrite } from "../../runtime/io-messages.js";
import type { HostCompletion, HostRequest } from "./host-messages.js";
import { createChildren } from "./kernel-children.js";
import { ioError } from "./io-errors.js";

const port = workerData.port as MessagePort;
const cell = new Int32Array(workerData.shared as SharedArrayBuffer);
const leaseTable = new Int32Array(workerData.leases as SharedArrayBuffer);

// --- the outbox: one batch per turn -------------------------------------------------------------

let outbox: (IoCompletion | HostCompletion)[] = [];
let transfers: ArrayBuffer[] = [];
let flushQueued = false;

const debug = process.env.TSYNCIO_IO_DEBUG ? (msg: string) => writeSync(2, `[kernel] ${msg}\n`) : null;

function emit(c: IoCompletion | HostCompletion, transfer?: ArrayBuffer): void {
  debug?.(`emit ${c.ev} ${c.id}${"fd" in c ? " fd " + c.fd : ""}${"lease" in c && c.lease ? " lease" : ""}`);
  outbox.push(c);
  if (transfer) transfers.push(transfer);
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

/** Nothing in flight: a virtual-clock wait may jump. */
function idle(): boolean {
  if (pendingOps > 0 || children.count > 0) return false;
  for (const c of conns.values()) {
    if (c.paused) continue;
    if (c.expectBytes > 0 || c.expectEof || (!c.socket.destroyed && c.socket.writableLength > 0)) return false;
    // A peer outside the program answers in real time: while it may still send, time must not jump.
    if (!c.eofSeen && peerOf(c) === null) return false;
  }
  for (const n of udpExpected.values()) if (n > 0) return false;
  return expectedAccepts.size === 0;
}

/**
 * No bytes, EOF, connection or datagram on its way between two of the program's own sockets: what
 * one of them sent has reached the other, as it has in CPython by the next select().
 */
function settled(): boolean {
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
}

let idleSent = false;
let settledSent = false;

function flush(): void {
  flushQueued = false;
  const quiet = Atomics.load(cell, QUIET) === 1;
  const settle = Atomics.load(cell, SETTLE) === 1;
  if (outbox.length === 0) {
    // A virtual-clock wait learns that nothing more will come by itself, or that its own bytes have landed.
    const sayIdle = quiet && !idleSent && idle();
    const saySettled = settle && !settledSent && settled();
    if (!sayIdle && !saySettled) return;
    idleSent ||= sayIdle;
    settledSent ||= saySettled;
    port.postMessage({ idle: sayIdle ? batchSeq : -1, settled: saySettled ? batchSeq : -1, completions: [] });
  } else {
    const batch = outbox;
    const moved = transfers;
    outbox = [];
    transfers = [];
    idleSent = false;
    settledSent = settle && settled();
    port.postMessage({ idle: quiet && idle() ? batchSeq : -1, settled: settledSent ? batchSeq : -1, completions: batch }, moved);
  }
  if (Atomics.load(cell, WAITING) === 1) {
    Atomics.or(cell, 0, IO_FLAG);
    Atomics.notify(cell, 0);
  }
}

/** After any state change that may make the kernel idle, a quiet waiter must hear of it. */
function maybeIdle(): void {
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
}

// --- errors and addresses -----------------------------------------------------------------------

function addr(host: string | undefined, portNo: number | undefined, family: string | number | undefined): Address {
  const h = host ?? "";
  if (family === "IPv6" || family === 6 || h.includes(":")) return [h, portNo ?? 0, 0, 0];
  return [h, portNo ?? 0];
}

// --- connections --------------------------------------------------------------------------------

interface Conn {
  id: number;
  socket: Socket;
  paused: boolean;
  /** Bytes another of our sockets wrote to this one that have not arrived yet. */
  expectBytes: number;
  /** Another of our sockets ended its side; this one has not seen the EOF yet. */
  expectEof: boolean;
  /** This side has read the peer's EOF. */
  eofSeen: boolean;
  drainLow: number | null;
  closing: boolean;
  /** Stops listening to the socket (start_tls hands it to a TLS socket). */
  detach(): void;
  /** "local remote" (address and port each) of a TCP connection, and of its other end (null: not TCP). */
  key: string | null;
  peerKey: string | null;
  /** The program's direct-write lease (leases.ts), -1 for none. */
  slot: number;
  /** What the program needs to write directly ("connected"/"accepted" carry it). */
  lease?: DirectWrite;
  /** The program's thread reads the descriptor itself (a read lease); libuv does not read it. */
  programReads: boolean;
  /** Bytes handed to the program in "data" completions (compared with what its protocol took). */
  emitted: number;
  /** Closed over data the program never read: the connection ends with a reset, not a FIN. */
  resetOnClose: boolean;
  /**
   * A plain TCP socket, the only kind that can send a reset. (A TLS connection's unread bytes are
   * the TLS layer's, which CPython has read off the socket; a Unix socket's peer would need the
   * operating system's own unread bytes, which libuv has read.)
   */
  resettable: boolean;
}

// --- direct writes from the program's thread (leases.ts) -----------------------------------------

/** Off under the virtual clock (the "leases" request): the kernel must see every byte. */
let leasesOn = true;

const freeSlots: number[] = [];
for (let i = LEASE_SLOTS - 1; i >= 0; i--) freeSlots.push(i);

/** Opens a lease on a plain socket's descriptor (none for TLS, or when the table is full). */
function grantLease(c: Conn): void {
  if (!leasesOn) return;
  const fd = (c.socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if ((c.socket as { encrypted?: boolean }).encrypted || typeof fd !== "number" || fd < 0 || freeSlots.length === 0) return;
  const slot = freeSlots.pop()!;
  const at = slot * LEASE_WORDS;
  const gen = (Atomics.load(leaseTable, at + GEN) + 1) | 0;
  Atomics.store(leaseTable, at + GEN, gen);
  Atomics.store(leaseTable, at + DONE, 0);
  Atomics.store(leaseTable, at, OPEN);
  c.slot = slot;
  c.lease = { fd, slot, gen };
  // Every way Node closes the socket's handle goes through _destroy: revoke first.
  const socket = c.socket as unknown as { _destroy(err: Error | null, cb: (e: Error | null) => void): void };
  const destroy = socket._destroy;
  socket._destroy = function (this: unknown, err, cb) {
    revokeLease(c);
    return destroy.call(this, err, cb);
  };
}

/** After this the program no longer writes the descriptor (it waits out a write in progress). */
function revokeLease(c: Conn): void {
  if (c.slot < 0) return;
  const at = c.slot * LEASE_WORDS;
  // WRITING lasts one non-blocking write(2) on the program's thread.
  while (Atomics.compareExchange(leaseTable, at, OPEN, REVOKED) === WRITING);
  freeSlots.push(c.slot);
  c.slot = -1;
}

/** One write handed to the kernel has completed (the program counts them to keep order). */
function writeDone(c: Conn): void {
  if (c.slot >= 0) Atomics.add(leaseTable, c.slot * LEASE_WORDS + DONE, 1);
}

// --- read leases: the program's thread reads a socket whose other end is ours too ----------------
//
// When both ends of a TCP connection are the program's own plain sockets, the program knows every
// byte and EOF that can reach either end (it wrote them), so it can read them itself, without a
// hand-off to this thread. Such a socket's reading is stopped here ("read_lease" after whatever
// was already read here); the program gives it back ("read_start") before it blocks while bytes
// it cannot read yet are still on their way, and gets it again with the next bytes read here.

type Handle = { reading: boolean; readStart(): number; readStop(): number };
const handleOf = (c: Conn) => (c.socket as unknown as { _handle?: Handle | null })._handle ?? null;

/** Stops libuv reading `c` and tells the program (after any data already emitted for it). */
function lendReading(c: Conn, id: number, peerId: number): void {
  const h = handleOf(c);
  // Bytes or an EOF Node has read but not yet handed out go first (lent at a later "data").
  const buffered = c.socket.readableLength > 0 || (c.socket as unknown as { _readableState: { ended: boolean } })._readableState.ended;
  if (h === null || c.programReads || buffered) return;
  c.programReads = true;
  h.reading = false;
  h.readStop();
  emit({ ev: "read_lease", id, peer: peerId });
}

/** libuv reads `c` again (the program gave it back, or the socket is handed to TLS). */
function takeReading(c: Conn): void {
  if (!c.programReads) return;
  c.programReads = false;
  const h = handleOf(c);
  if (h === null || c.socket.destroyed || h.reading || c.socket.isPaused()) return;
  h.reading = true;
  h.readStart();
}

/** Both ends known, plain, leased and still open: the program may read them itself. */
function mayLendReading(c: Conn): boolean {
  return leasesOn && c.slot >= 0 && !c.paused && !c.closing && !c.eofSeen && !c.socket.destroyed;
}

/**
 * The program's thread, reading the other end itself, learns when this end's FIN is out (CPython
 * shuts a socket down at once; here it waits for the bytes queued before it).
 */
function reportShutdown(c: Conn): void {
  if (leasesOn && c.slot >= 0) c.socket.once("finish", () => emit({ ev: "shut", id: c.id }));
}

/** Once the second end of one of the program's own connections is adopted: lend both. */
function offerReadLeases(id: number, c: Conn): void {
  const peer = peerOf(c);
  if (peer === null || !mayLendReading(c) || !mayLendReading(peer)) return;
  lendReading(c, id, peer.id);
  lendReading(peer, peer.id, id);
}

const conns = new Map<number, Conn>();
const servers = new Map<number, Server>();
/** Local ports of clients connected to one of our servers whose accept has not been seen yet. */
const expectedAccepts = new Set<number>();
/** Remote ports accepted before their client's connect was seen. */
const earlyAccepts = new Set<number>();
let pendingOps = 0;

/** TCP connections by "local remote" endpoints, so that a peer of ours is one look-up away. */
const byPorts = new Map<string, Conn>();

/** The connection of ours at the other end of `c`, when both ends are in this process. */
function peerOf(c: Conn): Conn | null {
  if (c.peerKey === null) return null;
  const other = byPorts.get(c.peerKey);
  return other === undefined || other === c ? null : other;
}

function ourServerPort(portNo: number): boolean {
  for (const srv of servers.values()) {
    const a = srv.address();
    if (a && typeof a === "object" && a.port === portNo) return true;
  }
  return false;
}

function adopt(id: number, socket: Socket): Conn {
  const onData = (chunk: Buffer) => {
    c.expectBytes = Math.max(0, c.expectBytes - chunk.length);
    if (c.closing && c.resettable) {
      // The program closed this socket, so nobody reads these bytes: CPython's closed socket
      // would answer them with a reset.
      c.resetOnClose = true;
      resetOnceWritten(c);
      return;
    }
    c.emitted += chunk.length;
    emit({ ev: "data", id, data: new Uint8Array(owned(chunk)) }, lastOwned);
    // The program gave the socket back to wait for these bytes: it reads the next ones itself.
    const peer = peerOf(c);
    if (peer !== null && mayLendReading(c) && peer.slot >= 0) lendReading(c, id, peer.id);
  };
  const onEnd = () => {
    c.expectEof = false;
    c.eofSeen = true;
    emit({ ev: "eof", id });
  };
  const onDrain = () => checkDrain(id, c);
  // An error is reported with the "close" that follows it.
  let lastError: IoError | null = null;
  const onError = (e: Error) => {
    lastError = tlsError(e, "read") ?? ioError(e, "read");
  };
  const onClose = () => {
    const peer = peerOf(c);
    if (peer) peer.expectEof = false;
    conns.delete(id);
    if (c.key !== null && byPorts.get(c.key) === c) byPorts.delete(c.key);
    emit({ ev: "closed", id, error: lastError });
  };
  const detach = () => {
    revokeLease(c);
    takeReading(c);
    socket.off("data", onData).off("end", onEnd).off("drain", onDrain).off("error", onError).off("close", onClose);
  };
  const tcp = socket.remotePort !== undefined;
  const c: Conn = {
    id,
    socket,
    paused: false,
    expectBytes: 0,
    expectEof: false,
    eofSeen: false,
    drainLow: null,
    closing: false,
    detach,
    slot: -1,
    programReads: false,
    emitted: 0,
    resetOnClose: false,
    resettable: (socket as unknown as { _handle?: object | null })._handle?.constructor.name === "TCP",
    // Addresses too: a connection elsewhere may have the same two port numbers.
    key: tcp ? `${socket.localAddress}:${socket.localPort} ${socket.remoteAddress}:${socket.remotePort}` : null,
    peerKey: tcp ? `${socket.remoteAddress}:${socket.remotePort} ${socket.localAddress}:${socket.localPort}` : null,
  };
  conns.set(id, c);
  if (c.key !== null) byPorts.set(c.key, c);
  grantLease(c);
  // Node's stream machinery restarts reading on its own (Socket._read): not while the program reads.
  const read = socket._read;
  socket._read = function (this: Socket, n: number) {
    if (!c.programReads) read.call(this, n);
  };
  socket.on("data", onData).on("end", onEnd).on("drain", onDrain).on("error", onError).on("close", onClose);
  return c;
}

let lastOwned: ArrayBuffer | undefined;

/** The chunk's bytes in an ArrayBuffer of their own (transferable), copying only if the buffer is shared. */
function owned(chunk: Buffer): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
  lastOwned = whole ? (chunk.buffer as ArrayBuffer) : (chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer);
  return lastOwned;
}

function checkDrain(id: number, c: Conn): void {
  if (c.drainLow !== null && c.socket.writableLength <= c.drainLow) {
    c.drainLow = null;
    emit({ ev: "drained", id, pending: c.socket.writableLength });
  }
}

function write(id: number, data: ArrayBuffer, confirm = false): void {
  const c = conns.get(id);
  if (!c || c.socket.destroyed) {
    if (c) writeDone(c);
    if (confirm) emit({ ev: "written", id, error: null, pending: 0 });
    return;
  }
  let bytes = new Uint8Array(data);
  if (confirm) {
    // The program waits for this answer: the send is tried now, as CPython's send() in write().
    const sent = sendNow(c, bytes);
    if (typeof sent !== "number") {
      writeDone(c);
      emit({ ev: "written", id, error: sent, pending: 0 });
      return;
    }
    const peer = peerOf(c);
    if (peer && sent > 0) peer.expectBytes += sent;
    bytes = bytes.subarray(sent);
    emit({ ev: "written", id, error: null, pending: c.socket.writableLength + bytes.length });
    if (bytes.length === 0) {
      writeDone(c);
      maybeIdle();
      return;
    }
  }
  const n = bytes.length;
  c.socket.write(bytes, () => {
    writeDone(c);
    const peer = peerOf(c);
    if (peer) peer.expectBytes += n;
    checkDrain(id, c);
    if (c.resetOnClose) resetOnceWritten(c);
    maybeIdle();
  });
}

/**
 * One non-blocking write(2) of a plain socket with nothing queued before it: the bytes sent, or the
 * error when the peer is gone. Anything else (TLS, bytes queued, a full buffer) sends nothing here.
 */
function sendNow(c: Conn, data: Uint8Array): number | IoError {
  const fd = (c.socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if ((c.socket as { encrypted?: boolean }).encrypted || typeof fd !== "number" || fd < 0 || c.socket.writableLength > 0) return 0;
  try {
    return writeSync(fd, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    if (code === "EPIPE" || code === "ECONNRESET") return ioError(e as NodeJS.ErrnoException, "send");
    return 0;
  }
}

/**
 * The end of a connection closed over unread data: what was written before close() goes out, then
 * a reset (RST) instead of the FIN, as the operating system does when CPython closes such a
 * socket (the peer's next read raises ConnectionResetError).
 */
function resetOnceWritten(c: Conn): void {
  if (c.socket.writableLength === 0) reset(c);
}

/** Closes `c` (resettable) with a reset (RST). */
function reset(c: Conn): void {
  if (!c.socket.destroyed) c.socket.resetAndDestroy();
}

/**
 * The program closed `c` (after everything it did before its loop waited, as CPython's close(2)
 * comes in a callback of the next iteration). Bytes that reached the socket by then and were never
 * read make it a reset; otherwise what was written goes out, then the FIN, then the descriptor.
 */
function closeConn(c: Conn, req: { consumed?: number; unreadHere?: boolean }): void {
  if (!c.resettable) {
    c.socket.end(() => c.socket.destroy());
    return;
  }
  if (closesOverUnread(c, req)) {
    c.resetOnClose = true;
    resetOnceWritten(c);
    return;
  }
  // Bytes may sit in the socket's buffer unread (written by another of our sockets in this very
  // batch, or held there while reading was paused): libuv reads them in the next poll (onData then
  // resets) before the FIN goes, as CPython's kernel would find them at close(2). (A socket the
  // program's thread reads needs no look: the host counted what its other end sent, unreadHere.)
  if (c.paused) {
    c.paused = false;
    c.socket.resume();
  }
  setImmediate(() =>
    setImmediate(() => {
      if (c.socket.destroyed || c.resetOnClose) return;
      c.socket.end(() => (c.resetOnClose ? resetOnceWritten(c) : c.socket.destroy()));
    }),
  );
}

/** Whether a close or abort leaves data the program never read (`consumed`: what its protocol took). */
function closesOverUnread(c: Conn, req: { consumed?: number; unreadHere?: boolean }): boolean {
  if (!c.resettable) return false;
  return req.unreadHere === true || c.socket.readableLength > 0 || (req.consumed !== undefined && c.emitted > req.consumed);
}

function connect(req: Extract<IoRequest, { op: "connect" }>): void {
  pendingOps++;
  const tls = req.tls;
  const socket = tls
    ? tlsConnect(tls, req.host, req.port, req.path)
    : req.path
      ? createConnection({ path: req.path, allowHalfOpen: true })
      : createConnection({ host: req.host, port: req.port, allowHalfOpen: true, noDelay: true });
  const fail = (e: NodeJS.ErrnoException) => {
    pendingOps--;
    emit({ ev: "error", id: req.id, error: tlsError(e, "connect") ?? ioError(e, "connect") });
  };
  socket.once("error", fail);
  socket.once(tls ? "secureConnect" : "connect", () => {
    pendingOps--;
    socket.off("error", fail);
    const refused = tls ? verifyPeer(socket as TLSSocket, tls) : null;
    if (refused) {
      socket.destroy();
      emit({ ev: "error", id: req.id, error: refused });
      return;
    }
    if (tls) socket.setNoDelay(true);
    const info = tls ? { tls: tlsInfo(socket as TLSSocket) } : {};
    const c = adopt(req.id, socket);
    const lease = c.lease;
    if (!req.path && ourServerPort(socket.remotePort ?? -1)) {
      const lp = socket.localPort ?? -1;
      if (earlyAccepts.has(lp)) earlyAccepts.delete(lp);
      else expectedAccepts.add(lp);
    }
    if (req.path) emit({ ev: "connected", id: req.id, local: "", remote: req.path, ...info, lease });
    else
      emit({
        ev: "connected",
        id: req.id,
        local: addr(socket.localAddress, socket.localPort, socket.localFamily),
        remote: addr(socket.remoteAddress, socket.remotePort, socket.remoteFamily),
        ...info,
        lease,
      });
    offerReadLeases(req.id, c);
  });
}

function listen(req: Extract<IoRequest, { op: "listen" }>): void {
  if (reservedPorts.size > 0) releasePort(req.id);
  pendingOps++;
  const server: Server = req.tls ? tlsServer(req.tls) : createServer({ allowHalfOpen: true, noDelay: true, pauseOnConnect: false });
  const fail = (e: NodeJS.ErrnoException) => {
    pendingOps--;
    emit({ ev: "error", id: req.id, error: ioError(e, "bind") });
  };
  server.once("error", fail);
  const accepted = (socket: Socket) => {
    const conn = nextKernelId--;
    const tls = socket instanceof TLSSocket;
    const info = tls ? { tls: tlsInfo(socket) } : {};
    if (tls) socket.setNoDelay(true);
    const c = adopt(conn, socket);
    const lease = c.lease;
    const rp = socket.remotePort ?? -1;
    if (expectedAccepts.has(rp)) expectedAccepts.delete(rp);
    else if (!req.path) earlyAccepts.add(rp);
    if (req.path) emit({ ev: "accepted", id: req.id, conn, local: req.path, remote: "", ...info, lease });
    else
      emit({
        ev: "accepted",
        id: req.id,
        conn,
        local: addr(socket.localAddress, socket.localPort, socket.localFamily),
        remote: addr(socket.remoteAddress, socket.remotePort, socket.remoteFamily),
        ...info,
        lease,
      });
    offerReadLeases(conn, c);
  };
  server.on(req.tls ? "secureConnection" : "connection", (socket: Socket) => {
    // A socket the program listened on and then gave to create_server(ssl=...) (server_tls).
    const later = serverTls.get(req.id);
    if (!later) return accepted(socket);
    pendingOps++;
    const secure = tlsUpgrade(later, socket, true);
    let finished = false;
    // A blocking SSLSocket's accept() raises the failure (an asyncio server ignores it).
    const failed = (error: IoError) => {
      if (finished) return;
      finished = true;
      pendingOps--;
      secure.on("error", () => {});
      secure.destroy();
      emit({ ev: "error", id: req.id, error });
    };
    const onError = (e: NodeJS.ErrnoException) => failed(tlsError(e, "handshake") ?? ioError(e, "handshake"));
    // The client went away mid-handshake (it refused the certificate without an alert).
    const onEnd = () => failed(HANDSHAKE_EOF);
    secure.once("error", onError).once("end", onEnd);
    secure.once("secure", () => {
      if (finished) return;
      finished = true;
      pendingOps--;
      secure.off("error", onError).off("end", onEnd);
      accepted(secure);
    });
  });
  const ready = () => {
    pendingOps--;
    server.off("error", fail);
    servers.set(req.id, server);
    const a = server.address();
    if (a === null || typeof a === "string") emit({ ev: "listening", id: req.id, local: req.path ?? "" });
    else emit({ ev: "listening", id: req.id, local: addr(a.address, a.port, a.family) });
  };
  if (req.path) server.listen({ path: req.path, backlog: req.backlog }, ready);
  else server.listen({ host: req.host, port: req.port, backlog: req.backlog, exclusive: true }, ready);
}

/**
 * socket.bind((host, 0)) before listen(): Node binds only when it listens, so a server of our own
 * takes a free port and keeps it (no other process can take it meanwhile) until the socket
 * listens there ("listen" closes it and binds the port again in the same turn), connects or
 * closes. Until then a connection to that port is accepted and dropped, where CPython's bound,
 * not yet listening socket would refuse it.
 */
const reservedPorts = new Map<number, { id: number; server: Server }>();

function pickPort(id: number, host: string): void {
  pendingOps++;
  const probe = createServer((s) => s.destroy());
  probe.once("error", (e: NodeJS.ErrnoException) => {
    pendingOps--;
    emit({ ev: "error", id, error: ioError(e, "bind") });
  });
  probe.listen({ host, port: 0, exclusive: true, backlog: 1 }, () => {
    pendingOps--;
    const a = probe.address() as { address: string; port: number; family: string };
    probe.unref();
    reservedPorts.set(a.port, { id, server: probe });
    emit({ ev: "bound", id, local: addr(a.address, a.port, a.family) });
  });
}

/** Lets go of the port bind() took for socket `id`. */
function releasePort(id: number): void {
  for (const [p, r] of reservedPorts) {
    if (r.id !== id) continue;
    reservedPorts.delete(p);
    // Node closes the descriptor at once, so the port is free for a listen in this same turn.
    r.server.close();
  }
}

/** CPython's error for a peer that closes during the handshake. */
const HANDSHAKE_EOF: IoError = {
  code: "SSL",
  errno: 8,
  syscall: "handshake",
  ssl: { reason: "UNEXPECTED_EOF_WHILE_READING", text: "EOF occurred in violation of protocol", verifyCode: null, verifyMessage: null },
};

/** TLS for the connections a plain server accepts from now on (the "server_tls" request). */
const serverTls = new Map<number, TlsOptions>();

/**
 * Closes a server. libuv removes a Unix socket's file when it closes it; CPython leaves the file
 * (a later bind() there fails, a later start_unix_server replaces it), so a second name keeps it.
 */
function closeServer(server: Server): void {
  const where = server.address();
  if (typeof where !== "string" || where === "") {
    server.close();
    return;
  }
  const keep = `${where}.tsyncio-${process.pid}-${Date.now()}`;
  try {
    linkSync(where, keep);
  } catch {
    server.close();
    return;
  }
  server.close();
  try {
    renameSync(keep, where);
  } catch {
    rmSync(keep, { force: true });
  }
}

/** loop.start_tls: the connection's socket is handed to a TLS socket that keeps its id. */
function startTls(req: Extract<IoRequest, { op: "start_tls" }>): void {
  const c = conns.get(req.id);
  if (!c) return;
  // The connection stays listed while its handshake runs, so that bytes the other end (one of
  // ours) already sends over TLS are counted as in flight for the virtual clock.
  c.detach();
  pendingOps++;
  const socket = tlsUpgrade(req.tls, c.socket, req.server);
  const fail = (e: NodeJS.ErrnoException) => {
    pendingOps--;
    conns.delete(req.id);
    emit({ ev: "error", id: req.id, error: tlsError(e, "handshake") ?? ioError(e, "handshake") });
  };
  socket.once("error", fail);
  socket.once(req.server ? "secure" : "secureConnect", () => {
    pendingOps--;
    socket.off("error", fail);
    const refused = req.server ? null : verifyPeer(socket, req.tls);
    if (refused) {
      conns.delete(req.id);
      socket.destroy();
      emit({ ev: "error", id: req.id, error: refused });
      return;
    }
    adopt(req.id, socket).expectBytes = c.expectBytes;
    emit({ ev: "tls_ready", id: req.id, tls: tlsInfo(socket) });
  });
}

/** Connections the kernel accepted get negative ids (the runtime's own ids are positive). */
let nextKernelId = -1;

// --- UDP ------------------------------------------------------------------------------------------

const udps = new Map<number, UdpSocket>();
/** Datagrams one of our endpoints sent to another of ours, by the receiver's port, not yet received. */
const udpExpected = new Map<number, number>();

function udp(req: Extract<IoRequest, { op: "udp" }>): void {
  pendingOps++;
  const sock = createSocket({ type: req.family === 6 ? "udp6" : "udp4" });
  let opened = false;
  sock.on("error", (e) => {
    if (!opened) {
      pendingOps--;
      opened = true;
      emit({ ev: "error", id: req.id, error: ioError(e, "bind") });
    } else emit({ ev: "error", id: req.id, error: ioError(e, "recvfrom") });
  });
  sock.on("message", (msg, rinfo) => {
    const n = udpExpected.get(sock.address().port) ?? 0;
    if (n > 0) udpExpected.set(sock.address().port, n - 1);
    emit({ ev: "datagram", id: req.id, data: owned(msg), addr: addr(rinfo.address, rinfo.port, rinfo.family) }, lastOwned);
  });
  sock.on("close", () => emit({ ev: "closed", id: req.id, error: null }));
  const ready = () => {
    if (req.remote) {
      sock.connect(req.remote[1], req.remote[0], () => done());
    } else done();
  };
  const done = () => {
    if (opened) return;
    opened = true;
    pendingOps--;
    udps.set(req.id, sock);
    const a = sock.address();
    emit({ ev: "udp_ready", id: req.id, local: addr(a.address, a.port, a.family) });
  };
  if (req.local) sock.bind(req.local[1], req.local[0], ready);
  else sock.bind(0, req.family === 6 ? "::" : "0.0.0.0", ready);
}

/** Datagrams each UDP socket has on their way, and the sockets to close once theirs are out. */
const udpSending = new WeakMap<UdpSocket, number>();
const udpClosing = new Set<UdpSocket>();

function sendto(req: Extract<IoRequest, { op: "sendto" }>): void {
  const sock = udps.get(req.id);
  if (!sock) return;
  pendingOps++;
  udpSending.set(sock, (udpSending.get(sock) ?? 0) + 1);
  const cb = (e: Error | null) => {
    pendingOps--;
    const to = req.addr?.[1] ?? sock.remoteAddress().port;
    if (!e && [...udps.values()].some((u) => u.address().port === to)) udpExpected.set(to, (udpExpected.get(to) ?? 0) + 1);
    if (e) emit({ ev: "error", id: req.id, error: ioError(e as NodeJS.ErrnoException, "sendto") });
    const left = udpSending.get(sock)! - 1;
    udpSending.set(sock, left);
    // A close that came while this datagram was on its way (the address look-up is asynchronous).
    if (left === 0 && udpClosing.delete(sock)) sock.close();
    maybeIdle();
  };
  if (req.addr) sock.send(new Uint8Array(req.data), req.addr[1], req.addr[0], cb);
  else sock.send(new Uint8Array(req.data), cb);
}

// --- child processes (kernel-children.ts) ------------------------------------------------------

const children = createChildren({
  emit,
  ioError,
  owned,
  opStarted: () => pendingOps++,
  opDone: () => pendingOps--,
});

// --- signals: the program's own process (os.kill(os.getpid(), sig), kill from a shell) ----------

const signalWatches = new Map<number, { close(): void }>();

function watchSignal(signum: number, on: boolean): void {
  const old = signalWatches.get(signum);
  if (!on) {
    old?.close();
    signalWatches.delete(signum);
    return;
  }
  if (old) return;
  // process.binding: the only way a worker thread can take a signal (the Ctrl-C watcher does the same).
  process.noDeprecation = true;
  const { Signal } = (
    process as unknown as { binding(n: string): { Signal: new () => { onsignal: () => void; start(n: number): number; close(): void; unref(): void } } }
  ).binding("signal_wrap");
  const w = new Signal();
  w.onsignal = () => emit({ ev: "signal", signum, id: 0 });
  w.start(signum);
  signalWatches.set(signum, w);
}

function flushAll(): void {
  const writing = () => {
    for (const c of conns.values()) if (!c.socket.destroyed && c.socket.writableLength > 0) return true;
    if (children.writing()) return true;
    return false;
  };
  const check = () => {
    if (writing()) setTimeout(check, 1);
    else emit({ ev: "flushed", id: 0 });
  };
  check();
}

// --- requests -------------------------------------------------------------------------------------

function handle(req: IoRequest | HostRequest): void {
  switch (req.op) {
    case "leases":
      leasesOn = req.on;
      return;
    case "read_start": {
      const c = conns.get(req.id);
      if (c) takeReading(c);
      return;
    }
    case "read_error": {
      // The program's own read met a reset: the connection ends as if this thread had read it.
      const c = conns.get(req.id);
      if (!c) return;
      c.programReads = false;
      c.socket.destroy(Object.assign(new Error(req.error.code), { code: req.error.code, errno: -req.error.errno, syscall: "read" }));
      return;
    }
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
      return write(req.id, req.data, req.confirm);
    case "watch_drain": {
      const c = conns.get(req.id);
      if (!c) return;
      c.drainLow = req.low;
      return checkDrain(req.id, c);
    }
    case "eof": {
      const c = conns.get(req.id);
      if (!c) return;
      const peer = peerOf(c);
      if (peer) reportShutdown(c);
      c.socket.end();
      if (peer) peer.expectEof = true;
      return;
    }
    case "close": {
      const u = udps.get(req.id);
      if (u) {
        udps.delete(req.id);
        // Datagrams sent before the close still go out, as with CPython's sendto().
        if ((udpSending.get(u) ?? 0) > 0) udpClosing.add(u);
        else u.close();
        return;
      }
      if (reservedPorts.size > 0) releasePort(req.id);
      const c = conns.get(req.id);
      if (!c || c.closing) return;
      c.closing = true;
      const peer = peerOf(c);
      if (peer) {
        peer.expectEof = true;
        reportShutdown(c);
      }
      return closeConn(c, req);
    }
    case "abort": {
      const c = conns.get(req.id);
      if (c === undefined) return;
      if (closesOverUnread(c, req)) {
        // abort() drops what waits to be written: the reset goes now.
        reset(c);
        return;
      }
      // The FIN goes out with the close: a peer of ours has it on its way (virtual clock).
      const peer = peerOf(c);
      if (peer && !c.socket.writableEnded && !peer.eofSeen) peer.expectEof = true;
      c.socket.destroy();
      return;
    }
    case "pause": {
      const c = conns.get(req.id);
      if (c) {
        c.paused = true;
        c.socket.pause();
      }
      return;
    }
    case "resume": {
      const c = conns.get(req.id);
      if (c) {
        c.paused = false;
        c.socket.resume();
      }
      return;
    }
    case "server_tls":
      serverTls.set(req.id, req.tls);
      return;
    case "server_close": {
      if (reservedPorts.size > 0) releasePort(req.id);
      const s = servers.get(req.id);
      servers.delete(req.id);
      serverTls.delete(req.id);
      if (s) closeServer(s);
      return;
    }
    case "udp":
      return udp(req);
    case "sendto":
      return sendto(req);
    case "spawn":
      return children.spawn(req);
    case "stdin_write":
      return children.stdin(req.id, req.data, req.fd);
    case "stdin_close":
      return children.stdin(req.id, null, req.fd);
    case "kill":
      return children.kill(req.id, req.signal);
    case "signal_watch":
      return watchSignal(req.signum, req.on);
    case "flush_all":
      return flushAll();
    case "lookup": {
      pendingOps++;
      lookup(req.host, { all: true }, (err, addresses) => {
        pendingOps--;
        if (err) emit({ ev: "error", id: req.id, error: ioError(err, "getaddrinfo") });
        else emit({ ev: "resolved", id: req.id, addresses: addresses.map((a) => ({ family: a.family === 6 ? 6 : 4, address: a.address })) });
      });
      return;
    }
  }
}

/** The number of the last request batch handled: an "idle" answer is valid only for the latest. */
let batchSeq = 0;

port.on("message", (msg: { seq: number; requests: (IoRequest | HostRequest)[] }) => {
  debug?.(`batch ${msg.seq}: ${msg.requests.length} requests`);
  batchSeq = msg.seq;
  idleSent = false;
  settledSent = false;
  for (const req of msg.requests) {
    debug?.(`req ${req.op} ${"id" in req ? req.id : ""}`);
    handle(req);
  }
  // A quiet waiter must hear "idle" even when the requests produced nothing.
  maybeIdle();
});
