// loop.add_reader / remove_reader / add_writer / remove_writer for the sockets the runtime makes
// (socket.socket, socket.socketpair) and for stdin (io_stdin.ts), and loop.sendfile / sock_sendfile. CPython:
// selector_events.BaseSelectorEventLoop (add_reader & co, sock_sendfile), base_events.sendfile.
//
// Readiness is level-triggered as with select(): a reader's callback runs once per loop iteration
// while the socket has data, an EOF or a connection to accept; a writer's while the socket is
// connected (the kernel takes every write, so a connected socket is always writable). Stdin is
// readable while the kernel has read bytes or its end that sys.stdin has not taken, never writable.
import { NotImplementedError, RuntimeError, TypeError, ValueError } from "./_compat.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { ioActivate } from "./io_selector.js";
import { _SocketTransport } from "./io_transports.js";
import { watchStdin } from "./io_stdin.js";
import { ConnectionError, bytesData } from "../builtins/index.js";
import { _bind, _isNone } from "./_util.js";
import type { Future } from "./futures.js";
import type { BaseEventLoop } from "./base_events.js";
// A type only: the socket module loads when a program imports it.
import type { socket } from "../modules/socket.js";

type Loop = BaseEventLoop;

/** What a socket offers a watcher (modules/socket.ts implements it). */
export interface Watchable {
  _readable(): boolean;
  _writable(): boolean;
  /** Called by the socket whenever a completion changed its state. */
  _on_change: (() => void) | null;
  fileno(): bigint;
}

/** Sockets by descriptor number (socket.ts registers them), so that add_reader(fd) finds them. */
export const socketsByFd = new Map<number, Watchable>();

/** Standard input once watched (io_stdin.ts), for descriptor 0 when no socket has that number. */
let stdinWatched: Watchable | undefined;

interface Watch {
  callback: (...a: unknown[]) => unknown;
  args: unknown[];
  scheduled: boolean;
}

interface Watches {
  reader: Watch | null;
  writer: Watch | null;
}

const watched = new WeakMap<Watchable, Watches>();

function target(fd: unknown): Watchable {
  if (typeof fd === "bigint" || typeof fd === "number") {
    const n = Number(fd);
    if (n < 0) throw new ValueError(`Invalid file descriptor: ${n}`);
    const s = socketsByFd.get(n) ?? (n === 0 ? stdinWatched : undefined);
    if (!s)
      throw new NotImplementedError(
        `loop.add_reader()/add_writer() on file descriptor ${n} is not supported by tsyncio (only on sockets the program made and on stdin)`,
      );
    return s;
  }
  if (fd !== null && typeof fd === "object" && typeof (fd as { fileno?: unknown }).fileno === "function") {
    const n = Number((fd as { fileno(): unknown }).fileno());
    if (n < 0) throw new ValueError(`Invalid file descriptor: ${n}`);
    return target(n);
  }
  throw new TypeError(`Invalid file object: ${String(fd)}`);
}

/** Runs a watch's callback in the next iteration if its socket is ready, and again while it stays so. */
function schedule(loop: Loop, sock: Watchable, kind: "reader" | "writer"): void {
  const w = watched.get(sock)?.[kind];
  if (!w || w.scheduled) return;
  const ready = kind === "reader" ? sock._readable() : sock._writable();
  if (!ready) return;
  w.scheduled = true;
  loop.call_soon(() => {
    w.scheduled = false;
    if (watched.get(sock)?.[kind] !== w) return;
    w.callback(...w.args);
    schedule(loop, sock, kind);
  });
}

/** The descriptor number `fd` names (an int or a file object's fileno()), or null. */
function fdNumber(fd: unknown): number | null {
  if (typeof fd === "bigint" || typeof fd === "number") return Number(fd);
  if (fd !== null && typeof fd === "object" && typeof (fd as { fileno?: unknown }).fileno === "function") return Number((fd as Watchable).fileno());
  return null;
}

function add(loop: Loop, kind: "reader" | "writer", fd: unknown, callback: unknown, args: unknown[]): null {
  // CPython: a closed loop's selector is gone (RuntimeError), and removing from it answers False.
  loop._check_closed();
  ioActivate(loop, `loop.add_${kind}()`);
  // Standard input (sys.stdin, fd 0) is read by the host's I/O kernel from the first watch on.
  if (fdNumber(fd) === 0 && !socketsByFd.has(0)) stdinWatched = watchStdin(loop);
  const sock = target(fd);
  let ws = watched.get(sock);
  if (!ws) {
    ws = { reader: null, writer: null };
    watched.set(sock, ws);
  }
  ws[kind] = { callback: callback as (...a: unknown[]) => unknown, args, scheduled: false };
  sock._on_change = () => {
    schedule(loop, sock, "reader");
    schedule(loop, sock, "writer");
  };
  schedule(loop, sock, kind);
  return null;
}

function remove(kind: "reader" | "writer", fd: unknown): boolean {
  let sock: Watchable;
  try {
    sock = target(fd);
  } catch (e) {
    if (e instanceof NotImplementedError) return false;
    throw e;
  }
  const ws = watched.get(sock);
  if (!ws?.[kind]) return false;
  ws[kind] = null;
  if (!ws.reader && !ws.writer) sock._on_change = null;
  return true;
}

export function add_reader(this: Loop, fd: unknown, callback: unknown, ...args: unknown[]): null {
  return add(this, "reader", fd, callback, args);
}
export function remove_reader(this: Loop, fd: unknown): boolean {
  return this.is_closed() ? false : remove("reader", fd);
}
export function add_writer(this: Loop, fd: unknown, callback: unknown, ...args: unknown[]): null {
  return add(this, "writer", fd, callback, args);
}
export function remove_writer(this: Loop, fd: unknown): boolean {
  return this.is_closed() ? false : remove("writer", fd);
}

/** CPython's selector loop's `_stop_serving(sock)`: stops watching a socket and closes it. */
export function _stop_serving(this: Loop, sock: unknown): null {
  remove("reader", sock);
  (sock as { close(): unknown }).close();
  return null;
}

// --- sendfile ------------------------------------------------------------------------------------

const CHUNK = 256 * 1024;

interface PyFile {
  mode?: unknown;
  read(n: bigint): unknown;
  seek(pos: bigint): unknown;
  tell(): unknown;
}

/** CPython's checks of a file and range for sendfile. */
function checkSendfile(file: PyFile, offset: unknown, count: unknown): [number, number | null] {
  if (typeof file.mode === "string" && !file.mode.includes("b")) throw new ValueError("file should be opened in binary mode");
  if (!_isNone(count) && !(typeof count === "bigint" || typeof count === "number"))
    throw new TypeError(`count must be a positive integer (got ${String(count)})`);
  if (!_isNone(count) && Number(count) <= 0) throw new ValueError(`count must be a positive integer (got ${String(count)})`);
  if (!(typeof offset === "bigint" || typeof offset === "number")) throw new TypeError(`offset must be a non-negative integer (got ${String(offset)})`);
  if (Number(offset) < 0) throw new ValueError(`offset must be a non-negative integer (got ${String(offset)})`);
  return [Number(offset), _isNone(count) ? null : Number(count)];
}

/** Reads the file from `offset` in chunks, handing each to `send`; leaves the file at the end of what was sent. */
function* copyFile(file: PyFile, offset: number, count: number | null, send: (chunk: unknown) => CoroGen<void>): CoroGen<bigint> {
  let total = 0;
  if (offset) file.seek(BigInt(offset));
  try {
    for (;;) {
      const want = count === null ? CHUNK : Math.min(CHUNK, count - total);
      if (want <= 0) break;
      const chunk = file.read(BigInt(want));
      const n = bytesData(chunk)?.length ?? 0;
      if (n === 0) break;
      yield* send(chunk);
      total += n;
    }
  } finally {
    if (total > 0) file.seek(BigInt(offset + total));
  }
  return BigInt(total);
}

const BASE_EVENTS = "/usr/lib/python3.12/asyncio/base_events.py";
const SENDFILE_PARAMS = ["transport", "file", "offset", "count", "fallback"];

/** loop.sendfile(transport, file, offset=0, count=None, *, fallback=True): bytes sent. */
export const sendfile = coroutine_function(
  function* sendfile(this: Loop, ...args: unknown[]): CoroGen<bigint> {
    const [transport, file, offset, count] = _bind("BaseEventLoop.sendfile", args, SENDFILE_PARAMS, 4);
    const t = transport as _SocketTransport;
    if (!(t instanceof _SocketTransport)) throw new NotImplementedError(`loop.sendfile() over ${String(transport)} is not supported by tsyncio`);
    if (t.is_closing()) throw new RuntimeError("Transport is closing");
    const [off, cnt] = checkSendfile(file as PyFile, _isNone(offset) ? 0n : offset, count);
    // As CPython's fallback: the protocol is set aside, each chunk written, the buffer let drain.
    const proto = t._protocol;
    let drained: Future<unknown> | null = null;
    const loop = this;
    t._protocol = {
      pause_writing() {
        drained = loop.create_future();
      },
      resume_writing() {
        if (drained && !drained.done()) drained.set_result(null);
        drained = null;
      },
      connection_lost(exc: unknown) {
        if (drained && !drained.done()) drained.set_exception(exc ?? new ConnectionError("Connection closed by peer"));
        proto.connection_lost(exc);
      },
      data_received(data: unknown) {
        proto.data_received(data);
      },
      eof_received() {
        return proto.eof_received();
      },
    };
    // Linux has os.sendfile, so CPython sends natively: the transport refuses other writes meanwhile.
    t._sendfile_busy = true;
    try {
      return yield* copyFile(file as PyFile, off, cnt, function* (chunk) {
        t._sendfile_busy = false;
        try {
          t.write(chunk);
        } finally {
          t._sendfile_busy = true;
        }
        if (drained) yield* drained as Future<unknown>;
      });
    } finally {
      t._sendfile_busy = false;
      if (t._protocol_paused && proto.pause_writing) proto.pause_writing();
      t._protocol = proto;
    }
  },
  { qualname: "BaseEventLoop.sendfile", filename: BASE_EVENTS, firstlineno: 1199 },
);

/** loop.sock_sendfile(sock, file, offset=0, count=None, *, fallback=True): bytes sent. */
export const sock_sendfile = coroutine_function(
  function* sock_sendfile(this: Loop, ...args: unknown[]): CoroGen<bigint> {
    const [sock, file, offset, count] = _bind("BaseEventLoop.sock_sendfile", args, ["sock", "file", "offset", "count", "fallback"], 4);
    const s = sock as socket;
    if (typeof (s as { _readable?: unknown })._readable !== "function") throw new TypeError(`sock_sendfile() needs a socket, not ${String(sock)}`);
    if (Number(s.type) !== 1) throw new ValueError("only SOCK_STREAM type sockets are supported");
    ioActivate(this, "loop.sock_sendfile()");
    const [off, cnt] = checkSendfile(file as PyFile, _isNone(offset) ? 0n : offset, count);
    return yield* copyFile(file as PyFile, off, cnt, function* (chunk) {
      s.sendall(chunk);
    });
  },
  { qualname: "BaseEventLoop.sock_sendfile", filename: BASE_EVENTS, firstlineno: 883 },
);
