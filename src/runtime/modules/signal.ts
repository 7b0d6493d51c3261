// signal: the signal numbers (as CPython's Signals enum), signal()/getsignal(), raise_signal,
// default_int_handler. Handlers run in the program's thread: a signal from outside arrives
// through the host's I/O kernel while the event loop waits; one the program raises itself runs
// its handler at once. CPython: Lib/signal.py (documented behaviour).
import { IntEnum, _module_enum } from "./enum.js";
import { call, typeName } from "../builtins/ops.js";
import { KeyboardInterrupt, NotImplementedError, OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { builtin } from "../builtins/functions.js";
import { PyTuple } from "../builtins/collections.js";
import { host } from "../host.js";
import {
  get_signal_action,
  get_sigint_handler,
  loop_handler_of,
  send_to_self,
  set_signal_action,
  set_sigint_handler,
  signal_arrival_hooks,
} from "../signals.js";

// Linux's numbering, in CPython's Signals order; the second name of a pair is CPython's alias.
const NUMBERS: [string, number][] = [
  ["SIGHUP", 1],
  ["SIGINT", 2],
  ["SIGQUIT", 3],
  ["SIGILL", 4],
  ["SIGTRAP", 5],
  ["SIGABRT", 6],
  ["SIGIOT", 6],
  ["SIGBUS", 7],
  ["SIGFPE", 8],
  ["SIGKILL", 9],
  ["SIGUSR1", 10],
  ["SIGSEGV", 11],
  ["SIGUSR2", 12],
  ["SIGPIPE", 13],
  ["SIGALRM", 14],
  ["SIGTERM", 15],
  ["SIGSTKFLT", 16],
  ["SIGCHLD", 17],
  ["SIGCLD", 17],
  ["SIGCONT", 18],
  ["SIGSTOP", 19],
  ["SIGTSTP", 20],
  ["SIGTTIN", 21],
  ["SIGTTOU", 22],
  ["SIGURG", 23],
  ["SIGXCPU", 24],
  ["SIGXFSZ", 25],
  ["SIGVTALRM", 26],
  ["SIGPROF", 27],
  ["SIGWINCH", 28],
  ["SIGIO", 29],
  ["SIGPOLL", 29],
  ["SIGPWR", 30],
  ["SIGSYS", 31],
  ["SIGRTMIN", 34],
  ["SIGRTMAX", 64],
];

/** The signals CPython ignores from the start (getsignal() says SIG_IGN until a program sets one). */
const IGNORED_AT_START = new Set([13, 25]);

const makeEnum = (name: string, pairs: [string, number][]) => _module_enum(IntEnum, "signal", name, pairs);

export const Signals = makeEnum("Signals", NUMBERS);
export const Handlers = makeEnum("Handlers", [
  ["SIG_DFL", 0],
  ["SIG_IGN", 1],
]);
/** Annotations name these enums as types: their members (the classes are made at run time). */
export type Signals = IntEnum;
export type Handlers = IntEnum;
export const SIG_DFL = Handlers.SIG_DFL;
export const SIG_IGN = Handlers.SIG_IGN;
export const NSIG = 65n;

export const SIGHUP = Signals.SIGHUP;
export const SIGINT = Signals.SIGINT;
export const SIGQUIT = Signals.SIGQUIT;
export const SIGILL = Signals.SIGILL;
export const SIGTRAP = Signals.SIGTRAP;
export const SIGABRT = Signals.SIGABRT;
export const SIGBUS = Signals.SIGBUS;
export const SIGFPE = Signals.SIGFPE;
export const SIGKILL = Signals.SIGKILL;
export const SIGUSR1 = Signals.SIGUSR1;
export const SIGSEGV = Signals.SIGSEGV;
export const SIGUSR2 = Signals.SIGUSR2;
export const SIGPIPE = Signals.SIGPIPE;
export const SIGALRM = Signals.SIGALRM;
export const SIGTERM = Signals.SIGTERM;
export const SIGCHLD = Signals.SIGCHLD;
export const SIGCONT = Signals.SIGCONT;
export const SIGSTOP = Signals.SIGSTOP;
export const SIGTSTP = Signals.SIGTSTP;
export const SIGWINCH = Signals.SIGWINCH;
export const SIGIOT = Signals.SIGIOT;
export const SIGSTKFLT = Signals.SIGSTKFLT;
export const SIGCLD = Signals.SIGCLD;
export const SIGTTIN = Signals.SIGTTIN;
export const SIGTTOU = Signals.SIGTTOU;
export const SIGURG = Signals.SIGURG;
export const SIGXCPU = Signals.SIGXCPU;
export const SIGXFSZ = Signals.SIGXFSZ;
export const SIGVTALRM = Signals.SIGVTALRM;
export const SIGPROF = Signals.SIGPROF;
export const SIGIO = Signals.SIGIO;
export const SIGPOLL = Signals.SIGPOLL;
export const SIGPWR = Signals.SIGPWR;
export const SIGSYS = Signals.SIGSYS;
export const SIGRTMIN = Signals.SIGRTMIN;
export const SIGRTMAX = Signals.SIGRTMAX;

/** The default SIGINT handler: raises KeyboardInterrupt (a built-in function, as its repr says). */
export const default_int_handler = builtin(function default_int_handler(..._args: unknown[]): never {
  throw new KeyboardInterrupt();
}, "default_int_handler");

function signum(x: unknown): number {
  const v = typeof x === "object" && x !== null && "_value_" in x ? (x as { _value_: unknown })._value_ : x;
  if (typeof v !== "bigint" && typeof v !== "number") throw new TypeError(`'${typeof x}' object cannot be interpreted as an integer`);
  const n = Number(v);
  if (!(n >= 1 && n < 65)) throw new ValueError("signal number out of range");
  return n;
}

/** The Python handlers as signal() was given them (what getsignal returns). */
const pyHandlers = new Map<number, unknown>();

/** signal.signal(signalnum, handler): installs handler(signum, frame); returns the previous one. */
export function signal(signalnum: unknown, handler: unknown): unknown {
  const n = signum(signalnum);
  if (n === 9 || n === 19) throw new OSError(22n, "Invalid argument");
  const previous = getsignal(signalnum);
  const isDfl = handler === SIG_DFL || handler === 0n;
  const isIgn = handler === SIG_IGN || handler === 1n;
  if (!isDfl && !isIgn && typeof handler !== "function") throw new TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  const run = () => call(handler, call(Signals, BigInt(n)), null);
  if (n === 2) {
    set_sigint_handler(isDfl ? null : isIgn ? () => {} : handler === default_int_handler ? null : run);
  } else {
    set_signal_action(n, isDfl ? null : isIgn ? "ignore" : run);
  }
  IGNORED_AT_START.delete(n);
  if (isDfl) pyHandlers.delete(n);
  else pyHandlers.set(n, handler);
  return previous;
}

/** signal.getsignal(signalnum): the handler signal() installed, SIG_DFL, or default_int_handler. */
export function getsignal(signalnum: unknown): unknown {
  const n = signum(signalnum);
  // A signal an event loop handles: CPython's loop installed its no-op Python handler.
  const loops = loop_handler_of(n === 2 ? get_sigint_handler() : get_signal_action(n));
  if (loops !== null) return loops;
  if (pyHandlers.has(n)) {
    // A handler the event loop replaced since (add_signal_handler) is not the program's any more.
    const still = n === 2 ? get_sigint_handler() !== null : get_signal_action(n) !== null;
    if (still) return pyHandlers.get(n);
  }
  if (n === 2) return get_sigint_handler() === null ? default_int_handler : (pyHandlers.get(n) ?? default_int_handler);
  return IGNORED_AT_START.has(n) ? SIG_IGN : SIG_DFL;
}

/** signal.raise_signal(signum): as os.kill(os.getpid(), signum). */
export function raise_signal(signalnum: unknown): null {
  send_to_self(signum(signalnum));
  return null;
}

export function strsignal(signalnum: unknown): string {
  const n = signum(signalnum);
  const names: Record<number, string> = {
    1: "Hangup",
    2: "Interrupt",
    3: "Quit",
    9: "Killed",
    10: "User defined signal 1",
    12: "User defined signal 2",
    13: "Broken pipe",
    14: "Alarm clock",
    15: "Terminated",
    4: "Illegal instruction",
    5: "Trace/breakpoint trap",
    6: "Aborted",
    7: "Bus error",
    8: "Floating point exception",
    11: "Segmentation fault",
    17: "Child exited",
    18: "Continued",
    19: "Stopped (signal)",
    20: "Stopped",
    21: "Stopped (tty input)",
    22: "Stopped (tty output)",
    28: "Window changed",
    16: "Stack fault",
    23: "Urgent I/O condition",
    24: "CPU time limit exceeded",
    25: "File size limit exceeded",
    26: "Virtual timer expired",
    27: "Profiling timer expired",
    29: "I/O possible",
    30: "Power failure",
    31: "Bad system call",
  };
  if (n >= 34) return `Real-time signal ${n - 34}`;
  return names[n] ?? `Unknown signal ${n}`;
}

// --- interval timers: setitimer/getitimer and alarm ---------------------------------------------
//
// ITIMER_REAL sends the program SIGALRM through the host's I/O kernel (a real signal, taken by the
// kernel's watch when the program handles it); the deadline is kept here for getitimer().

export const ITIMER_REAL = 0n;
export const ITIMER_VIRTUAL = 1n;
export const ITIMER_PROF = 2n;

/** signal.ItimerError (CPython's class is named itimer_error): an OSError from setitimer/getitimer. */
export class ItimerError extends OSError {
  static __module__ = "signal";
}
Object.defineProperty(ItimerError, "__name__", { value: "itimer_error" });
Object.defineProperty(ItimerError, "__qualname__", { value: "itimer_error" });

/** The armed ITIMER_REAL: when it fires next (host.now() seconds) and its interval; null when disarmed. */
let itimer: { at: number; interval: number } | null = null;

// The kernel's SIGALRM is the timer firing: a one-shot timer is spent, a repeating one starts over
// (the program's clock may not have moved as far: the virtual clock waits for it in real time).
signal_arrival_hooks.push((n) => {
  if (n !== 14 || itimer === null) return;
  if (itimer.interval > 0) itimer.at = host.now() + itimer.interval;
  else itimer = null;
});

function seconds(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  throw new TypeError(`must be real number, not ${typeName(x)}`);
}

/** What is left of the timer now, as (delay, interval) in whole microseconds as the kernel keeps them. */
function itimerValue(): [number, number] {
  if (itimer === null) return [0, 0];
  const now = host.now();
  let left = itimer.at - now;
  if (left <= 0) {
    if (itimer.interval <= 0) {
      itimer = null;
      return [0, 0];
    }
    const k = Math.ceil(-left / itimer.interval);
    itimer.at += k * itimer.interval;
    left = itimer.at - now;
    if (left <= 0) left = itimer.interval;
  }
  const us = (x: number) => Math.round(x * 1e6) / 1e6;
  return [us(left), us(itimer.interval)];
}

function whichTimer(which: unknown): void {
  const n = Number(which);
  if (n === 1 || n === 2) throw new NotImplementedError("signal.setitimer(ITIMER_VIRTUAL/ITIMER_PROF) is not supported by tsyncio (only ITIMER_REAL)");
  if (n !== 0) throw new ItimerError(22n, "Invalid argument");
}

function arm(delay: number, interval: number): void {
  if (!host.io) throw new NotImplementedError("signal.setitimer() is not supported by tsyncio in the browser (a web page has no processes)");
  itimer = delay > 0 ? { at: host.now() + delay, interval } : null;
  host.io.send({ op: "alarm", seconds: delay > 0 ? delay : 0, interval });
}

/** signal.setitimer(which, seconds, interval=0.0): arms (or with 0, disarms) the timer; the old (delay, interval). */
export function setitimer(which: unknown, secs: unknown, interval: unknown = 0.0): PyTuple<number> {
  whichTimer(which);
  const delay = seconds(secs);
  const every = seconds(interval);
  if (delay < 0 || every < 0) throw new ItimerError(22n, "Invalid argument");
  const old = itimerValue();
  arm(delay, every);
  return PyTuple.fromArray(old);
}

/** signal.getitimer(which): (delay, interval) of the armed timer, (0.0, 0.0) when none. */
export function getitimer(which: unknown): PyTuple<number> {
  whichTimer(which);
  return PyTuple.fromArray(itimerValue());
}

/** signal.alarm(seconds): SIGALRM after that many seconds (0 cancels); the whole seconds the previous alarm had left. */
export function alarm(secs: unknown): bigint {
  if (typeof secs !== "bigint" && typeof secs !== "boolean") throw new TypeError(`'${typeName(secs)}' object cannot be interpreted as an integer`);
  const [left] = itimerValue();
  arm(Number(secs), 0);
  // As the C library rounds: to the nearest second, and a fraction alone counts as one.
  const whole = Math.floor(left);
  return BigInt(left === 0 ? 0 : Math.max(1, left - whole >= 0.5 ? whole + 1 : whole));
}
