// loop.add_signal_handler / remove_signal_handler. CPython: unix_events._UnixSelectorEventLoop.
// The callback runs as a loop callback after the signal arrives (CPython: _handle_signal queues it).
import { RuntimeError, TypeError, ValueError, repr } from "./_compat.js";
import { iscoroutine, iscoroutinefunction } from "./coroutines.js";
import { Handle } from "./events.js";
import { ioActivate } from "./io_selector.js";
import { get_signal_action, set_signal_action, set_sigint_handler, get_sigint_handler, mark_loop_action } from "../signals.js";
import { _splitKw } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop & { _signal_handlers?: Map<number, Handle> };

function checkSignal(signal: unknown): number {
  // A Signals member is an int.
  const sig = typeof signal === "object" && signal !== null && "_value_" in signal ? (signal as { _value_: unknown })._value_ : signal;
  // (a float is a JS number here: refused as CPython refuses it; a bool is an int)
  if (typeof sig !== "bigint" && typeof sig !== "boolean") throw new TypeError(`sig must be an int, not ${repr(signal)}`);
  const n = Number(sig);
  // CPython checks against signal.valid_signals() (1 to 64 on Linux, but not 32 and 33, which the C library keeps).
  if (!(n >= 1 && n < 65) || n === 32 || n === 33) throw new ValueError(`invalid signal number ${n}`);
  return n;
}

/** What signal.getsignal() shows for a signal the loop handles (CPython: unix_events._sighandler_noop). */
function _sighandler_noop(_signum: unknown, _frame: unknown): null {
  // (the loop's own callback runs instead)
  return null;
}
Object.assign(_sighandler_noop, { __module__: "asyncio.unix_events", __qualname__: "_sighandler_noop" });

export function add_signal_handler(this: Loop, sig: unknown, callback: unknown, ...rest: unknown[]): void {
  if (iscoroutine(callback) || iscoroutinefunction(callback)) throw new TypeError("coroutines cannot be used with add_signal_handler()");
  const n = checkSignal(sig);
  if (n === 9 || n === 19) throw new RuntimeError(`sig ${n} cannot be caught`);
  this._check_closed();
  const [args] = _splitKw(rest);
  ioActivate(this, "loop.add_signal_handler()");
  const handle = new Handle(callback as Function, args, this, null);
  (this._signal_handlers ??= new Map()).set(n, handle);
  // A signal the program sent itself reaches CPython's loop through its wakeup fd: the next
  // select() reports it, and only then is the callback queued (after what this iteration queued).
  const fire = (_signum?: number, fromSelf?: boolean) => {
    if (handle._cancelled) return;
    if (fromSelf) this._signal_wakeups.push(handle);
    else this._add_callback(handle);
  };
  mark_loop_action(fire, _sighandler_noop);
  if (n === 2) set_sigint_handler(fire);
  else set_signal_action(n, fire);
}

export function remove_signal_handler(this: Loop, sig: unknown): boolean {
  const n = checkSignal(sig);
  const handlers = this._signal_handlers;
  if (!handlers?.has(n)) return false;
  handlers.delete(n);
  if (n === 2) {
    if (get_sigint_handler() !== null) set_sigint_handler(null);
  } else if (get_signal_action(n) !== null) set_signal_action(n, null);
  return true;
}
