// What CPython prints when the interpreter exits with asyncio objects still alive: the CLI calls
// _at_exit() once, after the program's last statement (or its uncaught exception).
//
// CPython reports these when the objects are garbage-collected. At exit that means:
//   - a pending Task is collected unless its loop is still the current loop and the Task can be
//     reached from that loop's timers or ready queue (a Task asleep in asyncio.sleep() is never
//     collected, so never reported), or its loop is still running in a daemon thread; a collected one has its coroutine closed (its `finally`
//     blocks run) and then "Task was destroyed but it is pending!" is logged;
//   - a Future or Task whose exception was never retrieved logs "... exception was never retrieved"
//     (CPython does so when the object is dropped, often long before exit; here it comes first);
//   - a coroutine object never started warns `sys:1: RuntimeWarning: coroutine '...' was never awaited`.
// Example: seed-examples/07_task_pending_destroyed.py.
import { host, repr, caughtException } from "./_compat.js";
import { _report_never_awaited, _reset_coroutines_state } from "./coroutines.js";
import type { Coroutine } from "./coroutines.js";
import * as events from "./events.js";
import type { Handle } from "./events.js";
import { Future, _report_unretrieved_now, _unretrieved } from "./futures.js";
import { _format_exception } from "./log.js";
import type { BaseEventLoop } from "./base_events.js";
import { Task, _reset_tasks_state, _scheduled_tasks } from "./tasks.js";
import { _reset_warnings_state } from "./_warnings.js";

let _done = false;

/** Reports what CPython reports at interpreter shutdown. Idempotent. */
export function _at_exit(): void {
  if (_done) return;
  _done = true;
  // CPython usually reports an unretrieved exception as soon as the failed task is dropped, so
  // before the tasks destroyed at shutdown.
  _report_unretrieved();
  _destroy_pending_tasks();
  _report_never_awaited();
  try {
    host.flush();
  } catch {
    // stdout failing: the program's runner reports it at its own last flush
  }
}

/** Pending tasks kept alive by the current loop's timers and ready callbacks. */
function _reachable_tasks(): Set<Task<unknown>> {
  const reach = new Set<Task<unknown>>();
  const policy = events.get_event_loop_policy() as { _loop?: BaseEventLoop | null };
  const loop = policy._loop ?? null;
  if (loop === null || loop.is_closed()) return reach;
  const futures: Future<unknown>[] = [];
  const visitHandle = (h: Handle): void => {
    if (h._cancelled) return;
    if ((h as unknown) instanceof Future) {
      futures.push(h as unknown as Future<unknown>); // sleep's future is its own timer
      return;
    }
    const self = h._self ?? (h._callback as { __self__?: unknown } | null)?.__self__;
    if (self instanceof Task) markTask(self);
    else if (self instanceof Future) futures.push(self); // sleep's timer: the future is the receiver
    for (const a of h._args ?? []) {
      if (a instanceof Task) markTask(a);
      else if (a instanceof Future) futures.push(a);
    }
  };
  const markTask = (t: Task<unknown>): void => {
    if (reach.has(t)) return;
    reach.add(t);
    if (t._fut_waiter !== null) futures.push(t._fut_waiter);
  };
  for (const h of loop._ready) {
    if (h instanceof Task) {
      // A queued step or wakeup (Task._q_wakeup): the Task and the future it carries.
      markTask(h);
      const a = h._q_arg;
      if (a instanceof Task) markTask(a);
      else if (a instanceof Future) futures.push(a);
    } else visitHandle(h);
  }
  for (const h of loop._scheduled.items) visitHandle(h);
  const seen = new Set<Future<unknown>>();
  while (futures.length > 0) {
    const f = futures.pop() as Future<unknown>;
    if (seen.has(f)) continue;
    seen.add(f);
    if (f instanceof Task) markTask(f);
    for (const cb of f._callbacks_list()) {
      const self = (cb as { __self__?: unknown }).__self__;
      if (self instanceof Task) markTask(self);
    }
  }
  return reach;
}

function _destroy_pending_tasks(): void {
  const reachable = _reachable_tasks();
  for (const task of Array.from(_scheduled_tasks)) {
    // A loop still running at exit is a daemon thread's: CPython stops that thread where it is, so
    // its frame keeps the loop and every task of it alive.
    if (task.done() || reachable.has(task) || task._loop.is_running()) continue;
    _scheduled_tasks.delete(task);
    _close_quietly(task._coro);
    if (task._log_destroy_pending && !task.done()) {
      task._loop.call_exception_handler({ task, message: "Task was destroyed but it is pending!" });
    }
  }
}

/** coroutine.close() at collection; an error is printed as CPython's "Exception ignored in". */
function _close_quietly(coro: Coroutine<unknown> | null): void {
  if (coro === null) return;
  try {
    coro.close();
  } catch (e) {
    host.write(2, `Exception ignored in: ${repr(coro)}\n${_format_exception(caughtException(e))}`);
  }
}

function _report_unretrieved(): void {
  for (const fut of Array.from(_unretrieved)) _report_unretrieved_now(fut);
}

/**
 * @internal Test support: back to the state of a fresh interpreter (no current loop, Task-1 next,
 * nothing pending, no warnings shown). Not part of the Python API.
 */
export function _reset_for_tests(): void {
  events._set_running_loop(null);
  events.set_event_loop_policy(null);
  _reset_tasks_state();
  _reset_coroutines_state();
  _reset_warnings_state();
  _unretrieved.clear();
  _done = false;
}
