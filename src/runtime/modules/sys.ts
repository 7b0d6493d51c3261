// sys: argv, exit, the standard streams, version information, limits.
import { host } from "../host.js";
import { BaseException, NotImplementedError, SystemExit, TypeError, ValueError } from "../builtins/exceptions.js";
import { markUnsupported } from "../unsupported.js";
import { PyList, PyDict, PyTuple } from "../builtins/collections.js";
import { stdio, StdStream } from "../builtins/functions.js";
import { structseq } from "./_structseq.js";
import { bindArgs } from "../builtins/hostfs.js";
import { asyncgen_hooks as _asyncgen_hooks, set_asyncgen_hooks as _set_asyncgen_hooks, type AsyncGenHook } from "../thread-state.js";
import { coroutine_origin_tracking_depth, set_coroutine_origin_tracking_depth as _set_origin_depth } from "../thread-state.js";
import { handled_exception } from "../thread-state.js";
import { popKw } from "../builtins/object.js";
import { index as toIndex, typeName } from "../builtins/ops.js";
import { get_max_str_digits, set_max_str_digits } from "../builtins/int-limit.js";

// `let`: a program may bind a new list (`sys.argv = [...]`, as drivers of command-line code do)
export let argv: PyList<string> = PyList.fromArray(host.argv ?? [""]);
/** Replace sys.argv's contents (the CLI calls this after installing its host). */
export function _set_argv(args: string[]): void {
  argv.length = 0;
  for (const a of args) argv.push(a);
}

export function exit(code: unknown = null): never {
  throw new SystemExit(code);
}

export let stdout: any = stdio.stdout;
export let stderr: any = stdio.stderr;
export let stdin: any = stdio.stdin;
export const __stdout__: StdStream = stdio.__stdout__;
export const __stderr__: StdStream = stdio.__stderr__;

/** `sys.NAME = value` (module attributes that print() and others read). */
export function __setattr__(name: string, value: unknown): void {
  switch (name) {
    case "stdout":
      stdout = stdio.stdout = value;
      return;
    case "stderr":
      stderr = stdio.stderr = value;
      return;
    case "stdin":
      stdin = stdio.stdin = value;
      return;
    case "argv":
      argv = value as PyList<string>;
      return;
    case "excepthook":
      excepthook = value;
      // (the report of an uncaught exception calls it, unless it is the default again)
      stdio.excepthook = value === __excepthook__ ? undefined : value;
      return;
  }
  (extra as Record<string, unknown>)[name] = value;
}
const extra: Record<string, unknown> = {};

/** The interpreter's report of an uncaught exception (traceback.ts hands it over: it imports this module). */
let formatUncaught: (e: BaseException) => string = (e) => `${typeName(e)}\n`;
export function _set_uncaught_formatter(f: (e: BaseException) => string): void {
  formatUncaught = f;
}

/** `sys.__excepthook__(type, value, traceback)`: the interpreter's report of an uncaught exception, on sys.stderr. */
export function __excepthook__(_type: unknown, value: unknown, _tb: unknown = null): null {
  // (CPython reports a value that is no exception as a TypeError's last line, and returns)
  stdio.stderr.write(
    value instanceof BaseException ? formatUncaught(value) : `TypeError: print_exception(): Exception expected for value, ${typeName(value)} found\n`,
  );
  return null;
}
/** `sys.excepthook`: what an uncaught exception is reported by (a program may assign its own). */
export let excepthook: unknown = __excepthook__;

const VersionInfo = structseq("sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"]);
export const version_info = new VersionInfo([3n, 12n, 1n, "final", 0n]);
export const version = "3.12.1 (main, tsyncio) [TypeScript runtime]";
export const hexversion = 0x030c01f0n;
export const api_version = 1013n;
export const platform = "linux";
export const byteorder = "little";
export const maxsize = 9223372036854775807n;
export const maxunicode = 1114111n;
/** A launcher that runs Python files and -c code through tsyncio (bin/tsyncio-python), when the host has one. */
export const executable = host.io?.pythonLauncher ?? "";
export const prefix = "";
export const path: PyList<string> = PyList.fromArray([""]);
export const modules = new PyDict<string, unknown>();
export const builtin_module_names = PyTuple.of("builtins", "sys", "time");
export const implementation = { name: "tsyncio", cache_tag: null, version: version_info };
export const dont_write_bytecode = true;
const FloatInfo = structseq("sys.float_info", [
  "max",
  "max_exp",
  "max_10_exp",
  "min",
  "min_exp",
  "min_10_exp",
  "dig",
  "mant_dig",
  "epsilon",
  "radix",
  "rounds",
]);
export const float_info = new FloatInfo([1.7976931348623157e308, 1024n, 308n, 2.2250738585072014e-308, -1021n, -307n, 15n, 53n, 2.220446049250313e-16, 2n, 1n]);
// sys.flags: the interpreter's command-line and environment options, as CPython 3.12 starts a
// script with none given; the PYTHON* variables that set them are read from the environment.
const Flags = structseq("sys.flags", [
  "debug",
  "inspect",
  "interactive",
  "optimize",
  "dont_write_bytecode",
  "no_user_site",
  "no_site",
  "ignore_environment",
  "verbose",
  "bytes_warning",
  "quiet",
  "hash_randomization",
  "isolated",
  "dev_mode",
  "utf8_mode",
  "warn_default_encoding",
  "safe_path",
  "int_max_str_digits",
]);
/** An option a PYTHON* variable sets: 0 when unset or empty, else its number (1 if it is no number). */
function envFlag(name: string): bigint {
  const v = host.env?.[name];
  if (v === undefined || v === "") return 0n;
  return /^\d+$/.test(v) ? BigInt(v) : 1n;
}
export const flags = new Flags([
  envFlag("PYTHONDEBUG"),
  envFlag("PYTHONINSPECT"),
  0n,
  envFlag("PYTHONOPTIMIZE"),
  envFlag("PYTHONDONTWRITEBYTECODE") ? 1n : 0n,
  envFlag("PYTHONNOUSERSITE") ? 1n : 0n,
  0n,
  0n,
  envFlag("PYTHONVERBOSE"),
  0n,
  0n,
  // (the runtime's str hashes are the same in every run, as with PYTHONHASHSEED=0)
  0n,
  0n,
  envFlag("PYTHONDEVMODE") !== 0n,
  envFlag("PYTHONUTF8") ? 1n : 0n,
  envFlag("PYTHONWARNDEFAULTENCODING") ? 1n : 0n,
  envFlag("PYTHONSAFEPATH") !== 0n,
  4300n,
]);
const IntInfo = structseq("sys.int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);
export const int_info = new IntInfo([30n, 4n, 4300n, 640n]);

let recursionLimit = 1000n;
export function getrecursionlimit(): bigint {
  return recursionLimit;
}
export function setrecursionlimit(n: bigint): null {
  recursionLimit = n;
  return null;
}
// The interpreter's thread switch interval, kept in whole microseconds as CPython keeps it (the
// runtime's threads take turns at their own points: the value is only remembered).
let switchIntervalMicros = 5000;
export function getswitchinterval(): number {
  return switchIntervalMicros / 1e6;
}
export function setswitchinterval(interval: unknown): null {
  const seconds = realNumber(interval);
  if (!(seconds > 0)) throw new ValueError("switch interval must be strictly positive");
  switchIntervalMicros = Math.trunc(seconds * 1e6);
  return null;
}
function realNumber(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  const m = (x as { __float__?: () => number } | null)?.__float__;
  if (typeof m === "function") return m.call(x);
  throw new TypeError(`must be real number, not ${typeName(x)}`);
}
export function getdefaultencoding(): string {
  return "utf-8";
}
export function getfilesystemencoding(): string {
  return "utf-8";
}
export function intern(s: string): string {
  return s;
}
export function getsizeof(x: unknown): bigint {
  if (typeof x === "bigint") return 28n;
  if (typeof x === "number") return 24n;
  if (typeof x === "string") return 49n + BigInt(x.length);
  if (x instanceof Array) return 56n + 8n * BigInt(x.length);
  return 48n;
}
export function set_int_max_str_digits(...args: unknown[]): null {
  const k = popKw(args);
  set_max_str_digits(Number(toIndex(args.length ? args[0] : k?.maxdigits)));
  return null;
}
export function get_int_max_str_digits(): bigint {
  return BigInt(get_max_str_digits());
}

/** The exception being handled (the compiler's except blocks record it: thread-state.ts). */
export function exception(): unknown {
  return handled_exception();
}
export function exc_info(): PyTuple<unknown> {
  const e = handled_exception() as { constructor?: unknown; __traceback__?: unknown } | null;
  return e === null ? PyTuple.of<unknown>(null, null, null) : PyTuple.of<unknown>(e.constructor, e, e.__traceback__ ?? null);
}

const AsyncGenHooks = structseq("asyncgen_hooks", ["firstiter", "finalizer"]);
const NOT_GIVEN = Symbol("not given");

/** The hooks async generators call (a running event loop's while it runs: base_events.ts). */
export function get_asyncgen_hooks(): PyTuple<unknown> {
  const [firstiter, finalizer] = _asyncgen_hooks();
  return new AsyncGenHooks([firstiter, finalizer]);
}
export function set_asyncgen_hooks(...args: unknown[]): null {
  const bound = bindArgs("set_asyncgen_hooks", args, ["firstiter", "finalizer"], { firstiter: NOT_GIVEN, finalizer: NOT_GIVEN }, true);
  const [firstiter, finalizer] = _asyncgen_hooks();
  const hook = (name: string, value: unknown, current: AsyncGenHook): AsyncGenHook => {
    if (value === NOT_GIVEN) return current;
    if (value !== null && value !== undefined && typeof value !== "function") throw new TypeError(`callable ${name} expected, got ${typeName(value)}`);
    return (value ?? null) as AsyncGenHook;
  };
  _set_asyncgen_hooks(hook("firstiter", bound.firstiter, firstiter), hook("finalizer", bound.finalizer, finalizer));
  return null;
}

/**
 * How many frames a new coroutine records as its origin (`cr_origin`, which tsyncio does not
 * keep): an event loop in debug mode sets it while it runs, as CPython's does.
 */
export function get_coroutine_origin_tracking_depth(): bigint {
  return BigInt(coroutine_origin_tracking_depth());
}
export function set_coroutine_origin_tracking_depth(...args: unknown[]): null {
  const { depth } = bindArgs("set_coroutine_origin_tracking_depth", args, ["depth"], {}, true);
  if (typeof depth !== "bigint" && typeof depth !== "boolean") throw new TypeError(`'${typeName(depth)}' object cannot be interpreted as an integer`);
  const n = Number(depth);
  if (n < 0) throw new ValueError("depth must be >= 0");
  _set_origin_depth(n);
  return null;
}

/**
 * `sys._getframe()`: tsyncio has no frame objects. Libraries call it in a debug-only branch
 * (aiojobs records a job's creation stack when the loop is in debug mode), so the name exists and
 * a call says why it cannot work.
 */
export function _getframe(_depth: unknown = 0n): never {
  throw new NotImplementedError("sys._getframe() is not supported by tsyncio: it has no frame objects");
}
markUnsupported(_getframe, "no frame objects");
