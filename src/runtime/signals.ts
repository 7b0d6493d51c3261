// Ctrl-C. The host notices SIGINT (Host.interrupted(), e.g. the Node CLI's signal-watching thread,
// which also wakes a blocking sleep) and the runtime runs the Python-level SIGINT handler where
// the program wakes up: after the event loop's sleep or poll, and after time.sleep(). That is
// where CPython runs it too (between bytecodes, after select() or sleep returns with EINTR).
// The default handler raises KeyboardInterrupt; asyncio.Runner installs its own while it runs
// (the first Ctrl-C cancels the main task, the second raises KeyboardInterrupt).

import { host } from "./host.js";
import { KeyboardInterrupt, NotImplementedError } from "./builtins/exceptions.js";

let handler: (() => void) | null = null;

/** The Python-level SIGINT handler; null is signal.default_int_handler. Returns the previous one. */
export function set_sigint_handler(h: (() => void) | null): (() => void) | null {
  const previous = handler;
  handler = h;
  return previous;
}

export function get_sigint_handler(): (() => void) | null {
  return handler;
}

/** Runs the SIGINT handler if the host saw a SIGINT since the last call; true if it did. */
export function deliver_interrupt(): boolean {
  if (fromThreads.length > 0 && deliver_thread_signals()) return true;
  if (!host.interrupted?.()) return false;
  if (handler === null) throw new KeyboardInterrupt();
  handler();
  return true;
}

// --- other signals (SIGTERM, SIGHUP, SIGUSR1, ...): signal.signal and loop.add_signal_handler ----
//
// A handler for a signal other than SIGINT is kept here by number; the host's I/O kernel watches
// the signal and the loop runs the handler when the signal's completion comes in. A signal the
// program sends itself (os.kill(os.getpid(), sig), signal.raise_signal) runs its handler at once,
// as CPython does before the next statement, without a trip through the operating system.

export const SIG_DFL = 0n;
export const SIG_IGN = 1n;

/** What the kernel delivers a signal to: run the program's handler for it (`fromSelf`: os.kill of its own pid). */
export type SignalAction = (signum: number, fromSelf?: boolean) => void;

const actions = new Map<number, SignalAction | "ignore">();
let watch: ((signum: number, on: boolean) => void) | null = null;

/** The host side: called when the program starts or stops handling a signal. */
export function set_signal_watcher(w: (signum: number, on: boolean) => void): void {
  watch = w;
}

/** Installs (or, with null, removes) the action for `signum`; SIGINT goes through set_sigint_handler. */
export function set_signal_action(signum: number, action: SignalAction | "ignore" | null): void {
  const had = actions.has(signum);
  if (action === null) actions.delete(signum);
  else actions.set(signum, action);
  if (watch !== null && had !== (action !== null)) watch(signum, action !== null);
}

export function get_signal_action(signum: number): SignalAction | "ignore" | null {
  return actions.get(signum) ?? null;
}

/**
 * Actions an event loop installed (loop.add_signal_handler). CPython installs its no-op Python
 * handler for those signals (the loop hears of them through its wakeup fd), which is what
 * signal.getsignal() then returns: `loop_handler_of` gives that object for such an action.
 */
const loopActions = new WeakSet<object>();
let loopHandler: unknown = null;
export function mark_loop_action(action: object, pythonHandler: unknown): void {
  loopActions.add(action);
  loopHandler = pythonHandler;
}
export function loop_handler_of(action: unknown): unknown {
  return typeof action === "function" && loopActions.has(action) ? loopHandler : null;
}

/** Told of each signal the kernel delivers, before its handler runs (signal.ts's interval timer: SIGALRM). */
export const signal_arrival_hooks: ((signum: number) => void)[] = [];

/** A signal arrived (from the kernel) or was raised by the program itself: true if something took it. */
export function run_signal_action(signum: number, fromSelf = false): boolean {
  if (!fromSelf) for (const hook of signal_arrival_hooks) hook(signum);
  if (signum === 2) {
    if (handler === null) throw new KeyboardInterrupt();
    (handler as SignalAction)(2, fromSelf);
    return true;
  }
  const a = actions.get(signum);
  if (a === undefined) return false;
  if (a !== "ignore") a(signum, fromSelf);
  return true;
}

/**
 * Signals another thread sent the program (os.kill(os.getpid(), ...), signal.raise_signal): CPython
 * runs every Python-level handler in the main thread, when it next runs (a blocking call there is
 * interrupted), so the sending thread goes on.
 */
const fromThreads: number[] = [];

/** Whether the main thread runs now: threads/scheduler.ts registers the question (no threads: always). */
let inMainThread: () => boolean = () => true;

export function set_main_thread_query(query: () => boolean): void {
  inMainThread = query;
}

/** In the main thread: runs the handlers of the signals other threads sent; true if there were any. */
export function deliver_thread_signals(): boolean {
  if (fromThreads.length === 0 || !inMainThread()) return false;
  while (fromThreads.length > 0) send_to_self(fromThreads.shift()!);
  return true;
}

/** A signal the program sends itself: its handler now, else the operating system's default action. */
export function send_to_self(n: number): void {
  if (!inMainThread()) {
    fromThreads.push(n);
    return;
  }
  if (run_signal_action(n, true)) return;
  // No handler: what the signal does by default (SIGCHLD, SIGWINCH, SIGCONT: nothing).
  if (n === 17 || n === 28 || n === 18) return;
  host.flush();
  if (!host.io) throw new NotImplementedError("sending a signal is not supported by tsyncio in the browser (a web page has no processes)");
  host.io.kill(host.pid ?? 0, n);
  // The process ends here; a last wait lets the signal land.
  for (;;) host.sleep(1);
}
