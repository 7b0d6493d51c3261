// What CPython 3.12 adds to the report of a NameError: "Did you mean: 'print'?" (the closest name
// of the frame's locals, the module's globals and the builtins) and "Did you forget to import
// 'time'?" (a standard library module's name). The candidates are the scopes' names, known here,
// so the suggestion is computed when translating and handed to the runtime's `name_error`; only
// CPython's first question, whether `self` has an attribute of that name, waits for the run.
//
//   pritn(values)   →   name_error("pritn", "print")
//
// Approximations: a frame's locals are all the names its code binds (CPython: those bound when
// the error happens), the globals every name the module binds.

import type * as py from "../ast/nodes.js";
import { closestInLists, closestName } from "../runtime/builtins/suggestions.js";
import { CPYTHON_STDLIB } from "./modules.js";
import type { Scope } from "./scopes.js";

/** A module's globals before its code binds any (`list(globals())` at the top of a script). */
const MODULE_DUNDERS = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__", "__cached__"];

/** The builtins module's names in its dict's order (CPython 3.12, running a script). */
const BUILTIN_NAMES = `__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin
breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance
issubclass iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis
NotImplemented False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset
property int list map object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException
BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError
BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError
StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError OverflowError
ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning
ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError
ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError
PermissionError ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError
NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError
ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError
ExceptionGroup EnvironmentError IOError open quit exit copyright credits license help`.split(/\s+/);

export interface NameSuggestion {
  /** The interpreter's suggestion (an uncaught NameError's report). */
  interpreter: string | null;
  /** The traceback module's (print_exc, format_exception), when it differs. */
  traceback: string | null;
  /** The name is a standard library module's: "Did you forget to import 'time'?". */
  stdlibModule: boolean;
  /**
   * The frame has a parameter named `self`: CPython first offers `self.name` when that attribute
   * exists (any local named so counts; a parameter is surely bound when read here).
   */
  selfParameter: boolean;
}

/** The frame's local variable names (CPython's co_varnames: parameters first), and how many are parameters. */
function frameLocals(scope: Scope): { names: string[]; params: number } {
  // A list, set or dict comprehension runs in its function's frame (3.12 inlines it); a
  // generator expression, a lambda or a def has a frame of its own; a class body and the
  // module have no fast locals.
  const names: string[] = [];
  let params = 0;
  for (let s: Scope | null = scope; s; s = s.parent) {
    if (s.kind === "module" || s.kind === "class" || s.kind === "annotation") break;
    const isGenexp = s.kind === "comprehension" && s.node._type === "GeneratorExp";
    if (s.kind === "comprehension" && !isGenexp) {
      for (const n of s.bound) names.push(n);
      continue;
    }
    if (isGenexp) names.push(".0");
    const args = (s.node as py.FunctionDef | py.Lambda).args as py.Arguments | undefined;
    if (args) {
      for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) names.push(a.arg);
      if (args.vararg) names.push(args.vararg.arg);
      if (args.kwarg) names.push(args.kwarg.arg);
      params = names.length;
    }
    for (const n of s.bound) if (!s.globals.has(n) && !s.nonlocals.has(n)) names.push(n);
    break;
  }
  return { names: [...new Set(names)], params };
}

/** What CPython would suggest for `name`, unbound in `scope` of a module whose scope is `module`. */
export function nameSuggestion(name: string, scope: Scope, module: Scope): NameSuggestion {
  const frame = frameLocals(scope);
  const locals = frame.names;
  const globals = [...MODULE_DUNDERS, ...[...module.bound].filter((n) => !MODULE_DUNDERS.includes(n))];
  const interpreter = closestInLists(name, [locals, globals, BUILTIN_NAMES]);
  // (the traceback module's frame locals: at module level, the globals themselves)
  const merged = [...(scope.kind === "module" ? globals : locals), ...globals, ...BUILTIN_NAMES];
  const traceback = closestName(name, merged, "traceback");
  return {
    interpreter,
    traceback,
    stdlibModule: CPYTHON_STDLIB.has(name),
    selfParameter: locals.indexOf("self") >= 0 && locals.indexOf("self") < frame.params,
  };
}
