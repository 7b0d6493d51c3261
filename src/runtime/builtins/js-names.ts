// Which JavaScript properties are Python attributes.
//
// Python values are JS values, so a plain `obj[name]` also finds what JavaScript puts on every
// object (`constructor`, `__proto__`, `toString`), every function (`call`, `bind`, `length`) and
// every array or map (`push`, `size`). None of those is a Python attribute, and some are a way
// out of the program (`f.constructor("return process")()`). Every dynamic attribute path
// (getattr, hasattr, setattr, delattr, dir, method calls by name) asks `isJsOnly` first.

/** `constructor`, `__proto__`, `prototype` cannot be Python's own: the compiler stores `x_` instead. */
const MANGLED = new Set(["constructor", "__proto__", "prototype"]);

/** The storage name of a Python attribute (the compiler's `safeProp` does the same). */
export function propName(name: string): string {
  return MANGLED.has(name) ? `${name}_` : name;
}

/**
 * `name` as the body of a class named `className` spells it: a private `__x` is `_Class__x` (the
 * compiler mangles the identifiers; `__slots__` strings are mangled when the class is made).
 */
export function mangledIn(className: string, name: string): string {
  const owner = className.replace(/^_+/, "");
  return owner !== "" && name.length > 2 && name.startsWith("__") && !name.endsWith("__") && !name.includes(".") ? `_${owner}${name}` : name;
}

/** The Python name of a stored key (`constructor_` is `constructor`). */
export function pythonName(key: string): string {
  return key.endsWith("_") && MANGLED.has(key.slice(0, -1)) ? key.slice(0, -1) : key;
}

/**
 * Every property name the ECMAScript intrinsics define on their prototypes and on function, array
 * and error instances (Node 20, plus names later versions add), so that a later JS version cannot
 * silently open a new hole. test/runtime/js-names.test.ts checks the list against the live engine.
 */
export const JS_NAMES: ReadonlySet<string> = new Set(
  (
    "BYTES_PER_ELEMENT __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ __proto__ add anchor " +
    "apply arguments at big bind blink bold buffer byteLength byteOffset call callee caller catch charAt charCodeAt " +
    "clear codePointAt compile concat constructor copyWithin delete description detached difference dotAll drop " +
    "endsWith entries every exec fill filter finally find findIndex findLast findLastIndex fixed flags flat flatMap " +
    "fontcolor fontsize forEach get getBigInt64 getBigUint64 getDate getDay getFloat16 getFloat32 getFloat64 " +
    "getFullYear getHours getInt16 getInt32 getInt8 getMilliseconds getMinutes getMonth getSeconds getTime " +
    "getTimezoneOffset getUTCDate getUTCDay getUTCFullYear getUTCHours getUTCMilliseconds getUTCMinutes getUTCMonth " +
    "getUTCSeconds getUint16 getUint32 getUint8 getYear global grow growable has hasIndices hasOwnProperty " +
    "ignoreCase includes indexOf intersection isDisjointFrom isPrototypeOf isSubsetOf isSupersetOf isWellFormed " +
    "italics join keys lastIndexOf length link localeCompare map match matchAll maxByteLength message multiline " +
    "name next normalize padEnd padStart pop propertyIsEnumerable prototype push reduce reduceRight repeat replace " +
    "replaceAll resizable resize return reverse search set setBigInt64 setBigUint64 setDate setFloat16 setFloat32 " +
    "setFloat64 setFullYear setHours setInt16 setInt32 setInt8 setMilliseconds setMinutes setMonth setSeconds " +
    "setTime setUTCDate setUTCFullYear setUTCHours setUTCMilliseconds setUTCMinutes setUTCMonth setUTCSeconds " +
    "setUint16 setUint32 setUint8 setYear shift size slice small some sort source splice split stack startsWith " +
    "sticky strike sub subarray substr substring sup symmetricDifference take test then throw toArray toDateString " +
    "toExponential toFixed toGMTString toISOString toJSON toLocaleDateString toLocaleLowerCase toLocaleString " +
    "toLocaleTimeString toLocaleUpperCase toLowerCase toPrecision toReversed toSorted toSpliced toString " +
    "toTimeString toUTCString toUpperCase toWellFormed transfer transferToFixedLength trim trimEnd trimLeft " +
    "trimRight trimStart union unicode unicodeSets unshift valueOf values with"
  ).split(" "),
);

/**
 * Python method names that JavaScript also uses, which the runtime's Python types define as Python
 * API (`dict.get`, `list.sort`, `Event.set`, `Pattern.match`, an enum member's `name`): the compiler
 * calls these directly; any other JavaScript member name goes through the runtime's lookup.
 */
export const PYTHON_NAMES_LIKE_JS: ReadonlySet<string> = new Set(
  "add clear find get join keys values pop replace reverse set sort split difference intersection union map match search sub name message flags buffer throw anchor bind".split(
    " ",
  ),
);

/**
 * Members the runtime's classes define for JavaScript's sake (string conversion, the iterator and
 * thenable protocols, array and function machinery). Any other member of a runtime class is Python
 * API, whatever JavaScript also calls it (`Struct.size`, `PurePath.anchor`, `Pattern.flags`).
 */
const RUNTIME_JS_MEMBERS = new Set("toString valueOf toLocaleString toJSON length next return then catch finally stack".split(" "));

/** Members the runtime defines for JavaScript's sake under a name Python also uses (an error's `name`, a dict's `size`). */
const hiddenMembers = new WeakMap<object, Set<string>>();
/** Of those, the ones whose Python attribute is kept under another key (a coroutine's `throw`). */
const pythonKeys = new WeakMap<object, Map<string, symbol>>();

/**
 * `owner[name]` is JavaScript's; Python's attribute of that name, if it has one, is `owner[pythonKey]`
 * (what getattr, hasattr and dir then show under `name`).
 */
export function hideJsMember(owner: object, name: string, pythonKey?: symbol): void {
  let names = hiddenMembers.get(owner);
  if (names === undefined) hiddenMembers.set(owner, (names = new Set()));
  names.add(name);
  if (pythonKey !== undefined) {
    let keys = pythonKeys.get(owner);
    if (keys === undefined) pythonKeys.set(owner, (keys = new Map()));
    keys.set(name, pythonKey);
  }
}

/** Where the Python attribute `name` of `obj` is kept when JavaScript's member has that name (see hideJsMember). */
export function pythonKeyOf(obj: object, name: string): symbol | undefined {
  let owner: object | null = obj;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
  return owner === null ? undefined : pythonKeys.get(owner)?.get(name);
}

const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const generatorFunction = Object.getPrototypeOf(function* () {});
const asyncGeneratorFunction = Object.getPrototypeOf(async function* () {});

/** The intrinsics' prototypes: a property found on one of these is JavaScript's, not Python's. */
const INTRINSICS: ReadonlySet<object> = new Set<object>(
  [
    Object.prototype,
    Function.prototype,
    Array.prototype,
    Map.prototype,
    Set.prototype,
    WeakMap.prototype,
    WeakSet.prototype,
    Error.prototype,
    Promise.prototype,
    RegExp.prototype,
    Date.prototype,
    String.prototype,
    Number.prototype,
    BigInt.prototype,
    Boolean.prototype,
    Symbol.prototype,
    ArrayBuffer.prototype,
    DataView.prototype,
    Object.getPrototypeOf(Uint8Array.prototype),
    Uint8Array.prototype,
    iteratorPrototype,
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map().entries()),
    Object.getPrototypeOf(new Set().values()),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    generatorFunction,
    generatorFunction.prototype,
    asyncGeneratorFunction,
    asyncGeneratorFunction.prototype,
    Object.getPrototypeOf(async function () {}),
    typeof SharedArrayBuffer === "function" ? SharedArrayBuffer.prototype : Object.prototype,
  ].filter((p) => p !== null && p !== undefined),
);

/** Prototypes of classes compiled from Python (define_class): whatever they define is Python's. */
const pythonPrototypes = new WeakSet<object>();

export function markPythonClass(cls: Function): void {
  pythonPrototypes.add(cls.prototype);
  pythonPrototypes.add(cls);
}

/**
 * True when `obj[name]` would find something JavaScript made rather than a Python attribute.
 * Cheap for the common case: names JavaScript never uses are answered by one set lookup.
 */
export function isJsOnly(obj: object, name: string): boolean {
  if (!JS_NAMES.has(name)) return false;
  if (MANGLED.has(name)) return true;
  // The common case first: an attribute the program assigned (`self.name = ...`) is an enumerable
  // own property, which the checks below would also answer false (the engine's intrinsics have
  // none).
  if (Object.prototype.propertyIsEnumerable.call(obj, name)) return false;
  let owner: object | null = obj;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
  if (owner === null) return false;
  if (INTRINSICS.has(owner)) return true;
  if (pythonPrototypes.has(owner)) return false;
  // An attribute the program assigned (`self.name = ...`) is an enumerable own property.
  if (owner === obj && Object.prototype.propertyIsEnumerable.call(owner, name)) return false;
  // Every function's own read-only `name` and `length` (getattr looks past them for a class's own).
  if (owner === obj && typeof obj === "function" && Object.getOwnPropertyDescriptor(obj, name)?.writable === false) return true;
  // The runtime's types (or the engine: an array's length, an error's stack).
  return RUNTIME_JS_MEMBERS.has(name) || hiddenMembers.get(owner)?.has(name) === true;
}

/**
 * Python names that are reserved in JavaScript: the compiler emits them with a trailing `_`
 * (`function` → `function_`), and the runtime maps a translated parameter's name back. (`Object`:
 * TS refuses it as a class's name in a module, and a module's `Object` would hide JS's.)
 */
export const JS_RESERVED: ReadonlySet<string> = new Set(
  `break case catch class const continue debugger default delete do else enum export extends false finally for
  function if import in instanceof new null return super switch this throw true try typeof var void while with
  yield let static implements interface package private protected public await arguments eval undefined NaN
  Infinity constructor prototype Object`.split(/\s+/),
);
