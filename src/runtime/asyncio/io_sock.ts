// The loop's sock_* methods over socket.socket (modules/socket.ts): each awaits the socket's state
// (data, an accepted connection, a connect's answer) instead of blocking the thread.
// CPython: selector_events.BaseSelectorEventLoop.sock_recv & co.
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";

import { ioActivate } from "./io_selector.js";
import { osError, addressRepr, toBytes } from "./io_util.js";
// A type only: the socket module (and its enums) loads when a program imports it.
import type { socket } from "../modules/socket.js";
import type { BaseEventLoop } from "./base_events.js";
import type { IoCompletion } from "../io-messages.js";
import { callm } from "../builtins/ops.js";

type Loop = BaseEventLoop;
const SELECTOR_EVENTS = "/usr/lib/python3.12/asyncio/selector_events.py";

/** Waits (as a loop callback would) until `ready()`. */
function* until(loop: Loop, sock: socket, ready: () => boolean): CoroGen<null> {
  ioActivate(loop, "loop.sock_*()");
  while (!ready()) {
    const fut = loop.create_future();
    sock._waiter = fut;
    try {
      yield* fut;
    } finally {
      if (sock._waiter === fut) sock._waiter = null;
    }
  }
  return null;
}

/**
 * Not one of tsyncio's sockets (a transport's TransportSocket, a socket-like object): CPython's
 * sock_* methods call the object's own method, which raises AttributeError where it has none.
 */
function foreign(sock: unknown, method: string, ...args: unknown[]): { result: unknown } | null {
  if (typeof (sock as socket)._recv_ready === "function") return null;
  return { result: callm(sock, method, ...args) };
}

const def = (name: string, line: number, gen: (this: Loop, ...args: any[]) => CoroGen<any>) =>
  coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: `BaseSelectorEventLoop.${name}`, filename: SELECTOR_EVENTS, firstlineno: line });

export const sock_recv = def("sock_recv", 361, function* (this: Loop, sock: socket, n: unknown) {
  ioActivate(this, "loop.sock_recv()");
  const other = foreign(sock, "recv", n);
  if (other) return other.result;
  yield* until(this, sock, () => sock._recv_ready());
  return toBytes(sock._take_recv(Number(n)).slice());
});

export const sock_recv_into = def("sock_recv_into", 405, function* (this: Loop, sock: socket, buf: unknown) {
  yield* until(this, sock, () => sock._recv_ready());
  sock._timeout = 0;
  return sock.recv_into(buf);
});

export const sock_sendall = def("sock_sendall", 537, function* (this: Loop, sock: socket, data: unknown) {
  ioActivate(this, "loop.sock_sendall()");
  const other = foreign(sock, "send", data);
  if (other) return null;
  sock.sendall(data);
  return null;
});

export const sock_connect = def("sock_connect", 608, function* (this: Loop, sock: socket, address: unknown) {
  ioActivate(this, "loop.sock_connect()");
  const other = foreign(sock, "connect", address);
  if (other) return null;
  // A datagram socket's connect only sets its peer: nothing to wait for.
  if (sock._is_datagram()) return sock.connect(address);
  sock._start_connect(address);
  yield* until(this, sock, () => sock._answer !== null);
  const a = sock._answer as IoCompletion;
  if (a.ev === "error") {
    sock._answer = null;
    if (sock._unix()) throw osError(a.error);
    const addr = address as ArrayLike<unknown>;
    throw osError(a.error, `Connect call failed ${addressRepr(String(addr[0]), Number(addr[1]))}`);
  }
  sock._finish_connect();
  return null;
});

export const sock_accept = def("sock_accept", 668, function* (this: Loop, sock: socket) {
  ioActivate(this, "loop.sock_accept()");
  const other = foreign(sock, "accept");
  if (other) return other.result;
  yield* until(this, sock, () => sock._accepts.length > 0);
  const pair = sock._accepted(sock._accepts.shift()!);
  // CPython makes the accepted socket non-blocking (conn.setblocking(False)).
  (pair[0] as socket)._timeout = 0;
  return pair;
});

export const sock_recvfrom = def("sock_recvfrom", 441, function* (this: Loop, sock: socket, bufsize: unknown) {
  yield* until(this, sock, () => sock._datagrams.length > 0);
  sock._timeout = sock._timeout ?? null;
  return sock.recvfrom(bufsize);
});

export const sock_recvfrom_into = def("sock_recvfrom_into", 490, function* (this: Loop, sock: socket, buf: unknown, nbytes: unknown = 0n) {
  yield* until(this, sock, () => sock._datagrams.length > 0);
  return sock.recvfrom_into(buf, nbytes);
});

export const sock_sendto = def("sock_sendto", 580, function* (this: Loop, sock: socket, data: unknown, address: unknown) {
  ioActivate(this, "loop.sock_sendto()");
  return sock.sendto(data, address);
});
