// Calls ⇒ the cheapest faithful JS call: plain positional calls of known defs (keywords matched at
// compile time, CPython's TypeError text when they cannot bind), `new` for known classes, method
// calls with str dispatch when the receiver may be a str, and the runtime's call()/callkw() otherwise.
//
//   f(1, b=2)    (def f(a, b))    | f(1n, 2n)
//   obj.m(x, k=1)                 | callkw_method(obj, "m", PyList.fromArray([x]), { k: 1n })
//   super().__init__(x)           | super.__init__(x)

import { BUILTIN_TYPE_DIRS } from "../runtime/builtins/builtin-dirs.js";
import { argumentNameList } from "../runtime/builtins/builtin-arity.js";
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { localsCall } from "./locals-call.js";
import { globalsCall } from "./globals-call.js";
import { call, id, lit, member, newExpr, spread } from "../ir/nodes.js";
import { setPyMark } from "../ir/positions.js";
import { ASYNCIO, PROGRAM, argumentArray, jsMemberName, type LowerContext, needsArgumentArray, safeName, safeProp, spreadOnly } from "./context.js";
import { absentInCPython } from "./platform-absent.js";
import { resolveName } from "./scopes.js";
import { walk } from "../ast/walk.js";
import { BUILTIN_CLASSES, BUILTIN_EXCEPTIONS, STDLIB } from "./stdlib.js";
import { staticType, type PyType } from "./types.js";
import { directMethod, linearBases, methodMayBeHooked, provenClass, provenMethodDef } from "./plain-access.js";
import { attributeCallNeedsCheck, methodSurelyMissing } from "./attribute-calls.js";
import { BYTES_METHOD_RESULTS, runtimeSubmodule } from "./known-results.js";
import { own } from "./binding-facts.js";
import { isInitlessBase, madeBeyondInit } from "./classes.js";
import { decoratedFunction } from "./decorated.js";
import { fitsPositionally, positionalArgs } from "../ast/arguments.js";
import {
  builtinArityProblem,
  builtinKeywordProblem,
  mathArityProblem,
  strMethodArityProblem,
  strKeywordProblem,
  containerMethodArityProblem,
} from "../runtime/builtins/builtin-arity.js";
import { classAttributeBoundByValue, classAttributeRead } from "./class-attributes.js";

export function isObjectConstruction(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type === "List" || e._type === "Dict" || e._type === "Set" || e._type === "ListComp" || e._type === "DictComp" || e._type === "SetComp") return true;
  if (e._type !== "Call") return false;
  const f = e.func;
  if (f._type === "Name") {
    const k = cx.lookupKnown(f.id);
    if (k?.kind === "class") return true;
    if (k?.kind === "runtime-name") return STDLIB[k.module]?.classes.has(k.name) ?? false;
    return resolveName(cx.fn.scope, f.id, cx.scopes).where === "builtin" && ["list", "dict", "set", "tuple"].includes(f.id);
  }
  if (f._type === "Attribute" && f.value._type === "Name") {
    const k = cx.lookupKnown(f.value.id);
    return k?.kind === "module" && (STDLIB[k.name]?.classes.has(f.attr) ?? false);
  }
  return false;
}

export function isKnownObject(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type !== "Name") return false;
  const r = resolveName(cx.fn.scope, e.id, cx.scopes);
  if ((r.scope.bindCount.get(e.id) ?? 0) !== 1 || r.scope.writtenElsewhere.has(e.id)) return false;
  return cx.objectNames.has(`${cx.scopeId(r.scope)}:${e.id}`);
}

/** `name` is a class of the program and `attr` a static or class method of it (TS knows those). */
export function isStaticMethodOfClass(cx: LowerContext, name: string, attr: string, depth = 0): boolean {
  const k = cx.lookupKnown(name);
  if (k?.kind !== "class" || depth > 20) return false;
  for (const item of k.node.body) {
    if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === attr) {
      return item.decorator_list.some((d) => d._type === "Name" && (d.id === "staticmethod" || d.id === "classmethod"));
    }
  }
  return k.node.bases.some((b) => b._type === "Name" && isStaticMethodOfClass(cx, b.id, attr, depth + 1));
}

/** The def of `name.attr` when `name` is a class of the program whose own body makes `attr` a
 *  plain @staticmethod or @classmethod (one decorator), and how many arguments it binds itself. */
function staticMethodDef(cx: LowerContext, name: string, attr: string): { def: py.FunctionDef | py.AsyncFunctionDef; bound: number } | undefined {
  const k = cx.lookupKnown(name);
  if (k?.kind !== "class") return undefined;
  for (const item of k.node.body) {
    if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === attr) {
      const d = item.decorator_list;
      if (d.length !== 1 || d[0]._type !== "Name" || (d[0].id !== "staticmethod" && d[0].id !== "classmethod")) return undefined;
      return { def: item, bound: d[0].id === "classmethod" ? 1 : 0 };
    }
  }
  return undefined;
}

/** Whether `n` positional arguments fit the positional parameters (keyword-only ones are the
 *  callee's own binding to check: bind_rest names the function as CPython does). */
function takesCount(a: py.Arguments, n: number, skip: number): boolean {
  const params = positionalArgs(a).length - skip;
  return n >= params - a.defaults.length && (n <= params || !!a.vararg);
}

export function callExpr(cx: LowerContext, e: py.Call): ir.Expr {
  const r = argumentsAsArray(cx, callShape(cx, e));
  return inspectsWithoutKeeping(cx, e) ? dropTemporaries(cx, e, r) : r;
}

/** Functions that look at their arguments and keep no reference to them. */
const INSPECTING_BUILTINS = new Set(["isinstance", "type", "repr", "print"]);
const INSPECTING_MODULE_FUNCTIONS: Record<string, Set<string>> = {
  asyncio: new Set(["iscoroutine", "isfuture"]),
  inspect: new Set(["iscoroutine", "isawaitable", "isgenerator", "isasyncgen"]),
};

/**
 * An argument that may be a coroutine made for this call alone: a call of the program's coroutine
 * def or of asyncio's; unless `onlyKnown`, also a call of a variable whose value the lowering cannot
 * see (a mock, a callback). Calls of builtins, classes, plain defs and methods are left alone.
 */
function mayMakeCoroutine(cx: LowerContext, a: py.ExprNode, onlyKnown: boolean): boolean {
  if (a._type !== "Call") return false;
  if (mayReturnCoroutine(cx, a)) return true;
  if (a.func._type !== "Name" || onlyKnown) return false;
  if (resolveName(cx.fn.scope, a.func.id, cx.scopes).where === "builtin") return false;
  return cx.lookupKnown(a.func.id) === undefined;
}

/** A call of an inspecting function with an argument that may be a coroutine nothing else holds. */
function inspectsWithoutKeeping(cx: LowerContext, e: py.Call): boolean {
  if (e.keywords.length) return false;
  const f = e.func;
  let inspecting = false;
  if (f._type === "Name") {
    const r = resolveName(cx.fn.scope, f.id, cx.scopes);
    const known = cx.lookupKnown(f.id);
    inspecting =
      r.where === "builtin"
        ? INSPECTING_BUILTINS.has(f.id)
        : known?.kind === "runtime-name" && (INSPECTING_MODULE_FUNCTIONS[known.module]?.has(known.name) ?? false);
  } else if (f._type === "Attribute" && f.value._type === "Name") {
    const known = cx.lookupKnown(f.value.id);
    inspecting = known?.kind === "module" && (INSPECTING_MODULE_FUNCTIONS[known.name]?.has(f.attr) ?? false);
  }
  // print() of a call of an unknown function is common and harmless: only known coroutine calls count there.
  const onlyKnown = f._type === "Name" && f.id === "print";
  return inspecting && e.args.some((a) => mayMakeCoroutine(cx, a, onlyKnown));
}

/**
 * `_drop_temps(_temp_mark(), f(_temp(a()), b), line, file)`: an argument made by a call dies when
 * the call returns (CPython reports a coroutine never awaited there). Only when the lowered call
 * passes the arguments as written, one for one.
 */
function dropTemporaries(cx: LowerContext, e: py.Call, r: ir.Expr): ir.Expr {
  if (r.k !== "call" || r.args.length !== e.args.length || e.args.some((a) => a._type === "Starred")) return r;
  const onlyKnown = e.func._type === "Name" && e.func.id === "print";
  const args = r.args.map((a, i) => (mayMakeCoroutine(cx, e.args[i], onlyKnown) ? call(cx.helperFrom("_temp", ASYNCIO), a) : a));
  // `_with_temps(() => f(_temp(a())), line, file)` drops them also when the call raises, before a
  // handler runs (as CPython pops its value stack); an await or yield cannot go into the arrow.
  if (!suspends(e)) return call(cx.helperFrom("_with_temps", ASYNCIO), { k: "arrow", params: [], body: { ...r, args } }, lit(e.lineno), cx.fileExpr());
  return call(cx.helperFrom("_drop_temps", ASYNCIO), call(cx.helperFrom("_temp_mark", ASYNCIO)), { ...r, args }, lit(e.lineno), cx.fileExpr());
}

/** The expression awaits or yields (its lowering is a `yield*`, which only a generator may hold). */
export function suspends(e: py.ExprNode): boolean {
  let found = false;
  walk(e, (n) => {
    if (n._type === "Await" || n._type === "Yield" || n._type === "YieldFrom") found = true;
    // A lambda's or comprehension's own body is another function (a comprehension with await is async).
    return !found && n._type !== "Lambda";
  });
  return found;
}

/**
 * A call whose arguments JS cannot take as written (a star-argument, or thousands of them: see
 * needsArgumentArray) passes them as one array: `callv(f, [a, ...items])`, `new C(...items)` ⇒
 * `callv(C, [...items])`, `obj.m(...items)` ⇒ `callv_method(obj, "m", [...items])`. Calls through
 * the runtime's call()/callm() were already made so by cx.rt.
 */
function argumentsAsArray(cx: LowerContext, r: ir.Expr): ir.Expr {
  if ((r.k !== "call" && r.k !== "new") || !needsArgumentArray(r.args)) return r;
  const c = r.callee;
  const args = argumentArray(r.args);
  // A module's function needs no `this`: `callv(asyncio.gather, [...tasks])`.
  const onModule = c.k === "member" && c.object.k === "id" && ["module", "local-module"].includes(cx.lookupKnown(c.object.name)?.kind ?? "");
  if (r.k === "call" && c.k === "member" && !c.jsOnly && !onModule) {
    if (c.object.k === "super") return cx.rt("callv", c, args, { k: "this" });
    const obj = c.object.k === "as" ? c.object.expr : c.object;
    return cx.rt("callv_method", obj, lit(c.prop), args);
  }
  return cx.rt("callv", c, args);
}

// (frozen: shared by every call without keywords)
const NO_KEYWORDS = Object.freeze([]) as unknown as py.Keyword[];

function callShape(cx: LowerContext, e: py.Call): ir.Expr {
  const f = e.func;
  const args = e.args.map((a) => (a._type === "Starred" ? starSpread(cx, a.value, e) : iteratedArgument(cx, a, e)));
  // (most calls have no keyword: no arrays made for them)
  const kwStar = e.keywords.length ? e.keywords.filter((k) => k.arg === null) : NO_KEYWORDS;
  const keywords = (e.keywords.length ? e.keywords.filter((k) => k.arg !== null) : NO_KEYWORDS) as (py.Keyword & { arg: string })[];
  const p: CallArguments = { args, kwStar, keywords };

  // (each kind of callee lowered by a function of its own: V8 optimizes, and deoptimizes, each on its own)
  if (f._type === "Attribute" && f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super") {
    const viaSuper = superCallShape(cx, e, f, p);
    if (viaSuper !== undefined) return viaSuper;
  }
  if (f._type === "Name") return nameCallShape(cx, e, f, p);
  if (f._type === "Attribute") return attributeCallShape(cx, e, f, p);
  return cx.rt("call", cx.expr(f), ...args, ...kwArgs(cx, e, p));
}

/** A call's arguments as lowered, and its keywords: `**mapping` ones and named ones. */
interface CallArguments {
  args: ir.Expr[];
  kwStar: py.Keyword[];
  keywords: (py.Keyword & { arg: string })[];
}

/** The keyword arguments as the last argument (`kw({...})`), or none. */
function kwArgs(cx: LowerContext, e: py.Call, p: CallArguments): ir.Expr[] {
  if (!e.keywords.length) return [];
  const props = p.keywords.map((k) => ({ key: k.arg, value: cx.expr(k.value) }));
  if (p.kwStar.length) return [cx.rt("kw", cx.rt("kw_merge", { k: "object", props }, ...p.kwStar.map((k) => cx.expr(k.value))))];
  return [cx.rt("kw", { k: "object", props })];
}

/** `super(...).method(...)`, or undefined for a super() call the attribute path lowers. */
function superCallShape(cx: LowerContext, e: py.Call, f: py.Attribute, p: CallArguments): ir.Expr | undefined {
  const { args, kwStar, keywords } = p;
  // super(Class, obj).method(...): Python 2's spelling of super().method(...) when it names the
  // enclosing class and the method's self; otherwise the next class after Class in obj's MRO.
  if (
    f._type === "Attribute" &&
    f.value._type === "Call" &&
    f.value.func._type === "Name" &&
    f.value.func.id === "super" &&
    f.value.args.length === 2 &&
    !f.value.keywords.length
  ) {
    const [cls, obj] = f.value.args;
    const plain = cls._type === "Name" && cls.id === cx.fn.className && obj._type === "Name" && obj.id === cx.fn.selfName && !cx.usesMultipleInheritance;
    if (!plain) return call(cx.rt("super_method", cx.expr(obj), cx.expr(cls), lit(f.attr)), ...args, ...kwArgs(cx, e, p));
  }
  // super().method(...) inside a method.
  const superCall = f._type === "Attribute" && f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super";
  if (superCall && (!(f.value as py.Call).args.length || (f.value as py.Call).args.length === 2)) {
    // (and for object's methods no JS parent may have: `super().__eq__(other)`, `super().__hash__()`)
    if ((cx.usesMultipleInheritance || OBJECT_ONLY_METHODS.has(f.attr)) && cx.fn.className) {
      // The next class in the instance's MRO, which JS's `super` (the class's own parent) is not.
      const self = cx.fn.selfName ? cx.expr({ _type: "Name", id: cx.fn.selfName, ctx: { _type: "Load" } } as py.Name) : { k: "this" as const };
      return call(cx.rt("super_method", self, id(safeName(cx.fn.className)), lit(f.attr)), ...args, ...kwArgs(cx, e, p));
    }
    // (a runtime parent such as dict or logging.Handler may lack them: object's generic ones then)
    if ((f.attr === "__getattribute__" || f.attr === "__setattr__") && cx.fn.className) {
      return cx.rt(f.attr === "__getattribute__" ? "super_getattribute" : "super_setattr", { k: "this" }, id(safeName(cx.fn.className)), ...args);
    }
    // Keywords are bound to the parent method's parameters by name (`super().__init__(x=1)` of a
    // `def __init__(self, x)`); passed as a trailing KwArgs, the first parameter would take it.
    if (e.keywords.length) return cx.rt("callkw", member({ k: "super" }, safeProp(f.attr)), { k: "this" }, cx.list(args), kwRecord(cx, keywords, kwStar));
    return call(member({ k: "super" }, safeProp(f.attr)), ...args, ...kwArgs(cx, e, p));
  }
  return undefined;
}

/** A call of a name: a def, a class, a runtime name, a builtin, or what the runtime decides. */
function nameCallShape(cx: LowerContext, e: py.Call, f: py.Name, p: CallArguments): ir.Expr {
  const { args, kwStar, keywords } = p;
  const r = resolveName(cx.fn.scope, f.id, cx.scopes);
  // (a read the analysis could not prove bound, `handle()` above its def: the checked read, CPython's NameError)
  const known = cx.fn.unbound?.reads.has(f) ? undefined : cx.lookupKnown(f.id);
  if (known?.kind === "def" && !kwStar.length) {
    const problem = r.where === "global" || r.scope.kind === "module" ? callProblem(known.node, args, keywords) : null;
    // Python evaluates the arguments, then refuses the call.
    if (problem) return cx.rt("bad_call", lit(problem), ...args, ...keywords.map((k) => cx.expr(k.value)));
    const ordered = orderArguments(cx, known.node.args, args, keywords);
    // A spread into fixed parameters type-checks only through the generic call().
    if (ordered && ordered.some((x) => x.k === "spread")) return cx.rt("call", id(safeName(f.id)), ...ordered);
    if (ordered) return call(id(safeName(f.id)), ...ordered);
    // Wrong arity: bound at run time, which raises Python's TypeError for missing or extra arguments.
    if (!e.keywords.length && !args.some((a) => a.k === "spread"))
      return cx.rt("callkw", id(safeName(f.id)), lit(null), cx.list(args), { k: "object", props: [] });
    if (!e.keywords.length) return cx.rt("call", id(safeName(f.id)), ...args);
  }
  if (known?.kind === "class") {
    const init = known.node.body.find((b): b is py.FunctionDef => b._type === "FunctionDef" && b.name === "__init__");
    // Made by a __new__ or a metaclass, the call may return anything (None too): the runtime's call().
    if (madeBeyondInit(cx, known.node)) return cx.rt("call", id(safeName(f.id)), ...args, ...kwArgs(cx, e, p));
    // Arguments its __init__ cannot take: bound at run time, which raises CPython's TypeError.
    const runs = e.keywords.length ? undefined : initRun(cx, known.node);
    if (runs && !args.some((a) => a.k === "spread") && !fitsPositionally(runs.args, args.length, 1))
      return cx.rt("callkw", id(safeName(f.id)), lit(null), cx.list(args), { k: "object", props: [] });
    // (an exception's args are its positional arguments only: its keywords stay keywords)
    if (init && keywords.length && !kwStar.length && !isExceptionClassDef(cx, known.node)) {
      const ordered = orderArguments(cx, init.args, args, keywords, 1);
      if (ordered) return newExpr(id(safeName(f.id)), ordered);
    }
    return newExpr(id(safeName(f.id)), [...args, ...kwArgs(cx, e, p)]);
  }
  if (known?.kind === "runtime-name") {
    // (`from math import sqrt`: a wrong count is CPython's TypeError, as for the builtins)
    const problem = known.module === "math" && !e.keywords.length && !args.some((a) => a.k === "spread") ? mathArityProblem(known.name, args.length) : null;
    if (problem) return cx.rt("bad_call", lit(problem), ...args);
    const isClass = STDLIB[known.module]?.classes.has(known.name);
    if (isClass) return newExpr(cx.expr(f), [...args, ...kwArgs(cx, e, p)]);
    // typing's special forms are objects: the runtime's call() runs their __call__
    // (`OrderedDict()` after `from typing import OrderedDict` makes a collections.OrderedDict).
    if (kwStar.length) return cx.rt("callkw", cx.expr(f), lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
    if (known.module === "typing") return cx.rt("call", cx.expr(f), ...args, ...kwArgs(cx, e, p));
    return call(cx.expr(f), ...args, ...kwArgs(cx, e, p));
  }
  if (r.where === "builtin") {
    if (f.id === "super") return cx.diags.error(e, "TSY1030");
    // (`vars()` without an argument is `locals()`)
    if ((f.id === "locals" || f.id === "vars") && !e.args.length && !e.keywords.length) return localsCall(cx, e);
    if (f.id === "globals" && !e.args.length && !e.keywords.length) return globalsCall(cx, e);
    // Keywords a builtin does not take (`len(xs, key=1)`): CPython's TypeError once the arguments are evaluated.
    const keywordProblem = keywords.length
      ? builtinKeywordProblem(
          f.id,
          keywords.map((k) => k.arg),
        )
      : null;
    if (keywordProblem) return cx.rt("bad_call", lit(keywordProblem), ...args, ...e.keywords.map((k) => cx.expr(k.value)));
    // A wrong number of arguments: CPython's TypeError once they are evaluated.
    const problem = e.keywords.length || args.some((a) => a.k === "spread") ? null : builtinArityProblem(f.id, args.length);
    if (problem) return cx.rt("bad_call", lit(problem), ...args);
    if (BUILTIN_EXCEPTIONS.has(f.id) || BUILTIN_CLASSES.has(f.id)) return newExpr(cx.expr(f), [...args, ...kwArgs(cx, e, p)]);
    // A spread into a builtin's fixed parameters type-checks only through the generic call().
    // A `**mapping` goes through the runtime's callkw: it names the callee in the mapping's errors
    // and drops an empty one, which a builtin would take for an argument.
    if (kwStar.length) return cx.rt("callkw", cx.expr(f), lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
    if (args.some((a) => a.k === "spread")) return cx.rt("call", cx.expr(f), ...args, ...kwArgs(cx, e, p));
    return call(cx.expr(f), ...args, ...kwArgs(cx, e, p));
  }
  // A def the program decorated into a plain function (decorated.ts): no class to construct.
  if (!e.keywords.length && decoratedFunction(cx.scopes, cx.known, cx.fn.scope, f.id)) return call(cx.expr(f), ...args);
  // A local or parameter whose value the lowering cannot see: the runtime decides (class or function, keywords).
  if (e.keywords.length) return cx.rt("callkw", cx.expr(f), lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
  return cx.rt("call", cx.expr(f), ...args);
}

/** A call of an attribute: a module's function or class, a method. */
function attributeCallShape(cx: LowerContext, e: py.Call, f: py.Attribute, p: CallArguments): ir.Expr {
  const { args, kwStar, keywords } = p;
  const v = f.value;
  // `self.__class__(...)`: a class read at run time (getattr), called as the runtime decides.
  if (f.attr === "__class__" && !(v._type === "Call" && v.func._type === "Name" && v.func.id === "super")) {
    if (e.keywords.length) return cx.rt("callkw", cx.expr(f), lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
    return cx.rt("call", cx.expr(f), ...args);
  }
  if (isLocalModulePath(cx, v) && !jsMemberName(f.attr)) {
    // `helpers.Point(1, 2)`: a class or a function, the runtime decides.
    const callee = member(cx.expr(v), safeProp(f.attr));
    if (e.keywords.length) return cx.rt("callkw", callee, lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
    return cx.rt("call", callee, ...args);
  }
  // `concurrent.futures.Future()` after `import concurrent.futures`: `concurrent` is the submodule.
  const sub = v._type === "Attribute" && v.value._type === "Name" ? cx.lookupKnown(v.value.id) : null;
  const viaPackage = sub?.kind === "module" && v._type === "Attribute" && v.value._type === "Name" && sub.name === `${v.value.id}.${v.attr}`;
  // `asyncio.exceptions.LimitOverrunError()` after `import asyncio`: a class of a runtime
  // submodule reached as an attribute needs `new` (its functions keep the generic call).
  const subName = !viaPackage ? (runtimeSubmodule(cx, v) ?? "") : "";
  // (a name it lacks is refused, or raises AttributeError when CPython lacks it too)
  const viaAttribute = subName !== "" && !f.attr.startsWith("__");
  if (v._type === "Name" || viaPackage || viaAttribute) {
    const known = viaPackage ? sub : viaAttribute ? { kind: "module" as const, name: subName } : cx.lookupKnown((v as py.Name).id);
    if (known?.kind === "module") {
      const info = STDLIB[known.name];
      if (info && !info.names.has(f.attr)) {
        if (absentInCPython(known.name, f.attr))
          return cx.rt("call", call(cx.helperFrom("absent_module_attribute", PROGRAM), lit(known.name), lit(f.attr), cx.expr(v)), ...args, ...kwArgs(cx, e, p));
        return cx.diags.error(f, "TSY3004", { name: f.attr, module: known.name });
      }
      const problem = known.name === "math" && !e.keywords.length && !args.some((a) => a.k === "spread") ? mathArityProblem(f.attr, args.length) : null;
      if (problem) return cx.rt("bad_call", lit(problem), ...args);
      const callee = member(cx.expr(v), f.attr);
      // An attribute the program may replace (a monkeypatched class): whatever it holds then.
      if (v._type === "Name" && cx.analysis.replacedAttributes().has(`${v.id}.${f.attr}`)) {
        if (e.keywords.length) return cx.rt("callkw", callee, lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
        return cx.rt("call", callee, ...args);
      }
      if (info?.classes.has(f.attr)) return newExpr(callee, [...args, ...kwArgs(cx, e, p)]);
      // typing's special forms are objects (`typing.OrderedDict()`): the runtime's call() runs their __call__.
      if (kwStar.length) return cx.rt("callkw", callee, lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
      if (known.name === "typing") return cx.rt("call", callee, ...args, ...kwArgs(cx, e, p));
      return call(callee, ...args, ...kwArgs(cx, e, p));
    }
  }
  const obj = cx.expr(v);
  // `Outer.Inner(...)` / `self.Inner(...)`: a class kept as a class attribute needs `new`,
  // which the runtime's call() supplies (TS does not know the class attribute: `as any`).
  if (nestedClassNames(cx).has(f.attr)) {
    // `Outer.Inner(2)` of the class statement Outer's body binds once: constructed as at top level.
    const nested = nestedClassStatement(cx, v, f.attr);
    if (nested && !e.keywords.length && !madeBeyondInit(cx, nested) && takesPositional(nested, args)) return newExpr(member(obj, safeProp(f.attr)), args);
    const callee = member({ k: "as", expr: obj, type: "any" }, safeProp(f.attr));
    if (e.keywords.length) return cx.rt("callkw", callee, lit(null), cx.list(args), kwRecord(cx, keywords, kwStar));
    return cx.rt("call", callee, ...args);
  }
  // An attribute the program gives a class as value (`self.factory = Point`): callm constructs it.
  if (cx.analysis.facts.classValuedAttrs?.has(f.attr)) {
    if (e.keywords.length) return cx.rt("callkw_method", obj, lit(f.attr), cx.list(args), kwRecord(cx, keywords, kwStar));
    return cx.rt("callm", obj, lit(f.attr), ...args);
  }
  // A generator's throw() returns the next value in Python; JS's throw() is the iterator protocol.
  if (f.attr === "throw" && !e.keywords.length && args.length >= 1) return cx.rt("gen_throw", obj, ...args);
  const onBuiltin = v._type === "Name" && resolveName(cx.fn.scope, v.id, cx.scopes).where === "builtin";
  // A special method called by name on what may be an int, bool, float or str (`(3).__add__(4)`,
  // `x.__lt__(y)`), or a list or dict (`xs.__getitem__(0)`): JS primitives have no such members and
  // the runtime's classes few of them; callm finds them.
  if (BUILTIN_VALUE_SPECIAL_METHODS.has(f.attr) && mayBeBuiltinValue(cx, v)) return cx.rt("callm", obj, lit(f.attr), ...args, ...kwArgs(cx, e, p));
  // (the receiver's proven type, typed once for the questions below: each one asks it off a builtin only)
  const receiverType = onBuiltin ? undefined : staticType(v, cx.typeEnv());
  // (with `**mapping`: callkw_method checks the keywords the method takes)
  if (!onBuiltin && receiverType === "str" && kwStar.length) return cx.rt("callkw_method", obj, lit(f.attr), cx.list(args), kwRecord(cx, keywords, kwStar));
  // A str method on a value proven to be a str: the runtime's function for it, called directly.
  // A method of a proven list, tuple, dict or set called with a count it does not take: CPython's TypeError.
  if (!onBuiltin && receiverType !== undefined && !e.keywords.length && !args.some((a) => a.k === "spread")) {
    const problem = containerMethodArityProblem(receiverType, f.attr, args.length);
    if (problem) return cx.rt("bad_call", lit(problem), obj, ...args);
  }
  if (!onBuiltin && PYSTR_METHODS.has(f.attr) && receiverType === "str") {
    const problem = e.keywords.length
      ? strKeywordProblem(
          f.attr,
          e.keywords.flatMap((k) => (k.arg ? [k.arg] : [])),
        )
      : args.some((a) => a.k === "spread")
        ? null
        : strMethodArityProblem(f.attr, args.length);
    if (problem) return cx.rt("bad_call", lit(problem), obj, ...args, ...kwArgs(cx, e, p));
    return call(member(cx.helper("pystr"), f.attr), obj, ...args, ...kwArgs(cx, e, p));
  }
  // Any other method of a proven int, bool, float or str (a literal too): callm looks it up, and
  // raises Python's AttributeError for a name the type lacks.
  if (!onBuiltin && isPrimitiveType(receiverType)) return cx.rt("callm", obj, lit(f.attr), ...args, ...kwArgs(cx, e, p));
  // A bytes method on a value proven to be bytes: the method PyBytes has, called directly.
  // (not join/find: Uint8Array's own methods in TS's eyes)
  // A method a proven list or dict lacks (`xs.apend(1)`): getattr's AttributeError, which names
  // the type (a JS call of undefined cannot), before the arguments run.
  if ((receiverType === "list" || receiverType === "dict") && !BUILTIN_TYPE_DIRS[receiverType].includes(f.attr))
    return missingMethodCall(cx, f, obj, [...args, ...kwArgs(cx, e, p)]);
  if (!onBuiltin && own(BYTES_METHOD_RESULTS, f.attr) && !["join", "find"].includes(f.attr) && !jsMemberName(f.attr) && receiverType === "bytes")
    return call(member(obj, f.attr), ...args, ...kwArgs(cx, e, p));
  // `D.g(d, 9)` where the class body assigned `g = Function(f)` (or any value, not a def): what D.g
  // gives (a descriptor's __get__, a callable object, a function) is called as Python calls it, its
  // arguments checked (a JS call of a function drops extra ones and passes missing ones as undefined).
  if (!onBuiltin && classAttributeBoundByValue(cx, v, f.attr))
    return e.keywords.length || args.some((a) => a.k === "spread")
      ? cx.rt("callm", obj, lit(f.attr), ...args, ...kwArgs(cx, e, p))
      : cx.rt("callm_checked", obj, lit(f.attr), ...args);
  if (
    onBuiltin ||
    jsMemberName(f.attr) ||
    // (`self.__class__(...)`: the type, no member of the object; `p.__ne__(q)`: a method the
    // object may have only from `object`, which the runtime gives)
    f.attr === "__class__" ||
    OBJECT_INHERITED.has(f.attr) ||
    (STR_METHODS.has(f.attr) && receiverType !== "list" && !isKnownObject(cx, v) && !directMethod(cx, v, f.attr)) ||
    (methodMayBeHooked(cx, v) &&
      !directMethod(cx, v, f.attr) &&
      !isLocalModulePath(cx, v) &&
      !(v._type === "Name" && cx.lookupKnown(v.id)?.kind === "class")) ||
    // `type(x).m(x)`: maybe a runtime class, whose methods JS finds on its prototype only
    (v._type === "Call" && v.func._type === "Name" && v.func.id === "type" && v.args.length === 1) ||
    // `OrderedDict.__setitem__(od, k, v)`: a special method read from a runtime class (its
    // prototype's, given the instance first)
    (isDunder(f.attr) && isRuntimeClassName(cx, v)) ||
    // `obj.method.__wrapped__(obj, x)`: a function's data attribute, which a bound method reads
    // from its function (getattr), never a JS member of it
    FUNCTION_DATA_ATTRIBUTES.has(f.attr)
  ) {
    return cx.rt("callm", obj, lit(f.attr), ...args, ...kwArgs(cx, e, p));
  }
  if (e.keywords.length) {
    return cx.rt("callkw_method", obj, lit(f.attr), cx.list(args), kwRecord(cx, keywords, kwStar));
  }
  // Arguments the method of a proven instance cannot take: bound at run time, which raises CPython's TypeError.
  const def = provenMethodDef(cx, v, f.attr);
  if (def && !args.some((a) => a.k === "spread") && !fitsPositionally(def.args, args.length, 1))
    return cx.rt("callkw_method", obj, lit(f.attr), cx.list(args), { k: "object", props: [] });
  // (the same for a static or class method read from its class: `C.s(1, 2)` is a plain JS call
  // of a static member, which would drop the extra argument or pass a missing one as undefined)
  const ownStatic = v._type === "Name" ? staticMethodDef(cx, v.id, f.attr) : undefined;
  if (ownStatic && !args.some((a) => a.k === "spread") && !takesCount(ownStatic.def.args, args.length, ownStatic.bound))
    return cx.rt("callkw_method", obj, lit(f.attr), cx.list(args), { k: "object", props: [] });
  // A method called on a fresh instance (`C().m()`) may be one TS only knows as static; a method
  // read from its class (`Base.__init__(self)`) is one TS only knows on instances.
  const onClass = v._type === "Name" && cx.lookupKnown(v.id)?.kind === "class" && !isStaticMethodOfClass(cx, v.id, f.attr);
  // A callee that may not take these arguments (a function kept in an attribute, a method of
  // that name taking other counts): the runtime checks them (attribute-calls.ts).
  // (a class's own methods read from it check their arguments themselves: define_class's views)
  const classReceiver = v._type === "Name" && cx.lookupKnown(v.id)?.kind === "class";
  if (!def && !classReceiver && !args.some((a) => a.k === "spread") && attributeCallNeedsCheck(cx.module, f.attr, args.length))
    return cx.rt("callm_checked", obj, lit(f.attr), ...args);
  // A method no class of a proven instance's chain has: getattr's AttributeError, before the arguments run.
  const cls = def || onClass ? undefined : provenClass(cx, v);
  if (cls && methodSurelyMissing(linearBases(cx, cls), cx.module, f.attr)) return missingMethodCall(cx, f, obj, [...args, ...kwArgs(cx, e, p)]);
  const receiver: ir.Expr = obj.k === "new" || onClass ? { k: "as", expr: obj, type: "any" } : obj;
  const direct = call(member(receiver, safeProp(f.attr)), ...args, ...kwArgs(cx, e, p));
  // An async generator method is a generator function in TS's eyes; define_class makes it
  // return the async generator object, which is what the program holds.
  return asyncGeneratorMethod(cx, v, f.attr) ? { k: "as", expr: direct, type: "any" } : direct;
}

/** Attributes CPython's functions and bound methods hold as data (`functools.wraps`' `__wrapped__`). */
const FUNCTION_DATA_ATTRIBUTES = new Set(["__wrapped__", "__func__", "__self__"]);

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

/** A name bound to one of the runtime's stdlib classes (`from collections import OrderedDict`). */
function isRuntimeClassName(cx: LowerContext, v: py.ExprNode): boolean {
  if (v._type !== "Name") return false;
  const k = cx.lookupKnown(v.id);
  return k?.kind === "runtime-name" && (STDLIB[k.module]?.classes.has(k.name) ?? false);
}

/** Methods every object has from `object` that a program's class need not define (runtime: functions.ts). */
const OBJECT_INHERITED = new Set([
  "__ne__",
  "__eq__",
  "__lt__",
  "__le__",
  "__gt__",
  "__ge__",
  "__hash__",
  "__dir__",
  "__delattr__",
  "__getstate__",
  "__subclasshook__",
  "__reduce__",
  "__reduce_ex__",
  "__sizeof__",
]);

/** `obj.m` is an `async def` with `yield` of the class chain of a proven instance (or of `self`). */
function asyncGeneratorMethod(cx: LowerContext, v: py.ExprNode, attr: string): boolean {
  // (`self` in a method: its class, as far as this is known; a cast is all that rides on it)
  const own = v._type === "Name" && v.id === cx.fn.selfName && cx.fn.className ? cx.lookupKnown(cx.fn.className) : undefined;
  const cls = provenClass(cx, v) ?? (own?.kind === "class" ? own.node : undefined);
  if (!cls) return false;
  for (const c of linearBases(cx, cls)) {
    const def = c.body.find((i) => (i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && i.name === attr);
    if (def) return def._type === "AsyncFunctionDef" && !!cx.scopes.get(def)?.isGenerator && !cx.legacy.has(def);
  }
  return false;
}

/**
 * The special methods int, bool, float and str values have (what `dir(3)` and the others list), and
 * those of lists, tuples, dicts and sets, whose classes leave most of them to the runtime.
 */
const BUILTIN_VALUE_SPECIAL_METHODS = new Set(
  `abs add and bool ceil contains delitem divmod eq float floor floordiv format ge getitem getnewargs gt hash iadd
  imul index int invert iter le len lshift lt mod mul ne neg or pos pow radd rand rdivmod repr reversed rfloordiv
  rlshift rmod rmul ror round rpow rrshift rshift rsub rtruediv rxor setitem sizeof str sub truediv trunc xor`
    .split(/\s+/)
    .map((n) => `__${n}__`),
);

function isPrimitiveType(t: PyType | undefined): boolean {
  return t === "int" || t === "float" || t === "str" || t === "bool";
}

/**
 * The value of `e` may be a JS primitive (an int, bool, float or str) or a list, tuple or set:
 * nothing proves it an object of a class with its own members.
 */
function mayBeBuiltinValue(cx: LowerContext, e: py.ExprNode): boolean {
  const t = staticType(e, cx.typeEnv());
  if (t !== undefined) return isPrimitiveType(t) || t === "list";
  if (e._type === "Name") {
    // A method's own instance, an instance of the program's class, a class, a module, a def.
    if (e.id === cx.fn.selfName || provenClass(cx, e)) return false;
    const k = cx.lookupKnown(e.id)?.kind;
    if (k === "class" || k === "module" || k === "local-module" || k === "def" || k === "runtime-name") return false;
  }
  return e._type !== "GeneratorExp" && e._type !== "Lambda";
}

/** object's methods that PyObject's prototype does not define (the runtime's super_method has them). */
const OBJECT_ONLY_METHODS = new Set(["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__delattr__", "__dir__", "__getstate__"]);

/**
 * The `__init__` def a call of the program's class runs, when the class and its bases (one chain of
 * the program's undecorated classes, up to a base that is not the program's: dict, Thread...) say so
 * for sure; undefined when unknown or when none defines one. (A call its arguments do not fit goes
 * through the runtime's call, where a builtin base's __new__ sees them first, as in CPython.)
 */
function initRun(cx: LowerContext, cls: py.ClassDef): py.FunctionDef | undefined {
  for (let c: py.ClassDef | undefined = cls, depth = 0; c !== undefined && depth < 20; c = baseClass(cx, c), depth++) {
    if (c.decorator_list.length || c.keywords.length || c.type_params.length) return undefined;
    for (const item of c.body) {
      if (item._type === "FunctionDef" && item.name === "__init__") return item.decorator_list.length ? undefined : item;
      // Bound some other way (`__init__ = helper`, an async def, a nested class): not followed.
      if ((item._type === "AsyncFunctionDef" || item._type === "ClassDef") && item.name === "__init__") return undefined;
      if (item._type === "Assign" && item.targets.some((t) => t._type === "Name" && t.id === "__init__")) return undefined;
    }
  }
  return undefined;
}

/** The one base (other than object) of a class, when it is the program's class. */
function baseClass(cx: LowerContext, c: py.ClassDef): py.ClassDef | undefined {
  const bases = c.bases.filter((b) => !(b._type === "Name" && b.id === "object") && !isInitlessBase(cx, b));
  if (bases.length !== 1 || bases[0]._type !== "Name") return undefined;
  const k = cx.lookupKnown(bases[0].id);
  return k?.kind === "class" ? k.node : undefined;
}

/** `mod` or `pkg.mod` where `mod`/`pkg` names one of the program's own modules. */
export function isLocalModulePath(cx: LowerContext, e: py.ExprNode): boolean {
  while (e._type === "Attribute") e = e.value;
  return e._type === "Name" && cx.lookupKnown(e.id)?.kind === "local-module";
}

/**
 * The class statement `Outer.attr` surely is: one of the body of `Outer` (a plain class of the
 * program), undecorated, the attribute bound once and never written or deleted elsewhere
 * (class-attributes.ts), its bases none or names the outer body does not bind.
 */
export function nestedClassStatement(cx: LowerContext, v: py.ExprNode, attr: string): py.ClassDef | undefined {
  if (v._type !== "Name" || !classAttributeRead(cx, v, attr)) return undefined;
  const outer = cx.lookupKnown(v.id);
  if (outer?.kind !== "class") return undefined;
  const nested = outer.node.body.find((i): i is py.ClassDef => i._type === "ClassDef" && i.name === attr);
  const outerScope = cx.scopes.get(outer.node);
  if (!nested || nested.decorator_list.length || nested.keywords.length || !outerScope) return undefined;
  return nested.bases.every((b) => b._type === "Name" && !outerScope.bindCount.has(b.id)) ? nested : undefined;
}

/**
 * Whether constructing `c` surely accepts these positional arguments (else the runtime's call()
 * raises Python's TypeError): its own __init__'s plain parameters, or, without one, a builtin
 * exception's (any arguments) or object's (none).
 */
function takesPositional(c: py.ClassDef, args: ir.Expr[]): boolean {
  if (args.some((a) => a.k === "spread")) return false;
  const init = c.body.find((i): i is py.FunctionDef => i._type === "FunctionDef" && i.name === "__init__");
  if (!init) {
    if (!c.bases.length) return args.length === 0;
    return c.bases.every((b) => b._type === "Name" && BUILTIN_EXCEPTIONS.has(b.id));
  }
  const a = init.args;
  if (init.decorator_list.length || a.vararg || a.kwarg || a.kwonlyargs.some((_, i) => a.kw_defaults[i] === null)) return false;
  const params = positionalArgs(a).length - 1;
  return args.length <= params && args.length >= params - a.defaults.length;
}

/** Whether `c` derives from a builtin exception (directly or through classes of the program). */
function isExceptionClassDef(cx: LowerContext, c: py.ClassDef, depth = 0): boolean {
  if (depth > 20) return false;
  return c.bases.some((b) => {
    if (b._type !== "Name") return false;
    if (BUILTIN_EXCEPTIONS.has(b.id) && resolveName(cx.fn.scope, b.id, cx.scopes).where === "builtin") return true;
    const k = cx.lookupKnown(b.id);
    return k?.kind === "class" && isExceptionClassDef(cx, k.node, depth + 1);
  });
}

export function nestedClassNames(cx: LowerContext): Set<string> {
  return cx.nestedClasses;
}

export function kwRecord(cx: LowerContext, keywords: (py.Keyword & { arg: string })[], kwStar: py.Keyword[]): ir.Expr {
  const obj: ir.Expr = { k: "object", props: keywords.map((k) => ({ key: k.arg, value: cx.expr(k.value) })) };
  return kwStar.length ? cx.rt("kw_merge", obj, ...kwStar.map((k) => cx.expr(k.value))) : obj;
}

/**
 * Matches keyword arguments to a known `def`'s parameters at compile time, so the call is
 * plain positional JS. Returns null when it cannot (the def takes *args, **kwargs or keyword-only).
 */
export function orderArguments(cx: LowerContext, a: py.Arguments, args: ir.Expr[], keywords: (py.Keyword & { arg: string })[], skip = 0): ir.Expr[] | null {
  if (a.vararg || a.kwarg || a.kwonlyargs.length) return keywords.length ? null : args;
  // (loops, not map: TurboFan's inlined map makes a holey array where V8's builtin makes a packed
  // one, and this function, optimized for one, was thrown away at the other: bench/NOTES.md round 18)
  const positional = positionalArgs(a);
  const params: string[] = [];
  for (let i = skip; i < positional.length; i++) params.push(positional[i].arg);
  const required = params.length - a.defaults.length;
  if (!keywords.length) {
    // A wrong number of arguments raises TypeError when the call runs (through the generic call()).
    if (!args.some((x) => x.k === "spread") && (args.length > params.length || args.length < required)) return null;
    return args;
  }
  if (args.some((x) => x.k === "spread")) return null;
  const slots: (ir.Expr | undefined)[] = [];
  for (let i = 0; i < params.length; i++) slots.push(args[i]);
  for (const k of keywords) {
    const i = params.indexOf(k.arg);
    // A keyword that does not fit raises TypeError when the call runs: leave it to the runtime binder.
    if (i < 0 || i < a.posonlyargs.length - skip || slots[i] !== undefined) return null;
    slots[i] = cx.expr(k.value);
  }
  while (slots.length && slots[slots.length - 1] === undefined) slots.pop();
  const out: ir.Expr[] = [];
  for (let i = 0; i < slots.length; i++) out.push(slots[i] ?? lit(undefined));
  return out;
}

/**
 * `obj.attr(...)` of a method `obj` surely lacks: getattr raises the AttributeError, and its frame
 * is at `obj.attr` (CPython's failing instruction loads the method; the call never happens).
 */
function missingMethodCall(cx: LowerContext, f: py.Attribute, obj: ir.Expr, args: ir.Expr[]): ir.Expr {
  const read = cx.rt("getattr", obj, lit(f.attr));
  setPyMark(read, f);
  return cx.rt("call", read, ...args);
}

export const STR_METHODS = new Set(
  `capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha
  isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower
  lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split
  splitlines startswith strip swapcase title translate upper zfill bit_length bit_count is_integer
  as_integer_ratio hex conjugate to_bytes decode`.split(/\s+/),
);

/** The str methods the runtime's `pystr` table has (test/typing.test.ts checks it), which proven strs call directly. */
export const PYSTR_METHODS = new Set(
  [...STR_METHODS].filter((m) => !["bit_length", "bit_count", "is_integer", "as_integer_ratio", "hex", "conjugate", "to_bytes", "decode"].includes(m)),
);

/**
 * The TypeError CPython raises for a call of a known module-level def whose arguments cannot bind,
 * or null. Only what is certain from the text: no `*` spread among the arguments.
 */
export function callProblem(f: py.FunctionDef | py.AsyncFunctionDef, args: ir.Expr[], keywords: (py.Keyword & { arg: string })[]): string | null {
  if (args.some((x) => x.k === "spread")) return null;
  const a = f.args;
  const name = `${f.name}()`;
  // (loops, not map: TurboFan's inlined map makes a holey array where V8's builtin makes a packed
  // one, and this function, compiled for one, was thrown away at the other)
  const posonly: string[] = [];
  for (const p of a.posonlyargs) posonly.push(p.arg);
  const positional = posonly.slice();
  for (const p of a.args) positional.push(p.arg);
  const misplaced: string[] = [];
  for (const k of keywords) if (posonly.includes(k.arg)) misplaced.push(k.arg);
  if (misplaced.length && !a.kwarg) return `${name} got some positional-only arguments passed as keyword arguments: '${misplaced.join(", ")}'`;
  for (const k of keywords) {
    const i = positional.indexOf(k.arg);
    if (i >= posonly.length && i < args.length) return `${name} got multiple values for argument '${k.arg}'`;
    if (i < 0 && !a.kwonlyargs.some((p) => p.arg === k.arg) && !a.kwarg) return `${name} got an unexpected keyword argument '${k.arg}'`;
  }
  // Missing positional parameters are named before missing keyword-only ones (which the function's
  // own prologue reports, so only when a keyword-only parameter could hide them).
  if (a.kwonlyargs.length === 0 || args.length > positional.length) return null;
  const required = positional.length - a.defaults.length;
  const missing = positional.filter((p, i) => i < required && i >= args.length && !(i >= posonly.length && keywords.some((k) => k.arg === p)));
  if (missing.length) return `${name} missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`;
  return null;
}

/** Calls of known coroutine functions (others are reported at exit, by the runtime, without the line). */
/**
 * asyncio's coroutine functions: calling one without `await` is the usual forgotten-await bug.
 * Its awaitables (stdlib.ts) but gather and shield, which return a Future that runs on its own.
 */
const ASYNCIO_COROUTINE_FUNCTIONS = new Set([...STDLIB.asyncio.awaitables].filter((name) => name !== "gather" && name !== "shield"));

/** `*x` among a call's arguments; `*[... for ...]` builds a plain array, which nothing but the spread sees. */
function starSpread(cx: LowerContext, value: py.ExprNode, c: py.Call): ir.Expr {
  if (value._type !== "ListComp") return spread(starArgument(cx, value, c));
  spreadOnly.add(value);
  return { k: "spread", arg: cx.expr(value), ownArray: true };
}

/**
 * `f(*x)` where x may be no iterable (or a coroutine, which a JS spread would walk): refused as
 * CPython does, naming the function when x is the only positional argument.
 */
function starArgument(cx: LowerContext, value: py.ExprNode, c: py.Call): ir.Expr {
  if (surelyIterable(cx, value) || isVarargsTuple(cx, value)) return cx.expr(value);
  // (alone, the star-argument goes to the call as is and CPython names the function in its error)
  if (c.args.length !== 1) return cx.rt("star_iterable", cx.expr(value), lit(null));
  const f = c.func;
  if (f._type !== "Attribute") return cx.rt("star_iterable", cx.expr(value), { k: "arrow", params: [], body: cx.expr(f) });
  // The method is named by its receiver, read again only when refusing: a name, not a computed value.
  // (not yet for a value that is no call: left to the spread, whose error does not name the method)
  if (f.value._type !== "Name") return value._type === "Call" ? cx.rt("star_iterable", cx.expr(value), lit(null), lit("")) : cx.expr(value);
  return cx.rt("star_iterable", cx.expr(value), { k: "arrow", params: [], body: cx.expr(f.value) }, lit(f.attr));
}

// Builtins that iterate their first argument: a coroutine given to them is refused and dropped there.
// (dict() iterates only what is no mapping, and min, max and iter only when given one argument:
// `min(a, b)` compares its arguments, `iter(f, sentinel)` calls f)
const ITERATING_BUILTINS = new Set(["list", "tuple", "set", "frozenset", "sorted", "enumerate", "any", "all", "sum"]);
const ITERATING_ALONE = new Set(["min", "max", "iter"]);

/** Whether the builtin `name` iterates the first of the call's arguments. */
function iteratesFirstArgument(name: string, c: py.Call): boolean {
  if (ITERATING_BUILTINS.has(name)) return true;
  return ITERATING_ALONE.has(name) && c.args.length === 1 && c.args[0]._type !== "Starred";
}

/** `list(f())` where f() may give a coroutine: refused with its never-awaited warning at this line, as in CPython. */
function iteratedArgument(cx: LowerContext, a: py.ExprNode, c: py.Call): ir.Expr {
  if (a !== c.args[0] || a._type !== "Call" || c.func._type !== "Name" || !iteratesFirstArgument(c.func.id, c) || surelyIterable(cx, a)) return cx.expr(a);
  if (resolveName(cx.fn.scope, c.func.id, cx.scopes).where !== "builtin") return cx.expr(a);
  return cx.rt("iter_temporary", cx.expr(a));
}

export function mayReturnCoroutine(cx: LowerContext, c: py.Call): boolean {
  const f = c.func;
  if (f._type === "Attribute" && f.value._type === "Name") {
    const m = cx.lookupKnown(f.value.id);
    return m?.kind === "module" && m.name === "asyncio" && ASYNCIO_COROUTINE_FUNCTIONS.has(f.attr);
  }
  if (f._type !== "Name") return false;
  const known = cx.lookupKnown(f.id);
  if (known?.kind === "runtime-name") return known.module === "asyncio" && ASYNCIO_COROUTINE_FUNCTIONS.has(known.name);
  return known?.kind === "def" && known.coroutine;
}

const ITERABLE_DISPLAYS = new Set(["List", "Tuple", "Set", "Dict", "ListComp", "SetComp", "DictComp", "GeneratorExp", "JoinedStr"]);
const ITERABLE_TYPES = new Set(["list", "dict", "str", "bytes"]);
/** Builtins whose call gives an iterable (or raises itself). */
const ITERABLE_BUILTINS = new Set([
  "range",
  "enumerate",
  "zip",
  "sorted",
  "reversed",
  "map",
  "filter",
  "list",
  "tuple",
  "set",
  "frozenset",
  "dict",
  "iter",
  "vars",
  "dir",
]);

/** `args` of a function's `*args` (its own or an enclosing one's), never bound again: a tuple (`f(*args)` in a wrapper). */
export function isVarargsTuple(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type !== "Name") return false;
  const name = e.id;
  const r = resolveName(cx.fn.scope, name, cx.scopes);
  if (r.where === "builtin") return false;
  const scope = r.scope;
  const node = scope.node;
  if (node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef" && node._type !== "Lambda") return false;
  // (the parameter itself is its one binding)
  return node.args.vararg?.arg === name && (scope.bindCount.get(name) ?? 0) <= 1 && !scope.writtenElsewhere.has(name);
}

/**
 * An expression whose value JS iterates as Python does, or refuses with CPython's message: a
 * display, a proven list/dict/str, an iterating builtin's result, an instance of the program's
 * class (its iteration is the class's), what a runtime module's function other than asyncio's
 * coroutine functions gives.
 */
export function surelyIterable(cx: LowerContext, e: py.ExprNode): boolean {
  if (ITERABLE_DISPLAYS.has(e._type)) return true;
  if (e._type === "Constant") return typeof e.value === "string";
  const t = cx.typeOfExpr(e);
  if (t !== undefined && ITERABLE_TYPES.has(t)) return true;
  if (e._type !== "Call") return false;
  const f = e.func;
  if (f._type === "Name") {
    if (ITERABLE_BUILTINS.has(f.id) && resolveName(cx.fn.scope, f.id, cx.scopes).where === "builtin") return true;
    const known = cx.lookupKnown(f.id);
    return known?.kind === "class" || (known?.kind === "runtime-name" && !mayReturnCoroutine(cx, e));
  }
  return f._type === "Attribute" && f.value._type === "Name" && cx.lookupKnown(f.value.id)?.kind === "module" && !mayReturnCoroutine(cx, e);
}
