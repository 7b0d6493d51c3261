// What a value is called and where it lives: class names (__name__, __module__, __qualname__),
// CPython-like object addresses, and which JS functions are classes. The bottom of the runtime's
// layers (docs/architecture.md): it imports nothing, every other file may import it.

/**
 * Marks a callable object that Python does not treat as a function (a unittest.mock Mock, whose JS
 * form is a Proxy around a function): str(), int(), type(), == and class attributes treat it as an object.
 */
export const CALLABLE_OBJECT: unique symbol = Symbol.for("tsyncio.callable-object") as never;
export function isCallableObject(x: unknown): boolean {
  return typeof x === "function" && (x as { [CALLABLE_OBJECT]?: boolean })[CALLABLE_OBJECT] === true;
}

/**
 * The Python type name of an engine iterator (an Array Iterator over a tuple is a
 * `tuple_iterator`), set by the builtin iter() on the iterators it makes (functions.ts).
 */
export const ITERATOR_KIND: unique symbol = Symbol.for("tsyncio.iterator-kind") as never;

/**
 * Set (true) on the prototype of a program's list or tuple subclass that defines its own
 * `__getitem__`, `__setitem__`, `__delitem__`, `__len__`, `__contains__` or `__bool__` (define_class): the
 * operators' fast paths, which take a list's own storage, leave such an object to its methods.
 * Plain lists and tuples have none, so their paths test one missing property.
 */
export const ITEM_METHODS: unique symbol = Symbol("tsyncio.item-methods") as never;

/** The special methods whose definition in a list or tuple subclass sets ITEM_METHODS. */
export const ITEM_METHOD_NAMES: readonly string[] = ["__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__", "__bool__"];

/** The engine's iterators that no iter() call named (ITERATOR_KIND): their likeliest Python type. */
export const ENGINE_ITERATORS: Record<string, string> = {
  "[object Array Iterator]": "list_iterator",
  "[object String Iterator]": "str_ascii_iterator",
  "[object Map Iterator]": "dict_keyiterator",
  "[object Set Iterator]": "set_iterator",
};

/** The Python type name of an engine iterator or generator object named as an iterator, else undefined. */
export function iteratorKind(x: object): string | undefined {
  return (x as { [ITERATOR_KIND]?: string })[ITERATOR_KIND] ?? ENGINE_ITERATORS[Object.prototype.toString.call(x)];
}

/**
 * The Python type name of a builtin type's method read from the type (`list.append`: a
 * `method_descriptor`, `list.__len__`: a `wrapper_descriptor`), set by typeObject (functions.ts).
 */
export const DESCRIPTOR_KIND: unique symbol = Symbol("tsyncio.descriptor-kind") as never;

/** A function's DESCRIPTOR_KIND, undefined for any other value (a method bound from it has none). */
export function descriptorKind(f: Function): string | undefined {
  return Object.prototype.hasOwnProperty.call(f, DESCRIPTOR_KIND) ? (f as { [DESCRIPTOR_KIND]?: string })[DESCRIPTOR_KIND] : undefined;
}

const ids = new WeakMap<object, bigint>();
let nextId = 0x7f3a5c400000;

/** Stable fake address for an object (CPython-like 0x7f... values). */
export function addressOf(x: object): bigint {
  let a = ids.get(x);
  if (a === undefined) {
    a = BigInt(nextId);
    nextId += 0x30 + 0x10 * ((nextId >>> 4) % 3);
    ids.set(x, a);
  }
  return a;
}

export function hexAddress(x: object): string {
  return "0x" + addressOf(x).toString(16);
}

/** Name of a class (its Python __name__). */
export function className(c: unknown): string {
  if (c == null) return "NoneType";
  const f = c as { __name__?: string; name?: string };
  if (Object.prototype.hasOwnProperty.call(f, "__name__")) return f.__name__ as string;
  return f.name || "object";
}

/** Module of a class: builtins for runtime types, __main__ for user classes. */
export function classModule(c: unknown): string {
  const f = c as { __module__?: string };
  if (Object.prototype.hasOwnProperty.call(f, "__module__")) return f.__module__ as string;
  return c === objectClass ? "builtins" : "__main__";
}

/** `object` (object.ts's PyObject, which is made above this file): its module is builtins. */
let objectClass: unknown = null;
export function set_object_class(c: Function): void {
  objectClass = c;
}

export function classQualname(c: unknown): string {
  const f = c as { __qualname__?: string };
  if (Object.prototype.hasOwnProperty.call(f, "__qualname__")) return f.__qualname__ as string;
  return className(c);
}

const classCache = new WeakMap<Function, boolean>();
/** Is this JS function a class (called with `new`)? Cached: it reads the function's source. */
export function isJsClass(f: Function): boolean {
  // A class's `prototype` cannot be reassigned; methods and arrows have none, and a function's
  // or a generator's is writable: those are answered without reading the source (start-up).
  const proto = Object.getOwnPropertyDescriptor(f, "prototype");
  if (proto === undefined || proto.writable) return false;
  let r = classCache.get(f);
  if (r === undefined) {
    r = /^class\b/.test(Function.prototype.toString.call(f));
    classCache.set(f, r);
  }
  return r;
}
