// Scope analysis: Python's rules for which names a function binds, which it reads from outside,
// and what kind of function it is. The lowering asks this table instead of re-walking bodies.
//
//   def f():            | scope f: locals {x, g}, free {print}, generator: false
//       x = 1           |
//       def g(): ...    |
//       print(x)        |
//
// A name assigned anywhere in a function body is local to the whole body (unless declared
// `global`/`nonlocal`), exactly as CPython's symtable decides.

import type * as py from "../ast/nodes.js";
import { forEachChildWith, walk } from "../ast/walk.js";
import { EXPRESSION_KINDS, PATTERN_KINDS, STATEMENT_KINDS } from "../ast/kinds.js";
import { allArgs } from "../ast/arguments.js";
import { BoundSoFar, type BoundSoFarResult } from "./bound-so-far.js";
import { BindingCollector } from "./binding-facts.js";

/** "annotation": the scope of a generic class's or def's type parameters (PEP 695), see `typeParams`. */
export type ScopeKind = "module" | "function" | "class" | "lambda" | "comprehension" | "annotation";

export interface Scope {
  kind: ScopeKind;
  node: py.Node;
  parent: Scope | null;
  /** Names bound in this scope (parameters included), in first-binding order. */
  bound: Set<string>;
  params: Set<string>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** Names read anywhere in this scope's own code (not nested scopes). */
  used: Set<string>;
  /** How many statements bind each name (def, class, assignment, import, loop target...). */
  bindCount: Map<string, number>;
  /** Names a `del` statement of this scope unbinds (such a local is never typed: it becomes undefined). */
  deleted: Set<string>;
  /** Names that a nested scope reads or writes from this scope (closures). */
  captured: Set<string>;
  /** Names of this scope that another scope assigns, through `global` or `nonlocal`. */
  writtenElsewhere: Set<string>;
  /** What an import bound each name to. */
  importedFrom: Map<string, string>;
  /** Bindings that only repeat the same import (`import asyncio` twice): the name still has one value. */
  repeatedImports: Map<string, number>;
  /** Contains `yield` / `yield from` (a generator function) in its own code. */
  isGenerator: boolean;
  hasAwait: boolean;
  hasYieldFrom: boolean;
  /**
   * `class C[T]` / `def f[T]`: the scope binding the type parameters, between this scope and its
   * parent (Python's annotation scope). Names of the body that nothing in it binds find them there.
   */
  typeParams?: Scope;
  /** Where each name read here resolves (resolveName's answers, made at the first question: the scopes are final by then). */
  resolved: Map<string, Resolution> | undefined;
}

/** Where a name read in a scope is bound (resolveName). */
export type Resolution = { where: "local" | "enclosing" | "global" | "builtin"; scope: Scope };

export type ScopeTable = Map<py.Node, Scope>;

type FunctionNode = py.FunctionDef | py.AsyncFunctionDef | py.Lambda;

// Most scopes declare no global or nonlocal, have no closure reading their names and import
// nothing: those sets and maps start as these shared empty ones, and a scope gets its own at its
// first entry (namesOf, importsOf). Only this file writes them (and analysis.ts through namesOf).
const NO_NAMES: Set<string> = new Set();
const NO_IMPORTS: Map<string, string> = new Map();
const NO_REPEATS: Map<string, number> = new Map();

/** A scope's own set of `key` names, to add to (made at the first addition). */
export function namesOf(scope: Scope, key: "globals" | "nonlocals" | "captured" | "writtenElsewhere"): Set<string> {
  let names = scope[key];
  if (names === NO_NAMES) scope[key] = names = new Set();
  return names;
}

function importsOf(scope: Scope): { importedFrom: Map<string, string>; repeatedImports: Map<string, number> } {
  if (scope.importedFrom === NO_IMPORTS) scope.importedFrom = new Map();
  if (scope.repeatedImports === NO_REPEATS) scope.repeatedImports = new Map();
  return scope;
}

function newScope(kind: ScopeKind, node: py.Node, parent: Scope | null): Scope {
  return {
    kind,
    node,
    parent,
    bound: new Set(),
    params: new Set(),
    globals: NO_NAMES,
    nonlocals: NO_NAMES,
    used: new Set(),
    bindCount: new Map(),
    deleted: new Set(),
    captured: NO_NAMES,
    writtenElsewhere: NO_NAMES,
    importedFrom: NO_IMPORTS,
    repeatedImports: NO_REPEATS,
    isGenerator: false,
    hasAwait: false,
    hasYieldFrom: false,
    // (set on defs and classes: present on every scope, so all scopes share one shape)
    typeParams: undefined,
    resolved: undefined,
  };
}

/** Facts about the whole module the lowering needs up front, gathered by the same walk. */
export interface ModuleFacts {
  /** Some class has several bases. */
  multipleInheritance: boolean;
  /** `x.__doc__` or the string "__doc__" appears somewhere. */
  readsDoc: boolean;
  /** Names of classes defined directly in another class's body. */
  nestedClasses: Set<string>;
  /** Import statements inside a `try` body (at any depth). */
  guardedImports: Set<py.Stmt>;
  /**
   * Import statements in a branch CPython on Linux never takes (`if sys.platform == "win32":`,
   * `if os.name == "nt":`): a module the runtime lacks is not refused there.
   */
  otherPlatformImports?: Set<py.Stmt>;
  /**
   * Attribute names given a class of the program as value (`self.factory = Point`, a class-body
   * `queue_class = Queue`): `x.factory()` then goes through the runtime's callm, which constructs
   * a class (a JS method call cannot).
   */
  classValuedAttrs?: Set<string>;
  /**
   * When given: each scope's calls in its own code, in the walk's order (inference.ts finds call
   * sites there). Calls in a def's or class's decorators, defaults, parameter and return
   * annotations, bases and keywords, and in a comprehension's targets, are no scope's own.
   */
  ownCalls?: Map<Scope, py.Call[]>;
  /**
   * The attribute stores `self.attr = ...` (augmented, annotated, a loop or `with` target too) at
   * any depth inside a decorator-free def of a class body whose first parameter is `self`
   * (class-facts.ts: the writes only the class's own methods make). Gathered by the walk.
   */
  selfWrites?: Set<py.Attribute>;
  /** For the module and each def: what the walk saw of its reads before their names were surely bound (bound-so-far.ts). */
  boundSoFar?: Map<py.Node, BoundSoFarResult>;
  /**
   * When given (a module without `:=`): the module's and each def's bindings, return values and
   * attribute stores (binding-facts.ts's collectBindings), gathered by the walk as it visits their
   * statements.
   */
  ownStatements?: Map<Scope, BindingCollector>;
}

/** While the walk runs: attribute names assigned a bare name, with those names; and the class names. */
let attrValueNames: Map<string, Set<string>> = new Map();
let classNames: Set<string> = new Set();

function noteAttrValue(attr: string, value: py.ExprNode): void {
  // A capitalized name (`Queue`, `asyncio.Queue`, `_PyTask`) is taken for a class too: a wrong guess only
  // costs the generic callm instead of a JS method call.
  // `type("Name", bases, ns)` makes a class too.
  const madeByType = value._type === "Call" && value.func._type === "Name" && value.func.id === "type" && value.args.length === 3;
  const name = madeByType ? CAPITALIZED : value._type === "Name" ? value.id : value._type === "Attribute" ? value.attr : null;
  if (name === null) return;
  // (private names count by their first letter: `tasks._CTask`)
  noteAttrName(attr, /^_*[A-Z]/.test(name) ? CAPITALIZED : name);
}

/** Notes that attribute `attr` may hold what `name` names (CAPITALIZED: some class or object). */
function noteAttrName(attr: string, name: string): void {
  let names = attrValueNames.get(attr);
  if (!names) attrValueNames.set(attr, (names = new Set()));
  names.add(name);
}
const CAPITALIZED = "\0capitalized";

/** Decorators after which a method stays a function of the class (or a property): called directly. */
function keepsPlainMethod(d: py.ExprNode): boolean {
  if (d._type === "Name") return PLAIN_METHOD_DECORATORS.has(d.id);
  if (d._type === "Attribute") return PLAIN_METHOD_DECORATORS.has(d.attr) || d.attr === "setter" || d.attr === "getter" || d.attr === "deleter";
  return false;
}
const PLAIN_METHOD_DECORATORS = new Set(["staticmethod", "classmethod", "property", "abstractmethod", "override", "final", "overload"]);

/** The facts being gathered by the running analyzeScopes call (null: none asked for). */
let facts: ModuleFacts | null = null;
/** Where the running analyzeScopes call records each scope's own calls (null: not asked for). */
let ownCalls: Map<Scope, py.Call[]> | null = null;
/** Whether the expression being visited is its scope's own code (see ModuleFacts.ownCalls). */
let inOwnCode = true;
/** How many `try` bodies the statement being visited is inside. */
let tryDepth = 0;
/** How many branches for another platform than Linux the statement being visited is inside. */
let otherPlatformDepth = 0;
/** The first parameters of the plain methods (see ModuleFacts.selfWrites) the walk is inside, innermost last. */
let methodSelves: string[] = [];
/** The names surely bound at the point the walk visits, in the def (or module) being walked; null in a lambda's body, or when no facts are asked for. */
let boundSoFar: BoundSoFar | null = null;
/** Where the walk gathers the bindings of the def (or module) whose statements it visits (see ModuleFacts.ownStatements); null in a class body. */
let bindings: BindingCollector | null = null;

export function analyzeScopes(module: py.Module, moduleFacts?: ModuleFacts): ScopeTable {
  const table: ScopeTable = new Map();
  const moduleScope = newScope("module", module, null);
  table.set(module, moduleScope);
  facts = moduleFacts ?? null;
  ownCalls = moduleFacts?.ownCalls ?? null;
  inOwnCode = true;
  tryDepth = 0;
  otherPlatformDepth = 0;
  methodSelves = [];
  if (facts) {
    facts.selfWrites = new Set();
    facts.boundSoFar = new Map();
    boundSoFar = new BoundSoFar(moduleScope);
  }
  bindings = moduleFacts?.ownStatements ? newCollector() : null;
  attrValueNames = new Map();
  classNames = new Set();
  try {
    for (const s of module.body) visit(s, moduleScope, table);
    if (bindings !== null) facts!.ownStatements!.set(moduleScope, bindings);
    if (facts) {
      facts.boundSoFar!.set(module, boundSoFar!.result);
      const attrs = new Set<string>();
      for (const [attr, names] of attrValueNames) if ([...names].some((n) => n === CAPITALIZED || classNames.has(n))) attrs.add(attr);
      if (attrs.size) facts.classValuedAttrs = attrs;
    }
  } finally {
    facts = null;
    ownCalls = null;
    boundSoFar = null;
    bindings = null;
  }
  for (const scope of table.values()) markCaptures(scope);
  for (const scope of table.values()) markOutsideWrites(scope, moduleScope);
  return table;
}

/** The facts in parts of the tree the scope analysis does not enter (type parameters). */
function factsIn(nodes: py.Node[]): void {
  for (const node of nodes)
    walk(node, (n) => {
      if (n._type === "Attribute" || n._type === "Constant") noteDoc(n);
    });
}

function noteDoc(e: py.Attribute | py.Constant): void {
  // (inspect.getdoc reads docstrings too)
  if (facts && (e._type === "Attribute" ? e.attr === "__doc__" || e.attr === "getdoc" : e.value === "__doc__")) facts.readsDoc = true;
}

function bind(scope: Scope, name: string): void {
  scope.bound.add(name);
  scope.bindCount.set(name, (scope.bindCount.get(name) ?? 0) + 1);
}

/** `assigns`: the target is surely bound once the statement ran (an assignment's, not an augmented one's: see BoundSoFar). */
function bindTarget(target: py.ExprNode, scope: Scope, table: ScopeTable, assigns = false): void {
  switch (target._type) {
    case "Name":
      bind(scope, target.id);
      if (assigns && boundSoFar !== null) boundSoFar.add(target.id);
      return;
    case "Tuple":
    case "List":
      for (const e of target.elts) bindTarget(e, scope, table, assigns);
      return;
    case "Starred":
      bindTarget(target.value, scope, table, assigns);
      return;
    default:
      // Attribute and subscript targets bind nothing; their parts are reads.
      visitExpr(target, scope, table);
  }
}

/** Visits `e`, in `scope`, as code that is no scope's own (a decorator, a default...: see ModuleFacts.ownCalls). */
function visitOutside(e: py.ExprNode, scope: Scope, table: ScopeTable): void {
  const saved = inOwnCode;
  inOwnCode = false;
  visitExpr(e, scope, table);
  inOwnCode = saved;
}

function visitArguments(args: py.Arguments, outer: Scope, inner: Scope, table: ScopeTable): void {
  // Defaults and annotations are evaluated in the enclosing scope; parameters bind in the function.
  for (const d of args.defaults) visitOutside(d, outer, table);
  for (const d of args.kw_defaults) if (d) visitOutside(d, outer, table);
  for (const a of allArgs(args)) {
    if (a.annotation) visitOutside(a.annotation, outer, table);
    inner.params.add(a.arg);
    bind(inner, a.arg);
  }
}

/** The annotation scope of a generic class or def, binding its type parameters. */
function typeParamScope(node: py.ClassDef | py.FunctionDef | py.AsyncFunctionDef, outer: Scope): Scope | undefined {
  if (!node.type_params.length) return undefined;
  const scope = newScope("annotation", node, outer);
  for (const p of node.type_params) bind(scope, p.name);
  return scope;
}

function visitFunction(node: FunctionNode, outer: Scope, table: ScopeTable): void {
  if (facts && node._type !== "Lambda") factsIn(node.type_params);
  const scope = newScope(node._type === "Lambda" ? "lambda" : "function", node, outer);
  if (node._type !== "Lambda") scope.typeParams = typeParamScope(node, outer);
  table.set(node, scope);
  visitArguments(node.args, outer, scope, table);
  if (node._type !== "Lambda" && node.returns) visitOutside(node.returns, outer, table);
  const saved = inOwnCode;
  inOwnCode = true;
  // (a def's body gets its own names surely bound; a lambda's body is no def's code: none)
  const outerBound = boundSoFar;
  if (node._type === "Lambda") {
    if (outerBound !== null) boundSoFar = null;
    visitExpr(node.body, scope, table);
  } else {
    if (outerBound !== null) boundSoFar = new BoundSoFar(scope);
    const outerBindings = bindings;
    if (facts?.ownStatements) bindings = newCollector();
    visitStatements(node.body, scope, table);
    if (outerBound !== null) facts!.boundSoFar!.set(node, boundSoFar!.result);
    if (bindings !== null) facts!.ownStatements!.set(scope, bindings);
    bindings = outerBindings;
  }
  boundSoFar = outerBound;
  inOwnCode = saved;
}

/** Visits the statements of a block (the names they bind are surely bound only inside it). */
function visitBlock(stmts: py.Stmt[], scope: Scope, table: ScopeTable): void {
  const tracker = boundSoFar;
  if (tracker === null) {
    visitStatements(stmts, scope, table);
    return;
  }
  const start = tracker.blockStart();
  visitStatements(stmts, scope, table);
  tracker.blockEnd(start);
}

/** An `if`'s two blocks: the names both bind are surely bound after it. */
function visitBranches(body: py.Stmt[], orelse: py.Stmt[], scope: Scope, table: ScopeTable): void {
  const tracker = boundSoFar;
  if (tracker === null || !orelse.length) {
    visitBlock(body, scope, table);
    visitBlock(orelse, scope, table);
    return;
  }
  let start = tracker.blockStart();
  visitStatements(body, scope, table);
  const inBody = tracker.addedSince(start);
  tracker.blockEnd(start);
  start = tracker.blockStart();
  visitStatements(orelse, scope, table);
  const inBoth = inBody.length ? tracker.addedSince(start).filter((n) => inBody.includes(n)) : inBody;
  tracker.blockEnd(start);
  for (const n of inBoth) tracker.add(n);
}

/** Visits each statement of a list (an indexed loop: no iterator objects where this runs unoptimized, as in a first translation). */
function visitStatements(stmts: py.Stmt[], scope: Scope, table: ScopeTable): void {
  for (let i = 0; i < stmts.length; i++) visit(stmts[i], scope, table);
}

function newCollector(): BindingCollector {
  return new BindingCollector(false, { returns: [], attributeStores: [] }, false);
}

function visit(stmt: py.Stmt, scope: Scope, table: ScopeTable): void {
  if (bindings !== null) bindings.stmt(stmt);
  switch (stmt._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      for (let i = 0; i < stmt.decorator_list.length; i++) visitOutside(stmt.decorator_list[i], scope, table);
      bind(scope, stmt.name);
      visitFunction(stmt, scope, table);
      if (boundSoFar !== null) boundSoFar.add(stmt.name);
      return;
    case "ClassDef": {
      if (facts) {
        // A generic class (PEP 695) has Generic as a last, implicit base.
        if (stmt.bases.length + (stmt.type_params.length ? 1 : 0) > 1) facts.multipleInheritance = true;
        for (let i = 0; i < stmt.body.length; i++) {
          const item = stmt.body[i];
          if (item._type === "ClassDef") facts.nestedClasses.add(item.name);
        }
        classNames.add(stmt.name);
        // An Enum member's `.value` is what its class-body line assigns (`VOID = SomeClass`).
        const enumLike = stmt.bases.some((b) => /(Enum|Flag)$/.test(b._type === "Name" ? b.id : b._type === "Attribute" ? b.attr : ""));
        for (const item of stmt.body)
          if (item._type === "Assign" && item.targets.length === 1 && item.targets[0]._type === "Name") {
            noteAttrValue(item.targets[0].id, item.value);
            if (enumLike) noteAttrValue("value", item.value);
          }
        // A method whose decorator may return an object (a class, `alru_cache(...)`): `x.m()` must
        // go through the runtime, which calls the object's `__get__`/`__call__`.
        for (const item of stmt.body)
          if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && !item.decorator_list.every(keepsPlainMethod))
            noteAttrName(item.name, CAPITALIZED);
        factsIn(stmt.type_params);
      }
      for (let i = 0; i < stmt.decorator_list.length; i++) visitOutside(stmt.decorator_list[i], scope, table);
      for (let i = 0; i < stmt.bases.length; i++) visitOutside(stmt.bases[i], scope, table);
      for (let i = 0; i < stmt.keywords.length; i++) visitOutside(stmt.keywords[i].value, scope, table);
      bind(scope, stmt.name);
      const cls = newScope("class", stmt, scope);
      cls.typeParams = typeParamScope(stmt, scope);
      table.set(stmt, cls);
      const saved = inOwnCode;
      inOwnCode = true;
      // (a class body's bindings are no def's)
      const outerBindings = bindings;
      bindings = null;
      // (what a class body binds is the class's: surely bound for none of the def's code after it)
      const bodyStart = boundSoFar === null ? 0 : boundSoFar.blockStart();
      for (let i = 0; i < stmt.body.length; i++) {
        const s = stmt.body[i];
        const self = facts ? plainMethodSelf(s) : undefined;
        if (self === undefined) visit(s, cls, table);
        else {
          methodSelves.push(self);
          visit(s, cls, table);
          methodSelves.pop();
        }
      }
      inOwnCode = saved;
      bindings = outerBindings;
      if (boundSoFar !== null) {
        boundSoFar.blockEnd(bodyStart);
        boundSoFar.add(stmt.name);
      }
      return;
    }
    case "Global":
      for (let i = 0; i < stmt.names.length; i++) namesOf(scope, "globals").add(stmt.names[i]);
      return;
    case "Nonlocal":
      for (let i = 0; i < stmt.names.length; i++) namesOf(scope, "nonlocals").add(stmt.names[i]);
      return;
    case "Assign":
      if (facts)
        for (let i = 0; i < stmt.targets.length; i++) {
          const t = stmt.targets[i];
          if (t._type === "Attribute") noteAttrValue(t.attr, stmt.value);
        }
      visitExpr(stmt.value, scope, table);
      for (let i = 0; i < stmt.targets.length; i++) bindTarget(stmt.targets[i], scope, table, true);
      return;
    case "AugAssign":
      visitExpr(stmt.value, scope, table);
      if (stmt.target._type === "Name") {
        scope.used.add(stmt.target.id);
        if (boundSoFar !== null) boundSoFar.read(stmt.target.id, scope);
      }
      bindTarget(stmt.target, scope, table);
      return;
    case "AnnAssign":
      if (stmt.value) visitExpr(stmt.value, scope, table);
      visitExpr(stmt.annotation, scope, table);
      if (stmt.value || scope.kind !== "module") bindTarget(stmt.target, scope, table, !!stmt.value);
      else if (stmt.target._type !== "Name") visitExpr(stmt.target, scope, table);
      else bind(scope, stmt.target.id);
      return;
    case "For":
    case "AsyncFor":
      if (stmt._type === "AsyncFor") scope.hasAwait = true;
      visitExpr(stmt.iter, scope, table);
      if (boundSoFar === null) {
        bindTarget(stmt.target, scope, table);
        visitStatements(stmt.body, scope, table);
      } else {
        // (the target and what the body binds are bound only inside the loop's body)
        const tracker = boundSoFar;
        tracker.loopStart();
        const start = tracker.blockStart();
        bindTarget(stmt.target, scope, table, true);
        visitStatements(stmt.body, scope, table);
        tracker.blockEnd(start);
        tracker.loopEnd();
      }
      visitBlock(stmt.orelse, scope, table);
      return;
    case "While":
      if (boundSoFar === null) forEachChildWith(stmt, visitAny, scope, table);
      else {
        boundSoFar.loopStart();
        visitExpr(stmt.test, scope, table);
        visitBlock(stmt.body, scope, table);
        boundSoFar.loopEnd();
        visitBlock(stmt.orelse, scope, table);
      }
      return;
    case "With":
    case "AsyncWith":
      if (stmt._type === "AsyncWith") scope.hasAwait = true;
      for (let i = 0; i < stmt.items.length; i++) {
        const item = stmt.items[i];
        visitExpr(item.context_expr, scope, table);
        if (item.optional_vars) bindTarget(item.optional_vars, scope, table, true);
      }
      visitBlock(stmt.body, scope, table);
      return;
    case "Try":
    case "TryStar":
      tryDepth++;
      visitBlock(stmt.body, scope, table);
      tryDepth--;
      for (let i = 0; i < stmt.handlers.length; i++) {
        const h = stmt.handlers[i];
        const tracker = boundSoFar;
        const start = tracker === null ? 0 : tracker.blockStart();
        if (h.type) visitExpr(h.type, scope, table);
        if (h.name) {
          bind(scope, h.name);
          if (tracker !== null) tracker.add(h.name);
        }
        if (bindings !== null) bindings.handler(h, stmt._type === "TryStar");
        visitStatements(h.body, scope, table);
        if (tracker !== null) {
          // (CPython deletes the name when the block ends)
          if (h.name) tracker.unbind(h.name);
          tracker.blockEnd(start);
        }
      }
      visitBlock(stmt.orelse, scope, table);
      visitBlock(stmt.finalbody, scope, table);
      return;
    case "If":
      visitExpr(stmt.test, scope, table);
      // `if sys.version_info >= (3, 11): ... else: from typing_extensions import Self`, `if
      // TYPE_CHECKING:`: the branch not taken imports what may not exist; an import there fails
      // only if its line runs, as inside `try`.
      if (isVersionOrTypeCheckingTest(stmt.test)) tryDepth++;
      if (isOtherPlatformTest(stmt.test)) {
        // (the body never runs on Linux; the else branch does, and is visited as usual)
        otherPlatformDepth++;
        visitBranches(stmt.body, [], scope, table);
        otherPlatformDepth--;
        visitBranches([], stmt.orelse, scope, table);
      } else visitBranches(stmt.body, stmt.orelse, scope, table);
      if (isVersionOrTypeCheckingTest(stmt.test)) tryDepth--;
      return;
    case "Import":
    case "ImportFrom":
      if (facts && tryDepth > 0) facts.guardedImports.add(stmt);
      if (facts && otherPlatformDepth > 0) (facts.otherPlatformImports ??= new Set()).add(stmt);
      // unittest reads test methods' docstrings (shortDescription in the runner's report).
      if (facts && (stmt._type === "Import" ? stmt.names.some((a) => a.name.split(".")[0] === "unittest") : stmt.module?.split(".")[0] === "unittest"))
        facts.readsDoc = true;
      if (facts && stmt._type === "ImportFrom" && stmt.module === "inspect" && stmt.names.some((a) => a.name === "getdoc" || a.name === "*"))
        facts.readsDoc = true;
      for (let i = 0; i < stmt.names.length; i++) {
        const a = stmt.names[i];
        if (a.name === "*") continue;
        const name = a.asname ?? (stmt._type === "Import" ? a.name.split(".")[0] : a.name);
        const source =
          stmt._type === "Import" ? `import ${a.asname ? a.name : name}` : `from ${".".repeat(stmt.level ?? 0)}${stmt.module ?? ""} import ${a.name}`;
        const imports = importsOf(scope);
        if (imports.importedFrom.get(name) === source) imports.repeatedImports.set(name, (imports.repeatedImports.get(name) ?? 0) + 1);
        imports.importedFrom.set(name, source);
        bind(scope, name);
        if (boundSoFar !== null) boundSoFar.add(name);
      }
      return;
    case "Delete":
      for (let i = 0; i < stmt.targets.length; i++) {
        const t = stmt.targets[i];
        if (t._type === "Name") {
          bind(scope, t.id);
          scope.deleted.add(t.id);
          if (boundSoFar !== null) boundSoFar.unbind(t.id);
        } else visitExpr(t, scope, table);
      }
      return;
    case "Match":
      visitExpr(stmt.subject, scope, table);
      for (let i = 0; i < stmt.cases.length; i++) {
        const c = stmt.cases[i];
        const start = boundSoFar === null ? 0 : boundSoFar.blockStart();
        if (bindings !== null) bindings.matchCase(c);
        visitPattern(c.pattern, scope, table);
        if (c.guard) visitExpr(c.guard, scope, table);
        visitStatements(c.body, scope, table);
        if (boundSoFar !== null) boundSoFar.blockEnd(start);
      }
      return;
    default:
      forEachChildWith(stmt, visitAny, scope, table);
  }
}

function visitPattern(p: py.Pattern, scope: Scope, table: ScopeTable): void {
  if ((p._type === "MatchAs" || p._type === "MatchStar") && p.name) bind(scope, p.name);
  if (p._type === "MatchMapping" && p.rest) bind(scope, p.rest);
  forEachChildWith(p, visitAny, scope, table);
}

function visitAny(node: py.Node, scope: Scope, table: ScopeTable): void {
  // (the three kinds are disjoint; expressions, the most common, are asked for first)
  if (isExpr(node)) visitExpr(node, scope, table);
  else if (isStmt(node)) visit(node, scope, table);
  else if (isPattern(node)) visitPattern(node, scope, table);
  else forEachChildWith(node, visitAny, scope, table);
}

function visitExpr(e: py.ExprNode, scope: Scope, table: ScopeTable): void {
  switch (e._type) {
    case "Name":
      if (e.ctx._type === "Load") {
        scope.used.add(e.id);
        if (boundSoFar !== null) boundSoFar.read(e.id, scope);
      } else bind(scope, e.id);
      return;
    case "Lambda":
      visitFunction(e, scope, table);
      return;
    case "NamedExpr": {
      // The walrus binds in the nearest enclosing function, not in a comprehension.
      let target = scope;
      while (target.kind === "comprehension" && target.parent) target = target.parent;
      visitExpr(e.value, scope, table);
      if (e.target._type === "Name") bind(target, e.target.id);
      return;
    }
    case "Yield":
      scope.isGenerator = true;
      if (e.value) visitExpr(e.value, scope, table);
      return;
    case "YieldFrom":
      scope.isGenerator = true;
      scope.hasYieldFrom = true;
      visitExpr(e.value, scope, table);
      return;
    case "Await":
      scope.hasAwait = true;
      visitExpr(e.value, scope, table);
      return;
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
    case "DictComp": {
      // The first iterable is evaluated outside; everything else in the comprehension's own scope.
      visitExpr(e.generators[0].iter, scope, table);
      const comp = newScope("comprehension", e, scope);
      table.set(e, comp);
      const saved = inOwnCode;
      e.generators.forEach((g, i) => {
        if (g.is_async) comp.hasAwait = true;
        inOwnCode = true;
        if (i > 0) visitExpr(g.iter, comp, table);
        inOwnCode = false;
        bindTarget(g.target, comp, table);
        inOwnCode = true;
        for (const cond of g.ifs) visitExpr(cond, comp, table);
      });
      inOwnCode = true;
      if (e._type === "DictComp") {
        visitExpr(e.key, comp, table);
        visitExpr(e.value, comp, table);
      } else visitExpr(e.elt, comp, table);
      inOwnCode = saved;
      if (comp.hasAwait && e._type !== "GeneratorExp") scope.hasAwait = true;
      // (a `yield from` the blocking-functions pass put in a comprehension: the def delegates to it)
      if (comp.hasYieldFrom && e._type !== "GeneratorExp") scope.isGenerator = scope.hasYieldFrom = true;
      return;
    }
    case "Attribute":
      if (methodSelves.length > 0 && e.ctx._type === "Store" && e.value._type === "Name" && methodSelves.includes(e.value.id)) facts!.selfWrites!.add(e);
      noteDoc(e);
      forEachChildWith(e, visitAny, scope, table);
      return;
    case "Constant":
      noteDoc(e);
      forEachChildWith(e, visitAny, scope, table);
      return;
    case "Call":
      if (ownCalls !== null && inOwnCode) {
        let calls = ownCalls.get(scope);
        if (!calls) ownCalls.set(scope, (calls = []));
        calls.push(e);
      }
      // `SimpleNamespace(Error=_Error)`, `setattr(ns, "Error", _Error)`: the keyword or name becomes
      // an attribute holding that value, as `ns.Error = _Error` does.
      if (facts) {
        for (const k of e.keywords) if (k.arg) noteAttrValue(k.arg, k.value);
        const attrName = e.args[1];
        if (e.func._type === "Name" && e.func.id === "setattr" && e.args.length === 3 && attrName._type === "Constant" && typeof attrName.value === "string")
          noteAttrValue(attrName.value, e.args[2]);
      }
      forEachChildWith(e, visitAny, scope, table);
      return;
    default:
      forEachChildWith(e, visitAny, scope, table);
  }
}

/** A class body's statement that is a decorator-free def with a first parameter: that parameter's name. */
function plainMethodSelf(s: py.Stmt): string | undefined {
  if ((s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef") || s.decorator_list.length) return undefined;
  return s.args.posonlyargs[0]?.arg ?? s.args.args[0]?.arg;
}

/** A test on the interpreter's version or platform, or on TYPE_CHECKING (`not`, `and`/`or` of them too). */
function isVersionOrTypeCheckingTest(test: py.ExprNode): boolean {
  switch (test._type) {
    case "Name":
      return test.id === "TYPE_CHECKING";
    case "Attribute":
      return test.attr === "TYPE_CHECKING" || test.attr === "version_info" || test.attr === "platform";
    case "Subscript":
      return isVersionOrTypeCheckingTest(test.value);
    case "Compare":
      return isVersionOrTypeCheckingTest(test.left);
    case "UnaryOp":
      return test.op._type === "Not" && isVersionOrTypeCheckingTest(test.operand);
    case "BoolOp":
      return test.values.some(isVersionOrTypeCheckingTest);
    case "Call":
      // `sys.platform.startswith("win")`
      return test.func._type === "Attribute" && isVersionOrTypeCheckingTest(test.func.value);
    default:
      return false;
  }
}

/**
 * A test that is false on CPython for Linux, whatever else is true: `sys.platform == "win32"`
 * (any platform but "linux"), `sys.platform.startswith("win")`, `os.name == "nt"`.
 */
function isOtherPlatformTest(test: py.ExprNode): boolean {
  const attrOf = (e: py.ExprNode, mod: string, attr: string) => e._type === "Attribute" && e.attr === attr && e.value._type === "Name" && e.value.id === mod;
  const str = (e: py.ExprNode | undefined): string | null => (e?._type === "Constant" && typeof e.value === "string" ? e.value : null);
  if (test._type === "Compare" && test.ops.length === 1 && test.ops[0]._type === "Eq") {
    const other = str(test.comparators[0]);
    if (other === null) return false;
    if (attrOf(test.left, "sys", "platform")) return other !== "linux";
    if (attrOf(test.left, "os", "name")) return other !== "posix";
    return false;
  }
  if (test._type === "Call" && test.func._type === "Attribute" && test.func.attr === "startswith" && attrOf(test.func.value, "sys", "platform")) {
    const prefix = str(test.args[0]);
    return test.args.length === 1 && prefix !== null && !"linux".startsWith(prefix);
  }
  return false;
}

/** Records, for every scope, which of its names nested scopes reach (closures). */
function markCaptures(scope: Scope): void {
  if (scope.kind === "module" || scope.kind === "class") return;
  // (the names read, then the nonlocal ones not read: one set of both, in that order, made no more)
  for (const name of scope.used) markCapture(scope, name);
  for (const name of scope.nonlocals) if (!scope.used.has(name)) markCapture(scope, name);
}

function markCapture(scope: Scope, name: string): void {
  if (scope.bound.has(name) && !scope.nonlocals.has(name) && !scope.globals.has(name)) return;
  for (let s = scope.parent; s; s = s.parent) {
    if (s.kind === "class") continue;
    if (s.bound.has(name) && !s.globals.has(name)) {
      namesOf(s, "captured").add(name);
      return;
    }
  }
}

/** A `global x` or `nonlocal x` that assigns x makes x a binding of the scope that owns it. */
function markOutsideWrites(scope: Scope, moduleScope: Scope): void {
  for (const name of scope.globals) {
    if (!scope.bound.has(name)) continue;
    if (!moduleScope.bound.has(name)) moduleScope.bound.add(name);
    namesOf(moduleScope, "writtenElsewhere").add(name);
  }
  for (const name of scope.nonlocals) {
    if (!scope.bound.has(name)) continue;
    for (let s = scope.parent; s; s = s.parent) {
      if (s.kind === "class") continue;
      if (s.bound.has(name) && !s.nonlocals.has(name)) {
        namesOf(s, "writtenElsewhere").add(name);
        break;
      }
    }
  }
}

/** Where a name read in `scope` is bound: "local", an enclosing function's scope, "global" or "builtin". */
// A type parameter is "enclosing", in the scope of kind "annotation" that binds it.
// (`_table`: kept for the callers, the scopes' parent links are all it needs)
// (asked ~40,000 times per lowering of a 10,000-line module, mostly for the same few names per
// scope: each answer is kept on the scope. Nothing calls it while analyzeScopes is still binding
// names; the sets it reads are not changed afterwards.)
export function resolveName(scope: Scope, name: string, _table: ScopeTable): Resolution {
  let resolved = scope.resolved;
  if (resolved === undefined) scope.resolved = resolved = new Map();
  let r = resolved.get(name);
  if (r === undefined) resolved.set(name, (r = resolveNameOnce(scope, name)));
  return r;
}

function resolveNameOnce(scope: Scope, name: string): Resolution {
  if (scope.globals.has(name)) return global(scope, name);
  if (scope.bound.has(name) && !scope.nonlocals.has(name)) return { where: scope.kind === "module" ? "global" : "local", scope };
  if (scope.typeParams?.bound.has(name)) return { where: "enclosing", scope: scope.typeParams };
  for (let s = scope.parent; s; s = s.parent) {
    if (s.kind === "class") {
      if (s.typeParams?.bound.has(name)) return { where: "enclosing", scope: s.typeParams };
      continue;
    }
    if (s.kind === "module") break;
    if (s.globals.has(name)) return global(scope, name);
    if (s.bound.has(name) && !s.nonlocals.has(name)) return { where: "enclosing", scope: s };
    if (s.typeParams?.bound.has(name)) return { where: "enclosing", scope: s.typeParams };
  }
  return global(scope, name);
}

/**
 * Whether JS code of `scope` (and the scopes around it, up to the module) sees a variable of its
 * own or of an enclosing function named `name`, which hides the module's: a class body declares
 * none, nor does a function that declares the name `global`.
 */
export function shadowedInJs(scope: Scope, name: string): boolean {
  for (let s: Scope | null = scope; s && s.kind !== "module"; s = s.parent) {
    if (s.kind === "class" || s.kind === "annotation" || s.globals.has(name)) continue;
    if (s.bound.has(name)) return true;
  }
  return false;
}

/** A name resolved at module level: a global when the module binds it, else a builtin. */
// (a function of its own: nested in resolveName it was a closure made per call)
function global(from: Scope, n: string): { where: "global" | "builtin"; scope: Scope } {
  let m = from;
  while (m.parent) m = m.parent;
  return { where: m.bound.has(n) ? "global" : "builtin", scope: m };
}

export const isStmt = (n: py.Node): n is py.Stmt => STATEMENT_KINDS.has(n._type);
export const isExpr = (n: py.Node): n is py.ExprNode => EXPRESSION_KINDS.has(n._type);
export const isPattern = (n: py.Node): n is py.Pattern => PATTERN_KINDS.has(n._type);
