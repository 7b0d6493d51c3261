// asyncio.timeout() / timeout_at(): a deadline for a block inside a task.
//
//   async with asyncio.timeout(1):      ⇒  at the deadline the task is cancelled; __aexit__ turns
//       await slow()                        the CancelledError into TimeoutError (from it), unless
//                                           someone else also asked to cancel the task.
// CPython: Lib/asyncio/timeouts.py (3.11+).
import { PyObject, RuntimeError, TypeError, repr } from "./_compat.js";
import { _isNone, _toSeconds } from "./_util.js";
import { coroutine_function } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
import * as events from "./events.js";
import type { TimerHandle } from "./events.js";
import { CancelledError, TimeoutError } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import type { BaseEventLoop } from "./base_events.js";
import type { Task } from "./tasks.js";

export { Timeout, timeout, timeout_at };

const TIMEOUTS_PY = `${ASYNCIO_LIB}/timeouts.py`;

// _State values (CPython's enum values, shown in the repr).
const CREATED = "created";
const ENTERED = "active";
const EXPIRING = "expiring";
const EXPIRED = "expired";
const EXITED = "finished";

/** Use timeout() or timeout_at() rather than constructing this directly. */
class Timeout extends PyObject {
  declare _state: string;
  declare _timeout_handler: TimerHandle | null;
  declare _task: Task<unknown> | null;
  declare _when: number | null;
  declare _cancelling: bigint;
  declare __aenter__: () => Coroutine<Timeout>;
  declare __aexit__: (exc_type: unknown, exc_val: unknown, exc_tb: unknown) => Coroutine<null>;

  __init__(when: unknown): void {
    this._state = CREATED;
    this._timeout_handler = null;
    this._task = null;
    this._when = _isNone(when) ? null : _toSeconds(when);
    this._cancelling = 0n;
  }

  /** The current deadline (loop time) or None. */
  when(): number | null {
    return this._when;
  }

  /** Moves the deadline (None: never). Only inside the `async with` block. */
  reschedule(when: unknown): void {
    if (this._state !== ENTERED) {
      if (this._state === CREATED) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    const w = _isNone(when) ? null : _toSeconds(when);
    this._when = w;
    if (this._timeout_handler !== null) this._timeout_handler.cancel();
    if (w === null) {
      this._timeout_handler = null;
    } else {
      const loop = events.get_running_loop() as BaseEventLoop;
      const cb = () => this._on_timeout();
      Object.defineProperty(cb, "__qualname__", { value: "Timeout._on_timeout" });
      if (w <= loop.time()) this._timeout_handler = loop.call_soon(cb) as TimerHandle;
      else this._timeout_handler = loop._call_at(w, cb, [], null, true);
    }
  }

  /** True once the deadline has passed inside the block. */
  expired(): boolean {
    return this._state === EXPIRING || this._state === EXPIRED;
  }

  __repr__(): string {
    let info = "";
    if (this._state === ENTERED) {
      info = ` when=${this._when === null ? "None" : repr(Math.round(this._when * 1000) / 1000)}`;
    }
    return `<Timeout [${this._state}]${info}>`;
  }

  _on_timeout(): void {
    (this._task as Task<unknown>).cancel();
    this._state = EXPIRING;
    this._timeout_handler = null;
  }
}
Object.defineProperty(Timeout, "__module__", { value: "asyncio.timeouts", configurable: true });

Timeout.prototype.__aenter__ = coroutine_function(
  function* __aenter__(this: Timeout): CoroGen<Timeout> {
    if (this._state !== CREATED) throw new RuntimeError("Timeout has already been entered");
    // tasks.current_task(): the running loop's current task (read here: tasks.ts imports this file).
    const task = events.get_running_loop()._current_task;
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = ENTERED;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  },
  { qualname: "Timeout.__aenter__", filename: TIMEOUTS_PY, firstlineno: 90 },
);

Timeout.prototype.__aexit__ = coroutine_function(
  function* __aexit__(this: Timeout, exc_type: unknown, exc_val: unknown, _exc_tb: unknown): CoroGen<null> {
    if (this._timeout_handler !== null) {
      this._timeout_handler.cancel();
      this._timeout_handler = null;
    }
    if (this._state === EXPIRING) {
      this._state = EXPIRED;
      if ((this._task as Task<unknown>).uncancel() <= this._cancelling && exc_type === CancelledError) {
        // No other cancellation request is pending: this timeout is what cancelled the task.
        const te = new TimeoutError();
        te.__cause__ = exc_val as CancelledError;
        te.__context__ = exc_val as CancelledError;
        te.__suppress_context__ = true;
        throw te;
      }
    } else if (this._state === ENTERED) {
      this._state = EXITED;
    }
    return null;
  },
  { qualname: "Timeout.__aexit__", filename: TIMEOUTS_PY, firstlineno: 101 },
);

/** `async with timeout(delay)`: a deadline `delay` seconds from now (None: no deadline). */
function timeout(delay: unknown): Timeout {
  const loop = events.get_running_loop() as BaseEventLoop;
  if (!_isNone(delay) && typeof delay !== "number" && typeof delay !== "bigint" && typeof delay !== "boolean") {
    throw new TypeError(`unsupported operand type(s) for +: 'float' and '${typeof delay}'`);
  }
  return new Timeout(_isNone(delay) ? null : loop.time() + _toSeconds(delay));
}

/** `async with timeout_at(when)`: a deadline at loop time `when` (None: no deadline). */
function timeout_at(when: unknown): Timeout {
  return new Timeout(when);
}
