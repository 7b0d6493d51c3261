// What the compiler knows about the runtime's Python modules: which exist, which of their names are
// classes (called with `new`), and which functions return something `yield*` can delegate to
// directly (a Coroutine or a Future), so `await asyncio.sleep(1)` needs no `awaitable()` check.
// The runtime itself is the authority on behaviour; this table only shapes the emitted code.

export interface ModuleInfo {
  /** Import specifier of the runtime module. */
  from: string;
  classes: ReadonlySet<string>;
  awaitables: ReadonlySet<string>;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const RUNTIME = "tsyncio/runtime";

export const STDLIB: Record<string, ModuleInfo> = {
  asyncio: {
    from: "tsyncio/runtime/asyncio",
    classes: set(`Queue PriorityQueue LifoQueue Lock Event Condition Semaphore BoundedSemaphore Barrier TaskGroup
      Future Task Runner Timeout CancelledError InvalidStateError TimeoutError QueueEmpty QueueFull
      IncompleteReadError LimitOverrunError SendfileNotAvailableError BrokenBarrierError Handle TimerHandle
      AbstractEventLoop BaseEventLoop`),
    awaitables: set(`sleep gather wait wait_for shield`),
  },
  time: { from: "tsyncio/runtime/time", classes: set(""), awaitables: set("") },
  random: { from: "tsyncio/runtime/random", classes: set("Random"), awaitables: set("") },
  sys: { from: "tsyncio/runtime/sys", classes: set(""), awaitables: set("") },
  math: { from: "tsyncio/runtime/math", classes: set(""), awaitables: set("") },
  contextvars: { from: "tsyncio/runtime/contextvars", classes: set("ContextVar Context Token"), awaitables: set("") },
  collections: {
    from: "tsyncio/runtime/collections",
    classes: set("deque defaultdict Counter OrderedDict ChainMap"),
    awaitables: set(""),
  },
  functools: { from: "tsyncio/runtime/functools", classes: set("partial"), awaitables: set("") },
  itertools: { from: "tsyncio/runtime/itertools", classes: set(""), awaitables: set("") },
  dataclasses: {
    from: "tsyncio/runtime/dataclasses",
    classes: set("Field FrozenInstanceError InitVar"),
    awaitables: set(""),
  },
  enum: { from: "tsyncio/runtime/enum", classes: set("Enum IntEnum Flag IntFlag StrEnum ReprEnum auto"), awaitables: set("") },
  typing: {
    from: "tsyncio/runtime/typing",
    classes: set("TypeVar ParamSpec TypeVarTuple Generic Protocol NamedTuple TypedDict"),
    awaitables: set(""),
  },
  abc: { from: "tsyncio/runtime/abc", classes: set("ABC"), awaitables: set("") },
  traceback: { from: "tsyncio/runtime/traceback", classes: set(""), awaitables: set("") },
  json: { from: "tsyncio/runtime/json", classes: set(""), awaitables: set("") },
  string: { from: "tsyncio/runtime/string", classes: set(""), awaitables: set("") },
  contextlib: {
    from: "tsyncio/runtime/contextlib",
    classes: set(`suppress closing aclosing nullcontext redirect_stdout redirect_stderr ExitStack AsyncExitStack
      AbstractContextManager AbstractAsyncContextManager ContextDecorator`),
    awaitables: set(""),
  },
};

/** Python builtins that are classes in the runtime but are called like functions in Python. */
export const BUILTIN_EXCEPTIONS = set(`BaseException Exception ArithmeticError ZeroDivisionError OverflowError
  FloatingPointError AssertionError AttributeError BufferError EOFError ImportError ModuleNotFoundError LookupError
  IndexError KeyError MemoryError NameError UnboundLocalError OSError FileNotFoundError FileExistsError
  PermissionError TimeoutError ConnectionError ConnectionResetError ConnectionRefusedError BrokenPipeError
  InterruptedError ReferenceError RuntimeError NotImplementedError RecursionError StopIteration
  StopAsyncIteration SyntaxError IndentationError SystemError TypeError ValueError UnicodeError
  UnicodeDecodeError UnicodeEncodeError GeneratorExit KeyboardInterrupt SystemExit Warning UserWarning
  DeprecationWarning PendingDeprecationWarning RuntimeWarning FutureWarning ResourceWarning ExceptionGroup
  BaseExceptionGroup`);

/** Builtin functions and types the runtime exports under their Python names. */
export const BUILTIN_FUNCTIONS = set(`print len range repr str int float bool list tuple dict set frozenset sorted
  reversed enumerate zip map filter min max sum abs round divmod pow any all isinstance issubclass type id hash
  chr ord hex oct bin callable iter next input exit quit vars getattr setattr hasattr delattr format ascii
  super object property staticmethod classmethod aiter anext bytes bytearray complex slice globals locals`);
