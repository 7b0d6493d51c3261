// Direct member access (`job.cost`, `stats.count = 0n`) on values the compiler has PROVEN to be
// instances of a plain class of the program (inference.ts: `job = Job(...)`, never an annotation).
// Python's attribute lookup then means the JS property: the class has no attribute hooks (analysis.ts
// plainClass), the attribute is no method or property (those bind or compute), and a read only
// where the attribute is surely there (set by every __init__ run, a dataclass field, a constant
// class attribute), so a missing one still raises AttributeError through getattr().
//
//   job = Job(1, 0.5)       | const job: any = new Job(1n, 0.5);
//   print(job.cost)         | print(job.cost);
//   job.cost = 2.0          | job.cost = 2.0;

import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { namesAny, nodeIndex } from "../ast/node-index.js";
import { jsMemberName, type LowerContext, safeProp } from "./context.js";
import { plainClass } from "./analysis.js";
import { localChain, type AttributeHooks } from "./modules.js";
import { resolveName } from "./scopes.js";
import { DIRECT_ATTRIBUTES } from "./known-results.js";
import { BUILTIN_EXCEPTIONS } from "./stdlib.js";
import { earlyStatement, superOfOwnClass } from "./early-statements.js";

interface ClassShape {
  /** Methods and properties anywhere in the class or its bases: reading them binds or computes. */
  methods: Set<string>;
  /** Attributes every instance has once constructed. */
  present: Set<string>;
}

const shapes = new WeakMap<py.ClassDef, ClassShape>();

/** The plain class a value is proven to be an instance of. */
export function provenClass(cx: LowerContext, e: py.ExprNode): py.ClassDef | undefined {
  if (e._type !== "Name") return undefined;
  return cx.analysis.types.classOf(cx.typeOfExpr(e));
}

/** `obj.attr` can be read directly. */
export function directRead(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  const cls = provenClass(cx, e);
  if (!cls || !simpleName(attr) || deletedAnywhere(cx, attr)) return false;
  const shape = shapeOf(cx, cls);
  return !shape.methods.has(attr) && shape.present.has(attr);
}

/** `obj.attr = v` can be a plain assignment. */
export function directWrite(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  const cls = provenClass(cx, e);
  return !!cls && simpleName(attr) && !shapeOf(cx, cls).methods.has(attr);
}

/** `obj.m(...)` calls a method the plain class (or a base) defines: no str dispatch needed. */
export function directMethod(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  const cls = provenClass(cx, e);
  return (
    !!cls &&
    simpleName(attr) &&
    linearBases(cx, cls).some((c) =>
      c.body.some((i) => (i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && i.name === attr && !i.decorator_list.length),
    )
  );
}

/** The def `obj.m(...)` runs on a proven instance of a single-inheritance plain class, undecorated; else undefined. */
export function provenMethodDef(cx: LowerContext, e: py.ExprNode, attr: string): py.FunctionDef | undefined {
  const cls = provenClass(cx, e);
  if (!cls || !directMethod(cx, e, attr)) return undefined;
  const chain = linearBases(cx, cls);
  if (chain.some((c) => c.bases.length > 1)) return undefined;
  for (const c of chain) {
    const def = c.body.find((i) => (i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && i.name === attr);
    if (def) return def._type === "FunctionDef" && !def.decorator_list.length ? def : undefined;
  }
  return undefined;
}

function simpleName(attr: string): boolean {
  return !jsMemberName(attr) && safeProp(attr) === attr && !attr.startsWith("__");
}

const deletions = new WeakMap<py.Module, { attrs: Set<string>; delattr: boolean }>();
// (the module's distinct Name ids, gathered once per tree: no loop over every Name here)
const DELATTR: ReadonlySet<string> = new Set(["delattr"]);

/** `del x.attr` or delattr() somewhere: an attribute may go missing. */
export function deletedAnywhere(cx: LowerContext, attr: string): boolean {
  let d = deletions.get(cx.module);
  if (!d) {
    const found = { attrs: new Set<string>(), delattr: false };
    const index = nodeIndex(cx.module);
    for (const n of index.ofType("Delete")) for (const t of n.targets) if (t._type === "Attribute") found.attrs.add(t.attr);
    found.delattr = namesAny(cx.module, DELATTR);
    deletions.set(cx.module, (d = found));
  }
  return d.delattr || d.attrs.has(attr);
}

function shapeOf(cx: LowerContext, cls: py.ClassDef): ClassShape {
  let shape = shapes.get(cls);
  if (shape) return shape;
  shape = { methods: new Set(), present: new Set() };
  shapes.set(cls, shape);
  const mro = linearBases(cx, cls);
  // Several bases: which __init__ runs follows the C3 order; not worked out here (no direct reads).
  const single = mro.every((c) => c.bases.filter((b) => !(b._type === "Name" && b.id === "object")).length <= 1);
  for (const c of mro) {
    for (const item of c.body) {
      if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") shape.methods.add(item.name);
      // A constant class attribute: every instance reads it (through the prototype) until it sets its own.
      if (item._type === "Assign" && item.value._type === "Constant") for (const t of item.targets) if (t._type === "Name") shape.present.add(t.id);
      if (item._type === "AnnAssign" && item.target._type === "Name" && item.value?._type === "Constant") shape.present.add(item.target.id);
      // Anything else assigned in a class body (a function, a descriptor) may bind or compute.
      if (item._type === "Assign" && item.value._type !== "Constant") for (const t of item.targets) if (t._type === "Name") shape.methods.add(t.id);
    }
  }
  // What the __init__ that runs sets: the first one in the MRO, or the dataclass's generated one.
  const init = mro.find((c) => c.body.some((i) => i._type === "FunctionDef" && i.name === "__init__"));
  const dataclassInit = mro.slice(0, init ? mro.indexOf(init) : mro.length).find((c) => c.decorator_list.length > 0);
  if (!single) {
    // (nothing is surely present)
  } else if (dataclassInit) {
    for (const c of mro) if (c.decorator_list.length) for (const f of dataclassFields(c)) shape.present.add(f);
  } else if (init) {
    const fn = init.body.find((i) => i._type === "FunctionDef" && i.name === "__init__") as py.FunctionDef;
    const self = fn.args.posonlyargs[0]?.arg ?? fn.args.args[0]?.arg;
    // Top-level statements of __init__ only: they run whenever __init__ returns normally.
    for (const s of fn.body) {
      const targets = s._type === "Assign" ? s.targets : s._type === "AnnAssign" && s.value ? [s.target] : [];
      for (const t of targets) if (t._type === "Attribute" && t.value._type === "Name" && t.value.id === self) shape.present.add(t.attr);
    }
  }
  return shape;
}

/** Fields the dataclass's __init__ sets: annotated names, not ClassVar, not `field(init=False)`. */
function dataclassFields(c: py.ClassDef): string[] {
  const out: string[] = [];
  for (const item of c.body) {
    if (item._type !== "AnnAssign" || item.target._type !== "Name") continue;
    const a = item.annotation;
    const head = a._type === "Subscript" ? a.value : a;
    if (
      (head._type === "Name" && (head.id === "ClassVar" || head.id === "InitVar")) ||
      (head._type === "Attribute" && (head.attr === "ClassVar" || head.attr === "InitVar"))
    )
      continue;
    const v = item.value;
    if (v && v._type === "Call" && v.keywords.some((k) => k.arg === "init")) continue;
    out.push(item.target.id);
  }
  return out;
}

/** The class and its (plain) bases, depth first: enough to find methods and the __init__ that runs. */
export function linearBases(cx: LowerContext, cls: py.ClassDef): py.ClassDef[] {
  const out: py.ClassDef[] = [];
  const visit = (c: py.ClassDef, depth: number) => {
    if (depth > 20 || out.includes(c)) return;
    out.push(c);
    const defining = cx.scopes.get(c)?.parent;
    if (!defining) return;
    for (const given of c.bases) {
      // (`class Sub(Base[T])` of a generic Base: the alias's __mro_entries__ gives Base, unless Base makes its own aliases)
      const b = given._type === "Subscript" ? given.value : given;
      if (b._type !== "Name" || b.id === "object") continue;
      const r = resolveName(defining, b.id, cx.scopes);
      const base = r.where === "builtin" ? undefined : plainClass(cx.scopes, cx.known, r.scope, b.id, 0);
      if (base && (given === b || !classGetitem(cx, base))) visit(base, depth + 1);
    }
  };
  visit(cls, 0);
  return out;
}

/** A class of the program or one of its plain bases defines `__class_getitem__`. */
function classGetitem(cx: LowerContext, cls: py.ClassDef): boolean {
  return linearBases(cx, cls).some((c) =>
    c.body.some(
      (i) =>
        (i._type === "FunctionDef" || i._type === "Assign") &&
        (i._type === "FunctionDef" ? i.name === "__class_getitem__" : i.targets.some((t) => t._type === "Name" && t.id === "__class_getitem__")),
    ),
  );
}

/**
 * `Color.RED` of an Enum the program defines (`class Color(Enum)`, bound once, no decorator or
 * metaclass): the member, a getter the runtime defines on the class for each constant of the body.
 */
export function enumMemberRead(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  if (e._type !== "Name") return false;
  const k = cx.lookupKnown(e.id);
  return k?.kind === "class" && enumMembers(cx, k.node).includes(attr);
}

/** The members a class of the program surely has as an Enum (constants of its body), else none. */
export function enumMembers(cx: LowerContext, c: py.ClassDef): string[] {
  if (c.decorator_list.length || c.keywords.length || c.bases.length !== 1) return [];
  const b = c.bases[0];
  const base = b._type === "Name" ? cx.lookupKnown(b.id) : b._type === "Attribute" && b.value._type === "Name" ? cx.lookupKnown(b.value.id) : undefined;
  const baseName =
    b._type === "Name"
      ? base?.kind === "runtime-name" && base.module === "enum"
        ? base.name
        : ""
      : b._type === "Attribute" && base?.kind === "module" && base.name === "enum"
        ? b.attr
        : "";
  if (!["Enum", "IntEnum", "StrEnum"].includes(baseName)) return [];
  if (c.body.some((i) => i._type === "Assign" && i.targets.some((t) => t._type === "Name" && t.id === "_ignore_"))) return [];
  // `enum.auto()` makes a member too (its value generated when the class is made).
  const isAuto = (v: py.ExprNode): boolean => {
    if (v._type !== "Call" || v.args.length || v.keywords.length) return false;
    const f = v.func;
    const k = f._type === "Name" ? cx.lookupKnown(f.id) : f._type === "Attribute" && f.value._type === "Name" ? cx.lookupKnown(f.value.id) : undefined;
    return f._type === "Name"
      ? k?.kind === "runtime-name" && k.module === "enum" && k.name === "auto"
      : f._type === "Attribute" && f.attr === "auto" && k?.kind === "module" && k.name === "enum";
  };
  const isConstant = (v: py.ExprNode): boolean =>
    v._type === "Constant" || (v._type === "Tuple" && v.elts.every(isConstant)) || (v._type === "UnaryOp" && v.operand._type === "Constant") || isAuto(v);
  const out: string[] = [];
  for (const i of c.body) {
    if (i._type !== "Assign" || i.targets.length !== 1 || i.targets[0]._type !== "Name" || !isConstant(i.value)) continue;
    const n = i.targets[0].id;
    if (simpleName(n) && !/^_.*_$/.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

const early = new WeakMap<py.ClassDef, Set<string>>();

/**
 * `self.attr` in a method can be read as `this.attr`: `self` is surely an instance of the method's
 * class or of a subclass (class-facts.ts), and for each of those classes the attribute is there
 * before any code could see the instance. Otherwise the read must raise AttributeError when the
 * attribute is missing, which `this.attr` (undefined) would not.
 */
export function selfAttributePresent(cx: LowerContext, self: py.ExprNode, attr: string): boolean {
  const cls = cx.analysis.types.selfClassOf(cx.typeOfExpr(self));
  if (!cls || deletedAnywhere(cx, attr)) return false;
  const subs = cx.analysis.classes.subclasses(cls);
  return !!subs && [cls, ...subs].every((c) => earlyAttributes(cx, c).has(attr));
}

/** The attributes an instance of `cls` has before any code can see it (see selfAttributePresent). */
function earlyAttributes(cx: LowerContext, cls: py.ClassDef): Set<string> {
  let out = early.get(cls);
  if (out) return out;
  out = new Set();
  early.set(cls, out);
  const mro = linearBases(cx, cls);
  if (!mro.every((c) => c.bases.filter((b) => !(b._type === "Name" && b.id === "object")).length <= 1)) return out;
  for (const c of mro) {
    for (const item of c.body) {
      if (item._type === "Assign" && item.value._type === "Constant") for (const t of item.targets) if (t._type === "Name") out.add(t.id);
      if (item._type === "AnnAssign" && item.target._type === "Name" && item.value?._type === "Constant") out.add(item.target.id);
    }
  }
  const initAttrs = (from: number): void => {
    const i = mro.findIndex((c, k) => k >= from && c.body.some((x) => x._type === "FunctionDef" && x.name === "__init__"));
    const dataclass = mro.slice(from, i < 0 ? mro.length : i).find((c) => c.decorator_list.length > 0);
    // A dataclass's __init__ sets every field before __post_init__ runs.
    if (dataclass) {
      for (const c of mro.slice(from)) if (c.decorator_list.length) for (const f of dataclassFields(c)) out!.add(f);
      return;
    }
    if (i < 0) return;
    const fn = mro[i].body.find((x) => x._type === "FunctionDef" && x.name === "__init__") as py.FunctionDef;
    const self = fn.args.posonlyargs[0]?.arg ?? fn.args.args[0]?.arg;
    if (!self) return;
    const mentionsSelf = (e: unknown) => {
      let found = false;
      walk(e as py.Node, (n) => {
        if (n._type === "Name" && (n.id === self || n.id === "super")) found = true;
        if (n._type === "Lambda" || n._type === "ListComp" || n._type === "GeneratorExp" || n._type === "DictComp" || n._type === "SetComp") found = true;
      });
      return found;
    };
    // (an attribute a def of the class defines, a property, runs code on `self` when set)
    const defined = (attr: string) => mro.some((c) => c.body.some((x) => (x._type === "FunctionDef" || x._type === "AsyncFunctionDef") && x.name === attr));
    // The statements before anything could see `self` (early-statements.ts).
    for (const st of fn.body) {
      if (st._type === "Pass" || (st._type === "Expr" && st.value._type === "Constant")) continue;
      const sets =
        st._type === "If"
          ? earlyIf(st, self, out!, defined)
          : st._type === "Assert"
            ? earlyAssert(st, self, out!)
            : (earlyStatement(st, self, out!) ?? (st._type === "Expr" ? earlySelfCall(mro, st.value, self, out!, defined, 0) : undefined));
      if (sets && !sets.some(defined)) {
        for (const a of sets) out!.add(a);
        continue;
      }
      // `super().__init__(...)` with arguments that do not mention self: the base's own early attributes.
      const v = st._type === "Expr" ? st.value : null;
      if (
        v?._type === "Call" &&
        v.func._type === "Attribute" &&
        v.func.attr === "__init__" &&
        v.func.value._type === "Call" &&
        v.func.value.func._type === "Name" &&
        v.func.value.func.id === "super" &&
        (!v.func.value.args.length || (superOfOwnClass(v.func.value.args, mro[i].name, self) && !cx.scopes.get(fn)?.bindCount.has(mro[i].name))) &&
        ![...v.args, ...v.keywords].some(mentionsSelf)
      ) {
        // The __init__ of a runtime base (`dict`, `Exception`): given values, it may do more than store them.
        const runtimeInit =
          !mro.slice(i + 1).some((c) => c.decorator_list.length || c.body.some((x) => x._type === "FunctionDef" && x.name === "__init__")) &&
          mro[mro.length - 1].bases.some((b) => !(b._type === "Name" && b.id === "object"));
        // (an exception class's __init__ only keeps its arguments: `super().__init__(message)`)
        if (runtimeInit && (v.args.length || v.keywords.length) && !exceptionBase(cx, mro[mro.length - 1])) break;
        initAttrs(i + 1);
        continue;
      }
      break;
    }
  };
  initAttrs(0);
  return out;
}

/**
 * The attributes an `if` at the top of `__init__` surely sets (those every branch sets), when its
 * test and branches are early statements (or such `if`s): nothing in it lets other code see `self`
 * (`if sys.version_info < (3, 10): self._loop = ...`). Undefined when it may; a `return` ends it too.
 */
function earlyIf(st: py.If, self: string, early: ReadonlySet<string>, defined: (attr: string) => boolean): string[] | undefined {
  const test: py.Expr = {
    _type: "Expr",
    value: st.test,
    lineno: st.lineno,
    col_offset: st.col_offset,
    end_lineno: st.end_lineno,
    end_col_offset: st.end_col_offset,
  };
  if (!earlyStatement(test, self, early)) return undefined;
  const branch = (body: py.Stmt[]): Set<string> | undefined => {
    const sets = new Set(early);
    for (const s of body) {
      if (s._type === "Pass" || (s._type === "Expr" && s.value._type === "Constant")) continue;
      const found = s._type === "If" ? earlyIf(s, self, sets, defined) : earlyStatement(s, self, sets);
      if (!found || found.some(defined)) return undefined;
      for (const a of found) sets.add(a);
    }
    return sets;
  };
  const then = branch(st.body);
  const orelse = then && branch(st.orelse);
  if (!then || !orelse) return undefined;
  return [...then].filter((a) => orelse.has(a) && !early.has(a));
}

/**
 * `self._init(maxsize)` at the top of `__init__`: the def it runs (the first class of the instance's
 * MRO that binds the name binds it to a plain undecorated def) lets no code see `self` either (its
 * statements are early ones, or such calls), nor do the arguments. What it surely sets, else undefined.
 */
function earlySelfCall(
  mro: py.ClassDef[],
  call: py.ExprNode,
  self: string,
  early: ReadonlySet<string>,
  defined: (attr: string) => boolean,
  depth: number,
): string[] | undefined {
  if (depth > 3 || call._type !== "Call" || call.func._type !== "Attribute" || call.func.value._type !== "Name" || call.func.value.id !== self)
    return undefined;
  const name = call.func.attr;
  if (early.has(name)) return undefined;
  const at = { lineno: call.lineno, col_offset: call.col_offset, end_lineno: call.end_lineno, end_col_offset: call.end_col_offset };
  if (![...call.args, ...call.keywords.map((k) => k.value)].every((value) => earlyStatement({ _type: "Expr", value, ...at }, self, early))) return undefined;
  const binds = (i: py.Stmt) =>
    ((i._type === "FunctionDef" || i._type === "AsyncFunctionDef" || i._type === "ClassDef") && i.name === name) ||
    (i._type === "Assign" && i.targets.some((t) => t._type === "Name" && t.id === name)) ||
    (i._type === "AnnAssign" && i.target._type === "Name" && i.target.id === name);
  const owner = mro.find((c) => c.body.some(binds));
  const def = owner?.body.find(binds);
  if (def?._type !== "FunctionDef" || def.decorator_list.length || def.args.vararg || def.args.kwarg) return undefined;
  const own = def.args.posonlyargs[0]?.arg ?? def.args.args[0]?.arg;
  if (!own) return undefined;
  const sets = new Set(early);
  for (const st of def.body) {
    if (st._type === "Pass" || (st._type === "Expr" && st.value._type === "Constant")) continue;
    const found =
      st._type === "If"
        ? earlyIf(st, own, sets, defined)
        : st._type === "Assert"
          ? earlyAssert(st, own, sets)
          : (earlyStatement(st, own, sets) ?? (st._type === "Expr" ? earlySelfCall(mro, st.value, own, sets, defined, depth + 1) : undefined));
    if (!found || found.some(defined)) return undefined;
    for (const a of found) sets.add(a);
  }
  return [...sets].filter((a) => !early.has(a));
}

/** An `assert` whose test and message let no code see `self` (it sets nothing; failing, it ends the construction). */
function earlyAssert(st: py.Assert, self: string, early: ReadonlySet<string>): string[] | undefined {
  const at = { lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno, end_col_offset: st.end_col_offset };
  const parts = [st.test, ...(st.msg ? [st.msg] : [])];
  return parts.every((value) => earlyStatement({ _type: "Expr", value, ...at }, self, early)) ? [] : undefined;
}

/** The last plain class of an MRO derives from a builtin exception class (one base, the builtin's name unbound in the program). */
function exceptionBase(cx: LowerContext, last: py.ClassDef): boolean {
  const bases = last.bases.filter((b) => !(b._type === "Name" && b.id === "object"));
  const b = bases[0];
  if (bases.length !== 1 || b._type !== "Name" || !BUILTIN_EXCEPTIONS.has(b.id)) return false;
  const defining = cx.scopes.get(last)?.parent;
  return !!defining && resolveName(defining, b.id, cx.scopes).where === "builtin";
}

const hooked = new WeakMap<py.Module, boolean>();

/**
 * `e.args` of a proven exception, `barrier.parties` of a proven Barrier: attributes the runtime keeps
 * as JS properties, read directly unless some class of the program hooks attribute reads.
 */
export function runtimeAttributeRead(cx: LowerContext, e: py.ExprNode, attr: string): boolean {
  const t = cx.typeOfExpr(e);
  if (!t?.startsWith("rt:") || !DIRECT_ATTRIBUTES[t]?.includes(attr) || deletedAnywhere(cx, attr)) return false;
  return !attributesHooked(cx);
}

/**
 * `obj.m()` may need `__getattr__` to find m: obj's proven class (or, unproven, some class of the
 * module) defines `__getattr__`/`__getattribute__` or derives from int, float or str.
 */
export function methodMayBeHooked(cx: LowerContext, e: py.ExprNode): boolean {
  if (!attributesHooked(cx)) return false;
  const cls = provenClass(cx, e);
  if (!cls) return true;
  return linearBases(cx, cls).some(
    (c) =>
      c.body.some((i) => (i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && (i.name === "__getattr__" || i.name === "__getattribute__")) ||
      c.bases.some((b) => b._type === "Name" && VALUE_BASES.has(b.id)),
  );
}

/** Builtin bases whose instances find their type's methods through `__getattr__` (builtins/value-subclass.ts). */
const VALUE_BASES = new Set(["int", "float", "str"]);

const getattributeDefs = new WeakMap<py.Module, boolean>();

/**
 * Some class of the module defines (or is given) `__getattribute__`: then `self.attr` in any method (self may be
 * an instance of a subclass that defines it) is read through getattr, which calls the hook.
 */
export function getattributeInModule(cx: LowerContext): boolean {
  let h = getattributeDefs.get(cx.module);
  if (h === undefined) {
    const index = nodeIndex(cx.module);
    h =
      [...index.ofType("FunctionDef"), ...index.ofType("AsyncFunctionDef")].some((n) => n.name === "__getattribute__") ||
      // `cls.__getattribute__ = f` (a class decorator's patch)
      index.ofType("Attribute").some(storesGetattribute);
    getattributeDefs.set(cx.module, h || importedHooks(cx).getattribute);
  }
  return getattributeDefs.get(cx.module)!;
}

// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function storesGetattribute(n: py.Attribute): boolean {
  return n.attr === "__getattribute__" && n.ctx._type === "Store";
}

const importedHookCache = new WeakMap<py.Module, AttributeHooks>();

/**
 * The hooks defined by the program's own modules this one imports (read from their source): a
 * class of theirs (a base, a proxy) may hook the attribute reads of objects used here.
 */
function importedHooks(cx: LowerContext): AttributeHooks {
  let h = importedHookCache.get(cx.module);
  if (h === undefined) {
    h = { getattr: false, getattribute: false };
    const modules = cx.options.modules;
    const ask = (name: string) => {
      for (const m of localChain(modules, name) ?? []) {
        const found = modules?.attributeHooks?.(m.name);
        if (found?.getattr) h!.getattr = true;
        if (found?.getattribute) h!.getattribute = true;
      }
    };
    if (modules?.attributeHooks) {
      const index = nodeIndex(cx.module);
      for (const s of index.ofType("Import")) for (const a of s.names) ask(a.name);
      for (const s of index.ofType("ImportFrom")) {
        const base = cx.localImportFrom(s);
        if (base === null) continue;
        ask(base);
        // (`from pkg import mod` of a submodule)
        for (const a of s.names) if (localChain(modules, `${base}.${a.name}`)) ask(`${base}.${a.name}`);
      }
    }
    importedHookCache.set(cx.module, h);
  }
  return h;
}

/**
 * Some object of the module may answer a missing attribute: a class defines `__getattr__` or
 * `__getattribute__`, or derives from int, float or str. A method call `obj.m()` then goes
 * through callm, which asks `__getattr__` when obj has no member m.
 */
export function attributesHooked(cx: LowerContext): boolean {
  let h = hooked.get(cx.module);
  if (h === undefined) {
    const index = nodeIndex(cx.module);
    h =
      [...index.ofType("FunctionDef"), ...index.ofType("AsyncFunctionDef")].some((n) => n.name === "__getattribute__" || n.name === "__getattr__") ||
      index.ofType("ClassDef").some((c) => c.bases.some((b) => b._type === "Name" && VALUE_BASES.has(b.id))) ||
      importedHooks(cx).getattr ||
      importedHooks(cx).getattribute;
    hooked.set(cx.module, h);
  }
  return h;
}
