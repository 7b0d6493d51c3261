// asyncio.tasks: `from asyncio import tasks`. tsyncio has one Task implementation; CPython's C one
// (_CTask) is asyncio.Task and its Python one (_PyTask) a distinct class, which its own tests run
// their cases against: here a subclass named Task that adds nothing.
import { Task } from "../asyncio/tasks.js";

export class _PyTask<T = unknown> extends Task<T> {}
for (const [name, value] of [
  ["__name__", "Task"],
  ["__qualname__", "Task"],
  ["__module__", "asyncio.tasks"],
]) {
  Object.defineProperty(_PyTask, name, { value, configurable: true, writable: true });
}

export {
  Task,
  Task as _CTask,
  create_task,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  wait,
  wait_for,
  as_completed,
  sleep,
  gather,
  shield,
  ensure_future,
  current_task,
  all_tasks,
  create_eager_task_factory,
  eager_task_factory,
  _register_task,
  _unregister_task,
  _enter_task,
  _leave_task,
  _set_task_name,
} from "../asyncio/tasks.js";
export { run_coroutine_threadsafe } from "../asyncio/threads.js";
