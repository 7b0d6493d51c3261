// What calls of the runtime's functions and methods are known to return, for inference.ts: only
// results that hold whatever the arguments (or the call raises), for objects of exactly the runtime's
// class (the program made them by calling the class or factory itself: no subclass, no proxy).
//
//   asyncio.Queue()            | rt:asyncio.Queue      queue.empty()  | bool
//   asyncio.get_running_loop() | rt:asyncio.Loop       loop.time()    | float
//   time.perf_counter()        | float                 s.upper()      | str (s a proven str)

import type * as py from "../ast/nodes.js";
import type { LowerContext } from "./context.js";
import { STDLIB } from "./stdlib.js";
import type { PyType } from "./types.js";

/** Module functions and classes, by `module.name`: what calling them makes. */
export const RUNTIME_RESULTS: Record<string, PyType> = {
  "asyncio.Queue": "rt:asyncio.Queue",
  "asyncio.PriorityQueue": "rt:asyncio.Queue",
  "asyncio.LifoQueue": "rt:asyncio.Queue",
  "asyncio.Lock": "rt:asyncio.Lock",
  "asyncio.Event": "rt:asyncio.Event",
  "asyncio.Condition": "rt:asyncio.Condition",
  "asyncio.Semaphore": "rt:asyncio.Semaphore",
  "asyncio.BoundedSemaphore": "rt:asyncio.Semaphore",
  "asyncio.Barrier": "rt:asyncio.Barrier",
  "asyncio.create_task": "rt:asyncio.Task",
  "asyncio.Future": "rt:asyncio.Future",
  "asyncio.TaskGroup": "rt:asyncio.TaskGroup",
  "asyncio.timeout": "rt:asyncio.Timeout",
  "asyncio.timeout_at": "rt:asyncio.Timeout",
  "asyncio.get_running_loop": "rt:asyncio.Loop",
  "asyncio.get_event_loop": "rt:asyncio.Loop",
  "time.time": "float",
  "time.monotonic": "float",
  "time.perf_counter": "float",
  "time.process_time": "float",
  "time.time_ns": "int",
  "time.monotonic_ns": "int",
  "time.perf_counter_ns": "int",
  "random.random": "float",
  "random.randint": "int",
  "random.uniform": "float",
  "asyncio.Runner": "rt:asyncio.Runner",
  "tempfile.TemporaryDirectory": "rt:tempfile.TemporaryDirectory",
  "contextlib.suppress": "rt:contextlib.suppress",
  // (predicates the runtime declares `: boolean`, whatever the argument)
  ...Object.fromEntries(
    `inspect.iscoroutine inspect.iscoroutinefunction inspect.isawaitable inspect.isasyncgen inspect.isasyncgenfunction
    inspect.isgenerator inspect.isgeneratorfunction inspect.isclass inspect.isfunction inspect.ismethod asyncio.iscoroutine
    asyncio.iscoroutinefunction asyncio.isfuture math.isfinite math.isinf math.isnan math.isclose`
      .split(/\s+/)
      .map((f) => [f, "bool" as PyType]),
  ),
  // (math's functions of one float give a JS number, whatever the argument converts from)
  ...Object.fromEntries("math.sqrt math.exp math.log math.hypot".split(" ").map((f) => [f, "float" as PyType])),
};

/** What awaiting a call of a runtime coroutine function gives (`await asyncio.open_connection(...)`: a (reader, writer) tuple). */
export const AWAITED_RESULTS: Record<string, PyType> = {
  "asyncio.open_connection": "rt:asyncio.StreamPair",
  "asyncio.open_unix_connection": "rt:asyncio.StreamPair",
  "asyncio.start_server": "rt:asyncio.Server",
  "asyncio.start_unix_server": "rt:asyncio.Server",
  "asyncio.create_subprocess_exec": "rt:asyncio.Process",
  "asyncio.create_subprocess_shell": "rt:asyncio.Process",
};

/** Tuples of known items, by position: what unpacking one into as many names binds. */
export const TUPLE_ITEMS: Record<string, PyType[]> = {
  "rt:asyncio.StreamPair": ["rt:asyncio.StreamReader", "rt:asyncio.StreamWriter"],
};

/** Methods of the runtime's objects, by the object's type. */
export const RUNTIME_METHOD_RESULTS: Record<string, Record<string, PyType>> = {
  "rt:asyncio.Queue": { empty: "bool", full: "bool", qsize: "int" },
  "rt:asyncio.Task": { done: "bool", cancelled: "bool", get_name: "str", cancelling: "int" },
  "rt:asyncio.Future": { done: "bool", cancelled: "bool" },
  "rt:asyncio.Lock": { locked: "bool" },
  "rt:asyncio.Semaphore": { locked: "bool" },
  "rt:asyncio.Condition": { locked: "bool" },
  "rt:asyncio.Event": { is_set: "bool" },
  "rt:asyncio.Timeout": { expired: "bool" },
  "rt:asyncio.Loop": { time: "float", is_running: "bool", is_closed: "bool", create_future: "rt:asyncio.Future" },
  "rt:asyncio.StreamReader": { at_eof: "bool" },
  "rt:asyncio.StreamWriter": { is_closing: "bool", can_write_eof: "bool" },
  "rt:asyncio.Server": { is_serving: "bool" },
};

/** Attributes of the runtime's objects (read-only properties). */
export const RUNTIME_ATTRIBUTES: Record<string, Record<string, PyType>> = {
  "rt:asyncio.Barrier": { parties: "int", n_waiting: "int", broken: "bool" },
};

/** Attributes of the runtime's objects that are JS properties of the same value (read directly). */
export const DIRECT_ATTRIBUTES: Record<string, string[]> = {
  "rt:BaseException": ["args"],
  "rt:BaseExceptionGroup": ["args", "exceptions", "message"],
  "rt:asyncio.Barrier": ["parties", "n_waiting", "broken"],
  // (not stdin/stdout/stderr: their TS type includes null, which a parameter annotated StreamReader would refuse)
  "rt:asyncio.Process": ["pid", "returncode"],
  "rt:asyncio.Server": ["sockets"],
};

/** str methods, on a proven str. */
export const STR_METHOD_RESULTS: Record<string, PyType> = Object.fromEntries([
  ...`capitalize casefold center expandtabs format format_map join ljust lower lstrip removeprefix removesuffix replace
  rjust rstrip strip swapcase title translate upper zfill`
    .split(/\s+/)
    .map((m) => [m, "str" as PyType]),
  ...`endswith isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle
  isupper startswith`
    .split(/\s+/)
    .map((m) => [m, "bool" as PyType]),
  ...`count find index rfind rindex`.split(/\s+/).map((m) => [m, "int" as PyType]),
  ...`split rsplit splitlines`.split(/\s+/).map((m) => [m, "list" as PyType]),
  ["encode", "bytes"],
]);

/** bytes methods (the runtime installs them on PyBytes.prototype), on a proven bytes value. */
export const BYTES_METHOD_RESULTS: Record<string, PyType> = Object.fromEntries([
  ...`capitalize center expandtabs join ljust lower lstrip removeprefix removesuffix replace rjust rstrip strip swapcase title
  translate upper zfill`
    .split(/\s+/)
    .map((m) => [m, "bytes" as PyType]),
  ...`endswith isascii islower istitle isupper startswith`.split(/\s+/).map((m) => [m, "bool" as PyType]),
  ...`count find index rfind rindex`.split(/\s+/).map((m) => [m, "int" as PyType]),
  ...`split rsplit splitlines`.split(/\s+/).map((m) => [m, "list" as PyType]),
  ["decode", "str"],
  ["hex", "str"],
]);

/** What awaiting a coroutine method of a runtime object gives (`await reader.readline()`: bytes). */
export const AWAITED_METHOD_RESULTS: Record<string, Record<string, PyType>> = {
  "rt:asyncio.StreamReader": { read: "bytes", readline: "bytes", readuntil: "bytes", readexactly: "bytes" },
};

/** str methods that make a new list of strs (a `for` over the call binds strs). */
export const STR_LIST_METHODS = new Set(["split", "rsplit", "splitlines"]);

/** Whether a runtime object type's coroutine methods return a Coroutine `yield*` can take as it is. */
export const COROUTINE_METHODS: Record<string, string[]> = {
  "rt:asyncio.Queue": ["get", "put", "join"],
  "rt:asyncio.Lock": ["acquire"],
  "rt:asyncio.Event": ["wait"],
  "rt:asyncio.Condition": ["acquire", "wait", "wait_for"],
  "rt:asyncio.Semaphore": ["acquire"],
  "rt:asyncio.Barrier": ["wait", "reset", "abort"],
  "rt:asyncio.StreamReader": ["read", "readline", "readexactly", "readuntil"],
  "rt:asyncio.StreamWriter": ["drain", "wait_closed", "start_tls"],
  "rt:asyncio.Process": ["wait", "communicate"],
  "rt:asyncio.Server": ["start_serving", "serve_forever", "wait_closed"],
  "rt:asyncio.Loop": ["sock_recv", "sock_recv_into", "sock_sendall", "sock_connect", "sock_accept", "getaddrinfo", "create_connection", "create_server"],
};

/** Asynchronous context managers of the runtime whose __aenter__/__aexit__ are coroutine functions
 * and whose __aexit__ gives None or a bool. */
export const ASYNC_MANAGERS = new Set([
  "rt:asyncio.Lock",
  "rt:asyncio.Semaphore",
  "rt:asyncio.Condition",
  "rt:asyncio.TaskGroup",
  "rt:asyncio.Timeout",
  "rt:asyncio.Server",
  // (what a def decorated with contextlib.asynccontextmanager gives: decorated.ts)
  "rt:contextlib._AsyncGeneratorContextManager",
]);

/** Context managers of the runtime whose __exit__ gives a JS boolean or null (no truth test needed). */
export const SYNC_MANAGERS = new Set([
  "rt:io.File",
  "rt:asyncio.Runner",
  "rt:tempfile.TemporaryDirectory",
  "rt:contextlib.suppress",
  "rt:contextlib._GeneratorContextManager",
]);

/**
 * A decorator (or callee) naming a function of a runtime module (`abc.abstractmethod`, `functools.wraps`
 * imported by name): a plain JS call, where a class of the runtime would need `new` (call() decides).
 */
export function isRuntimeFunction(cx: LowerContext, e: py.ExprNode): boolean {
  let module: string | undefined;
  let name = "";
  if (e._type === "Name") {
    const k = cx.lookupKnown(e.id);
    if (k?.kind === "runtime-name") ((module = k.module), (name = k.name));
  } else if (e._type === "Attribute" && e.value._type === "Name") {
    const k = cx.lookupKnown(e.value.id);
    if (k?.kind === "module") ((module = k.name), (name = e.attr));
  }
  const info = module ? STDLIB[module] : undefined;
  return !!info && RUNTIME_DECORATOR_FUNCTIONS.has(`${module}.${name}`) && info.names.has(name) && !info.classes.has(name);
}

/** Runtime functions a program applies as decorators, which are plain functions in the runtime. */
const RUNTIME_DECORATOR_FUNCTIONS = new Set([
  "abc.abstractmethod",
  "functools.wraps",
  "functools.lru_cache",
  "functools.cache",
  "functools.total_ordering",
  "dataclasses.dataclass",
  "contextlib.contextmanager",
  "contextlib.asynccontextmanager",
  "typing.final",
  "typing.override",
]);

/** `asyncio.subprocess` after `import asyncio`: the runtime submodule an attribute of a runtime module names. */
export function runtimeSubmodule(cx: LowerContext, e: py.ExprNode): string | undefined {
  if (e._type !== "Attribute" || e.value._type !== "Name") return undefined;
  const k = cx.lookupKnown(e.value.id);
  if (k?.kind !== "module" || k.name === `${e.value.id}.${e.attr}`) return undefined;
  const name = `${k.name}.${e.attr}`;
  // (also a submodule the package's namespace does not carry: `logging.config`, expressions.ts attribute())
  return STDLIB[name] ? name : undefined;
}
