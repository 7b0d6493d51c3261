// The I/O kernel's UDP endpoints (kernel-worker.ts is the kernel's entry): loop.create_datagram_endpoint
// and datagram sockets, with the datagrams on their way between two of the program's own endpoints
// counted for the virtual clock.
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import type { IoRequest } from "../../runtime/io-messages.js";
import { addr, emit, lastOwned, maybeIdle, ops, owned } from "./kernel-core.js";
import { ioError } from "./io-errors.js";

const udps = new Map<number, UdpSocket>();
/** Datagrams one of our endpoints sent to another of ours, by the receiver's port, not yet received. */
export const udpExpected = new Map<number, number>();

export function udp(req: Extract<IoRequest, { op: "udp" }>): void {
  ops.pending++;
  const sock = createSocket({ type: req.family === 6 ? "udp6" : "udp4" });
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
  const ready = () => {
    if (req.remote) {
      sock.connect(req.remote[1], req.remote[0], () => done());
    } else done();
  };
  const done = () => {
    if (opened) return;
    opened = true;
    ops.pending--;
    udps.set(req.id, sock);
    const a = sock.address();
    emit({ ev: "udp_ready", id: req.id, local: addr(a.address, a.port, a.family) });
  };
  if (req.local) sock.bind(req.local[1], req.local[0], ready);
  else sock.bind(0, req.family === 6 ? "::" : "0.0.0.0", ready);
}

/** socket.connect() on an endpoint already open: its default peer, reported as its address again. */
export function udpConnect(req: Extract<IoRequest, { op: "udp_connect" }>): void {
  const sock = udps.get(req.id);
  if (!sock) return;
  ops.pending++;
  sock.connect(req.remote[1], req.remote[0], (e?: Error) => {
    ops.pending--;
    if (e) emit({ ev: "error", id: req.id, error: ioError(e as NodeJS.ErrnoException, "connect") });
    else {
      const a = sock.address();
      emit({ ev: "udp_ready", id: req.id, local: addr(a.address, a.port, a.family) });
    }
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
  if (req.addr) sock.send(new Uint8Array(req.data), req.addr[1], req.addr[0], cb);
  else sock.send(new Uint8Array(req.data), cb);
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
