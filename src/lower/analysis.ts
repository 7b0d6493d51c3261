// The analyses that run over the whole module before any IR is built. Lowering only reads them
// (plus what it records about bindings as it goes: an import inside a function, a def in a `match`).
//
//   module AST  ⇒  scopes            every scope's bound, global, nonlocal and captured names (scopes.ts)
//               ⇒  facts             multiple inheritance, reads of __doc__, nested classes, guarded imports
//               ⇒  known             what a name bound once refers to: a def, a class, a module, a runtime name
//               ⇒  unbound           per function: the reads that may find their name unbound (definite-assignment.ts)
//               ⇒  types             what the values of names are proven to be (inference.ts), never from annotations

import type * as py from "../ast/nodes.js";
import { annotationRoots, dictsOnlyUnpacked, namesAny, nodeIndex } from "../ast/node-index.js";
import { walk } from "../ast/walk.js";
import { findUnboundReads, type UnboundReads } from "./definite-assignment.js";
import { absoluteName, localChain, type LocalModule, type ModuleIdentity, type ProgramModules } from "./modules.js";
import { analyzeScopes, namesOf, resolveName, type ModuleFacts, type Scope, type ScopeTable } from "./scopes.js";
import { BUILTIN_EXCEPTIONS, BUILTIN_FUNCTIONS, STDLIB } from "./stdlib.js";
import { inferTypes, type InferredTypes } from "./inference.js";
import { decoratedDef, decoratedFunction, passesArguments } from "./decorated.js";
import { RUNTIME_RESULTS } from "./known-results.js";
import { classFacts, type ClassFacts } from "./class-facts.js";
import { BoundSoFar } from "./bound-so-far.js";
import { replacedModuleAttributes } from "./replaced-module-attributes.js";
import type { PyType } from "./types.js";

export interface LowerOptions {
  /** The file's name as the program sees it (`__file__` resolves it against the program's folder). */
  filename: string;
  /** Which module of the program this is (default: the script, `__main__`, of a single source). */
  module?: ModuleIdentity;
  /** The program's own modules, which imports look for first (none for a single source). */
  modules?: ProgramModules;
  /** The source text: diagnostics then count columns in characters, not in CPython's UTF-8 bytes. */
  source?: string;
}

export type { LocalModule };

/** Where a binding came from, when the lowering can see it: calls to it can then be specialised. */
export type Known =
  | { kind: "def"; node: py.FunctionDef | py.AsyncFunctionDef; coroutine: boolean }
  | { kind: "class"; node: py.ClassDef }
  | { kind: "module"; name: string }
  | { kind: "runtime-name"; module: string; name: string }
  /** One of the program's own modules: its attributes may be classes, so calls go through `call()`. */
  | { kind: "local-module" };

export interface ModuleAnalysis {
  scopes: ScopeTable;
  facts: ModuleFacts;
  /** Names the program binds anywhere: a runtime helper with the same name must be aliased. */
  userNames: Set<string>;
  /** Known bindings by scope (the lowering adds those it learns while lowering). */
  known: Map<Scope, Map<string, Known>>;
  /** For the module and each def: the reads definite-assignment could not prove bound. */
  unbound: Map<py.Node, UnboundReads>;
  types: InferredTypes;
  /** What the program's classes guarantee (methods a call runs, who `self` is). */
  classes: ClassFacts;
  /** Names of the plain methods (not properties) that the module's classes define. */
  methodNames(): Set<string>;
  /** No `from __future__ import annotations`: defs and module/class annotations are evaluated when they run. */
  evaluatesAnnotations: boolean;
  /** The main script's names a string `'__main__.NAME'` (mock.patch's target) names. */
  mainPatchNames: Set<string>;
  /** "NAME.ATTR": attributes the program may replace (replaced-module-attributes.ts). */
  replacedAttributes(): Set<string>;
}

export function analyzeModule(module: py.Module, options: LowerOptions): ModuleAnalysis {
  const facts: ModuleFacts = { multipleInheritance: false, readsDoc: false, nestedClasses: new Set(), guardedImports: new Set(), ownCalls: new Map() };
  // (the defs' bindings gathered by the scope analysis's walk, in a module without `:=`: see ModuleFacts.ownStatements)
  if (!nodeIndex(module).ofType("NamedExpr").length) facts.ownStatements = new Map();
  const scopes = analyzeScopes(module, facts);
  // Module-level names a `patch('__main__.NAME')` may replace: plain variables (not known defs or
  // classes), declared at the top, and exposed on the `__main__` module object.
  const mainPatchNames = options.module && options.module.name !== "__main__" ? new Set<string>() : patchedMainNames(module, scopes.get(module)!);
  for (const n of mainPatchNames) namesOf(scopes.get(module)!, "writtenElsewhere").add(n);
  // (one pass over every scope's names: the module's, and those of the other scopes, which
  // inference asks about the module's defs too)
  const moduleScope = scopes.get(module)!;
  const userNames = new Set<string>(moduleScope.bound);
  const boundInInnerScopes = new Set<string>();
  for (const scope of scopes.values()) if (scope !== moduleScope) for (const n of scope.bound) boundInInnerScopes.add(n);
  for (const n of boundInInnerScopes) userNames.add(n);
  const known = new Map<Scope, Map<string, Known>>();
  registerDefinitions(scopes, known, options);
  const unbound = new Map<py.Node, UnboundReads>();
  const evaluatesAnnotations = !futureAnnotations(module);
  for (const scope of scopes.values()) {
    const node = scope.node;
    if (node._type !== "Module" && node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef") continue;
    // Reads that may find their name unbound get a check; those names start out UNBOUND. (Not
    // walked again when the scope analysis saw every read of a followed name after its binding.)
    const tracked = trackedNames(scope, known);
    if (BoundSoFar.reportsNothing(facts.boundSoFar?.get(node), tracked)) unbound.set(node, { reads: new Set(), names: new Set() });
    else unbound.set(node, findUnboundReads(node.body, tracked, scope.params, scopes, evaluatesAnnotations, node._type === "Module"));
  }
  let methodNames: Set<string> | undefined;
  let replaced: Set<string> | undefined;
  const classes = classFacts(
    module,
    scopes,
    // (what a method's `self` may be: a hook-free runtime base is allowed, see hookFreeRuntimeBase)
    (scope, name) => plainClass(scopes, known, scope, name, 0, true),
    (fn) => passesArguments(scopes, known, fn),
    (scope, b) => hookFreeRuntimeBase(scopes, known, scope, b) || isTypingGeneric(scopes, known, scope, b),
    facts.selfWrites,
  );
  const types = inferTypes({
    classes,
    module,
    scopes,
    plainClass: (scope, name) => plainClass(scopes, known, scope, name, 0),
    runtimeCall: (scope, call) => runtimeCall(scopes, known, scope, call),
    runtimeFunction: (scope, call) => runtimeFunction(scopes, known, scope, call),
    decoratedResult: (def) => {
      const scope = scopes.get(def)?.parent;
      return scope ? decoratedDef(scopes, known, scope, def)?.result : undefined;
    },
    knownDef: (scope, name) => {
      const k = knownIn(known, scope).get(name);
      return k?.kind === "def" && (scope.bindCount.get(name) ?? 0) === 1 && !scope.writtenElsewhere.has(name) ? k.node : undefined;
    },
    ownCalls: facts.ownCalls!,
    ownStatements: facts.ownStatements,
    boundInInnerScopes,
    moduleOpen: (!!options.module && options.module.name !== "__main__") || reachesModuleDynamically(module),
  });
  return {
    scopes,
    facts,
    userNames,
    known,
    unbound,
    evaluatesAnnotations,
    mainPatchNames,
    types,
    classes,
    methodNames: () => (methodNames ??= classMethodNames(module)),
    replacedAttributes: () => (replaced ??= replacedModuleAttributes(module)),
  };
}

/** The module-level names that string constants `'__main__.NAME...'` name (unittest.mock.patch targets). */
function patchedMainNames(module: py.Module, moduleScope: Scope): Set<string> {
  const out = new Set<string>();
  for (const n of nodeIndex(module).ofType("Constant")) {
    if (typeof n.value !== "string") continue;
    // (the prefix first: a regular expression per string constant of the module was most of this walk)
    if (!n.value.startsWith("__main__.")) continue;
    const m = /^__main__\.([A-Za-z_]\w*)/.exec(n.value);
    if (m && moduleScope.bound.has(m[1])) out.add(m[1]);
  }
  return out;
}

/** `from __future__ import annotations`: annotations stay unevaluated (PEP 563). */
export function futureAnnotations(module: py.Module): boolean {
  return module.body.some((s) => s._type === "ImportFrom" && s.module === "__future__" && s.names.some((a) => a.name === "annotations"));
}

export function knownIn(known: Map<Scope, Map<string, Known>>, scope: Scope): Map<string, Known> {
  let m = known.get(scope);
  if (!m) known.set(scope, (m = new Map()));
  return m;
}

/** A module-level name bound only by an import: the import statement declares it. */
export function isImportBinding(known: Map<Scope, Map<string, Known>>, scope: Scope, name: string): boolean {
  const k = knownIn(known, scope).get(name);
  return k?.kind === "module" || k?.kind === "runtime-name";
}

/** The names a function (or the module) declares itself: bound here, not parameters, globals or imports. */
export function functionLocals(scope: Scope, known: Map<Scope, Map<string, Known>>): string[] {
  return [...scope.bound].filter((n) => !scope.globals.has(n) && !scope.nonlocals.has(n) && !scope.params.has(n) && !isImportBinding(known, scope, n));
}

/**
 * The names definite assignment follows in a function (or the module): its own locals (see
 * functionLocals) that no other scope writes (a module-level read of a builtin's name the module
 * has not bound yet finds the builtin: expressions.ts).
 */
function trackedNames(scope: Scope, known: Map<Scope, Map<string, Known>>): Set<string> {
  const out = new Set<string>();
  const here = known.get(scope);
  for (const n of scope.bound) {
    if (scope.globals.has(n) || scope.nonlocals.has(n) || scope.params.has(n)) continue;
    const k = here?.get(n);
    if (k?.kind === "module" || k?.kind === "runtime-name") continue;
    if (!scope.writtenElsewhere.has(n)) out.add(n);
  }
  return out;
}

/** A name Python finds among the builtins when the module has not bound it (yet). */
export function isBuiltinName(n: string): boolean {
  return BUILTIN_FUNCTIONS.has(n) || BUILTIN_EXCEPTIONS.has(n) || n === "__name__" || n === "__file__";
}

export function identityOf(options: LowerOptions): ModuleIdentity {
  return options.module ?? { name: "__main__", path: options.filename, isPackage: false, package: null };
}

/** A module the runtime offers, unless the program has its own module of that name (found first). */
export function isRuntimeModule(options: LowerOptions, name: string): boolean {
  return !!STDLIB[name] && !localChain(options.modules, name.split(".")[0]);
}

/** The absolute name of a `from ... import` of the program's own module, or null. */
export function localImportFrom(options: LowerOptions, s: py.ImportFrom): string | null {
  const resolved = absoluteName(identityOf(options), s.level ?? 0, s.module);
  return "name" in resolved && localChain(options.modules, resolved.name) ? resolved.name : null;
}

/** Records every def, class and import before lowering, so calls that come first in the text see them too. */
function registerDefinitions(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, options: LowerOptions): void {
  for (const scope of scopes.values()) {
    const node = scope.node as { body?: unknown };
    if (!Array.isArray(node.body)) continue;
    registerBody(node.body as py.Stmt[], scope, knownIn(known, scope), options);
  }
}

/**
 * registerDefinitions for one block of `scope`'s own code and the blocks inside its statements (a
 * module-level function, not a closure made per scope: see bench/NOTES.md, round 18).
 */
function registerBody(stmts: py.Stmt[] | undefined, scope: Scope, here: Map<string, Known>, options: LowerOptions): void {
  // (a statement made by an earlier pass may lack an empty block)
  if (stmts === undefined) return;
  // (indexed: a for...of makes an iterator and a result per statement where this runs unoptimized)
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i];
    // (asked of defs and classes only: no lookup per statement)
    const once = (s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef") && (scope.bindCount.get(s.name) ?? 0) === 1;
    if ((s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && once && !scope.writtenElsewhere.has(s.name)) {
      if (!s.decorator_list.length) here.set(s.name, { kind: "def", node: s, coroutine: s._type === "AsyncFunctionDef" });
    } else if (s._type === "ClassDef" && once && !scope.writtenElsewhere.has(s.name)) {
      here.set(s.name, { kind: "class", node: s });
    } else if (s._type === "Import") {
      for (const a of s.names) {
        const bound = a.asname ?? a.name.split(".")[0];
        if (localChain(options.modules, a.name)) here.set(bound, { kind: "local-module" });
        else if (isRuntimeModule(options, a.name) && scope.kind === "module") here.set(bound, { kind: "module", name: a.name });
      }
    } else if (s._type === "ImportFrom" && localImportFrom(options, s)) {
      // `from pkg import mod` of a submodule: a local module too.
      const base = localImportFrom(options, s)!;
      for (const a of s.names) if (localChain(options.modules, `${base}.${a.name}`)) here.set(a.asname ?? a.name, { kind: "local-module" });
    } else if (s._type === "ImportFrom" && scope.kind === "module" && !s.level && isRuntimeModule(options, s.module ?? "")) {
      for (const a of s.names) here.set(a.asname ?? a.name, { kind: "runtime-name", module: s.module!, name: a.name });
    }
    // The blocks of compound statements (body, orelse, finalbody, then a try's handlers), by kind.
    switch (s._type) {
      case "If":
      case "For":
      case "AsyncFor":
      case "While":
        registerBody(s.body, scope, here, options);
        registerBody(s.orelse, scope, here, options);
        break;
      case "With":
      case "AsyncWith":
        registerBody(s.body, scope, here, options);
        break;
      case "Try":
      case "TryStar":
        registerBody(s.body, scope, here, options);
        registerBody(s.orelse, scope, here, options);
        registerBody(s.finalbody, scope, here, options);
        if (s._type === "Try") for (const h of s.handlers) registerBody(h.body, scope, here, options);
        break;
    }
  }
}

function classMethodNames(module: py.Module): Set<string> {
  const names = new Set<string>();
  for (const n of nodeIndex(module).ofType("ClassDef")) {
    for (const item of n.body) {
      if (item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") continue;
      const accessor = item.decorator_list.some(
        (d) => (d._type === "Name" && d.id === "property") || (d._type === "Attribute" && ["setter", "getter", "deleter"].includes(d.attr)),
      );
      if (!accessor) names.add(item.name);
    }
  }
  return names;
}

/** Methods that change how instances get, set or lose attributes, or what calling the class makes. */
const ATTRIBUTE_HOOKS = new Set(["__new__", "__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__slots__"]);

/**
 * A class of the program whose instances are plain objects: `C(...)` makes a C, attributes are own
 * properties (no hooks, no metaclass, plain bases, no decorator but @dataclass). Then a value proven
 * to be a C can use direct member access (see plainAttribute in expressions.ts).
 */
export function plainClass(
  scopes: ScopeTable,
  known: Map<Scope, Map<string, Known>>,
  scope: Scope,
  name: string,
  depth: number,
  /** Also a class whose one base is a runtime class without attribute hooks (see hookFreeRuntimeBase). */
  runtimeBases = false,
): py.ClassDef | undefined {
  if (depth > 20 || (scope.bindCount.get(name) ?? 0) !== 1 || scope.writtenElsewhere.has(name)) return undefined;
  const k = knownIn(known, scope).get(name);
  if (k?.kind !== "class") return undefined;
  const c = k.node;
  if (c.keywords.length || !c.decorator_list.every(isPlainDataclassDecorator)) return undefined;
  for (const item of c.body) {
    const defined =
      item._type === "FunctionDef" || item._type === "AsyncFunctionDef"
        ? item.name
        : item._type === "Assign" && item.targets[0]?._type === "Name"
          ? item.targets[0].id
          : item._type === "AnnAssign" && item.target._type === "Name"
            ? item.target.id
            : "";
    if (ATTRIBUTE_HOOKS.has(defined)) return undefined;
  }
  for (const b of c.bases) {
    if (runtimeBases && c.bases.length === 1 && hookFreeRuntimeBase(scopes, known, scope, b)) continue;
    // (`Generic[T]` makes the class generic and adds nothing to its instances)
    if (isTypingGeneric(scopes, known, scope, b)) continue;
    // (`Base[T]` of a plain generic Base: its alias's __mro_entries__ gives Base, unless Base makes its own aliases)
    const named = b._type === "Subscript" ? b.value : b;
    if (named._type !== "Name") return undefined;
    if (named.id === "object" && named === b) continue;
    const r = resolveName(scope, named.id, scopes);
    const base = r.where === "builtin" ? undefined : plainClass(scopes, known, r.scope, named.id, depth + 1, runtimeBases);
    if (!base || (named !== b && makesAliases(scopes, known, r.scope, base, 0))) return undefined;
  }
  return c;
}

/** A class or one of its bases defines `__class_getitem__` (or a base is not followed): `C[T]` may be anything. */
function makesAliases(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, c: py.ClassDef, depth: number): boolean {
  if (depth > 20) return true;
  const defines = (i: py.Stmt) =>
    ((i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && i.name === "__class_getitem__") ||
    (i._type === "Assign" && i.targets.some((t) => t._type === "Name" && t.id === "__class_getitem__"));
  if (c.body.some(defines)) return true;
  for (const b of c.bases) {
    if (isTypingGeneric(scopes, known, scope, b)) continue;
    const named = b._type === "Subscript" ? b.value : b;
    if (named._type !== "Name") return true;
    if (named.id === "object") continue;
    const r = resolveName(scope, named.id, scopes);
    const k = r.where === "builtin" ? undefined : knownIn(known, r.scope).get(named.id);
    if (k?.kind !== "class" || makesAliases(scopes, known, r.scope, k.node, depth + 1)) return true;
  }
  return false;
}

/** Builtin classes whose instances take attributes as plain properties (no hooks, nothing run on access). */
const HOOK_FREE_BUILTINS = new Set(["dict", "list", "set", ...BUILTIN_EXCEPTIONS]);
/** Runtime classes likewise, whose __init__ runs none of a subclass's methods. */
const HOOK_FREE_RUNTIME = new Set([
  "asyncio.Protocol",
  "asyncio.BaseProtocol",
  "asyncio.DatagramProtocol",
  "asyncio.SubprocessProtocol",
  "asyncio.BufferedProtocol",
]);

/**
 * A base (`dict`, `Exception`, `asyncio.Protocol`) after which an instance's attributes are its own
 * plain properties: a method's `self` of such a class reads them like a plain class's (class-facts.ts).
 */
export function hookFreeRuntimeBase(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, b: py.ExprNode): boolean {
  if (b._type === "Name") {
    const r = resolveName(scope, b.id, scopes);
    if (r.where === "builtin") return HOOK_FREE_BUILTINS.has(b.id);
    if ((r.scope.bindCount.get(b.id) ?? 0) !== 1 || r.scope.writtenElsewhere.has(b.id)) return false;
    const k = knownIn(known, r.scope).get(b.id);
    return k?.kind === "runtime-name" && HOOK_FREE_RUNTIME.has(`${k.module}.${k.name}`);
  }
  if (b._type === "Attribute" && b.value._type === "Name") {
    const r = resolveName(scope, b.value.id, scopes);
    if (r.where === "builtin" || (r.scope.bindCount.get(b.value.id) ?? 0) !== 1 || r.scope.writtenElsewhere.has(b.value.id)) return false;
    const k = knownIn(known, r.scope).get(b.value.id);
    return k?.kind === "module" && HOOK_FREE_RUNTIME.has(`${k.name}.${b.attr}`);
  }
  return false;
}

/** `Generic[...]` or `typing.Generic[...]` of typing's Generic, as a base. */
function isTypingGeneric(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, b: py.ExprNode): boolean {
  if (b._type !== "Subscript") return false;
  const e = b.value;
  const name = e._type === "Name" ? e.id : e._type === "Attribute" && e.value._type === "Name" ? e.value.id : undefined;
  if (name === undefined) return false;
  const r = resolveName(scope, name, scopes);
  if (r.where === "builtin" || (r.scope.bindCount.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name)) return false;
  const k = knownIn(known, r.scope).get(name);
  if (e._type === "Name") return k?.kind === "runtime-name" && k.module === "typing" && k.name === "Generic";
  return k?.kind === "module" && k.name === "typing" && (e as py.Attribute).attr === "Generic";
}

/** `@dataclass`, `@dataclasses.dataclass`, or a call of them without frozen/slots/init=False. */
function isPlainDataclassDecorator(d: py.ExprNode): boolean {
  const isDataclass = (e: py.ExprNode) =>
    (e._type === "Name" && e.id === "dataclass") ||
    (e._type === "Attribute" && e.attr === "dataclass" && e.value._type === "Name" && e.value.id === "dataclasses");
  if (isDataclass(d)) return true;
  if (d._type !== "Call" || !isDataclass(d.func) || d.args.length) return false;
  return d.keywords.every((k) => k.arg !== null && ["order", "eq", "repr", "unsafe_hash", "match_args", "kw_only"].includes(k.arg));
}

/** Some `x.modules`, or `x.__dict__` not only unpacked (a loop, not an arrow made per call: see bench/NOTES.md round 18). */
function readsModulesOrDict(attributes: readonly py.Attribute[], unpackedOnly: ReadonlySet<py.Node>): boolean {
  for (let i = 0; i < attributes.length; i++) {
    const n = attributes[i];
    if (n.attr === "modules" || (n.attr === "__dict__" && !unpackedOnly.has(n))) return true;
  }
  return false;
}

/** Whether the program can reach its module's variables other than by name (globals(), vars(), exec, sys.modules). */
function reachesModuleDynamically(module: py.Module): boolean {
  const index = nodeIndex(module);
  const unpackedOnly = dictsOnlyUnpacked(index);
  return namesAny(module, MODULE_REACHING_BUILTINS) || readsModulesOrDict(index.ofType("Attribute"), unpackedOnly);
}

/** What a call of a runtime module's function or class gives (known-results.ts), seen from `scope`. */
function runtimeCall(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, call: py.Call): PyType | undefined {
  // A call of a def the program decorated with contextlib.asynccontextmanager & co. (decorated.ts).
  if (call.func._type === "Name") {
    const made = decoratedFunction(scopes, known, scope, call.func.id)?.result;
    if (made) return made;
  }
  const fn = runtimeFunction(scopes, known, scope, call);
  if ((fn === "asyncio.get_running_loop" || fn === "asyncio.get_event_loop") && mayReplaceLoop(scopes)) return undefined;
  return fn && Object.prototype.hasOwnProperty.call(RUNTIME_RESULTS, fn) ? RUNTIME_RESULTS[fn] : undefined;
}

/** The runtime function or class a call names (`asyncio.sleep`, `time.perf_counter`), seen from `scope`. */
export function runtimeFunction(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, call: py.Call): string | undefined {
  const f = call.func;
  if (f._type === "Attribute" && f.value._type === "Name") {
    const k = knownOnce(scopes, known, scope, f.value.id);
    if (k?.kind === "module") return `${k.name}.${f.attr}`;
  } else if (f._type === "Name") {
    const k = knownOnce(scopes, known, scope, f.id);
    if (k?.kind === "runtime-name") return `${k.module}.${k.name}`;
  }
  return undefined;
}

/** What `name`, read in `scope`, is known to be when it is bound once (repeated imports aside). */
// (a module-level function, not a closure made per call: see bench/NOTES.md round 18)
function knownOnce(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, name: string): Known | undefined {
  const r = resolveName(scope, name, scopes);
  if (r.where === "builtin" || (r.scope.bindCount.get(name) ?? 0) - (r.scope.repeatedImports.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name))
    return undefined;
  return knownIn(known, r.scope).get(name);
}

const loopReplaced = new WeakMap<ScopeTable, boolean>();

/** A program that may run another event loop class (a policy, a loop factory): its loop's methods are not known. */
function mayReplaceLoop(scopes: ScopeTable): boolean {
  let r = loopReplaced.get(scopes);
  if (r === undefined) {
    r = false;
    for (const scope of scopes.values()) {
      if (scope.kind !== "module") continue;
      const index = nodeIndex(scope.node);
      // (an annotation naming AbstractEventLoop only reads the class: it runs no loop)
      const inAnnotations = new Set<py.Node>();
      for (const a of annotationRoots(scope.node)) walk(a, (x) => void inAnnotations.add(x));
      const names = [
        ...index
          .ofType("Name")
          .filter((n) => !inAnnotations.has(n))
          .map((n) => n.id),
        ...index
          .ofType("Attribute")
          .filter((n) => !inAnnotations.has(n))
          .map((n) => n.attr),
        ...index.ofType("keyword").map((n) => n.arg ?? ""),
      ];
      if (names.some((name) => /EventLoop|loop_factory|set_event_loop/.test(name))) r = true;
    }
    loopReplaced.set(scopes, r);
  }
  return r;
}

/** Builtins that reach the module's variables other than by name. */
const MODULE_REACHING_BUILTINS = new Set(["globals", "vars", "exec", "eval", "__import__"]);
