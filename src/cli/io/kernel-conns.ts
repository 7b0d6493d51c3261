// The I/O kernel's connections (kernel-worker.ts is the kernel's entry): TCP, Unix and TLS sockets
// the program connected or a server of its accepted, their reads, writes, EOFs and closes (a
// reset when closed over data the program never read), and which of them are each other's peer.
import { createConnection, type Socket } from "node:net";
import { readSync, writeSync } from "node:fs";
import type { DirectWrite, IoError, IoRequest } from "../../runtime/io-messages.js";
import type { HostRequest } from "./host-messages.js";
import { TLSSocket } from "node:tls";
import { tlsConnect, tlsError, tlsInfo, tlsUpgrade, verifyPeer } from "./tls.js";
import { addr, emit, lastOwned, maybeIdle, ops, owned } from "./kernel-core.js";
import { ioError } from "./io-errors.js";
import { grantLease, lendReading, mayLendReading, reportShutdown, revokeLease, takeReading, writeDone } from "./kernel-leases.js";

export interface Conn {
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

export const conns = new Map<number, Conn>();
/** Local ports of clients connected to one of our servers whose accept has not been seen yet. */
export const expectedAccepts = new Set<number>();
/** Remote ports accepted before their client's connect was seen. */
export const earlyAccepts = new Set<number>();

/** TCP connections by "local remote" endpoints, so that a peer of ours is one look-up away. */
const byPorts = new Map<string, Conn>();

/** The connection of ours at the other end of `c`, when both ends are in this process. */
export function peerOf(c: Conn): Conn | null {
  if (c.peerKey === null) return null;
  const other = byPorts.get(c.peerKey);
  return other === undefined || other === c ? null : other;
}

/** Once the second end of one of the program's own connections is adopted: lend both. */
export function offerReadLeases(id: number, c: Conn): void {
  const peer = peerOf(c);
  if (peer === null || !mayLendReading(c) || !mayLendReading(peer)) return;
  lendReading(c, id, peer.id);
  lendReading(peer, peer.id, id);
}

/**
 * A reset libuv reported as an EOF: when the reset comes in the same poll as data, libuv takes the
 * hang-up after a short read for the end of the stream without reading the error. One read of the
 * descriptor tells them apart (the error is still pending; a real EOF reads 0 bytes).
 */
function resetBehindEof(c: Conn): NodeJS.ErrnoException | null {
  const fd = (c.socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== "number" || fd < 0) return null;
  try {
    readSync(fd, Buffer.alloc(1));
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ECONNRESET" || code === "EPIPE" ? (e as NodeJS.ErrnoException) : null;
  }
}

/** Whether a port is one a server of the program listens on (kernel-servers.ts answers). */
export const listeners = { hasPort: (_port: number): boolean => false };

export function adopt(id: number, socket: Socket): Conn {
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
    const reset = c.resettable ? resetBehindEof(c) : null;
    if (reset !== null) {
      // The connection was reset, not ended: its read fails, as CPython's recv() does.
      c.socket.destroy(reset);
      return;
    }
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

export function checkDrain(id: number, c: Conn): void {
  if (c.drainLow !== null && c.socket.writableLength <= c.drainLow) {
    c.drainLow = null;
    emit({ ev: "drained", id, pending: c.socket.writableLength });
  }
}

export function write(id: number, data: ArrayBuffer, confirm = false, partial = false): void {
  const c = conns.get(id);
  if (!c || c.socket.destroyed) {
    if (c) writeDone(c);
    if (confirm) emit({ ev: "written", id, error: null, pending: 0, ...(partial ? { sent: data.byteLength } : {}) });
    return;
  }
  let bytes = new Uint8Array(data);
  // TLS has no descriptor to try: its writes are queued whole, as before.
  if (partial && !(c.socket as { encrypted?: boolean }).encrypted) {
    const sent = sendNow(c, bytes);
    writeDone(c);
    const peer = peerOf(c);
    if (peer && typeof sent === "number" && sent > 0) peer.expectBytes += sent;
    emit({ ev: "written", id, error: typeof sent === "number" ? null : sent, pending: 0, sent: typeof sent === "number" ? sent : 0 });
    maybeIdle();
    return;
  }
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
    emit({ ev: "written", id, error: null, pending: c.socket.writableLength + bytes.length, ...(partial ? { sent: data.byteLength } : {}) });
    if (bytes.length === 0) {
      writeDone(c);
      maybeIdle();
      return;
    }
  }
  const n = bytes.length;
  c.socket.write(bytes, (err) => {
    writeDone(c);
    if (err || c.socket.destroyed) {
      // A reset or an abort dropped what was queued: no "drained" (the protocol stays paused, as
      // CPython's does when the connection is lost); the error comes with "closed".
      maybeIdle();
      return;
    }
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
export function sendNow(c: Conn, data: Uint8Array): number | IoError {
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
export function resetOnceWritten(c: Conn): void {
  if (c.socket.writableLength === 0) reset(c);
}

/** Closes `c` (resettable) with a reset (RST). */
export function reset(c: Conn): void {
  if (!c.socket.destroyed) c.socket.resetAndDestroy();
}

/**
 * The program closed `c` (after everything it did before its loop waited, as CPython's close(2)
 * comes in a callback of the next iteration). Bytes that reached the socket by then and were never
 * read make it a reset; otherwise what was written goes out, then the FIN, then the descriptor.
 */
export function closeConn(c: Conn, req: { consumed?: number; unreadHere?: boolean }): void {
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
export function closesOverUnread(c: Conn, req: { consumed?: number; unreadHere?: boolean }): boolean {
  if (!c.resettable) return false;
  return req.unreadHere === true || c.socket.readableLength > 0 || (req.consumed !== undefined && c.emitted > req.consumed);
}

export function connect(req: Extract<IoRequest, { op: "connect" }>): void {
  ops.pending++;
  const tls = req.tls;
  const socket = tls
    ? tlsConnect(tls, req.host, req.port, req.path)
    : req.path
      ? createConnection({ path: req.path, allowHalfOpen: true })
      : createConnection({
          host: req.host,
          port: req.port,
          allowHalfOpen: true,
          noDelay: true,
          // local_addr=: bound before connecting (a bind failure comes back with syscall "bind").
          ...(req.localHost !== undefined ? { localAddress: req.localHost, localPort: req.localPort ?? 0 } : {}),
        });
  const fail = (e: NodeJS.ErrnoException) => {
    ops.pending--;
    emit({ ev: "error", id: req.id, error: tlsError(e, "connect") ?? ioError(e, "connect") });
  };
  socket.once("error", fail);
  socket.once(tls ? "secureConnect" : "connect", () => {
    ops.pending--;
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
    if (!req.path && listeners.hasPort(socket.remotePort ?? -1)) {
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

/** loop.start_tls: the connection's socket is handed to a TLS socket that keeps its id. */
export function startTls(req: Extract<IoRequest, { op: "start_tls" }>): void {
  const c = conns.get(req.id);
  if (!c) return;
  // The connection stays listed while its handshake runs, so that bytes the other end (one of
  // ours) already sends over TLS are counted as in flight for the virtual clock.
  c.detach();
  ops.pending++;
  const socket = tlsUpgrade(req.tls, c.socket, req.server);
  const fail = (e: NodeJS.ErrnoException) => {
    ops.pending--;
    conns.delete(req.id);
    emit({ ev: "error", id: req.id, error: tlsError(e, "handshake") ?? ioError(e, "handshake") });
  };
  socket.once("error", fail);
  socket.once(req.server ? "secure" : "secureConnect", () => {
    ops.pending--;
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

/** A request about one connection (the entry hands them here). */
export function connRequest(
  req: Extract<IoRequest | HostRequest, { op: "read_start" | "read_error" | "watch_drain" | "eof" | "close" | "abort" | "pause" | "resume" }>,
): void {
  const c = conns.get(req.id);
  if (c === undefined) return;
  switch (req.op) {
    case "read_start":
      takeReading(c);
      return;
    case "read_error":
      // The program's own read met a reset: the connection ends as if this thread had read it.
      c.programReads = false;
      c.socket.destroy(Object.assign(new Error(req.error.code), { code: req.error.code, errno: -req.error.errno, syscall: "read" }));
      return;
    case "watch_drain":
      c.drainLow = req.low;
      return checkDrain(req.id, c);
    case "eof": {
      const peer = peerOf(c);
      if (peer) reportShutdown(c);
      c.socket.end();
      if (peer) peer.expectEof = true;
      return;
    }
    case "close": {
      if (c.closing) return;
      c.closing = true;
      const peer = peerOf(c);
      if (peer) {
        peer.expectEof = true;
        reportShutdown(c);
      }
      return closeConn(c, req);
    }
    case "abort": {
      if (req.reset === true || closesOverUnread(c, req)) {
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
    case "pause":
      c.paused = true;
      c.socket.pause();
      return;
    case "resume":
      c.paused = false;
      c.socket.resume();
      return;
  }
}

/** Whether some connection still has bytes to send (at exit, the kernel waits for them). */
export function connsWriting(): boolean {
  for (const c of conns.values()) if (!c.socket.destroyed && c.socket.writableLength > 0) return true;
  return false;
}
