// The text of a Task's repr.
// CPython: Lib/asyncio/base_tasks.py (3.12).
import { repr } from "./_compat.js";
import { _future_repr_info } from "./base_futures.js";
import type { FutureLike } from "./base_futures.js";
import { _format_coroutine } from "./coroutines.js";

/** What the repr reads from a Task. */
export interface TaskLike extends FutureLike {
  _name: string;
  _coro: unknown;
  _fut_waiter: unknown;
  cancelling(): bigint;
  done(): boolean;
}

/**
 * `<Task pending name='Task-2' coro=<f() running at FILE:5> wait_for=<Future pending cb=[...]>>`:
 * state, name, coro, wait_for, then result/exception and callbacks.
 */
export function _task_repr_info(task: TaskLike): string[] {
  const info = _future_repr_info(task);
  if (task.cancelling() > 0n && !task.done()) info[0] = "cancelling";
  info.splice(1, 0, `name=${repr(task._name)}`);
  if (task._fut_waiter !== null) info.splice(2, 0, `wait_for=${repr(task._fut_waiter)}`);
  if (task._coro) info.splice(2, 0, `coro=<${_format_coroutine(task._coro)}>`);
  return info;
}
