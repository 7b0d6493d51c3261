// subprocess: run/check_output/check_call/call, Popen, CompletedProcess and the errors, with
// CPython's messages. run() and friends run the child to completion through the host
// (Host.io.runProcess), blocking the program as CPython's do; Popen's child runs while the program
// does, through the I/O kernel (_popen.ts), so kill() and terminate() reach it.
// CPython: Lib/subprocess.py (documented behaviour).
import { flushBeforeChild, host } from "../host.js";
import { call, typeName } from "../builtins/ops.js";
import { repr, str } from "../builtins/repr.js";
import { PyDict, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { Exception, NotImplementedError, OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { bytesData, wrapBytes } from "../builtins/bytes.js";
import { Signals } from "./signal.js";
import type { ProcessResult, ProcessRunOptions } from "../io-messages.js";
import { LiveChild, _PipeReader, _PipeWriter } from "./_popen.js";
import { bindArgs } from "../builtins/hostfs.js";

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
  "args",
  "stdin",
  "input",
  "stdout",
  "stderr",
  "capture_output",
  "shell",
  "cwd",
  "timeout",
  "check",
  "encoding",
  "errors",
  "text",
  "env",
  "universal_newlines",
  "bufsize",
  "executable",
  "close_fds",
  "start_new_session",
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
    argv = [
      "-c",
      typeof args === "string"
        ? args
        : Array.from(args as Iterable<unknown>)
            .map(argText)
            .join(" "),
    ];
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
    {
      file,
      args: argv,
      shell: false,
      cwd: kw.cwd === undefined || kw.cwd === null ? null : argText(kw.cwd),
      env,
      input,
      stdio: [
        input ? "pipe" : (stdio(kw.stdin, 0) as "pipe" | "inherit" | "ignore"),
        stdio(kw.stdout, 1) as "pipe" | "inherit" | "ignore",
        stdio(kw.stderr, 2),
      ],
      timeout,
    },
    text,
  ];
}

/** Runs a child to completion; FileNotFoundError and friends as CPython raises them. */
function runChild(o: ProcessRunOptions): ProcessResult {
  const io = host.io;
  if (!io) throw new NotImplementedError("subprocess is not supported by tsyncio in the browser (a web page has no processes)");
  flushBeforeChild();
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

/** subprocess.Popen: the child runs while the program does (_popen.ts). */
export class Popen extends PyObject {
  declare args: unknown;
  declare stdout: _PipeReader | null;
  declare stderr: _PipeReader | null;
  declare stdin: _PipeWriter | null;
  declare _child: LiveChild;
  declare _text: boolean;

  __init__(...all: unknown[]): void {
    const [pos, kw] = splitKw(all);
    this.args = pos.length ? pos[0] : kw.args;
    delete kw.args;
    if ("input" in kw || "check" in kw || "capture_output" in kw || "timeout" in kw) {
      const k = ["input", "check", "capture_output", "timeout"].find((n) => n in kw);
      throw new TypeError(`Popen.__init__() got an unexpected keyword argument '${k}'`);
    }
    // stdin=another Popen's stdout: a pipe from that child to this one (cat | grep).
    const feeder = kw.stdin instanceof _PipeReader && kw.stdin._fd === 1 ? kw.stdin : null;
    if (feeder) kw.stdin = PIPE;
    const [o, text] = options(this.args, kw);
    this._text = text;
    this._child = new LiveChild(o);
    feeder?._proc._feed(this._child);
    this.stdin = o.stdio[0] === "pipe" && !feeder ? _PipeWriter.make(this._child, text) : null;
    this.stdout = o.stdio[1] === "pipe" ? _PipeReader.make(this._child, 1, text) : null;
    this.stderr = o.stdio[2] === "pipe" ? _PipeReader.make(this._child, 2, text) : null;
  }

  __repr__(): string {
    return `<Popen: returncode: ${repr(this.returncode)} args: ${repr(this.args)}>`;
  }
  get pid(): bigint {
    return BigInt(this._child._pid);
  }
  get returncode(): bigint | null {
    return this._child.returncode;
  }

  // Keywords arrive as a trailing KwArgs (the bundle renames parameters, so they are bound here).
  communicate(...args: unknown[]): unknown {
    const { input, timeout } = bindArgs("communicate", args, ["input", "timeout"], { input: null, timeout: null });
    if (input !== null && input !== undefined) {
      if (this.stdin === null) throw new ValueError("Invalid file object: None");
      this.stdin.write(input);
    }
    this.stdin?.close();
    const limit = timeout === null || timeout === undefined ? null : Number(timeout);
    // The kernel reports the exit once the pipes have ended too.
    if (!this._child._block(() => this._child._exit !== null, limit)) throw new TimeoutExpired(this.args, timeout);
    const out = this.stdout?.read() ?? null;
    const err = this.stderr?.read() ?? null;
    return PyTuple.fromArray([out, err]);
  }
  wait(...args: unknown[]): bigint {
    const { timeout } = bindArgs("wait", args, ["timeout"], { timeout: null });
    const limit = timeout === null || timeout === undefined ? null : Number(timeout);
    if (!this._child._block(() => this._child._exit !== null, limit)) throw new TimeoutExpired(this.args, timeout);
    return this.returncode as bigint;
  }
  poll(): bigint | null {
    this._child._poll();
    return this.returncode;
  }
  send_signal(sig: unknown): null {
    this._child.kill(Number(sig));
    return null;
  }
  kill(): null {
    return this.send_signal(9n);
  }
  terminate(): null {
    return this.send_signal(15n);
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): boolean {
    this.stdout?.close();
    this.stderr?.close();
    this.stdin?.close();
    this.wait();
    return false;
  }
}
Object.defineProperty(Popen, "__module__", { value: "subprocess" });
