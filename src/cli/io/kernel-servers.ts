// The I/O kernel's servers (kernel-worker.ts is the kernel's entry): TCP, Unix and TLS listeners,
// the connections they accept (handed to kernel-conns.ts), ports taken by bind() before listen(),
// and the Unix socket's file kept across a close as CPython leaves it.
import { createServer, type Server, type Socket } from "node:net";
import { linkSync, renameSync, rmSync } from "node:fs";
import type { IoError, IoRequest, TlsOptions } from "../../runtime/io-messages.js";
import { TLSSocket } from "node:tls";
import { tlsError, tlsInfo, tlsServer, tlsUpgrade } from "./tls.js";
import { addr, emit, ops } from "./kernel-core.js";
import { ioError } from "./io-errors.js";
import { adopt, earlyAccepts, expectedAccepts, listeners, offerReadLeases } from "./kernel-conns.js";

export const servers = new Map<number, Server>();

/** Connections the kernel accepted get negative ids (the runtime's own ids are positive). */
let nextKernelId = -1;

function ourServerPort(portNo: number): boolean {
  for (const srv of servers.values()) {
    const a = srv.address();
    if (a && typeof a === "object" && a.port === portNo) return true;
  }
  return false;
}

listeners.hasPort = ourServerPort;

export function listen(req: Extract<IoRequest, { op: "listen" }>): void {
  if (reservedPorts.size > 0) releasePort(req.id);
  ops.pending++;
  const server: Server = req.tls ? tlsServer(req.tls) : createServer({ allowHalfOpen: true, noDelay: true, pauseOnConnect: false });
  const fail = (e: NodeJS.ErrnoException) => {
    ops.pending--;
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
    ops.pending++;
    const secure = tlsUpgrade(later, socket, true);
    let finished = false;
    // A blocking SSLSocket's accept() raises the failure (an asyncio server ignores it).
    const failed = (error: IoError) => {
      if (finished) return;
      finished = true;
      ops.pending--;
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
      ops.pending--;
      secure.off("error", onError).off("end", onEnd);
      accepted(secure);
    });
  });
  const ready = () => {
    ops.pending--;
    server.off("error", fail);
    servers.set(req.id, server);
    const a = server.address();
    if (a === null || typeof a === "string") emit({ ev: "listening", id: req.id, local: req.path ?? "" });
    else emit({ ev: "listening", id: req.id, local: addr(a.address, a.port, a.family) });
  };
  if (req.path) server.listen({ path: req.path, backlog: req.backlog }, ready);
  else server.listen({ host: req.host, port: req.port, backlog: req.backlog, exclusive: true, ipv6Only: req.ipv6Only === true }, ready);
}

/**
 * socket.bind((host, 0)) before listen(): Node binds only when it listens, so a server of our own
 * takes a free port and keeps it (no other process can take it meanwhile) until the socket
 * listens there ("listen" closes it and binds the port again in the same turn), connects or
 * closes. Until then a connection to that port is accepted and dropped, where CPython's bound,
 * not yet listening socket would refuse it.
 */
export const reservedPorts = new Map<number, { id: number; server: Server }>();

export function pickPort(id: number, host: string): void {
  ops.pending++;
  const probe = createServer((s) => s.destroy());
  probe.once("error", (e: NodeJS.ErrnoException) => {
    ops.pending--;
    emit({ ev: "error", id, error: ioError(e, "bind") });
  });
  probe.listen({ host, port: 0, exclusive: true, backlog: 1 }, () => {
    ops.pending--;
    const a = probe.address() as { address: string; port: number; family: string };
    probe.unref();
    reservedPorts.set(a.port, { id, server: probe });
    emit({ ev: "bound", id, local: addr(a.address, a.port, a.family) });
  });
}

/** Lets go of the port bind() took for socket `id`. */
export function releasePort(id: number): void {
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
export function closeServer(server: Server): void {
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

/** A request about a server of the program (the entry hands them here). */
export function serverRequest(req: Extract<IoRequest, { op: "server_tls" | "server_close" }>): void {
  if (req.op === "server_tls") {
    serverTls.set(req.id, req.tls);
    return;
  }
  if (reservedPorts.size > 0) releasePort(req.id);
  const s = servers.get(req.id);
  servers.delete(req.id);
  serverTls.delete(req.id);
  if (s) closeServer(s);
}
