// tsyncio's asyncio: CPython 3.12's asyncio package, re-exported under its Python names like
// Lib/asyncio/__init__.py, plus the hooks the compiler and the CLI use (see README.md).
//
//   import * as asyncio from "tsyncio/runtime/asyncio";
//   asyncio.run(main());
import { noteModuleNamespace } from "../builtins/module-files.js";
import "./base_events.js"; // installs the default loop factory
import "./io_install.js"; // the loop's network, process and signal methods

export * from "./exceptions.js";
export * from "./coroutines.js";
export {
  AbstractEventLoopPolicy,
  AbstractEventLoop,
  AbstractServer,
  Handle,
  TimerHandle,
  get_event_loop_policy,
  set_event_loop_policy,
  get_event_loop,
  set_event_loop,
  new_event_loop,
  get_child_watcher,
  set_child_watcher,
  _set_running_loop,
  get_running_loop,
  _get_running_loop,
  DefaultEventLoopPolicy,
  BaseDefaultEventLoopPolicy,
} from "./events.js";
export { BaseEventLoop, SelectorEventLoop } from "./base_events.js";
export { AbstractChildWatcher, SafeChildWatcher, FastChildWatcher, MultiLoopChildWatcher, ThreadedChildWatcher, PidfdChildWatcher } from "./child_watchers.js";
export { Future, isfuture } from "./futures.js";
export {
  Task,
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
  _unheld_task,
} from "./tasks.js";
export { Timeout, timeout, timeout_at } from "./timeouts.js";
export { Runner, run } from "./runners.js";

// Compiler and CLI hooks (not Python names).
export { async_generator_function, agen_yield, AsyncGenerator, isasyncgen } from "./_asyncgen.js";
export type { AsyncIterableLike, AsyncIteratorLike } from "./_asyncgen.js";
export { _at_exit, _reset_for_tests } from "./_shutdown.js";
export { set_source_line_provider } from "./_warnings.js";
export { _set_copy_context } from "./_context.js";
export { _set_exception_formatter, _set_logger } from "./log.js";
export { CPYTHON_VERSION } from "./VERSION.js";
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from "./locks.js";
export { Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty } from "./queues.js";

/** What `await` takes, for annotations (`Awaitable[T]`): a coroutine, a future, or an object with `__await__`. */
export type Awaitable<T = unknown> = import("./coroutines.js").Coroutine<T> | import("./futures.js").Future<T> | { __await__(): Iterable<unknown> };
export { TaskGroup } from "./taskgroups.js";
export { StreamReader, StreamWriter, StreamReaderProtocol, open_connection, start_server, open_unix_connection, start_unix_server } from "./streams.js";
export { create_subprocess_exec, create_subprocess_shell } from "./subprocess.js";
export { Server } from "./io_transports.js";
// Submodules programs reach as attributes (asyncio.subprocess.PIPE).
import * as subprocessModule from "../modules/asyncio_subprocess.js";
export { subprocessModule as subprocess };
noteModuleNamespace(subprocessModule, "asyncio.subprocess");
import * as streamsModule from "../modules/asyncio_streams.js";
export { streamsModule as streams };
noteModuleNamespace(streamsModule, "asyncio.streams");
import * as eventsModule from "../modules/asyncio_events.js";
export { eventsModule as events };
noteModuleNamespace(eventsModule, "asyncio.events");
import * as queuesModule from "../modules/asyncio_queues.js";
export { queuesModule as queues };
noteModuleNamespace(queuesModule, "asyncio.queues");
import * as locksModule from "../modules/asyncio_locks.js";
export { locksModule as locks };
noteModuleNamespace(locksModule, "asyncio.locks");
import * as exceptionsModule from "../modules/asyncio_exceptions.js";
export { exceptionsModule as exceptions };
noteModuleNamespace(exceptionsModule, "asyncio.exceptions");
import * as taskgroupsModule from "../modules/asyncio_taskgroups.js";
export { taskgroupsModule as taskgroups };
noteModuleNamespace(taskgroupsModule, "asyncio.taskgroups");
import * as timeoutsModule from "../modules/asyncio_timeouts.js";
export { timeoutsModule as timeouts };
noteModuleNamespace(timeoutsModule, "asyncio.timeouts");
import * as coroutinesModule from "../modules/asyncio_coroutines.js";
export { coroutinesModule as coroutines };
noteModuleNamespace(coroutinesModule, "asyncio.coroutines");
import * as tasksModule from "../modules/asyncio_tasks.js";
export { tasksModule as tasks };
noteModuleNamespace(tasksModule, "asyncio.tasks");
import * as transportsModule from "../modules/asyncio_transports.js";
export { transportsModule as transports };
noteModuleNamespace(transportsModule, "asyncio.transports");
export { to_thread, wrap_future, run_coroutine_threadsafe } from "./threads.js";
export { BaseProtocol, Protocol, DatagramProtocol, SubprocessProtocol, BufferedProtocol } from "./protocols.js";
export { BaseTransport, ReadTransport, WriteTransport, Transport, DatagramTransport, SubprocessTransport } from "./transports.js";
