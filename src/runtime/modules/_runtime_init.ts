// A program's class derived from a runtime class that is not a PyObject (logging's Handler,
// Formatter, Filter, QueueHandler, QueueListener): Python calls the most derived `__init__` (the
// program's, which reaches the runtime's through super().__init__(...)). Such a runtime class sets
// its fields' defaults in its constructor and parses its arguments in its own `__init__`; the
// constructor of the runtime class nearest the one being made calls `__init__` once its fields are
// set (a base class's constructor runs before the subclass's field initializers).
import { KwArgs, keywordBinding, programClasses } from "../builtins/object.js";

/** Runs `self.__init__(...args)` when `cls` is the runtime class nearest `target` (the class being made). */
export function init_from(self: object, target: Function, cls: Function, args: unknown[]): void {
  let c = target;
  while (programClasses.has(c)) c = Object.getPrototypeOf(c);
  if (c !== cls) return;
  const n = args.length;
  // Keywords for a program's __init__ are bound to its parameters, as PyObject's constructor does;
  // the runtime's own __init__ takes them as a trailing KwArgs.
  if (c !== target && n !== 0 && args[n - 1] instanceof KwArgs && keywordBinding.init !== null && ownerIsProgram(target, "__init__")) {
    keywordBinding.init(self, args);
    return;
  }
  (self as { __init__(...a: unknown[]): unknown }).__init__(...args);
}

function ownerIsProgram(target: Function, name: string): boolean {
  for (let p = target.prototype as object | null; p !== null; p = Object.getPrototypeOf(p)) {
    if (Object.prototype.hasOwnProperty.call(p, name)) return programClasses.has((p as { constructor: Function }).constructor);
  }
  return false;
}
