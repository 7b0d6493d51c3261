// subprocess: run/check_output/check_call/call, a basic Popen, CompletedProcess and the errors,
// with CPython's messages. The child runs to completion through the host (Host.io.runProcess),
// blocking the program as CPython's do. Popen, too, runs its child to completion: at once, or at
// communicate()/wait() when stdin is a pipe (it needs the input first); so kill() and terminate()
// find it finished (a Popen meant to be killed while it runs needs asyncio's subprocesses).
// CPython: Lib/subprocess.py (documented behaviour).
import { host } from "../host.js";
import { call, typeName } from "../builtins/ops.js";
import { repr, str } from "../builtins/repr.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { Exception, NotImplementedError, OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { bytesData, wrapBytes } from "../builtins/bytes.js";
import { Signals } from "./signal.js";
import type { ProcessResult, ProcessRunOptions } from "../io-messages.js";

export const PIPE = -1n;
export const STDOUT = -2n;
export const DEVNULL = -3n;

export class SubprocessError extends Exception {}

/** A child exited with a status other than 0 (check=True, check_output, check_call). */
export class CalledProcessError extends SubprocessError {
  declare returncode: bigint;
  declare cmd: unknown;
  declare output: unknown;
  declare stderr: unknown;
  constructor(returncode: unknown, cmd: unknown, output: unknown = null, stderr: unknown = null) {
    super(returncode, cmd, output, stderr);
    this.returncode = returncode as bigint;
    this.cmd = cmd;
    this.output = output;
    this.stderr = stderr;
  }
  get stdout(): unknown {
    return this.output;
  }
  __str__(): string {
    const rc = Number(this.returncode);
    if (rc < 0) {
      try {
        return `Command '${str(this.cmd)}' died with ${repr(call(Signals, BigInt(-rc)))}.`;
      } catch {
        return `Command '${str(this.cmd)}' died with unknown signal ${-rc}.`;
      }
    }
    return `Command '${str(this.cmd)}' returned non-zero exit status ${rc}.`;
  }
}

/** The timeout passed before the child exited. */
export class TimeoutExpired extends SubprocessError {
  declare cmd: unknown;
  declare timeout: unknown;
  declare output: unknown;
  declare stderr: unknown;
  constructor(cmd: unknown, timeout: unknown, output: unknown = null, stderr: unknown = null) {
    super(cmd, timeout, output, stderr);
    this.cmd = cmd;
    this.timeout = timeout;
    this.output = output;
    this.stderr = stderr;
  }
  get stdout(): unknown {
    return this.output;
  }
  __str__(): string {
    return `Command '${str(this.cmd)}' timed out after ${str(this.timeout)} seconds`;
  }
}
for (const c of [SubprocessError, CalledProcessError, TimeoutExpired]) Object.defineProperty(c, "__module__", { value: "subprocess" });

/** What run() returns. */
export class CompletedProcess extends PyObject {
  declare args: unknown;
  declare returncode: bigint;
  declare stdout: unknown;
  declare stderr: unknown;
  __init__(args: unknown, returncode: unknown, stdout: unknown = null, stderr: unknown = null): void {
    this.args = args;
    this.returncode = returncode as bigint;
    this.stdout = stdout;
    this.stderr = stderr;
  }
  __repr__(): string {
    const parts = [`args=${repr(this.args)}`, `returncode=${repr(this.returncode)}`];
    if (this.stdout !== null && this.stdout !== undefined) parts.push(`stdout=${repr(this.stdout)}`);
    if (this.stderr !== null && this.stderr !== undefined) parts.push(`stderr=${repr(this.stderr)}`);
    return `CompletedProcess(${parts.join(", ")})`;
  }
  check_returncode(): null {
    if (Number(this.returncode) !== 0) throw new CalledProcessError(this.returncode, this.args, this.stdout, this.stderr);
    return null;
  }
}
Object.defineProperty(CompletedProcess, "__module__", { value: "subprocess" });

type Kw = Record<string, unknown>;

function splitKw(args: unknown[]): [unknown[], Kw] {
  const n = args.length;
  if (n > 0 && args[n - 1] instanceof KwArgs) return [args.slice(0, -1), { ...(args[n - 1] as KwArgs).kw }];
  return [args, {}];
}

const RUN_KEYWORDS = new Set([
  "args", "stdin", "input", "stdout", "stderr", "capture_output", "shell", "cwd", "timeout", "check", "encoding", "errors",
  "text", "env", "universal_newlines", "bufsize", "executable", "close_fds", "start_new_session",
]);

function argText(x: unknown): string {
  if (typeof x === "string") return x;
  const d = bytesData(x);
  if (d !== null) return new TextDecoder().decode(d);
  const f = (x as { __fspath__?: () => string } | null)?.__fspath__;
  if (typeof f === "function") return f.call(x);
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(x)}`);
}

function stdio(x: unknown, fd: number): "pipe" | "inherit" | "ignore" | "stdout" {
  if (x === null || x === undefined) return "inherit";
  if (x === PIPE) return "pipe";
  if (x === DEVNULL) return "ignore";
  if (x === STDOUT && fd === 2) return "stdout";
  throw new NotImplementedError(`subprocess: stdin/stdout/stderr other than PIPE, DEVNULL, STDOUT or None are not supported by tsyncio yet (${str(x)})`);
}

/** The options for one child from Python arguments. */
function options(args: unknown, kw: Kw): [ProcessRunOptions, boolean] {
  for (const k of Object.keys(kw)) if (!RUN_KEYWORDS.has(k)) throw new TypeError(`__init__() got an unexpected keyword argument '${k}'`);
  const text = !!(kw.text || kw.universal_newlines || (kw.encoding !== undefined && kw.encoding !== null) || (kw.errors !== undefined && kw.errors !== null));
  let file: string;
  let argv: string[];
  if (kw.shell) {
    file = "/bin/sh";
    argv = ["-c", typeof args === "string" ? args : Array.from(args as Iterable<unknown>).map(argText).join(" ")];
  } else {
    const list = typeof args === "string" || bytesData(args) !== null ? [args] : Array.from(args as Iterable<unknown>);
    const all = list.map(argText);
    file = all[0];
    argv = all.slice(1);
  }
  if (kw.capture_output) {
    if ((kw.stdout ?? null) !== null || (kw.stderr ?? null) !== null) throw new ValueError("stdout and stderr arguments may not be used with capture_output.");
    kw.stdout = PIPE;
    kw.stderr = PIPE;
  }
  let input: Uint8Array | null = null;
  if (kw.input !== undefined && kw.input !== null) {
    if ((kw.stdin ?? null) !== null) throw new ValueError("stdin and input arguments may not both be used.");
    input = typeof kw.input === "string" ? new TextEncoder().encode(kw.input) : bytesData(kw.input);
    if (input === null) throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(kw.input)}'`);
  }
  let env: Record<string, string> | null = null;
  if (kw.env !== undefined && kw.env !== null) {
    env = {};
    const d = kw.env as PyDict<unknown, unknown>;
    for (const k of d as unknown as Iterable<unknown>) env[str(k)] = str(d.__getitem__(k));
  }
  const timeout = kw.timeout === undefined || kw.timeout === null ? null : Number(kw.timeout);
  return [
    { file, args: argv, shell: false, cwd: kw.cwd === undefined || kw.cwd === null ? null : argText(kw.cwd), env, input, stdio: [input ? "pipe" : (stdio(kw.stdin, 0) as "pipe" | "inherit" | "ignore"), stdio(kw.stdout, 1) as "pipe" | "inherit" | "ignore", stdio(kw.stderr, 2)], timeout },
    text,
  ];
}

/** Runs a child to completion; FileNotFoundError and friends as CPython raises them. */
function runChild(o: ProcessRunOptions): ProcessResult {
  const io = host.io;
  if (!io) throw new NotImplementedError("subprocess is not supported by tsyncio in the browser (a web page has no processes)");
  host.flush();
  const r = io.runProcess(o);
  if (r.error) {
    const msg = r.error.code === "ENOENT" ? "No such file or directory" : r.error.code === "EACCES" ? "Permission denied" : r.error.code;
    throw new OSError(BigInt(r.error.errno), msg, o.file);
  }
  return r;
}

function output(data: Uint8Array | null, text: boolean): unknown {
  if (data === null) return null;
  if (!text) return wrapBytes(data);
  // Text mode: universal newlines, as io.TextIOWrapper reads them.
  return new TextDecoder().decode(data).replace(/\r\n?/g, "\n");
}

function returncode(r: ProcessResult): bigint {
  return r.code !== null ? BigInt(r.code) : BigInt(-(r.signal ?? 0));
}

/** subprocess.run(args, *, stdin, input, stdout, stderr, capture_output, shell, cwd, timeout, check, text, env, ...) */
export function run(...all: unknown[]): CompletedProcess {
  const [pos, kw] = splitKw(all);
  const args = pos.length ? pos[0] : kw.args;
  delete kw.args;
  const check = !!kw.check;
  const [o, text] = options(args, kw);
  const r = runChild(o);
  const out = output(r.stdout, text);
  const err = output(r.stderr, text);
  if (r.timedOut) throw new TimeoutExpired(args, kw.timeout, out, err);
  const done = new CompletedProcess(args, returncode(r), out, err);
  if (check) done.check_returncode();
  return done;
}

/** subprocess.call(args, **kwargs): the return code. */
export function call_(...all: unknown[]): bigint {
  return run(...all).returncode;
}
Object.defineProperty(call_, "name", { value: "call" });
export { call_ as call };

/** subprocess.check_call(args, **kwargs): 0, or CalledProcessError. */
export function check_call(...all: unknown[]): bigint {
  const [pos, kw] = splitKw(all);
  return run(...pos, new KwArgs({ ...kw, check: true })).returncode;
}

/** subprocess.check_output(args, **kwargs): the child's stdout, or CalledProcessError. */
export function check_output(...all: unknown[]): unknown {
  const [pos, kw] = splitKw(all);
  if ("stdout" in kw) throw new ValueError("stdout argument not allowed, it will be overridden.");
  return run(...pos, new KwArgs({ ...kw, stdout: PIPE, check: true })).stdout;
}

/** subprocess.getoutput(cmd) / getstatusoutput(cmd): through the shell, stderr with stdout, one trailing newline removed. */
export function getstatusoutput(cmd: unknown): unknown {
  const r = run(cmd, new KwArgs({ shell: true, text: true, stdout: PIPE, stderr: STDOUT }));
  let data = r.stdout as string;
  if (data.endsWith("\n")) data = data.slice(0, -1);
  return PyTuple.fromArray([r.returncode, data]);
}
export function getoutput(cmd: unknown): string {
  return (getstatusoutput(cmd) as unknown[])[1] as string;
}

/** A finished child's output as Popen's stdout/stderr attribute: read(), readline(), iteration. */
class _Output extends PyObject {
  declare _data: unknown;
  declare _pos: number;
  read(): unknown {
    const d = this._data as string | Uint8Array;
    const rest = d.slice(this._pos);
    this._pos = d.length;
    return typeof d === "string" ? rest : wrapBytes(rest as Uint8Array);
  }
  readline(): unknown {
    const d = this._data as string | Uint8Array;
    let end = typeof d === "string" ? d.indexOf("\n", this._pos) : (d as Uint8Array).indexOf(10, this._pos);
    end = end < 0 ? d.length : end + 1;
    const line = d.slice(this._pos, end);
    this._pos = end;
    return typeof d === "string" ? line : wrapBytes(line as Uint8Array);
  }
  readlines(): PyList<unknown> {
    const out = new PyList<unknown>();
    for (let line = this.readline() as { length: number }; line.length > 0; line = this.readline() as { length: number }) out.push(line);
    return out;
  }
  *[Symbol.iterator](): Generator<unknown> {
    for (let line = this.readline() as { length: number }; line.length > 0; line = this.readline() as { length: number }) yield line;
  }
  close(): null {
    return null;
  }
}

/** Popen basics: communicate, wait, poll, returncode, pid, kill/terminate (a no-op once finished), stdout/stderr. */
export class Popen extends PyObject {
  declare args: unknown;
  declare returncode: bigint | null;
  declare pid: bigint;
  declare stdout: _Output | null;
  declare stderr: _Output | null;
  declare stdin: unknown;
  declare _options: ProcessRunOptions;
  declare _text: boolean;
  declare _result: ProcessResult | null;

  __init__(...all: unknown[]): void {
    const [pos, kw] = splitKw(all);
    this.args = pos.length ? pos[0] : kw.args;
    delete kw.args;
    const [o, text] = options(this.args, kw);
    this._options = o;
    this._text = text;
    this._result = null;
    this.returncode = null;
    this.pid = 0n;
    this.stdout = this.stderr = null;
    this.stdin = null;
    if (o.stdio[0] !== "pipe") this._finish(null);
  }

  _finish(input: Uint8Array | null): void {
    if (this._result !== null) return;
    const r = runChild({ ...this._options, input });
    this._result = r;
    this.pid = BigInt(r.pid);
    this.returncode = returncode(r);
    const wrap = (data: Uint8Array | null) => {
      if (data === null) return null;
      const o = Object.create(_Output.prototype) as _Output;
      o._data = output(data, this._text);
      o._pos = 0;
      return o;
    };
    this.stdout = wrap(r.stdout);
    this.stderr = wrap(r.stderr);
  }

  communicate(input: unknown = null, _timeout: unknown = null): unknown {
    const data = input === null || input === undefined ? null : typeof input === "string" ? new TextEncoder().encode(input) : bytesData(input);
    this._finish(data ?? new Uint8Array(0));
    const out = this.stdout?.read() ?? null;
    const err = this.stderr?.read() ?? null;
    return PyTuple.fromArray([out, err]);
  }
  wait(_timeout: unknown = null): bigint {
    this._finish(new Uint8Array(0));
    return this.returncode as bigint;
  }
  poll(): bigint | null {
    return this.returncode;
  }
  kill(): null {
    return null;
  }
  terminate(): null {
    return null;
  }
  send_signal(_sig: unknown): null {
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): boolean {
    this.wait();
    return false;
  }
}
Object.defineProperty(Popen, "__module__", { value: "subprocess" });
