// decimal's signals and conditions: the exception classes, and the status bits a context keeps.
//
// The bits follow the order libmpdec (CPython's C decimal) gives its conditions, because that order
// shows: a context's repr lists its flags and traps in it. Several conditions (ConversionSyntax,
// DivisionUndefined, ...) are parts of one signal, InvalidOperation: they share its trap, and the
// exception raised is the signal's class with the list of the trapped conditions as its argument
// (`decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]`).
import { ArithmeticError, TypeError, ZeroDivisionError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { set_builtin_bases } from "../builtins/mro.js";

/** Classes that CPython makes with two bases: the second base's `isinstance` must see them too. */
const EXTRA_SUBCLASSES = new Map<Function, Function[]>();

export class DecimalException extends ArithmeticError {
  static [Symbol.hasInstance](x: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
    const extra = EXTRA_SUBCLASSES.get(this);
    return extra !== undefined && extra.some((c) => x instanceof (c as new () => unknown));
  }
  static __subclasscheck__(sub: unknown): boolean {
    if (typeof sub !== "function") return false;
    if (sub === this || sub.prototype instanceof this) return true;
    const extra = EXTRA_SUBCLASSES.get(this);
    return extra !== undefined && extra.some((c) => sub === c || sub.prototype instanceof c);
  }
}
export class Clamped extends DecimalException {}
export class InvalidOperation extends DecimalException {}
export class ConversionSyntax extends InvalidOperation {}
export class DivisionImpossible extends InvalidOperation {}
export class DivisionUndefined extends InvalidOperation {}
export class InvalidContext extends InvalidOperation {}
export class Inexact extends DecimalException {}
export class Rounded extends DecimalException {}
export class Subnormal extends DecimalException {}
export class Overflow extends Inexact {}
export class Underflow extends Inexact {}
/** DivisionByZero(DecimalException, ZeroDivisionError): `except ZeroDivisionError` catches it. */
export class DivisionByZero extends ZeroDivisionError {}
/** FloatOperation(DecimalException, TypeError). */
export class FloatOperation extends TypeError {}
EXTRA_SUBCLASSES.set(DecimalException, [DivisionByZero, FloatOperation]);
EXTRA_SUBCLASSES.set(Rounded, [Overflow, Underflow]);
EXTRA_SUBCLASSES.set(Subnormal, [Underflow]);
// Their Python bases, as `__mro__` and `__bases__` show them.
set_builtin_bases(DivisionByZero, DecimalException, ZeroDivisionError);
set_builtin_bases(DivisionUndefined, InvalidOperation, ZeroDivisionError);
set_builtin_bases(FloatOperation, DecimalException, TypeError);
set_builtin_bases(Overflow, Inexact, Rounded);
set_builtin_bases(Underflow, Inexact, Rounded, Subnormal);

const ALL_CLASSES = {
  DecimalException,
  Clamped,
  InvalidOperation,
  ConversionSyntax,
  DivisionImpossible,
  DivisionUndefined,
  InvalidContext,
  Inexact,
  Rounded,
  Subnormal,
  Overflow,
  Underflow,
  DivisionByZero,
  FloatOperation,
};
for (const cls of Object.values(ALL_CLASSES)) Object.defineProperty(cls, "__module__", { value: "decimal" });

// Condition bits, in libmpdec's order.
export const CLAMPED = 1 << 0;
export const CONVERSION_SYNTAX = 1 << 1;
export const DIVISION_BY_ZERO = 1 << 2;
export const DIVISION_IMPOSSIBLE = 1 << 3;
export const DIVISION_UNDEFINED = 1 << 4;
export const INEXACT = 1 << 6;
export const INVALID_CONTEXT = 1 << 7;
export const INVALID_OPERATION = 1 << 8;
export const FLOAT_OPERATION = 1 << 10;
export const OVERFLOW = 1 << 11;
export const ROUNDED = 1 << 12;
export const SUBNORMAL = 1 << 13;
export const UNDERFLOW = 1 << 14;

/** Every condition that is part of InvalidOperation. */
const INVALID_ALL = CONVERSION_SYNTAX | DIVISION_IMPOSSIBLE | DIVISION_UNDEFINED | INVALID_CONTEXT | INVALID_OPERATION;

/** A signal: its class, and the condition bits it covers (its flag, its trap). */
export interface Signal {
  cls: Function;
  mask: number;
}

/** The signals in the order CPython's contexts list them (repr, flags and traps dictionaries). */
export const SIGNALS_BY_BIT: Signal[] = [
  { cls: Clamped, mask: CLAMPED },
  { cls: InvalidOperation, mask: INVALID_ALL },
  { cls: DivisionByZero, mask: DIVISION_BY_ZERO },
  { cls: Inexact, mask: INEXACT },
  { cls: FloatOperation, mask: FLOAT_OPERATION },
  { cls: Overflow, mask: OVERFLOW },
  { cls: Rounded, mask: ROUNDED },
  { cls: Subnormal, mask: SUBNORMAL },
  { cls: Underflow, mask: UNDERFLOW },
];

/** The signal a class names (a condition class names its signal), or undefined. */
export function signalOf(cls: unknown): Signal | undefined {
  for (const s of SIGNALS_BY_BIT) if (s.cls === cls) return s;
  return undefined;
}

/** The signals' names in the order of their first bit, as a context's repr lists them. */
export function signalNames(bits: number): string[] {
  const firstBit = (mask: number) => mask & -mask;
  return SIGNALS_BY_BIT.filter((s) => bits & s.mask)
    .sort((a, b) => firstBit(a.mask & bits) - firstBit(b.mask & bits))
    .map((s) => (s.cls as { name: string }).name);
}

/** Which signal's class is raised when several trapped conditions occur at once (CPython's signal order). */
const RAISE_ORDER: Signal[] = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped].map((c) =>
  signalOf(c)!,
);

/** The conditions in the order the exception's list names them. */
const CONDITION_ORDER: [number, Function][] = [
  [INVALID_OPERATION, InvalidOperation],
  [CONVERSION_SYNTAX, ConversionSyntax],
  [DIVISION_IMPOSSIBLE, DivisionImpossible],
  [DIVISION_UNDEFINED, DivisionUndefined],
  [INVALID_CONTEXT, InvalidContext],
  [FLOAT_OPERATION, FloatOperation],
  [DIVISION_BY_ZERO, DivisionByZero],
  [OVERFLOW, Overflow],
  [UNDERFLOW, Underflow],
  [SUBNORMAL, Subnormal],
  [INEXACT, Inexact],
  [ROUNDED, Rounded],
  [CLAMPED, Clamped],
];

/** The exception for trapped conditions `bits`: the first signal's class, the conditions listed. */
export function trapException(bits: number): Error {
  const signal = RAISE_ORDER.find((s) => bits & s.mask)!;
  const list = PyList.fromArray(CONDITION_ORDER.filter(([bit]) => bits & bit).map(([, cls]) => cls));
  return new (signal.cls as new (...a: unknown[]) => Error)(list);
}
