// How many positional arguments Python's builtins take, and CPython 3.12's TypeError for a call that
// passes another number. The runtime's functions take JS arguments, which would otherwise ignore
// extras and default missing ones. The wording differs from builtin to builtin, as in CPython: each
// entry names its own. Used twice: a call of a builtin by its name with a wrong count (and no
// keywords, no `*args`) is found by the compiler (src/lower/calls.ts emits bad_call); a builtin
// called through a variable or with `*args` carries its bounds and this wording (arity.ts).

type Arity =
  /** `len() takes exactly one argument (2 given)` */
  | { style: "exactly-one" }
  /** `range expected at most 3 arguments, got 4` / `isinstance expected 2 arguments, got 1` */
  | { style: "expected"; min: number; max: number }
  /** `int() takes at most 2 arguments (3 given)`; too few: `pow() missing required argument 'base' (pos 1)` */
  | { style: "at-most"; max: number; required?: string[] }
  /** `type() takes 1 or 3 arguments` */
  | { style: "one-or-three" }
  /** `globals() takes no arguments (1 given)` */
  | { style: "none" };

const EXACTLY_ONE = "len abs chr ord hash repr ascii bin hex oct callable id any all aiter".split(" ");

const EXPECTED: Record<string, [number, number]> = {
  iter: [1, 2],
  next: [1, 2],
  range: [1, 3],
  dir: [0, 1],
  isinstance: [2, 2],
  issubclass: [2, 2],
  getattr: [2, 3],
  setattr: [3, 3],
  hasattr: [2, 2],
  delattr: [2, 2],
  divmod: [2, 2],
  min: [1, Infinity],
  max: [1, Infinity],
  sorted: [1, 1],
  reversed: [1, 1],
  format: [1, 2],
  vars: [0, 1],
  input: [0, 1],
  filter: [2, 2],
  anext: [1, 2],
  float: [0, 1],
  bool: [0, 1],
  list: [0, 1],
  tuple: [0, 1],
  dict: [0, 1],
  set: [0, 1],
  frozenset: [0, 1],
  slice: [1, 3],
};

const AT_MOST: Record<string, { max: number; required?: string[] }> = {
  int: { max: 2 },
  str: { max: 3 },
  bytes: { max: 3 },
  bytearray: { max: 3 },
  pow: { max: 3, required: ["base", "exp"] },
  round: { max: 2, required: ["number"] },
  enumerate: { max: 2 },
  sum: { max: 2 },
};

/** Every builtin named in the tables above. */
export const BUILTINS_WITH_ARITY: readonly string[] = [...EXACTLY_ONE, ...Object.keys(EXPECTED), ...Object.keys(AT_MOST), "type", "globals", "locals"];

/** Each builtin's arity record, made once: the compiler asks for every call of a builtin by its name. */
const ARITIES = new Map<string, Arity>();
{
  const exactlyOne: Arity = { style: "exactly-one" };
  for (const name of EXACTLY_ONE) ARITIES.set(name, exactlyOne);
  for (const name of Object.keys(EXPECTED)) if (!ARITIES.has(name)) ARITIES.set(name, { style: "expected", min: EXPECTED[name][0], max: EXPECTED[name][1] });
  for (const name of Object.keys(AT_MOST)) if (!ARITIES.has(name)) ARITIES.set(name, { style: "at-most", ...AT_MOST[name] });
  if (!ARITIES.has("type")) ARITIES.set("type", { style: "one-or-three" });
  const none: Arity = { style: "none" };
  for (const name of ["globals", "locals"]) if (!ARITIES.has(name)) ARITIES.set(name, none);
}

function arityOf(name: string): Arity | undefined {
  return ARITIES.get(name);
}

const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

/** Argument clinic's words for `n` arguments outside `min`..`max`: `isinstance expected 2 arguments, got 1`, `range expected at most 3 arguments, got 4`. */
function expectedMessage(name: string, n: number, min: number, max: number): string {
  if (min === max) return `${name} expected ${plural(min)}, got ${n}`;
  return n < min ? `${name} expected at least ${plural(min)}, got ${n}` : `${name} expected at most ${plural(max)}, got ${n}`;
}

/** CPython's TypeError for calling the builtin `name` with `n` positional arguments (no keywords), or null when it takes them. */
export function builtinArityProblem(name: string, n: number): string | null {
  const a = arityOf(name);
  if (a === undefined) return null;
  switch (a.style) {
    case "exactly-one":
      return n === 1 ? null : `${name}() takes exactly one argument (${n} given)`;
    case "expected":
      if (n >= a.min && n <= a.max) return null;
      return expectedMessage(name, n, a.min, a.max);
    case "at-most":
      if (n > a.max) return `${name}() takes at most ${plural(a.max)} (${n} given)`;
      if (n === 0 && name === "sum") return "sum() takes at least 1 positional argument (0 given)";
      if (n === 0 && name === "enumerate") return "enumerate() missing required argument 'iterable'";
      if (a.required && n < a.required.length) return `${name}() missing required argument '${a.required[n]}' (pos ${n + 1})`;
      return null;
    case "one-or-three":
      return n === 1 || n === 3 ? null : "type() takes 1 or 3 arguments";
    case "none":
      return n === 0 ? null : `${name}() takes no arguments (${n} given)`;
  }
}

// The math module's functions (CPython's C functions, checked the same way): one argument
// ("math.sqrt() takes exactly one argument (2 given)") or two ("atan2 expected 2 arguments, got 1").
const MATH_ONE =
  "acos acosh asin asinh atan atanh cbrt ceil cos cosh degrees erf erfc exp exp2 expm1 fabs factorial floor frexp fsum gamma isfinite isinf isnan isqrt lgamma log10 log1p log2 modf radians sin sinh sqrt tan tanh trunc ulp".split(
    " ",
  );
const MATH_EXPECTED: Record<string, [number, number]> = {
  atan2: [2, 2],
  comb: [2, 2],
  copysign: [2, 2],
  dist: [2, 2],
  fmod: [2, 2],
  ldexp: [2, 2],
  pow: [2, 2],
  remainder: [2, 2],
  sumprod: [2, 2],
  log: [1, 2],
  perm: [1, 2],
};

/** CPython's TypeError for calling `math.name` with `n` positional arguments (no keywords), or null when it takes them. */
export function mathArityProblem(name: string, n: number): string | null {
  if (MATH_ONE.includes(name)) return n === 1 ? null : `math.${name}() takes exactly one argument (${n} given)`;
  // (the three with keyword-only parameters word it as argument-clinic functions do)
  if (name === "isclose")
    return n > 2
      ? `isclose() takes exactly 2 positional arguments (${n} given)`
      : n < 2
        ? `isclose() missing required argument '${"ab"[n]}' (pos ${n + 1})`
        : null;
  if (name === "nextafter") return n === 2 ? null : `nextafter() takes exactly 2 positional arguments (${n} given)`;
  if (name === "prod")
    return n === 1 ? null : n === 2 || n === 0 ? `prod() takes exactly 1 positional argument (${n} given)` : `prod() takes at most 2 arguments (${n} given)`;
  if (!Object.prototype.hasOwnProperty.call(MATH_EXPECTED, name)) return null;
  const [min, max] = MATH_EXPECTED[name];
  if (n >= min && n <= max) return null;
  return expectedMessage(name, n, min, max);
}

// Builtins whose every keyword CPython refuses (`len([1], x=1)`), and those that take only some,
// with its message for another (`print(sepx=1)`): a runtime function would ignore them or bind them
// by the wrong name. Learnt from CPython 3.12's behaviour. Used twice too: the compiler for keywords
// written in the call (calls.ts), the runtime for `**mapping` (program.ts).
const NO_KEYWORDS = new Set(
  "abs aiter all anext any ascii bin bool callable chr classmethod delattr dir divmod filter float format frozenset getattr globals hasattr hash hex id input isinstance issubclass iter len list locals map next oct ord range repr reversed set setattr slice staticmethod super tuple vars".split(
    " ",
  ),
);
const KEYWORDS_OF: Record<string, readonly string[]> = {
  print: ["sep", "end", "file", "flush"],
  enumerate: ["iterable", "start"],
  zip: ["strict"],
  int: ["base"],
  str: ["object", "encoding", "errors"],
  bytes: ["source", "encoding", "errors"],
  bytearray: ["source", "encoding", "errors"],
  complex: ["real", "imag"],
  property: ["fget", "fset", "fdel", "doc"],
};

/** CPython's TypeError for the builtin `name` called with these keywords, or null when it takes them (or is not listed). */
export function builtinKeywordProblem(name: string, keywords: readonly string[]): string | null {
  if (keywords.length === 0) return null;
  if (NO_KEYWORDS.has(name)) return `${name}() takes no keyword arguments`;
  const allowed = KEYWORDS_OF[name];
  const other = allowed ? keywords.find((k) => !allowed.includes(k)) : undefined;
  return other !== undefined ? `'${other}' is an invalid keyword argument for ${name}()` : null;
}

/** CPython's list of argument names in call errors: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`. */
export function argumentNameList(names: readonly string[]): string {
  const list = names.map((n) => `'${n}'`);
  if (list.length <= 2) return list.join(" and ");
  return `${list.slice(0, -1).join(", ")}, and ${list[list.length - 1]}`;
}

// str's methods, in CPython's words for each (four styles: no arguments, exactly one, argument
// clinic's "expected", and the older "takes at least/at most"). Checked by the compiler for a
// method of a proven str and by callm for one it could not prove; `format` takes any.
const STR_NONE =
  "capitalize casefold isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper lower swapcase title upper".split(
    " ",
  );
const STR_ONE = "format_map join partition removeprefix removesuffix rpartition translate zfill".split(" ");
const STR_EXPECTED: Record<string, [number, number]> = {
  center: [1, 2],
  ljust: [1, 2],
  rjust: [1, 2],
  lstrip: [0, 1],
  rstrip: [0, 1],
  strip: [0, 1],
  maketrans: [1, 3],
  replace: [2, 3],
};
const STR_TAKES: Record<string, [number, number]> = {
  count: [1, 3],
  endswith: [1, 3],
  find: [1, 3],
  index: [1, 3],
  rfind: [1, 3],
  rindex: [1, 3],
  startswith: [1, 3],
  encode: [0, 2],
  expandtabs: [0, 1],
  rsplit: [0, 2],
  split: [0, 2],
  splitlines: [0, 1],
};
const STR_ARITY = new Map<string, (n: number) => string | null>([
  ...STR_NONE.map((m): [string, (n: number) => string | null] => [m, (n) => (n === 0 ? null : `str.${m}() takes no arguments (${n} given)`)]),
  ...STR_ONE.map((m): [string, (n: number) => string | null] => [m, (n) => (n === 1 ? null : `str.${m}() takes exactly one argument (${n} given)`)]),
  ...Object.entries(STR_EXPECTED).map(([m, [min, max]]): [string, (n: number) => string | null] => [
    m,
    (n) => (n >= min && n <= max ? null : expectedMessage(m, n, min, max)),
  ]),
  ...Object.entries(STR_TAKES).map(([m, [min, max]]): [string, (n: number) => string | null] => [
    m,
    (n) => (n >= min && n <= max ? null : n < min ? `${m}() takes at least ${plural(min)} (${n} given)` : `${m}() takes at most ${plural(max)} (${n} given)`),
  ]),
]);

/** CPython's TypeError for `s.name(...)` of a str with `n` positional arguments (no keywords), or null when it takes them. */
export function strMethodArityProblem(name: string, n: number): string | null {
  const check = STR_ARITY.get(name);
  return check === undefined ? null : check(n);
}

// The str methods that take keywords, and which (`format` takes any); every other one refuses them.
const STR_KEYWORDS: Record<string, readonly string[]> = {
  split: ["sep", "maxsplit"],
  rsplit: ["sep", "maxsplit"],
  splitlines: ["keepends"],
  encode: ["encoding", "errors"],
  expandtabs: ["tabsize"],
};

/** CPython's TypeError for `s.name(..., k=v)` of a str with these keywords, or null when it takes them (or `name` is not a str method). */
export function strKeywordProblem(name: string, keywords: readonly string[]): string | null {
  if (keywords.length === 0 || name === "format" || !STR_ARITY.has(name)) return null;
  const allowed = STR_KEYWORDS[name];
  if (allowed === undefined) return `str.${name}() takes no keyword arguments`;
  if (keywords.length > allowed.length)
    return `${name}() takes at most ${allowed.length} keyword argument${allowed.length === 1 ? "" : "s"} (${keywords.length} given)`;
  const other = keywords.find((k) => !allowed.includes(k));
  return other !== undefined ? `'${other}' is an invalid keyword argument for ${name}()` : null;
}

/**
 * CPython's words for a method of list, tuple, dict or set called with `n` arguments where it takes
 * `min` to `max`: one (`list.append() takes exactly one argument (0 given)`), none (`dict.keys()
 * takes no arguments (1 given)`) or argument clinic's range (`insert expected 2 arguments, got 1`).
 */
export function methodArityMessage(owner: string, name: string, n: number, min: number, max: number): string {
  if (min === 1 && max === 1) return `${owner}.${name}() takes exactly one argument (${n} given)`;
  if (max === 0) return `${owner}.${name}() takes no arguments (${n} given)`;
  return expectedMessage(name, n, min, max);
}

// The positional bounds of list, tuple, dict and set methods that the runtime checks (sequence.ts'
// checkMethodArity); the compiler checks a call on a receiver it has proven to be one of them.
export const CONTAINER_METHODS: Record<string, Record<string, [number, number]>> = {
  list: {
    append: [1, 1],
    extend: [1, 1],
    insert: [2, 2],
    pop: [0, 1],
    remove: [1, 1],
    index: [1, 3],
    count: [1, 1],
    reverse: [0, 0],
    copy: [0, 0],
    clear: [0, 0],
  },
  tuple: { index: [1, 3], count: [1, 1] },
  dict: {
    get: [1, 2],
    setdefault: [1, 2],
    pop: [1, 2],
    popitem: [0, 0],
    keys: [0, 0],
    values: [0, 0],
    items: [0, 0],
    copy: [0, 0],
    clear: [0, 0],
    update: [0, 1],
  },
  set: { add: [1, 1], discard: [1, 1], remove: [1, 1], pop: [0, 0] },
};

/** CPython's TypeError for `x.name(...)` of a proven list, tuple, dict or set with `n` positional arguments (no keywords), or null. */
export function containerMethodArityProblem(type: string, name: string, n: number): string | null {
  const bounds = Object.prototype.hasOwnProperty.call(CONTAINER_METHODS, type) ? CONTAINER_METHODS[type][name] : undefined;
  if (bounds === undefined || (n >= bounds[0] && n <= bounds[1])) return null;
  return methodArityMessage(type, name, n, bounds[0], bounds[1]);
}

/** One method's bounds from CONTAINER_METHODS, with its owner and name (for the message). */
export interface MethodBounds {
  readonly owner: string;
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/** The bounds the runtime's method `owner.name` checks its arguments against: CONTAINER_METHODS' entry. */
export function methodBounds(owner: string, name: string): MethodBounds {
  const [min, max] = CONTAINER_METHODS[owner][name];
  return { owner, name, min, max };
}

/** On a container method (markContainerMethods): its owner's name and positional bounds, for a call with too many arguments to spread. */
export const METHOD_BOUNDS = Symbol("method bounds");

/** Marks `proto`'s methods of `type` (CONTAINER_METHODS) with their bounds. */
export function markContainerMethods(proto: object, type: string): void {
  for (const [name, [min, max]] of Object.entries(CONTAINER_METHODS[type])) {
    const f = (proto as Record<string, unknown>)[name];
    if (typeof f === "function") Object.defineProperty(f, METHOD_BOUNDS, { value: [type, min, max] });
  }
}

/** `f` as a method of list, tuple, dict or set (markContainerMethods), also bound (`l.append` read as a value). */
function containerMethod(f: Function): (Function & { [METHOD_BOUNDS]: [string, number, number] }) | null {
  if ((f as { [METHOD_BOUNDS]?: unknown })[METHOD_BOUNDS] !== undefined) return f as Function & { [METHOD_BOUNDS]: [string, number, number] };
  const inner = Object.prototype.hasOwnProperty.call(f, "__func__") ? (f as { __func__?: unknown }).__func__ : undefined;
  return typeof inner === "function" && (inner as { [METHOD_BOUNDS]?: unknown })[METHOD_BOUNDS] !== undefined
    ? (inner as Function & { [METHOD_BOUNDS]: [string, number, number] })
    : null;
}

/**
 * Whether `f`, called with the keywords `kw` (a `**{}` or `name=`), is a container method that
 * takes none (all but dict.update): then the call is made without them when there are none (a
 * method would take the empty KwArgs for an argument, `d.get(1, **{})`'s default), and CPython's
 * TypeError is raised when there are some (`list.append() takes no keyword arguments`).
 */
export function refusesKeywords(f: Function, kw: Record<string, unknown>): boolean {
  const method = containerMethod(f);
  if (method === null) return false;
  const owner = method[METHOD_BOUNDS][0];
  if (owner === "dict" && method.name === "update") return false;
  for (const _ in kw) throw new TypeError(`${owner}.${method.name}() takes no keyword arguments`);
  return true;
}
