// What the program's own classes guarantee about their instances, for inference.ts and the
// lowering: which def a method call runs, which instance attributes only the class's own methods
// write, and when a method's `self` is surely an instance of its class (or of a subclass).
//
//   class Worker:                       | self in run(): an instance of Worker or of a subclass,
//       async def step(self) -> int:    | when nothing reads `Worker.run` to call it on another object
//           return 1                    |
//       async def run(self):            | `await self.step()` runs Worker.step (no subclass overrides it,
//           n = await self.step()       |  nothing assigns an attribute named `step`): an int

import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { dictsOnlyUnpacked, namesAny, nodeIndex } from "../ast/node-index.js";
import { resolveName, type Scope, type ScopeTable } from "./scopes.js";
import { ownClassSuperCalls } from "./early-statements.js";

export type MethodDef = py.FunctionDef | py.AsyncFunctionDef;

export interface ClassFacts {
  /** The def `obj.attr(...)` runs for an instance of `cls` (and, with `subclasses`, of any subclass), or undefined. */
  method(cls: py.ClassDef, attr: string, subclasses: boolean, special?: boolean): MethodDef | undefined;
  /** Like `method`, for a def with decorators: the decorated def (what it becomes is decorated.ts's question). */
  decoratedMethod(cls: py.ClassDef, attr: string, subclasses: boolean): MethodDef | undefined;
  /** The class a method's first parameter is surely an instance of (itself or a subclass). */
  selfClass(fn: MethodDef): py.ClassDef | undefined;
  /** The classes in the module that derive from `cls` (transitively); undefined when one is not plain. */
  subclasses(cls: py.ClassDef): py.ClassDef[] | undefined;
  /** Whether the program may write or delete attribute `attr` other than by `self.attr = ...` in a method. */
  writtenFreely(attr: string): boolean;
  /** The plain class a class's base names, if any (single, plain bases only). */
  bases(cls: py.ClassDef): py.ClassDef[] | undefined;
}

export function classFacts(
  module: py.Module,
  scopes: ScopeTable,
  plainClass: (scope: Scope, name: string) => py.ClassDef | undefined,
  /** A method's decorators surely call it with the arguments its function is called with (contextlib's). */
  passesSelf: (fn: MethodDef) => boolean = () => false,
  /** A base that ends the chain: a runtime class without attribute hooks (`dict`, `asyncio.Protocol`). */
  runtimeBase: (scope: Scope, b: py.ExprNode) => boolean = () => false,
  /** The stores `self.attr = ...` in the classes' plain methods, when the scope analysis gathered them (ModuleFacts.selfWrites). */
  gatheredSelfWrites?: ReadonlySet<py.Attribute>,
): ClassFacts {
  return new ClassFactTable(module, scopes, plainClass, passesSelf, runtimeBase, gatheredSelfWrites);
}

/**
 * The facts of one module's classes. Methods, not closures made per module: a closure's optimized
 * code is held only while some closure of its site lives, so V8 compiled them again after every
 * full garbage collection between two lowerings (bench/NOTES.md, round 18).
 */
class ClassFactTable implements ClassFacts {
  readonly scopes: ScopeTable;
  readonly plainClass: (scope: Scope, name: string) => py.ClassDef | undefined;
  readonly passesSelf: (fn: MethodDef) => boolean;
  readonly runtimeBase: (scope: Scope, b: py.ExprNode) => boolean;
  readonly baseCache = new Map<py.ClassDef, py.ClassDef[] | undefined>();
  // Which classes name each class as a base (any base: a non-plain subclass still derives).
  readonly derived = new Map<py.ClassDef, py.ClassDef[]>();
  // Attributes written or deleted other than as `self.attr = ...`, and whether setattr & co. appear.
  readonly freeWrites = new Set<string>();
  readonly anyWrites = new Set<string>();
  dynamic = false;
  // Methods read from a class (`Worker.run`): such a method may be called on any object.
  readonly readFromClass = new Set<string>();

  constructor(
    module: py.Module,
    scopes: ScopeTable,
    plainClass: (scope: Scope, name: string) => py.ClassDef | undefined,
    passesSelf: (fn: MethodDef) => boolean,
    runtimeBase: (scope: Scope, b: py.ExprNode) => boolean,
    gatheredSelfWrites: ReadonlySet<py.Attribute> | undefined,
  ) {
    this.scopes = scopes;
    this.plainClass = plainClass;
    this.passesSelf = passesSelf;
    this.runtimeBase = runtimeBase;
    // Every class of the module, with the plain classes its bases name (undefined: a base that is not).
    const index = nodeIndex(module);
    const classes = index.ofType("ClassDef");
    const derived = this.derived;
    for (const c of classes) {
      const scope = scopes.get(c)?.parent;
      for (const given of c.bases) {
        // (`class Sub(Base[int])` derives from Base too)
        const b = given._type === "Subscript" ? given.value : given;
        if (b._type !== "Name" || !scope) continue;
        const r = resolveName(scope, b.id, scopes);
        const base = r.where === "builtin" ? undefined : plainClass(r.scope, b.id);
        if (!base) continue;
        const list = derived.get(base);
        if (list) list.push(c);
        else derived.set(base, [c]);
      }
    }

    const selfWrites = gatheredSelfWrites ?? methodSelfWrites(classes);
    const unpackedOnly = dictsOnlyUnpacked(index);
    for (const n of index.ofType("Attribute")) {
      if (n.ctx._type !== "Load" && !selfWrites.has(n)) this.freeWrites.add(n.attr);
      if (n.ctx._type !== "Load") this.anyWrites.add(n.attr);
      if ((n.attr === "__dict__" && !unpackedOnly.has(n)) || n.attr === "__setattr__" || n.attr === "__class__") this.dynamic = true;
    }
    if (namesAny(module, ATTRIBUTE_REACHING_BUILTINS)) this.dynamic = true;

    const classNames = new Set<string>();
    for (const c of classes) classNames.add(c.name);
    for (const n of index.ofType("Attribute"))
      if (n.ctx._type === "Load" && n.value._type === "Name" && classNames.has(n.value.id)) this.readFromClass.add(n.attr);
    // (`super(C, self)` in a method of C is `super()`; any other super(...) may call a method on anything)
    // (the methods are searched for their own class's super calls only when the module has a super(...) with arguments: most have none)
    const superWithArguments: py.Call[] = [];
    for (const n of index.ofType("Call")) if (n.func._type === "Name" && n.func.id === "super" && n.args.length) superWithArguments.push(n);
    if (superWithArguments.length) {
      const ownSuper = ownClassSuperCalls(classes);
      for (const n of superWithArguments) if (!ownSuper.has(n)) this.readFromClass.add("*");
    }
  }

  bases(c: py.ClassDef): py.ClassDef[] | undefined {
    if (this.baseCache.has(c)) return this.baseCache.get(c);
    const scopes = this.scopes;
    const scope = scopes.get(c)?.parent;
    let out: py.ClassDef[] | undefined = [];
    for (const b of c.bases) {
      if (b._type === "Name" && b.id === "object") continue;
      if (scope && c.bases.length === 1 && this.runtimeBase(scope, b)) continue;
      // (`Base[T]`: plainClass(c) saw that it gives Base)
      const named = b._type === "Subscript" ? b.value : b;
      const base =
        scope && named._type === "Name" && resolveName(scope, named.id, scopes).where !== "builtin"
          ? this.plainClass(resolveName(scope, named.id, scopes).scope, named.id)
          : undefined;
      if (!base) {
        out = undefined;
        break;
      }
      out.push(base);
    }
    if (out && out.length > 1) out = undefined;
    this.baseCache.set(c, out);
    return out;
  }
  /** The class and its bases, nearest first (single inheritance only). */
  chain(c: py.ClassDef): py.ClassDef[] | undefined {
    const out: py.ClassDef[] = [];
    for (let cur: py.ClassDef | undefined = c; cur && out.length < 30;) {
      if (out.includes(cur)) return undefined;
      out.push(cur);
      const b = this.bases(cur);
      if (!b) return undefined;
      cur = b[0];
    }
    return out;
  }
  subclasses(c: py.ClassDef): py.ClassDef[] | undefined {
    const out: py.ClassDef[] = [];
    const todo = [...(this.derived.get(c) ?? [])];
    while (todo.length) {
      const s = todo.pop()!;
      if (out.includes(s)) continue;
      const scope = this.scopes.get(s)?.parent;
      if (!scope || this.plainClass(scope, s.name) !== s || !this.chain(s)) return undefined;
      out.push(s);
      todo.push(...(this.derived.get(s) ?? []));
    }
    return out;
  }
  resolve(c: py.ClassDef, attr: string, decorated = false): MethodDef | undefined {
    const mro = this.chain(c);
    if (!mro) return undefined;
    for (const k of mro) {
      const d = defIn(k, attr, decorated);
      if (d === "other") return undefined;
      if (d) return d;
    }
    return undefined;
  }
  /** Whether every class of `subs` resolves `attr` to `def`. */
  resolveAll(subs: py.ClassDef[], attr: string, decorated: boolean, def: MethodDef): boolean {
    for (let i = 0; i < subs.length; i++) if (this.resolve(subs[i], attr, decorated) !== def) return false;
    return true;
  }
  // `special`: a method Python looks up on the type (`__aenter__` for `async with`), asked for by name.
  method(cls: py.ClassDef, attr: string, withSubclasses: boolean, special = false): MethodDef | undefined {
    if (this.dynamic || this.anyWrites.has(attr) || (attr.startsWith("__") && !special)) return undefined;
    const def = this.resolve(cls, attr);
    if (!def || !withSubclasses) return def;
    const subs = this.subclasses(cls);
    return subs && this.resolveAll(subs, attr, false, def) ? def : undefined;
  }
  decoratedMethod(cls: py.ClassDef, attr: string, withSubclasses: boolean): MethodDef | undefined {
    if (this.dynamic || this.anyWrites.has(attr) || attr.startsWith("__")) return undefined;
    const def = this.resolve(cls, attr, true);
    if (!def || !withSubclasses) return def;
    const subs = this.subclasses(cls);
    return subs && this.resolveAll(subs, attr, true, def) ? def : undefined;
  }
  selfClass(fn: MethodDef): py.ClassDef | undefined {
    // (a property's getter runs on the instance the attribute is read from)
    const decorated = fn.decorator_list.some(notProperty) && !this.passesSelf(fn);
    if (this.dynamic || decorated || this.readFromClass.has("*") || this.readFromClass.has(fn.name)) return undefined;
    if (!(fn.args.posonlyargs[0] ?? fn.args.args[0])) return undefined;
    const cls = this.scopes.get(fn)?.parent?.node;
    if (cls?._type !== "ClassDef" || !cls.body.includes(fn)) return undefined;
    const scope = this.scopes.get(cls)?.parent;
    if (!scope || this.plainClass(scope, cls.name) !== cls || !this.chain(cls) || !this.subclasses(cls)) return undefined;
    return cls;
  }
  writtenFreely(attr: string): boolean {
    return this.dynamic || this.freeWrites.has(attr);
  }
}

/** A decorator other than `@property`. */
function notProperty(d: py.ExprNode): boolean {
  return !(d._type === "Name" && d.id === "property");
}

/** The def class `c`'s own body binds `attr` to, "other" when it binds it otherwise (undefined: not at all). */
function defIn(c: py.ClassDef, attr: string, decorated = false): MethodDef | "other" | undefined {
  for (const item of c.body) {
    if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === attr)
      return item.decorator_list.length && !decorated ? "other" : item;
    if (item._type === "Assign" && item.targets.some((t) => t._type === "Name" && t.id === attr)) return "other";
    if (item._type === "AnnAssign" && item.target._type === "Name" && item.target.id === attr) return "other";
  }
  return undefined;
}

/** The stores `self.attr = ...` anywhere in the classes' decorator-free methods (`self`: a method's first parameter). */
function methodSelfWrites(classes: readonly py.ClassDef[]): Set<py.Attribute> {
  const out = new Set<py.Attribute>();
  for (const c of classes) {
    for (const item of c.body) {
      if (item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") continue;
      const self = item.args.posonlyargs[0]?.arg ?? item.args.args[0]?.arg;
      if (!self || item.decorator_list.length) continue;
      walk(item, (n) => {
        if (n._type === "Attribute" && n.ctx._type === "Store" && n.value._type === "Name" && n.value.id === self) out.add(n);
      });
    }
  }
  return out;
}

/** Builtins that write attributes other than by `obj.attr = ...`. */
const ATTRIBUTE_REACHING_BUILTINS = new Set(["setattr", "delattr", "vars", "exec", "eval", "globals", "__import__"]);
