// tsyncio/runtime, the public surface: what translated programs import and what a person writing
// TypeScript against the runtime needs. Python's builtins under their Python names, the helpers
// emitted code calls for Python's operators, and the classes of Python values (for annotations).
// Everything else (the host, repr and format machinery, hashing, ...) is internal: the CLI, the web
// host and tests take it from tsyncio/runtime/internal (internal.ts). test/runtime-surface.test.ts
// pins this list, so an internal cannot leak back in by accident.

// Python's builtin exceptions.
export {
  ArithmeticError, AssertionError, AttributeError, BaseException, BaseExceptionGroup, BlockingIOError,
  BrokenPipeError, BufferError, BytesWarning, ChildProcessError, ConnectionAbortedError, ConnectionError,
  ConnectionRefusedError, ConnectionResetError, DeprecationWarning, EOFError, EncodingWarning, EnvironmentError,
  Exception, ExceptionGroup, FileExistsError, FileNotFoundError, FloatingPointError, FutureWarning, GeneratorExit,
  IOError, ImportError, ImportWarning, IndentationError, IndexError, InterruptedError, IsADirectoryError, KeyError,
  KeyboardInterrupt, LookupError, MemoryError, ModuleNotFoundError, NameError, NotADirectoryError,
  NotImplementedError, OSError, OverflowError, PendingDeprecationWarning, PermissionError, ProcessLookupError,
  RecursionError, ReferenceError, ResourceWarning, RuntimeError, RuntimeWarning, StopAsyncIteration, StopIteration,
  SyntaxError, SyntaxWarning, SystemError, SystemExit, TabError, TimeoutError, TypeError, UnboundLocalError,
  UnicodeDecodeError, UnicodeEncodeError, UnicodeError, UnicodeTranslateError, UnicodeWarning, UserWarning,
  ValueError, Warning, ZeroDivisionError,
} from "./builtins/index.js";

// Python's builtin functions, types and constants.
export {
  NotImplemented, Ellipsis, print, input, str, int, float, bool, list, tuple, dict, set, frozenset, range, slice,
  bytes, bytearray, memoryview, type, object, isinstance, issubclass, repr, ascii, len, sorted, reversed,
  enumerate, zip, map, filter, max, min, sum, abs, round, divmod, pow, any, all, id, hash, chr, ord, hex, oct, bin,
  callable, iter, next, exit, quit, vars, dir, format, getattr, setattr, hasattr, delattr, breakpoint, globals, open,
} from "./builtins/index.js";

// Python's operators and statements where JS's differ: what emitted code calls.
export {
  add, sub, mul, truediv, floordiv, mod, matmul, lshift, rshift, bitand, bitor, bitxor, neg, pos, invert,
  iadd, isub, imul, itruediv, ifloordiv, imod, ipow, imatmul, ilshift, irshift, iand, ior, ixor,
  eq, ne, lt, le, gt, ge, is_, is_not, not_, truthy, contains, not_contains,
  getitem, setitem, delitem, getslice, setslice, call, callm, callv, callv_method, kw, bytes_literal, pystr, multiple_bases,
  super_method,
} from "./builtins/index.js";

// The classes of Python values (`list` is a PyList, ...), for annotations and hand-written code.
export {
  PyObject, KwArgs, PyList, PyTuple, PyDict, PyDictView, PySet, PyFrozenSet, PyRange, PySlice, PyBytes,
  PyByteArray, PyMemoryView,
} from "./builtins/index.js";

// What a program's `class C(list)` / `(dict)` / `(set)` extends (builtins/subclassable.ts).
export { ListSubclassRoot, DictSubclassRoot, SetSubclassRoot } from "./builtins/index.js";
