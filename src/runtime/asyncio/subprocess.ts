// Subprocesses through the host's I/O kernel. CPython: Lib/asyncio/subprocess.py (Process,
// SubprocessStreamProtocol, create_subprocess_exec/_shell) and base_subprocess.py (the transport
// behind loop.subprocess_exec/_shell and SubprocessProtocol).
import { _check_child_watcher } from "./child_watchers.js";
import { get_child_watcher } from "./events.js";
import { KwArgs, PyDict, PyObject, PyTuple, TypeError, ValueError, str, typeName } from "./_compat.js";
import { call, toIterable } from "../builtins/ops.js";
import { truthy } from "../builtins/protocol.js";
import { BrokenPipeError, ConnectionResetError, ProcessLookupError } from "../builtins/index.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import * as events from "./events.js";
import { Future } from "./futures.js";
import { _take_task_number, gather } from "./tasks.js";
import { SubprocessProtocol } from "./protocols.js";
import { ReadTransport, SubprocessTransport, WriteTransport, keepsProtocol } from "./transports.js";
import { StreamReader, StreamWriter } from "./streams.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioForget, ioRegister, ioSend } from "./io_selector.js";
import { osError, ownedCopy, toBytes } from "./io_util.js";
import { _bind, _isNone } from "./_util.js";
import { NotImplementedError } from "../builtins/exceptions.js";
import { pipeEnd, type RuntimePipe } from "../modules/_os_pipes.js";
import type { BaseEventLoop } from "./base_events.js";
import { flushBeforeChild } from "../host.js";

type Loop = BaseEventLoop;
type Stdio = "pipe" | "inherit" | "ignore" | "stdout";

export const PIPE = -1n;
export const STDOUT = -2n;
export const DEVNULL = -3n;
const SUBPROCESS_PY = "/usr/lib/python3.12/asyncio/subprocess.py";
const _DEFAULT_LIMIT = 2 ** 16;

function stdioOf(x: unknown, fd: number): Stdio {
  if (pipeEnd(x) !== undefined) return "pipe";
  if (_isNone(x)) return "inherit";
  if (x === PIPE || x === -1) return "pipe";
  if (x === DEVNULL || x === -3) return "ignore";
  if ((x === STDOUT || x === -2) && fd === 2) return "stdout";
  throw new NotImplementedError(`tsyncio's subprocesses take stdin/stdout/stderr = PIPE, DEVNULL, STDOUT, None or an os.pipe() end only, not ${str(x)}`);
}

/** The os.pipe() a child's stdin (its read end) or stdout/stderr (its write end) is joined to. */
function linkedPipe(x: unknown, fd: number): RuntimePipe | null {
  const e = pipeEnd(x);
  if (e === undefined) return null;
  if (e.end !== (fd === 0 ? "read" : "write")) {
    throw new ValueError(
      `tsyncio passes an os.pipe() to a child as stdin by its read end, as stdout or stderr by its write end (fd ${str(x)} is the ${e.end} end)`,
    );
  }
  return e.pipe;
}

/** stdin of a child: writes go to the kernel. CPython: unix_events._UnixWritePipeTransport */
class _PipeWriteTransport extends WriteTransport {
  declare _proc: _SubprocessTransport;
  declare _closing: boolean;
  is_closing(): boolean {
    return this._closing;
  }
  write(data: unknown): void {
    const buf = ownedCopy(data);
    if (this._closing || buf.byteLength === 0) return;
    ioSend({ op: "stdin_write", id: this._proc._id, data: buf });
  }
  writelines(list: Iterable<unknown>): void {
    for (const d of list) this.write(d);
  }
  write_eof(): void {
    this.close();
  }
  can_write_eof(): boolean {
    return true;
  }
  close(): void {
    if (this._closing) return;
    this._closing = true;
    ioSend({ op: "stdin_close", id: this._proc._id });
    this._proc._loop.call_soon(() => this._proc._pipe_lost(0));
  }
  abort(): void {
    this.close();
  }
  get_write_buffer_size(): bigint {
    return 0n;
  }
}

/** stdout/stderr of a child, as get_pipe_transport(fd) gives it. */
class _PipeReadTransport extends ReadTransport {
  declare _closing: boolean;
  declare _proc: _UnixSubprocessTransport;
  declare _fd: number;
  is_closing(): boolean {
    return this._closing;
  }
  /** CPython closes the pipe (the child's next write there fails) and reports pipe_connection_lost next. */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    ioSend({ op: "pipe_close", id: this._proc._id, fd: this._fd });
    this._proc._loop.call_soon(() => this._proc._pipe_lost(this._fd));
  }
  declare _paused: boolean;
  is_reading(): boolean {
    return !this._paused && !this._closing;
  }
  /** The kernel stops reading the pipe: once it is full the child blocks in its write (CPython removes its reader). */
  pause_reading(): void {
    if (this._closing || this._paused) return;
    this._paused = true;
    ioSend({ op: "pipe_pause", id: this._proc._id, fd: this._fd, on: true });
  }
  resume_reading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    ioSend({ op: "pipe_pause", id: this._proc._id, fd: this._fd, on: false });
  }
}

/** CPython: base_subprocess.BaseSubprocessTransport */
class _UnixSubprocessTransport extends SubprocessTransport {
  declare _loop: Loop;
  declare _protocol: any;
  declare _id: number;
  declare _pid: number | null;
  declare _returncode: bigint | null;
  declare _pipes: Map<number, PyObject>;
  declare _open_pipes: Set<number>;
  declare _exit_waiters: Future<unknown>[];
  declare _closed: boolean;
  declare _finished: boolean;
  /** The os.pipe()s the child's stdout and stderr write into (by fd), instead of the protocol. */
  declare _linked: Map<number, RuntimePipe>;

  __repr__(): string {
    const info = [this.constructor.name];
    if (this._closed) info.push("closed");
    if (this._pid !== null) info.push(`pid=${this._pid}`);
    if (this._returncode !== null) info.push(`returncode=${this._returncode}`);
    else if (this._pid !== null) info.push("running");
    return `<${info.join(" ")}>`;
  }

  get_pid(): bigint | null {
    return this._pid === null ? null : BigInt(this._pid);
  }
  get_returncode(): bigint | null {
    return this._returncode;
  }
  get_pipe_transport(fd: unknown): unknown {
    return this._pipes.get(Number(fd)) ?? null;
  }
  is_closing(): boolean {
    return this._closed;
  }
  send_signal(signal: unknown): void {
    if (this._returncode !== null) throw new ProcessLookupError();
    ioSend({ op: "kill", id: this._id, signal: Number(signal) });
  }
  terminate(): void {
    this.send_signal(15n);
  }
  kill(): void {
    this.send_signal(9n);
  }
  close(): void {
    if (this._closed) return;
    this._closed = true;
    for (const p of this._pipes.values()) (p as unknown as { close(): void }).close();
    if (this._returncode === null) ioSend({ op: "kill", id: this._id, signal: 9 });
  }

  _io_event(c: IoCompletion): void {
    // A child of a loop closed since (an earlier asyncio.run): CPython's watcher of that loop is
    // gone with it, so nothing is reported (its pipes and exit reach no callback).
    if (this._loop.is_closed()) {
      if (c.ev === "exited") ioForget(this._id);
      return;
    }
    switch (c.ev) {
      case "pipe_data":
        if (this._linked.has(c.fd)) this._linked.get(c.fd)!._write(new Uint8Array(c.data));
        else if (!(this._pipes.get(c.fd) as _PipeReadTransport | undefined)?._closing) this._protocol.pipe_data_received(BigInt(c.fd), toBytes(c.data));
        return;
      case "pipe_eof":
        if (this._linked.has(c.fd)) this._linked.get(c.fd)!._closeWriter();
        else this._pipe_lost(c.fd);
        return;
      case "exited":
        ioForget(this._id);
        this._returncode = c.code !== null ? BigInt(c.code) : BigInt(-(c.signal ?? 0));
        this._protocol.process_exited();
        for (const w of this._exit_waiters) if (!w.done()) w.set_result(this._returncode);
        this._exit_waiters = [];
        this._try_finish();
        return;
    }
  }

  _pipe_lost(fd: number): void {
    if (!this._open_pipes.delete(fd)) return;
    this._protocol.pipe_connection_lost(BigInt(fd), null);
    this._try_finish();
  }

  _try_finish(): void {
    if (this._finished || this._returncode === null || this._open_pipes.size > (this._open_pipes.has(0) ? 1 : 0)) return;
    if (this._open_pipes.has(0)) {
      // The child is gone and its stdin's reading end with it: CPython's write pipe sees the
      // hang-up and is lost before the transport's connection_lost.
      this._open_pipes.delete(0);
      const stdin = this._pipes.get(0) as { _closing: boolean } | undefined;
      if (stdin) stdin._closing = true;
      this._protocol.pipe_connection_lost(0n, null);
    }
    this._finished = true;
    this._loop.call_soon(() => this._protocol.connection_lost(null));
  }

  *_wait(): CoroGen<bigint> {
    if (this._returncode !== null) return this._returncode;
    const w = this._loop.create_future();
    this._exit_waiters.push(w);
    return (yield* w) as bigint;
  }
}
// Declared under CPython's name (what type() shows): redefining a class's `name` would leave it
// in V8's slow dictionary mode.
const _SubprocessTransport = _UnixSubprocessTransport;
keepsProtocol(_SubprocessTransport);
type _SubprocessTransport = _UnixSubprocessTransport;

const SPAWN_KEYWORDS = [
  "stdin",
  "stdout",
  "stderr",
  "cwd",
  "env",
  "shell",
  "universal_newlines",
  "bufsize",
  "text",
  "encoding",
  "errors",
  "close_fds",
  "start_new_session",
  "executable",
  "pass_fds",
];

/** pass_fds: each an os.pipe() end, which the child writes (a write end) or reads (a read end). */
function passedPipes(fds: unknown): { fd: number; child: "writes" | "reads"; pipe: RuntimePipe }[] {
  if (fds === undefined || _isNone(fds)) return [];
  const out: { fd: number; child: "writes" | "reads"; pipe: RuntimePipe }[] = [];
  for (const fd of toIterable(fds) as Iterable<unknown>) {
    const e = pipeEnd(fd);
    if (e === undefined) throw new NotImplementedError(`tsyncio's subprocesses take pass_fds of os.pipe() ends only, not ${str(fd)}`);
    out.push({ fd: Number(fd), child: e.end === "write" ? "writes" : "reads", pipe: e.pipe });
  }
  return out;
}

/** Popen's arguments tsyncio's children do not take (CPython accepts them). */
const UNSUPPORTED_KEYWORDS = [
  "preexec_fn",
  "user",
  "group",
  "extra_groups",
  "umask",
  "process_group",
  "restore_signals",
  "startupinfo",
  "creationflags",
  "pipesize",
];

/**
 * A Popen keyword tsyncio's children do not take: given its default it changes nothing and is
 * accepted (`creationflags=0`, `restore_signals=True`); the Windows-only ones are CPython's
 * ValueError on POSIX; any other value is refused.
 */
function checkUnsupportedKeyword(k: string, v: unknown): void {
  const isDefault =
    k === "creationflags"
      ? Number(v) === 0
      : k === "restore_signals"
        ? v === true
        : k === "umask" || k === "pipesize"
          ? Number(v) === -1
          : v === undefined || _isNone(v);
  if (isDefault) return;
  if (k === "creationflags" || k === "startupinfo") throw new ValueError(`${k} is only supported on Windows platforms`);
  throw new NotImplementedError(`tsyncio's subprocesses do not support ${k}=`);
}

/** Starts a child: the kernel's answer is awaited; returns (transport, protocol). */
function* spawnProcess(
  loop: Loop,
  protocol_factory: unknown,
  file: string,
  argv: string[],
  shell: boolean,
  kw: Record<string, unknown>,
): CoroGen<PyTuple<unknown>> {
  for (const k of Object.keys(kw)) {
    if (UNSUPPORTED_KEYWORDS.includes(k)) checkUnsupportedKeyword(k, kw[k]);
    else if (!SPAWN_KEYWORDS.includes(k)) throw new TypeError(`__init__() got an unexpected keyword argument '${k}'`);
  }
  if (kw.universal_newlines || kw.text || !_isNone(kw.encoding) || !_isNone(kw.errors)) throw new ValueError("universal_newlines must be False");
  if (!_isNone(kw.bufsize) && Number(kw.bufsize) !== 0) throw new ValueError("bufsize must be 0");
  // CPython asks the policy's child watcher first: one not active (a SafeChildWatcher not attached) refuses.
  _check_child_watcher(get_child_watcher());
  ioActivate(loop, "asyncio subprocesses");
  const stdio: [Stdio, Stdio, Stdio] = [stdioOf(kw.stdin, 0), stdioOf(kw.stdout, 1), stdioOf(kw.stderr, 2)];
  if (stdio[0] === "stdout" || stdio[1] === "stdout") throw new ValueError("STDOUT can only be used for stderr");
  // os.pipe() ends: the child's own pipe is passed on to that pipe, or fed from it.
  const linked = [linkedPipe(kw.stdin, 0), linkedPipe(kw.stdout, 1), linkedPipe(kw.stderr, 2)];
  // pass_fds: the child gets os.pipe() ends at their own numbers, writing or reading them.
  const passed = passedPipes(kw.pass_fds);
  const written = new Map<number, RuntimePipe>();
  for (const fd of [1, 2]) if (linked[fd]) written.set(fd, linked[fd]!);
  for (const x of passed) if (x.child === "writes") written.set(x.fd, x.pipe);
  const protocol = call(protocol_factory);
  const t = Object.create(_SubprocessTransport.prototype) as _SubprocessTransport;
  Object.assign(t, {
    _loop: loop,
    _protocol: protocol,
    _pid: null,
    _returncode: null,
    _pipes: new Map(),
    _open_pipes: new Set<number>(),
    _exit_waiters: [],
    _closed: false,
    _finished: false,
    _linked: written,
  });
  // CPython's transport starts a _connect_pipes task right after its (synchronous) Popen.
  _take_task_number();
  const started = loop.create_future();
  // The pipes and connection_made come with the "spawned" answer, before any pipe data.
  const attach = () => {
    if (stdio[0] === "pipe" && !linked[0]) {
      const w = Object.create(_PipeWriteTransport.prototype) as _PipeWriteTransport;
      Object.assign(w, { _proc: t, _closing: false });
      t._pipes.set(0, w);
      t._open_pipes.add(0);
    }
    for (const fd of [1, 2]) {
      if (stdio[fd] === "pipe" && !linked[fd]) {
        const r = Object.create(_PipeReadTransport.prototype) as _PipeReadTransport;
        Object.assign(r, { _closing: false, _paused: false, _proc: t, _fd: fd });
        t._pipes.set(fd, r);
        t._open_pipes.add(fd);
      }
    }
    (protocol as { connection_made(t: unknown): void }).connection_made(t);
  };
  t._id = ioRegister({
    _io_event(c: IoCompletion) {
      if (c.ev === "spawned") {
        t._pid = c.pid;
        // The child holds the write ends it was given until its pipe ends; it reads its stdin pipe.
        for (const p of written.values()) p._writers++;
        const feed = (pipe: RuntimePipe | null, fd: number) =>
          pipe?._attachReader((d) =>
            d === null ? ioSend({ op: "stdin_close", id: t._id, fd }) : ioSend({ op: "stdin_write", id: t._id, data: d.slice().buffer as ArrayBuffer, fd }),
          );
        feed(linked[0], 0);
        for (const x of passed) if (x.child === "reads") feed(x.pipe, x.fd);
        attach();
        started.set_result(null);
      } else if (c.ev === "error") {
        ioForget(t._id);
        started.set_exception(c.error.code === "ENOENT" || c.error.code === "EACCES" ? osError(c.error, undefined, file) : osError(c.error));
      } else t._io_event(c);
    },
  });
  // A child writing to our stdout comes after what the program printed before starting it (unless
  // stdout is block-buffered: then before what the buffer still holds, as in CPython).
  if (stdio[1] === "inherit" || stdio[2] === "inherit") flushBeforeChild();
  ioSend({
    op: "spawn",
    id: t._id,
    file,
    args: argv,
    shell,
    cwd: _isNone(kw.cwd) ? null : str(kw.cwd),
    env: envOf(kw.env),
    stdio: stdio as ["pipe" | "inherit" | "ignore", "pipe" | "inherit" | "ignore", Stdio],
    extra: passed.map((x) => ({ fd: x.fd, child: x.child })),
  });
  yield* started;
  return PyTuple.fromArray([t, protocol]);
}

function envOf(env: unknown): Record<string, string> | null {
  if (_isNone(env)) return null;
  const out: Record<string, string> = {};
  const d = env as PyDict<unknown, unknown>;
  for (const k of d as unknown as Iterable<unknown>) out[str(k)] = str(d.__getitem__(k));
  return out;
}

function argText(x: unknown): string {
  if (x instanceof Uint8Array) return new TextDecoder().decode(x);
  if (typeof x === "string") return x;
  const f = (x as { __fspath__?: () => string })?.__fspath__;
  if (typeof f === "function") return f.call(x);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(x)}`);
}

/** The checks loop.subprocess_exec/subprocess_shell make first, in CPython's order (base_events.py). */
function checkLoopArguments(kw: Record<string, unknown>, shell: boolean): void {
  const given = (k: string) => kw[k] !== undefined && !_isNone(kw[k]);
  if (given("universal_newlines") && truthy(kw.universal_newlines)) throw new ValueError("universal_newlines must be False");
  if ("shell" in kw && truthy(kw.shell) !== shell) throw new ValueError(`shell must be ${shell ? "True" : "False"}`);
  delete kw.shell;
  if (given("bufsize") && Number(kw.bufsize) !== 0) throw new ValueError("bufsize must be 0");
  if (given("text") && truthy(kw.text)) throw new ValueError("text must be False");
  if (given("encoding")) throw new ValueError("encoding must be None");
  if (given("errors")) throw new ValueError("errors must be None");
}

function splitKw(args: unknown[]): [unknown[], Record<string, unknown>] {
  const n = args.length;
  if (n > 0 && args[n - 1] instanceof KwArgs) return [args.slice(0, n - 1), { ...(args[n - 1] as KwArgs).kw }];
  return [args, {}];
}

/** loop.subprocess_exec(protocol_factory, program, *args, stdin=PIPE, stdout=PIPE, stderr=PIPE, **kwargs) */
export const subprocess_exec = coroutine_function(
  function* subprocess_exec(this: Loop, protocol_factory: unknown, ...rest: unknown[]): CoroGen<unknown> {
    const [args, kw] = splitKw(rest);
    for (const k of ["stdin", "stdout", "stderr"]) if (!(k in kw)) kw[k] = PIPE;
    checkLoopArguments(kw, false);
    if (args.length === 0) throw new ValueError("program must be given");
    const argv = args.map(argText);
    return yield* spawnProcess(this, protocol_factory, argv[0], argv.slice(1), false, kw);
  },
  { qualname: "BaseEventLoop.subprocess_exec", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1754 },
);

/** loop.subprocess_shell(protocol_factory, cmd, ...) */
export const subprocess_shell = coroutine_function(
  function* subprocess_shell(this: Loop, protocol_factory: unknown, cmd: unknown, ...rest: unknown[]): CoroGen<unknown> {
    const [, kw] = splitKw(rest);
    for (const k of ["stdin", "stdout", "stderr"]) if (!(k in kw)) kw[k] = PIPE;
    if (!(typeof cmd === "string" || cmd instanceof Uint8Array)) throw new ValueError("cmd must be a string");
    checkLoopArguments(kw, true);
    return yield* spawnProcess(this, protocol_factory, "/bin/sh", ["-c", argText(cmd)], false, kw);
  },
  { qualname: "BaseEventLoop.subprocess_shell", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1729 },
);

/** The protocol behind Process: pipes into StreamReaders, stdin as a StreamWriter. CPython: SubprocessStreamProtocol */
export class SubprocessStreamProtocol extends SubprocessProtocol {
  declare _limit: number;
  declare _loop: Loop;
  declare stdin: StreamWriter | null;
  declare stdout: StreamReader | null;
  declare stderr: StreamReader | null;
  declare _transport: _SubprocessTransport | null;
  declare _paused: boolean;
  declare _drain_waiters: Future<unknown>[];
  declare _connection_lost: boolean;

  __init__(limit: number, loop: Loop): void {
    this._limit = limit;
    this._loop = loop;
    this.stdin = this.stdout = this.stderr = null;
    this._transport = null;
    this._paused = false;
    this._drain_waiters = [];
    this._connection_lost = false;
  }

  connection_made(transport: unknown): void {
    const t = transport as _SubprocessTransport;
    this._transport = t;
    // Each reader pauses its pipe past twice its limit (the child then blocks once the pipe is full).
    const out = t.get_pipe_transport(1n);
    if (out) (this.stdout = new StreamReader(new KwArgs({ limit: this._limit, loop: this._loop }))).set_transport(out);
    const err = t.get_pipe_transport(2n);
    if (err) (this.stderr = new StreamReader(new KwArgs({ limit: this._limit, loop: this._loop }))).set_transport(err);
    const stdin = t.get_pipe_transport(0n);
    if (stdin) this.stdin = new StreamWriter(stdin, this, null, this._loop);
  }

  pipe_data_received(fd: unknown, data: unknown): void {
    (Number(fd) === 1 ? this.stdout : this.stderr)?.feed_data(data);
  }

  pipe_connection_lost(fd: unknown, _exc: unknown): void {
    const n = Number(fd);
    if (n === 0) return;
    (n === 1 ? this.stdout : this.stderr)?.feed_eof();
  }

  process_exited(): void {}

  connection_lost(_exc: unknown): void {
    this._connection_lost = true;
  }

  /** The stdin writer's drain(): the kernel takes what is written, nothing to wait for. */
  *_drain_helper(): CoroGen<null> {
    if (this._connection_lost) throw new ConnectionResetError("Connection lost");
    return null;
  }

  get _closed(): Future<unknown> {
    const f = this._loop.create_future();
    f.set_result(null);
    return f;
  }
}

/** CPython: asyncio.subprocess.Process */
export class Process extends PyObject {
  declare _transport: _SubprocessTransport;
  declare _protocol: SubprocessStreamProtocol;
  declare _loop: Loop;
  declare stdin: StreamWriter | null;
  declare stdout: StreamReader | null;
  declare stderr: StreamReader | null;
  declare pid: bigint;
  /** Coroutine methods, defined below with processMethod (their code objects name subprocess.py). */
  declare wait: (...args: any[]) => any;
  declare communicate: (...args: any[]) => any;

  __init__(transport: _SubprocessTransport, protocol: SubprocessStreamProtocol, loop: Loop): void {
    this._transport = transport;
    this._protocol = protocol;
    this._loop = loop;
    this.stdin = protocol.stdin;
    this.stdout = protocol.stdout;
    this.stderr = protocol.stderr;
    this.pid = transport.get_pid() as bigint;
  }
  __repr__(): string {
    return `<Process ${this.pid}>`;
  }
  get returncode(): bigint | null {
    return this._transport.get_returncode();
  }
  send_signal(signal: unknown): void {
    this._transport.send_signal(signal);
  }
  terminate(): void {
    this._transport.terminate();
  }
  kill(): void {
    this._transport.kill();
  }
}
Object.defineProperty(Process, "__module__", { value: "asyncio.subprocess" });

function processMethod(name: string, line: number, gen: (this: Process, ...args: any[]) => CoroGen<any>): void {
  Object.defineProperty(Process.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: `Process.${name}`, filename: SUBPROCESS_PY, firstlineno: line }),
    writable: true,
    configurable: true,
  });
}

processMethod("wait", 135, function* (this: Process) {
  return yield* this._transport._wait();
});

const feedStdin = coroutine_function(
  function* _feed_stdin(p: Process, input: unknown): CoroGen<null> {
    try {
      if (!_isNone(input)) p.stdin!.write(input);
      yield* p.stdin!.drain();
    } catch (e) {
      if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
    }
    p.stdin!.close();
    return null;
  },
  { qualname: "Process._feed_stdin", filename: SUBPROCESS_PY, firstlineno: 151 },
);

const noop = coroutine_function(
  function* _noop(): CoroGen<null> {
    return null;
  },
  { qualname: "Process._noop", filename: SUBPROCESS_PY, firstlineno: 171 },
);

const readStream = coroutine_function(
  function* _read_stream(p: Process, fd: number): CoroGen<unknown> {
    const stream = fd === 2 ? p.stderr! : p.stdout!;
    const output = yield* stream.read();
    (p._transport.get_pipe_transport(BigInt(fd)) as { close(): void }).close();
    return output;
  },
  { qualname: "Process._read_stream", filename: SUBPROCESS_PY, firstlineno: 174 },
);

processMethod("communicate", 189, function* (this: Process, ...args: unknown[]) {
  // communicate(input=None): positional or keyword
  const input = _bind("Process.communicate", args, ["input"])[0] ?? null;
  const stdin = this.stdin !== null ? feedStdin(this, input) : noop();
  const stdout = this.stdout !== null ? readStream(this, 1) : noop();
  const stderr = this.stderr !== null ? readStream(this, 2) : noop();
  const results = (yield* gather(stdin, stdout, stderr)) as unknown[];
  yield* (this as unknown as { wait(): CoroGen<unknown> }).wait();
  return PyTuple.fromArray([results[1], results[2]]);
});

function splitLimit(args: unknown[]): [unknown[], Record<string, unknown>, number] {
  const [pos, kw] = splitKw(args);
  const limit = "limit" in kw ? Number(kw.limit) : _DEFAULT_LIMIT;
  delete kw.limit;
  for (const k of ["stdin", "stdout", "stderr"]) if (!(k in kw)) kw[k] = null;
  return [pos, kw, limit];
}

/** create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None, limit=2**16, **kwds) → Process */
export const create_subprocess_exec = coroutine_function(
  function* create_subprocess_exec(...args: unknown[]): CoroGen<Process> {
    const [pos, kw, limit] = splitLimit(args);
    const loop = events.get_running_loop();
    const factory = () => new SubprocessStreamProtocol(limit, loop);
    const pair = (yield* subprocess_exec.call(loop, factory, ...pos, new KwArgs(kw))) as PyTuple<unknown>;
    return new Process(pair[0], pair[1], loop);
  },
  { qualname: "create_subprocess_exec", filename: SUBPROCESS_PY, firstlineno: 218 },
);

/** create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None, limit=2**16, **kwds) → Process */
export const create_subprocess_shell = coroutine_function(
  function* create_subprocess_shell(cmd: unknown, ...args: unknown[]): CoroGen<Process> {
    const [, kw, limit] = splitLimit(args);
    const loop = events.get_running_loop();
    const factory = () => new SubprocessStreamProtocol(limit, loop);
    const pair = (yield* subprocess_shell.call(loop, factory, cmd, new KwArgs(kw))) as PyTuple<unknown>;
    return new Process(pair[0], pair[1], loop);
  },
  { qualname: "create_subprocess_shell", filename: SUBPROCESS_PY, firstlineno: 206 },
);
// (their module as CPython names it, e.g. in "asyncio.subprocess.create_subprocess_shell() got multiple values ...")
for (const f of [create_subprocess_exec, create_subprocess_shell])
  Object.defineProperty(f, "__module__", { value: "asyncio.subprocess", writable: true, configurable: true });
