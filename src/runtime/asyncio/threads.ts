// asyncio and threads: to_thread(), loop.run_in_executor(), the default executor,
// wrap_future(), run_coroutine_threadsafe(). Threads are cooperative (src/runtime/threads): a
// concurrent.futures.Future finished by a worker thread is copied into the loop's future through
// call_soon_threadsafe(), which wakes the loop's wait as CPython's self-pipe does.
// CPython: Lib/asyncio/threads.py, base_events.py (run_in_executor, shutdown_default_executor),
// futures.py (_chain_future, wrap_future), tasks.py (run_coroutine_threadsafe).
import { KwArgs, RuntimeError, TypeError, caughtException } from "./_compat.js";
import { _copy_context } from "./_context.js";
import { _bind, _isNone } from "./_util.js";
import { coroutine_function, iscoroutine } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import * as events from "./events.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import { Future, isfuture, _get_loop } from "./futures.js";
import { ensure_future } from "./tasks.js";
import { BaseEventLoop } from "./base_events.js";
import { CancelledError } from "./exceptions.js";
import { Thread } from "../modules/threading.js";
import * as cf from "../modules/concurrent_futures.js";
import { bcall, blocking_function } from "../threads/blocking.js";
import { run_plain, type Waiter } from "../threads/scheduler.js";

type AnyFuture = Future<unknown> | cf.Future;
type LoopWithExecutor = BaseEventLoop & { _default_executor?: cf.ThreadPoolExecutor | null };

/** Copies a finished source's state into an asyncio future (unless that was cancelled). */
function copyState(source: AnyFuture, dest: Future<unknown>): void {
  if (dest.cancelled()) return;
  if (source.cancelled()) dest.cancel();
  else {
    const exc = source instanceof cf.Future ? source._exception : (source as Future<unknown>).exception();
    if (exc !== null && exc !== undefined) dest.set_exception(exc);
    else dest.set_result(source instanceof cf.Future ? source._result : (source as Future<unknown>).result());
  }
}

/** Copies an asyncio future's final state into a concurrent.futures.Future. */
function setConcurrentState(concurrent: cf.Future, source: Future<unknown>): void {
  if (source.cancelled()) concurrent.cancel();
  if (!concurrent.set_running_or_notify_cancel()) return;
  const exc = source.exception();
  if (exc !== null && exc !== undefined) concurrent.set_exception(exc instanceof CancelledError ? new cf.CancelledError() : exc);
  else concurrent.set_result(source.result());
}

/** Links two futures (either kind): the destination gets the source's outcome; cancelling it cancels the source. */
export function _chain_future(source: AnyFuture, destination: AnyFuture): void {
  const srcLoop = source instanceof Future ? _get_loop(source) : null;
  const dstLoop = destination instanceof Future ? _get_loop(destination) : null;
  const setState = (future: AnyFuture, other: AnyFuture) => {
    if (future instanceof Future) copyState(other, future);
    else setConcurrentState(future as cf.Future, other as Future<unknown>);
  };
  destination.add_done_callback((d: AnyFuture) => {
    if (!d.cancelled()) return;
    if (srcLoop === null || srcLoop === dstLoop) source.cancel();
    else if (!srcLoop.is_closed()) srcLoop.call_soon_threadsafe(() => source.cancel());
  });
  source.add_done_callback((s: AnyFuture) => {
    if (destination.cancelled() && dstLoop !== null && dstLoop.is_closed()) return;
    if (dstLoop === null || dstLoop === srcLoop) setState(destination, s);
    else if (!dstLoop.is_closed()) dstLoop.call_soon_threadsafe(setState, destination, s);
  });
}

/** asyncio.wrap_future(future, *, loop=None): an asyncio Future following a concurrent one. */
export function wrap_future(...args: unknown[]): Future<unknown> {
  const [future, loop] = _bind("wrap_future", args, ["future", "loop"], 1);
  if (isfuture(future)) return future as Future<unknown>;
  if (!(future instanceof cf.Future)) throw new TypeError(`concurrent.futures.Future is expected, got ${String(future)}`);
  const l = (_isNone(loop) ? events.get_event_loop() : loop) as BaseEventLoop;
  const fut = l.create_future() as Future<unknown>;
  _chain_future(future, fut);
  return fut;
}

/** asyncio.run_coroutine_threadsafe(coro, loop): schedule on `loop` from any thread. */
export function run_coroutine_threadsafe(coro: unknown, loop: unknown): cf.Future {
  if (!iscoroutine(coro)) throw new TypeError("A coroutine object is required");
  const future = new cf.Future();
  (loop as BaseEventLoop).call_soon_threadsafe(() => {
    try {
      _chain_future(ensure_future(coro, loop) as Future<unknown>, future);
    } catch (e) {
      const exc = caughtException(e);
      if (future.set_running_or_notify_cancel()) future.set_exception(exc);
      throw exc;
    }
  });
  return future;
}

/** The default executor, created on first use (threads named asyncio_0, asyncio_1, ...). */
function defaultExecutor(loop: LoopWithExecutor): cf.ThreadPoolExecutor {
  let executor = loop._default_executor ?? null;
  if (executor === null) {
    if (loop._executor_shutdown_called) throw new RuntimeError("Executor shutdown has been called");
    executor = new cf.ThreadPoolExecutor(new KwArgs({ thread_name_prefix: "asyncio" }));
    loop._default_executor = executor;
  }
  return executor;
}

function run_in_executor(this: LoopWithExecutor, executor: unknown, func: unknown, ...args: unknown[]): Future<unknown> {
  // CPython's signature is run_in_executor(executor, func, *args): keyword arguments are refused.
  const last = args[args.length - 1];
  if (last instanceof KwArgs) {
    const names = Object.keys(last.kw);
    if (names.length > 0) throw new TypeError(`BaseEventLoop.run_in_executor() got an unexpected keyword argument '${names[0]}'`);
    args = args.slice(0, -1);
  }
  this._check_closed();
  if (this._debug) this._check_callback(func as Function, "run_in_executor");
  const ex = (_isNone(executor) ? defaultExecutor(this) : executor) as cf.Executor;
  return wrap_future(ex.submit(func, ...args), new KwArgs({ loop: this }));
}

function set_default_executor(this: LoopWithExecutor, executor: unknown): null {
  if (!(executor instanceof cf.ThreadPoolExecutor)) throw new TypeError("executor must be ThreadPoolExecutor instance");
  this._default_executor = executor;
  return null;
}

/** The thread that shuts the default executor down (its name counts in Thread-N numbering). */
const _do_shutdown = blocking_function(function* _do_shutdown(loop: unknown, future: unknown): Generator<Waiter, null, unknown> {
  const l = loop as LoopWithExecutor;
  try {
    yield* (l._default_executor as cf.ThreadPoolExecutor)._shutdown_g(true);
    if (!l.is_closed()) l.call_soon_threadsafe(() => (future as Future<unknown>).done() || (future as Future<unknown>).set_result(null));
  } catch (e) {
    const exc = caughtException(e);
    if (!l.is_closed()) l.call_soon_threadsafe(() => (future as Future<unknown>).done() || (future as Future<unknown>).set_exception(exc));
  }
  return null;
});
Object.defineProperty(_do_shutdown, "__name__", { value: "_do_shutdown" });

const shutdown_default_executor = coroutine_function(
  function* shutdown_default_executor(loop: LoopWithExecutor, ..._args: unknown[]): CoroGen<null> {
    loop._executor_shutdown_called = true;
    const executor = loop._default_executor ?? null;
    if (executor === null) return null;
    const future = loop.create_future() as Future<unknown>;
    const thread = new Thread(new KwArgs({ target: _do_shutdown, args: [loop, future] }));
    thread.start();
    try {
      yield* future;
    } finally {
      thread.join();
    }
    return null;
  },
  { qualname: "BaseEventLoop.shutdown_default_executor", filename: `${ASYNCIO_LIB}/base_events.py`, firstlineno: 586 },
);

for (const [name, fn] of Object.entries({
  run_in_executor,
  set_default_executor,
  shutdown_default_executor(this: LoopWithExecutor, ...args: unknown[]) {
    return shutdown_default_executor(this, ...args);
  },
})) {
  Object.defineProperty(BaseEventLoop.prototype, name, { value: fn, writable: true, configurable: true });
}

/** asyncio.to_thread(func, /, *args, **kwargs): run func in the default executor; await its result. */
export const to_thread = coroutine_function(
  function* to_thread(func: unknown, ...args: unknown[]): CoroGen<unknown> {
    const loop = events.get_running_loop() as BaseEventLoop;
    const ctx = _copy_context();
    // The call keeps its blocking form (so it can yield in the worker) and runs in a copy of the
    // caller's context (contextvars).
    const body =
      ctx === null
        ? function* (): Generator<Waiter, unknown, unknown> {
            return yield* bcall(func, ...args);
          }
        : function* (): Generator<Waiter, unknown, unknown> {
            // Each step of the call runs inside the copied context (it may span several switches).
            const gen = bcall(func, ...args);
            for (;;) {
              const r = ctx.run(() => gen.next()) as IteratorResult<Waiter, unknown>;
              if (r.done) return r.value;
              yield r.value;
            }
          };
    const funcCall = Object.assign(() => run_plain(body()), { $g: body });
    return yield* loop.run_in_executor(null, funcCall) as Future<unknown>;
  },
  { qualname: "to_thread", filename: `${ASYNCIO_LIB}/threads.py`, firstlineno: 12 },
);
