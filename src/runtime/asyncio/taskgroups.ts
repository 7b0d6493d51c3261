// TaskGroup (3.11+): `async with TaskGroup() as tg: tg.create_task(...)` waits for every task;
// the first failure cancels the others and the parent, and the failures are raised together as
// an ExceptionGroup ("unhandled errors in a TaskGroup").
// CPython: Lib/asyncio/taskgroups.py (3.12).
import type { Awaitable } from "./index.js";
import { BaseException, BaseExceptionGroup, KeyboardInterrupt, KwArgs, PyList, PyObject, RuntimeError, SystemExit, str } from "./_compat.js";
import { _bind, _isNone, _handler_context } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";
import { coroutine_function } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
import * as events from "./events.js";
import { CancelledError } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import type { Future } from "./futures.js";
import { _add_runtime_callback } from "./futures.js";
import { _set_task_name, current_task } from "./tasks.js";
import type { Task } from "./tasks.js";

export { TaskGroup };

const TASKGROUPS_PY = `${ASYNCIO_LIB}/taskgroups.py`;

/** The bound done callback, under a symbol: CPython's TaskGroup has no such attribute (dir(tg)). */
const ON_TASK_DONE: unique symbol = Symbol("TaskGroup._on_task_done");

class TaskGroup extends PyObject {
  declare _entered: boolean;
  declare _exiting: boolean;
  declare _aborting: boolean;
  declare _loop: BaseEventLoop | null;
  declare _parent_task: Task<unknown> | null;
  declare _parent_cancel_requested: boolean;
  declare _tasks: Set<Task<unknown>>;
  declare _errors: BaseException[] | null;
  declare _base_error: BaseException | null;
  declare _on_completed_fut: Future<unknown> | null;
  declare [ON_TASK_DONE]: (task: Task<unknown>) => void;
  declare __aenter__: () => Coroutine<TaskGroup>;
  declare __aexit__: (et: unknown, exc: unknown, tb: unknown) => Coroutine<null>;

  __init__(): void {
    this._entered = false;
    this._exiting = false;
    this._aborting = false;
    this._loop = null;
    this._parent_task = null;
    this._parent_cancel_requested = false;
    this._tasks = new Set();
    this._errors = [];
    this._base_error = null;
    this._on_completed_fut = null;
    const cb = (task: Task<unknown>) => this._on_task_done(task);
    Object.defineProperty(cb, "__qualname__", { value: "TaskGroup._on_task_done" });
    this[ON_TASK_DONE] = cb;
  }

  __repr__(): string {
    const info = [""];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors !== null && this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  /** Starts a task in the group: `create_task(coro, *, name=None, context=None)` (anything else: Task's TypeError). */
  create_task<T>(coro: Coroutine<T>, ...rest: unknown[]): Task<T>;
  create_task<T>(coro: Awaitable<T>, ...rest: unknown[]): Task<T>;
  create_task(coro: unknown, ...rest: unknown[]): Task<unknown>;
  create_task<T>(coroArg: unknown, ...rest: unknown[]): Task<T> {
    const coro = coroArg as Coroutine<T>;
    const [, name, context] = _bind("create_task", [coro, ...rest], ["coro", "name", "context"], 1);
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this.__repr__()} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this.__repr__()} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this.__repr__()} is shutting down`);
    const loop = this._loop as BaseEventLoop;
    const task = _isNone(context) ? loop.create_task(coro) : loop.create_task(coro, new KwArgs({ context }));
    _set_task_name(task, name);
    if (task.done()) {
      this._on_task_done(task as Task<unknown>);
    } else {
      this._tasks.add(task as Task<unknown>);
      _add_runtime_callback(task, this[ON_TASK_DONE]);
    }
    return task;
  }

  _is_base_error(exc: unknown): boolean {
    return exc instanceof SystemExit || exc instanceof KeyboardInterrupt;
  }

  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  _on_task_done(task: Task<unknown>): void {
    this._tasks.delete(task);
    const fut = this._on_completed_fut;
    if (fut !== null && this._tasks.size === 0 && !fut.done()) fut.set_result(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    (this._errors as BaseException[]).push(exc);
    if (this._is_base_error(exc) && this._base_error === null) this._base_error = exc;
    const parent = this._parent_task as Task<unknown>;
    if (parent.done()) {
      // The parent has already left the `async with` block: report rather than lose the error.
      (this._loop as BaseEventLoop).call_exception_handler(
        _handler_context(this._loop as BaseEventLoop, {
          message: `Task ${task.__repr__()} has errored out but its parent task ${str(parent)} is already completed`,
          exception: exc,
          task,
        }),
      );
      return;
    }
    if (!this._aborting && !this._parent_cancel_requested) {
      // Cancel the others and wake the parent so it notices (a task that fails while the parent
      // is still inside the block).
      this._abort();
      this._parent_cancel_requested = true;
      parent.cancel();
    }
  }
}
Object.defineProperty(TaskGroup, "__module__", { value: "asyncio.taskgroups", configurable: true });

TaskGroup.prototype.__aenter__ = coroutine_function(
  function* __aenter__(this: TaskGroup): CoroGen<TaskGroup> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this.__repr__()} has already been entered`);
    if (this._loop === null) this._loop = events.get_running_loop() as BaseEventLoop;
    this._parent_task = current_task(this._loop);
    if (this._parent_task === null) {
      throw new RuntimeError(`TaskGroup ${this.__repr__()} cannot determine the parent task`);
    }
    this._entered = true;
    return this;
  },
  { qualname: "TaskGroup.__aenter__", filename: TASKGROUPS_PY, firstlineno: 55 },
);

/** Waits for all tasks; raises the collected errors. CPython: taskgroups.TaskGroup.__aexit__ */
TaskGroup.prototype.__aexit__ = coroutine_function(
  function* __aexit__(this: TaskGroup, et: unknown, exc: unknown, _tb: unknown): CoroGen<null> {
    this._exiting = true;
    if (!_isNone(exc) && this._is_base_error(exc) && this._base_error === null) {
      this._base_error = exc as BaseException;
    }
    let propagate_cancellation_error: BaseException | null = et === CancelledError ? (exc as BaseException) : null;
    if (this._parent_cancel_requested) {
      // This group cancelled the parent; if nobody else did, that cancellation is ours to absorb.
      if ((this._parent_task as Task<unknown>).uncancel() === 0n) propagate_cancellation_error = null;
    }
    if (!_isNone(et) && !this._aborting) this._abort();

    while (this._tasks.size > 0) {
      if (this._on_completed_fut === null) this._on_completed_fut = (this._loop as BaseEventLoop).create_future();
      try {
        yield* this._on_completed_fut;
      } catch (ex) {
        if (!(ex instanceof CancelledError)) throw ex;
        if (!this._aborting) {
          propagate_cancellation_error = ex;
          this._abort();
        }
      }
      this._on_completed_fut = null;
    }

    if (this._base_error !== null) throw this._base_error;
    const errors = this._errors as BaseException[];
    if (propagate_cancellation_error !== null && errors.length === 0) throw propagate_cancellation_error;
    if (!_isNone(et) && et !== CancelledError) errors.push(exc as BaseException);
    if (errors.length > 0) {
      this._errors = null;
      const me = new BaseExceptionGroup("unhandled errors in a TaskGroup", PyList.fromArray(errors));
      me.__cause__ = null;
      me.__suppress_context__ = true;
      throw me;
    }
    return null;
  },
  { qualname: "TaskGroup.__aexit__", filename: TASKGROUPS_PY, firstlineno: 71 },
);
