// asyncio.run() and Runner: make a loop, run a coroutine to completion on it, then cancel what
// is left, close async generators, and close the loop.
// CPython: Lib/asyncio/runners.py (3.12), including the SIGINT handler that cancels the main task
// on Ctrl-C (the host must notice SIGINT: Host.interrupted, src/runtime/signals.ts).
import { KeyboardInterrupt, KwArgs, PyObject, RuntimeError, ValueError, repr } from "./_compat.js";
import { get_sigint_handler, set_sigint_handler } from "../signals.js";
import { CancelledError } from "./exceptions.js";
import type { Task } from "./tasks.js";
import { _copy_context } from "./_context.js";
import type { PyContext } from "./_context.js";
import { _bind, _isNone, _handler_context } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";
import { iscoroutine } from "./coroutines.js";
import type { Coroutine } from "./coroutines.js";
import * as events from "./events.js";
import { all_tasks, _gather } from "./tasks.js";
import { current as current_thread, run_plain, type Waiter } from "../threads/scheduler.js";

export { Runner, run };

const CREATED = "created";
const INITIALIZED = "initialized";
const CLOSED = "closed";

/**
 * Owns one event loop for several run() calls: `with asyncio.Runner(debug=None, loop_factory=None) as r: r.run(coro)`.
 * CPython: runners.Runner
 */
class Runner extends PyObject {
  declare _state: string;
  declare _debug: unknown;
  declare _loop_factory: Function | null;
  declare _loop: BaseEventLoop | null;
  declare _context: PyContext | null;
  declare _interrupt_count: number;
  declare _set_event_loop: boolean;

  __init__(...args: unknown[]): void {
    const [debug, loop_factory] = _bind("Runner", args, ["debug", "loop_factory"], 0);
    this._state = CREATED;
    this._debug = _isNone(debug) ? null : debug;
    this._loop_factory = _isNone(loop_factory) ? null : (loop_factory as Function);
    this._loop = null;
    this._context = null;
    this._interrupt_count = 0;
    this._set_event_loop = false;
  }

  __enter__(): this {
    this._lazy_init();
    return this;
  }

  __exit__(_exc_type?: unknown, _exc_val?: unknown, _exc_tb?: unknown): null {
    this.close();
    return null;
  }

  /** Cancels remaining tasks, shuts down async generators and the executor, closes the loop. */
  close(): null {
    return run_plain(this._close_g(runOnStack));
  }

  /** close() with the loop run by `runLoop` (on the JS stack, or yielding as a thread's generator). */
  *_close_g(runLoop: RunLoop): Generator<Waiter, null, unknown> {
    if (this._state !== INITIALIZED) return null;
    const loop = this._loop as BaseEventLoop;
    try {
      yield* _cancel_all_tasks(loop, runLoop);
      yield* runLoop(loop, loop.shutdown_asyncgens());
      yield* runLoop(loop, loop.shutdown_default_executor());
    } finally {
      if (this._set_event_loop) events.set_event_loop(null);
      loop.close();
      this._loop = null;
      this._state = CLOSED;
    }
    return null;
  }

  get_loop(): BaseEventLoop {
    this._lazy_init();
    return this._loop as BaseEventLoop;
  }

  /** Runs `coro` in a new Task until it is done: `run(coro, *, context=None)`. */
  run<T>(coro: Coroutine<T>, ...rest: unknown[]): T {
    return run_plain(this._run_g<T>(runOnStack, coro, rest));
  }

  /** run() with the loop run by `runLoop`. */
  *_run_g<T>(runLoop: RunLoop, coro: Coroutine<T>, rest: unknown[]): Generator<Waiter, T, unknown> {
    let context: unknown = null;
    if (rest.length > 0) [, context] = _bind("run", [coro, ...rest], ["coro", "context"], 1);
    if (!iscoroutine(coro)) throw new ValueError(`a coroutine was expected, got ${repr(coro)}`);
    if (events._get_running_loop() !== null) {
      throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    }
    this._lazy_init();
    const loop = this._loop as BaseEventLoop;
    const task = loop.create_task(coro, new KwArgs({ context: _isNone(context) ? this._context : context }));
    // Ctrl-C cancels the main task (see signals.ts for where the handler runs); as in CPython, only
    // when the runner runs in the main thread.
    const sigint_handler = get_sigint_handler() === null && current_thread === null ? () => this._on_sigint(task) : null;
    if (sigint_handler !== null) set_sigint_handler(sigint_handler);
    this._interrupt_count = 0;
    try {
      return (yield* runLoop(loop, task)) as T;
    } catch (e) {
      // (a task factory's object may have no uncancel(): then the CancelledError stays)
      if (e instanceof CancelledError && this._interrupt_count > 0) {
        const uncancel = (task as { uncancel?: unknown }).uncancel;
        if (typeof uncancel === "function" && uncancel.call(task) === 0n) throw new KeyboardInterrupt();
      }
      throw e;
    } finally {
      if (sigint_handler !== null && get_sigint_handler() === sigint_handler) set_sigint_handler(null);
    }
  }

  /** CPython: runners.Runner._on_sigint */
  private _on_sigint(main_task: Task<unknown>): void {
    this._interrupt_count += 1;
    if (this._interrupt_count === 1 && !main_task.done()) {
      main_task.cancel();
      // wake the loop if it is blocked in a long sleep
      (this._loop as BaseEventLoop).call_soon_threadsafe(() => null);
      return;
    }
    throw new KeyboardInterrupt();
  }

  private _lazy_init(): void {
    if (this._state === CLOSED) throw new RuntimeError("Runner is closed");
    if (this._state === INITIALIZED) return;
    if (this._loop_factory === null) {
      this._loop = events.new_event_loop() as BaseEventLoop;
      if (!this._set_event_loop) {
        events.set_event_loop(this._loop);
        this._set_event_loop = true;
      }
    } else {
      this._loop = this._loop_factory() as BaseEventLoop;
    }
    if (this._debug !== null) this._loop.set_debug(this._debug);
    this._context = _copy_context();
    this._state = INITIALIZED;
  }
}
Object.defineProperty(Runner, "__module__", { value: "asyncio.runners", configurable: true });

/** How a runner runs its loop until a future is done: on the JS stack, or as a thread's generator. */
type RunLoop = (loop: BaseEventLoop, future: unknown) => Generator<Waiter, unknown, unknown>;

function* runOnStack(loop: BaseEventLoop, future: unknown): Generator<Waiter, unknown, unknown> {
  return loop.run_until_complete(future);
}

/** A thread compiled as a generator runs the loop so that its waits let the other threads run. */
function* runInThread(loop: BaseEventLoop, future: unknown): Generator<Waiter, unknown, unknown> {
  return yield* loop._run_until_complete_g(future);
}

// The generator forms a thread's body calls (Thread(target=asyncio.run, ...), runner.run() in a
// thread's function): their loop waits let the other threads run.
Object.defineProperty(Runner.prototype.run, "$g", {
  value: function* (this: Runner, coro: Coroutine<unknown>, ...rest: unknown[]) {
    return yield* this._run_g(runInThread, coro, rest);
  },
});
Object.defineProperty(Runner.prototype.close, "$g", {
  value: function* (this: Runner) {
    return yield* this._close_g(runInThread);
  },
});
Object.defineProperty(Runner.prototype.__exit__, "$g", {
  value: function* (this: Runner) {
    return yield* this._close_g(runInThread);
  },
});

/**
 * Runs `main` on a new event loop and returns its result: `asyncio.run(main, *, debug=None, loop_factory=None)`.
 * The loop is closed afterwards (remaining tasks are cancelled first).
 */
// The second signature takes anything, as Python does (a non-coroutine raises ValueError at run time).
function run<T>(main: Coroutine<T>, ...rest: unknown[]): T;
function run(main: unknown, ...rest: unknown[]): unknown;
function run<T>(mainArg: unknown, ...rest: unknown[]): T {
  return run_plain(run_g<T>(runOnStack, mainArg, rest));
}

function* run_g<T>(runLoop: RunLoop, mainArg: unknown, rest: unknown[]): Generator<Waiter, T, unknown> {
  const main = mainArg as Coroutine<T>;
  const [, debug, loop_factory] = _bind("run", [main, ...rest], ["main", "debug", "loop_factory"], 1);
  if (events._get_running_loop() !== null) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  const runner = new Runner(new KwArgs({ debug: debug ?? null, loop_factory: loop_factory ?? null }));
  runner.__enter__();
  try {
    return yield* runner._run_g<T>(runLoop, main, []);
  } finally {
    yield* runner._close_g(runLoop);
  }
}
Object.defineProperty(run, "$g", {
  value: function* (mainArg: unknown, ...rest: unknown[]) {
    return yield* run_g(runInThread, mainArg, rest);
  },
});

/** Cancels every pending task and waits for them; reports those that failed. CPython: runners._cancel_all_tasks */
function* _cancel_all_tasks(loop: BaseEventLoop, runLoop: RunLoop): Generator<Waiter, void, unknown> {
  const to_cancel = Array.from(all_tasks(loop));
  if (to_cancel.length === 0) return;
  for (const task of to_cancel) task.cancel();
  yield* runLoop(loop, _gather(to_cancel, true));
  for (const task of to_cancel) {
    if (task.cancelled()) continue;
    const exc = task.exception();
    if (exc !== null) {
      loop.call_exception_handler(
        _handler_context(loop, {
          message: "unhandled exception during asyncio.run() shutdown",
          exception: exc,
          task,
        }),
      );
    }
  }
}
