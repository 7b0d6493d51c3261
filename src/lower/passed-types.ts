// What the program's own calls pass to annotated parameters, as TS types, so a parameter's declared
// type admits it. Python does not enforce annotations: `def retry(on: Exception)` called with the
// class ConnectionRefusedError, `ttl: int = 3600` called with 0.05, `name: str = None`. The TS
// type of such a parameter is the annotation's, widened by what the program really passes (the
// code is the same either way: types never change what runs). A class's instances given a str or a
// number as well make the parameter `any`: a union would reject the body's reads of the class's members.
//
//   def pause(ttl: int = 3600): ...   | function pause(ttl: bigint | number = 3600n): any
//   pause(0.05)                       | pause(0.05);

import type * as py from "../ast/nodes.js";
import type { Scope, ScopeTable } from "./scopes.js";
import { eachOwnStatement, walkAll } from "./binding-facts.js";
import { BUILTIN_EXCEPTIONS } from "./stdlib.js";
import { safeName } from "./context.js";
import { allArgs, positionalArgs } from "../ast/arguments.js";
import { nodeIndex } from "../ast/node-index.js";

const cache = new WeakMap<py.Module, Map<py.Arg, Set<string>>>();

/** The TS types of the values passed to (or defaulted for) each parameter of the module's functions. */
export function passedTypes(module: py.Module, scopes: ScopeTable): Map<py.Arg, Set<string>> {
  let out = cache.get(module);
  if (out) return out;
  out = new Map();
  cache.set(module, out);
  const moduleScope = scopes.get(module);
  if (!moduleScope) return out;
  const found = out;
  // The names some scope other than the module's binds (found once, asked per def and per argument).
  const boundInner = new Set<string>();
  for (const sc of scopes.values()) if (sc !== moduleScope) for (const n of sc.bound) boundInner.add(n);
  const note = (p: py.Arg, e: py.ExprNode) => {
    const t = literalType(e, (name) => classValue(module, moduleScope, boundInner, name));
    if (!p.annotation || !t) return;
    let set = found.get(p);
    if (!set) found.set(p, (set = new Set()));
    set.add(t);
  };
  // Module-level functions bound once, under a name no other scope binds: every call of the name calls them.
  const defs = new Map<string, py.FunctionDef | py.AsyncFunctionDef>();
  for (const s of module.body) {
    if (s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef") continue;
    if ((moduleScope.bindCount.get(s.name) ?? 0) !== 1 || moduleScope.writtenElsewhere.has(s.name)) continue;
    if (boundInner.has(s.name)) continue;
    defs.set(s.name, s);
  }
  // A parameter the body rebinds (`value = super().__new__(cls, value)` in an int subclass's
  // __new__) holds that value too: its TS type admits one known from its text, or any instance a
  // `__new__` call makes. (Other calls are left alone: `loop = asyncio.get_running_loop()` for a
  // `loop: AbstractEventLoop = None` parameter keeps its type.)
  const rebound = (def: py.FunctionDef | py.AsyncFunctionDef) => {
    const params = new Map(allArgs(def.args).map((p) => [p.arg, p]));
    eachOwnStatement(def.body, (s) => {
      if (s._type !== "Assign" || s.targets.length !== 1 || s.targets[0]._type !== "Name") return;
      const p = params.get(s.targets[0].id);
      if (!p?.annotation) return;
      const known = literalType(s.value, (name) => classValue(module, moduleScope, boundInner, name));
      const madeByNew = s.value._type === "Call" && s.value.func._type === "Attribute" && s.value.func.attr === "__new__";
      if (known === undefined && !madeByNew) return;
      let set = found.get(p);
      if (!set) found.set(p, (set = new Set()));
      set.add(known ?? "any");
    });
  };
  const defaults = (a: py.Arguments) => {
    const positional = positionalArgs(a);
    a.defaults.forEach((d, i) => note(positional[positional.length - a.defaults.length + i], d));
    a.kwonlyargs.forEach((p, i) => a.kw_defaults[i] && note(p, a.kw_defaults[i]!));
  };
  // Methods by name: `obj.pub(None)` may call any of them (TS only: a wider type changes nothing that runs).
  const methods = new Map<string, { def: py.FunctionDef | py.AsyncFunctionDef; skip: number }[]>();
  for (const c of nodeIndex(module).ofType("ClassDef")) {
    for (const item of c.body) {
      if ((item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") || item.name.startsWith("__")) continue;
      const isStatic = item.decorator_list.some((d) => d._type === "Name" && d.id === "staticmethod");
      const list = methods.get(item.name) ?? [];
      list.push({ def: item, skip: isStatic ? 0 : 1 });
      methods.set(item.name, list);
    }
  }
  const passes = (call: py.Call, a: py.Arguments, skip: number) => {
    const positional = positionalArgs(a).slice(skip);
    call.args.forEach((arg, i) => {
      if (arg._type === "Starred" || call.args.slice(0, i).some((x) => x._type === "Starred")) return;
      if (i < positional.length) note(positional[i], arg);
    });
    for (const k of call.keywords) {
      const p = [...a.args.slice(Math.max(0, skip - a.posonlyargs.length)), ...a.kwonlyargs].find((x) => x.arg === k.arg);
      if (p) note(p, k.value);
    }
  };
  walkAll(module, (n) => {
    const node = n as unknown as py.Node;
    if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef") {
      defaults(node.args);
      rebound(node);
    }
    if (n._type !== "Call") return;
    if (n.func._type === "Attribute") for (const m of methods.get(n.func.attr) ?? []) passes(n, m.def.args, m.skip);
    if (n.func._type === "Name" && defs.has(n.func.id)) passes(n, defs.get(n.func.id)!.args, 0);
  });
  return out;
}

/** The TS type of a value known from its text alone (a literal, a class), as `general|precise`, else undefined. */
function literalType(e: py.ExprNode, cls: (name: string) => boolean): string | undefined {
  const sign = e._type === "UnaryOp" && e.op._type === "USub" ? "-" : "";
  if (e._type === "UnaryOp" && (e.op._type === "USub" || e.op._type === "UAdd") && e.operand._type === "Constant") e = e.operand;
  if (e._type === "Constant") {
    const v = e.value;
    if (v === null) return "null";
    // (a literal also satisfies a Literal[...] annotation that lists it)
    if (typeof v === "bigint") return `bigint|${sign}${v}n`;
    if (typeof v === "number") return "number";
    if (typeof v === "string") return sign ? undefined : `string|${JSON.stringify(v)}`;
    if (typeof v === "boolean") return sign ? undefined : `boolean|${v}`;
    return undefined;
  }
  if (e._type === "JoinedStr") return "string";
  if (e._type === "Name" && cls(e.id) && safeName(e.id) === e.id) return `typeof ${e.id}`;
  // `FakeReader()`: an instance, which the emitted `new FakeReader()` gives TS.
  if (e._type === "Call" && e.func._type === "Name" && cls(e.func.id) && safeName(e.func.id) === e.func.id && !BUILTIN_EXCEPTIONS.has(e.func.id))
    return e.func.id;
  return undefined;
}

/** A name that surely holds a class: a builtin exception class, or a module-level class of the program bound once. */
function classValue(module: py.Module, moduleScope: Scope, boundInner: Set<string>, name: string): boolean {
  if (moduleScope.bound.has(name)) {
    return (
      (moduleScope.bindCount.get(name) ?? 0) === 1 &&
      module.body.some((s) => s._type === "ClassDef" && s.name === name) &&
      !moduleScope.writtenElsewhere.has(name)
    );
  }
  return BUILTIN_EXCEPTIONS.has(name) && !boundInner.has(name);
}

/** `declared` widened by the types in `passed` it does not already admit. */
export function admitting(declared: string, passed: Set<string> | undefined, split: (t: string) => string[]): string {
  if (!passed || declared === "any" || declared === "unknown") return declared;
  if (passed.has("any")) return "any";
  const parts = split(declared);
  const extra: string[] = [];
  for (const t of passed) {
    const [general, precise] = t.split("|");
    if (!parts.includes(general) && !(precise && parts.includes(precise)) && !extra.includes(general)) extra.push(general);
  }
  if (!extra.length) return declared;
  // A class's instances given a str or a number too (`key: Key` called with "a.b"): the body's
  // reads of the class's members (`key.is_subset_of(k)`) would not type-check on the union. (None
  // is narrowed away by the body's own tests; another class or its instances duck-type it.)
  if (parts.some((t) => !PRIMITIVE.test(t)) && extra.some((t) => t !== "null" && PRIMITIVE.test(t))) return "any";
  return [...parts, ...extra].join(" | ");
}

/** A TS type that has no members the program reads: a primitive or a literal of one. */
const PRIMITIVE = /^(bigint|number|string|boolean|null|undefined|void|never|true|false|-?\d+n?|-?\d*\.\d+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/;
