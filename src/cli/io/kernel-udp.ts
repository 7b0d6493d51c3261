// The I/O kernel's UDP endpoints (kernel-worker.ts is the kernel's entry): loop.create_datagram_endpoint
// and datagram sockets, with the datagrams on their way between two of the program's own endpoints
// counted for the virtual clock.
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import type { IoRequest } from "../../runtime/io-messages.js";
import { addr, emit, lastOwned, maybeIdle, ops, owned } from "./kernel-core.js";
import { ioError } from "./io-errors.js";

const udps = new Map<number, UdpSocket>();

/** The default peer of a connected endpoint (null when it has none). */
function peerOf(sock: UdpSocket): { address: string; port: number; family: string } | null {
  try {
    return sock.remoteAddress();
  } catch {
    return null; // ERR_SOCKET_DGRAM_NOT_CONNECTED
  }
}

/** "udp_ready": the endpoint's address, and its peer's as the OS reports it (an IPv6 one with flow info and scope). */
function ready(id: number, sock: UdpSocket): void {
  const a = sock.address();
  const p = peerOf(sock);
  emit({ ev: "udp_ready", id, local: addr(a.address, a.port, a.family), ...(p ? { remote: addr(p.address, p.port, p.family) } : {}) });
}
/** Datagrams one of our endpoints sent to another of ours, by the receiver's port, not yet received. */
export const udpExpected = new Map<number, number>();

export function udp(req: Extract<IoRequest, { op: "udp" }>): void {
  ops.pending++;
  // reuse_port=True: Node 20's dgram has no SO_REUSEPORT; SO_REUSEADDR lets UDP endpoints that all
  // set it share a port on Linux, and one that did not still finds it in use, as with SO_REUSEPORT.
  const sock = createSocket({ type: req.family === 6 ? "udp6" : "udp4", reuseAddr: req.reusePort === true });
  let opened = false;
  sock.on("error", (e) => {
    if (!opened) {
      ops.pending--;
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
  const bound = () => {
    if (req.remote) {
      sock.connect(req.remote[1], req.remote[0], () => done());
    } else done();
  };
  const done = () => {
    if (opened) return;
    opened = true;
    ops.pending--;
    udps.set(req.id, sock);
    ready(req.id, sock);
  };
  if (req.local) sock.bind(req.local[1], req.local[0], bound);
  else sock.bind(0, req.family === 6 ? "::" : "0.0.0.0", bound);
}

/** socket.connect() on an endpoint already open: its default peer, reported as its address again. */
export function udpConnect(req: Extract<IoRequest, { op: "udp_connect" }>): void {
  const sock = udps.get(req.id);
  if (!sock) return;
  ops.pending++;
  sock.connect(req.remote[1], req.remote[0], (e?: Error) => {
    ops.pending--;
    if (e) emit({ ev: "error", id: req.id, error: ioError(e as NodeJS.ErrnoException, "connect") });
    else ready(req.id, sock);
    maybeIdle();
  });
}

/** Datagrams each UDP socket has on their way, and the sockets to close once theirs are out. */
const udpSending = new WeakMap<UdpSocket, number>();
const udpClosing = new Set<UdpSocket>();

export function sendto(req: Extract<IoRequest, { op: "sendto" }>): void {
  const sock = udps.get(req.id);
  if (!sock) return;
  ops.pending++;
  udpSending.set(sock, (udpSending.get(sock) ?? 0) + 1);
  const cb = (e: Error | null) => {
    ops.pending--;
    const to = req.addr?.[1] ?? sock.remoteAddress().port;
    if (!e && [...udps.values()].some((u) => u.address().port === to)) udpExpected.set(to, (udpExpected.get(to) ?? 0) + 1);
    if (e) emit({ ev: "error", id: req.id, error: ioError(e as NodeJS.ErrnoException, "sendto") });
    const left = udpSending.get(sock)! - 1;
    udpSending.set(sock, left);
    // A close that came while this datagram was on its way (the address look-up is asynchronous).
    if (left === 0 && udpClosing.delete(sock)) sock.close();
    maybeIdle();
  };
  const data = new Uint8Array(req.data);
  const send = () => {
    const peer = peerOf(sock);
    if (!req.addr) sock.send(data, cb);
    else if (!peer) sock.send(data, req.addr[1], req.addr[0], cb);
    else if (peer.port === req.addr[1] && peer.address === req.addr[0]) sock.send(data, cb);
    else {
      // sendto() on a connected endpoint to another address: Linux sends it there, Node refuses
      // (ERR_SOCKET_DGRAM_IS_CONNECTED), so the endpoint lets its peer go for this one datagram;
      // the sends behind it wait until it is connected again.
      detoured.set(sock, []);
      sock.disconnect();
      sock.send(data, req.addr[1], req.addr[0], (e) => {
        sock.connect(peer.port, peer.address, () => {
          const waiting = detoured.get(sock)!;
          detoured.delete(sock);
          cb(e);
          resume(sock, waiting);
        });
      });
    }
  };
  const waiting = detoured.get(sock);
  if (waiting) waiting.push(send);
  else send();
}

/** Sends waiting behind a detour, taken off their socket's connection: those still to go, in order. */
const detoured = new WeakMap<UdpSocket, (() => void)[]>();

function resume(sock: UdpSocket, waiting: (() => void)[]): void {
  while (waiting.length) {
    waiting.shift()!();
    // Another detour started: the rest waits for it.
    const again = detoured.get(sock);
    if (again) {
      again.push(...waiting);
      return;
    }
  }
}

/** Closes endpoint `id` if it is one (false: it is not); datagrams sent before still go out. */
export function closeUdp(id: number): boolean {
  const u = udps.get(id);
  if (!u) return false;
  udps.delete(id);
  // Datagrams sent before the close still go out, as with CPython's sendto().
  if ((udpSending.get(u) ?? 0) > 0) udpClosing.add(u);
  else u.close();
  return true;
}
