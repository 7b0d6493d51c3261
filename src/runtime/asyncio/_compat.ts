// The one place where asyncio reaches into the rest of the runtime (builtins, host), so the
// dependency surface is easy to audit. Everything here is re-exported from its owner.
export {
  BaseException,
  BaseExceptionGroup,
  EOFError,
  Exception,
  ExceptionGroup,
  GeneratorExit,
  KeyboardInterrupt,
  NotImplementedError,
  RuntimeError,
  StopAsyncIteration,
  StopIteration,
  SystemExit,
  TimeoutError,
  TypeError,
  ValueError,
  toPyException,
  caughtException,
  caughtByLibrary,
  escapedCoroutine,
  storedTrail,
  reraisedByAwait,
  thrownIntoCoroutine,
  trailOf,
  type TracebackTrail,
} from "../builtins/exceptions.js";
export { set_builtin_bases } from "../builtins/mro.js";
export { KwArgs, PyObject, kw, popKw, hexAddress, className, _skip_next_init } from "../builtins/object.js";
export { repr, str } from "../builtins/repr.js";
export { PyList, PyTuple, PySet, PyDict } from "../builtins/collections.js";
export { host } from "../host.js";
export { eq, lt, getattr, typeName, typeShortName, toIterable, callable } from "../builtins/ops.js";
export { len } from "../builtins/functions.js";
