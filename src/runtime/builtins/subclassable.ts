// What a program's `class Stack(list)`, `class Registry(dict)` or `class Tags(set)` extends.
//
//   class Stack(list): ...   →   class Stack extends PyList { ... }   (lowering: classes.ts)
//
// PyList, PyDict and PySet build their contents in their JS constructors, which never call a
// subclass's `__init__`. Python makes the empty object first and then calls `__init__(*args)`, and
// the subclass's `__init__` reaches the builtin's with `super().__init__(...)`. These classes do
// that; for Python they are list, dict and set themselves (stands_for: `__mro__`, `__bases__`).

import { KwArgs, keywordBinding, programClasses } from "./object.js";
import { PyDict, PyList, PySet } from "./collections.js";
import { stands_for } from "./mro.js";
import { TypeError } from "./exceptions.js";
import { applyArgs } from "./keywords.js";
import { constructorArgs } from "./star-call.js";

/**
 * Runtime containers (collections' OrderedDict, defaultdict, Counter, deque) that fill themselves in
 * their JS constructor unless the class being made is a program's with its own `__init__`: then the
 * constructor runs that `__init__` (initialise), which reaches theirs through super().__init__().
 */
export const initsSubclasses = new WeakSet<Function>();

/** True when `target` is a program's subclass of `root` defining `__init__` (above the runtime's). */
export function subclassDefinesInit(target: Function, root: Function): boolean {
  if (target === root) return false;
  for (let c = target; c !== root && programClasses.has(c); c = Object.getPrototypeOf(c)) {
    if (Object.prototype.hasOwnProperty.call(c.prototype, "__init__")) return true;
  }
  return false;
}

/** Runs a subclass's `__init__`, binding keywords by name when the subclass defines its own. */
export function initialise(self: object, root: { prototype: object }, given: unknown[]): void {
  const args = given.length === 0 ? constructorArgs(self.constructor, given) : given;
  const init = (self as { __init__(...a: unknown[]): void }).__init__;
  const n = args.length;
  if (n !== 0 && args[n - 1] instanceof KwArgs && init !== (root.prototype as { __init__?: unknown }).__init__ && keywordBinding.init !== null)
    keywordBinding.init(self, args);
  else applyArgs(init, self, args);
}

function noKeywords(name: string, kw: unknown): void {
  if (kw instanceof KwArgs && Object.keys(kw.kw).length) throw new TypeError(`${name}() takes no keyword arguments`);
}

export class ListSubclassRoot<T = unknown> extends PyList<T> {
  constructor(...args: unknown[]) {
    super();
    initialise(this, ListSubclassRoot, args);
  }
  /** list.__init__(iterable=()): the list's items become the iterable's. */
  __init__(it?: unknown, ...rest: unknown[]): void {
    if (it instanceof KwArgs) return noKeywords("list", it);
    noKeywords("list", rest[rest.length - 1]);
    if (rest.filter((r) => !(r instanceof KwArgs)).length) throw new TypeError(`list expected at most 1 argument, got ${rest.length + 1}`);
    this.length = 0;
    if (it !== undefined) this.extend(it);
  }
}

export class DictSubclassRoot<K = unknown, V = unknown> extends PyDict<K, V> {
  constructor(...args: unknown[]) {
    super();
    initialise(this, DictSubclassRoot, args);
  }
  /** dict.__init__(mapping_or_pairs=(), **kwargs): an update, as CPython's. */
  __init__(src?: unknown, kw?: unknown): void {
    // Takes the trailing KwArgs itself (keywords.ts leaves such runtime functions unbound).
    this.update(src, kw instanceof KwArgs ? kw : undefined);
  }
}

export class SetSubclassRoot<T = unknown> extends PySet<T> {
  constructor(...args: unknown[]) {
    super();
    initialise(this, SetSubclassRoot, args);
  }
  /** set.__init__(iterable=()): the set's elements become the iterable's. */
  __init__(it?: unknown): void {
    if (it instanceof KwArgs) return noKeywords("set", it);
    this.clear();
    if (it !== undefined) this.update(it);
  }
}

stands_for(ListSubclassRoot, PyList);
stands_for(DictSubclassRoot, PyDict);
stands_for(SetSubclassRoot, PySet);
