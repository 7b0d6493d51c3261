// What the compiler knows about the runtime's Python modules: which exist, which of their names are
// classes (called with `new`), and which functions return something `yield*` can delegate to
// directly (a Coroutine or a Future), so `await asyncio.sleep(1)` needs no `awaitable()` check.
// The runtime itself is the authority on behaviour; this table only shapes the emitted code.

import { RUNTIME_CLASSES, RUNTIME_NAMES } from "./runtime-classes.js";

export interface ModuleInfo {
  /** Import specifier of the runtime module. */
  from: string;
  classes: ReadonlySet<string>;
  /** Every name the runtime module exports (importing another is reported at compile time). */
  names: ReadonlySet<string>;
  awaitables: ReadonlySet<string>;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const RUNTIME = "tsyncio/runtime";

/** Functions returning a Coroutine or Future (so `await f()` can delegate to it directly). */
const AWAITABLES: Record<string, string> = {
  asyncio: `sleep gather wait wait_for shield open_connection start_server open_unix_connection start_unix_server create_subprocess_exec
    create_subprocess_shell to_thread`,
};

/** Submodules whose runtime file name cannot carry the dot (`tsyncio/runtime/*` maps to one file). */
const DOTTED: Record<string, string> = {
  collections_abc: "collections.abc",
  os_path: "os.path",
  concurrent_futures: "concurrent.futures",
  concurrent_futures_thread: "concurrent.futures.thread",
  concurrent_futures_process: "concurrent.futures.process",
  asyncio_events: "asyncio.events",
  asyncio_exceptions: "asyncio.exceptions",
  asyncio_streams: "asyncio.streams",
  asyncio_queues: "asyncio.queues",
  asyncio_locks: "asyncio.locks",
  asyncio_subprocess: "asyncio.subprocess",
  asyncio_taskgroups: "asyncio.taskgroups",
  asyncio_timeouts: "asyncio.timeouts",
  asyncio_coroutines: "asyncio.coroutines",
  html_parser: "html.parser",
  asyncio_tasks: "asyncio.tasks",
  asyncio_transports: "asyncio.transports",
  asyncio_log: "asyncio.log",
  asyncio_trsock: "asyncio.trsock",
  asyncio_constants: "asyncio.constants",
  urllib_parse: "urllib.parse",
  email_message: "email.message",
  email_utils: "email.utils",
  unittest_mock: "unittest.mock",
  logging_config: "logging.config",
  logging_handlers: "logging.handlers",
};

/**
 * A module's entry, its name sets made on first use: a program uses a few of the ~90 modules, and
 * making every set up front cost ~2 ms of each translating process's start-up.
 */
class LazyModuleInfo implements ModuleInfo {
  private c?: ReadonlySet<string>;
  private n?: ReadonlySet<string>;
  private a?: ReadonlySet<string>;
  constructor(
    readonly from: string,
    private readonly name: string,
  ) {}
  get classes(): ReadonlySet<string> {
    return (this.c ??= set(RUNTIME_CLASSES[this.from]));
  }
  get names(): ReadonlySet<string> {
    return (this.n ??= set(RUNTIME_NAMES[this.from] ?? ""));
  }
  get awaitables(): ReadonlySet<string> {
    return (this.a ??= set(AWAITABLES[this.name] ?? ""));
  }
}

/** The Python modules the runtime offers: `tsyncio/runtime/<name>` (the runtime's module table, via the generated list). */
export const STDLIB: Record<string, ModuleInfo> = Object.fromEntries(
  Object.keys(RUNTIME_CLASSES)
    .filter((from) => /^tsyncio\/runtime\/[a-z]/.test(from) && from !== "tsyncio/runtime/program")
    .map((from) => {
      const file = from.slice("tsyncio/runtime/".length);
      const name = DOTTED[file] ?? file;
      return [name, new LazyModuleInfo(from, name)];
    }),
);

/** Builtin classes (not exceptions) that are JS classes in the runtime: called with `new`. */
export const BUILTIN_CLASSES = set("object property staticmethod classmethod");

/** Python builtins that are classes in the runtime but are called like functions in Python. */
export const BUILTIN_EXCEPTIONS = set(`BaseException Exception ArithmeticError ZeroDivisionError OverflowError
  FloatingPointError AssertionError AttributeError BufferError EOFError ImportError ModuleNotFoundError LookupError
  IndexError KeyError MemoryError NameError UnboundLocalError OSError FileNotFoundError FileExistsError
  PermissionError TimeoutError ConnectionError ConnectionResetError ConnectionRefusedError BrokenPipeError
  InterruptedError ReferenceError RuntimeError NotImplementedError RecursionError StopIteration
  StopAsyncIteration SyntaxError IndentationError SystemError TypeError ValueError UnicodeError
  UnicodeDecodeError UnicodeEncodeError GeneratorExit KeyboardInterrupt SystemExit Warning UserWarning
  DeprecationWarning PendingDeprecationWarning RuntimeWarning FutureWarning ResourceWarning ExceptionGroup
  BaseExceptionGroup TabError BlockingIOError ChildProcessError ConnectionAbortedError IsADirectoryError
  NotADirectoryError ProcessLookupError UnicodeTranslateError EnvironmentError IOError SyntaxWarning ImportWarning
  UnicodeWarning BytesWarning EncodingWarning`);

/** Builtin functions and types the runtime exports under their Python names. */
export const BUILTIN_FUNCTIONS = set(`print len range repr str int float bool list tuple dict set frozenset sorted
  reversed enumerate zip map filter min max sum abs round divmod pow any all isinstance issubclass type id hash
  chr ord hex oct bin callable iter next input exit quit vars dir getattr setattr hasattr delattr format ascii
  object property staticmethod classmethod aiter anext bytes bytearray memoryview complex slice globals locals open
  breakpoint`);
