// The one object every lowering file shares (`cx`): the module's analyses, the runtime imports the
// output has used, temporaries it has claimed, diagnostics, and the function being lowered.
//
//   analyses (analysis.ts) + options  ⇒  LowerContext  ⇐  read and updated by bindings.ts, statements.ts, ...
//
// The files that lower one kind of node are free functions `f(cx, node)`. They import each other in
// one direction only (statements → expressions → calls, ...); the three entry points every file
// needs (`cx.expr`, `cx.cond`, `cx.stmt`) are reached through the context, so no import cycle forms.

import { JS_NAMES, JS_RESERVED, PYTHON_NAMES_LIKE_JS } from "../runtime/builtins/js-names.js";
import type { UnboundReads } from "./definite-assignment.js";
import type * as py from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { utf8ColumnToChars } from "../diagnostics/columns.js";
import { diagnosticText, type Code, type ParamsArg } from "../diagnostics/codes.js";
import type * as ir from "../ir/nodes.js";
import type { Stmt } from "../ir/nodes.js";
import { array, call, id, lit, member } from "../ir/nodes.js";
import type { LegacyCoroutines } from "./legacy-coroutines.js";
import { identityOf, isImportBinding, isRuntimeModule, knownIn, localImportFrom, type Known, type LowerOptions, type ModuleAnalysis } from "./analysis.js";
import type { ModuleIdentity } from "./modules.js";
import { resolveName, shadowedInJs, type Scope, type ScopeTable } from "./scopes.js";
import { RUNTIME_NAMES, type HelperExports } from "./runtime-classes.js";
import { RUNTIME } from "./stdlib.js";
import { staticType, type PyType, type TypeEnv } from "./types.js";
import { annotationNames, typeAliases, typeStatementAliases, typeVarNames, typeVarsIn } from "./annotations.js";
import { mayMakeLoneSurrogates } from "./lone-surrogates.js";

export const ASYNCIO = "tsyncio/runtime/asyncio";
export const PROGRAM = "tsyncio/runtime/program";

/** A helper emitted code imports from the runtime (builtins) or from src/runtime/program.ts (program shape). */
export type Helper = HelperExports[typeof RUNTIME] | HelperExports[typeof PROGRAM];
/** The generated table says which of the two entries exports a helper (no name is in both). */
const PROGRAM_NAMES: ReadonlySet<string> = new Set(RUNTIME_NAMES[PROGRAM].split(" "));

/** JavaScript words a Python name cannot keep as is. */
export function safeName(name: string): string {
  return JS_RESERVED.has(name) ? `${name}_` : name;
}

/** JS property names that would collide with JS machinery get a suffix. */
export function safeProp(name: string): string {
  return name === "constructor" || name === "__proto__" || name === "prototype" ? `${name}_` : name;
}

/**
 * A JavaScript member name (`toString`, `call`, `push`, ...) that no runtime type uses as Python API:
 * the runtime looks it up (getattr/callm), hiding JavaScript's own. Python names JavaScript also uses
 * (`d.get`, `lst.sort`, `ev.set`) stay direct, fast member accesses.
 */
export function jsMemberName(name: string): boolean {
  return JS_NAMES.has(name) && !PYTHON_NAMES_LIKE_JS.has(name) && safeProp(name) === name;
}

/**
 * Arguments a JS call cannot take as written: a spread (`f(*items)`: ~100,000 values overflow the
 * stack) or more than a parser takes (V8: 65,535). Such calls pass one array to callv().
 */
// (a loop, no callback: asked for every call the lowering makes, twice for many)
export function needsArgumentArray(args: readonly ir.Expr[]): boolean {
  if (args.length > MAX_WRITTEN_ARGUMENTS) return true;
  for (let i = 0; i < args.length; i++) if (args[i].k === "spread") return true;
  return false;
}
const MAX_WRITTEN_ARGUMENTS = 1000;

/**
 * List comprehensions that no program code will see as a list: `f(*[... for ...])`, whose items
 * are only spread into the call (calls.ts marks them, comprehensions.ts builds them). Each is built
 * as a plain JS array: a spread of it takes V8's fast path for arrays, and a call's argument array
 * can be it.
 */
export const spreadOnly = new WeakSet<py.ListComp>();

/**
 * The array a call passes its arguments in (callv): `[a, ...items]`; a lone spread of an array made
 * for it alone (`f(*[... for ...])`) is that array, not a copy.
 */
export function argumentArray(args: readonly ir.Expr[]): ir.Expr {
  const only = args.length === 1 ? args[0] : null;
  return only?.k === "spread" && only.ownArray ? only.arg : array([...args]);
}

/** Records runtime imports as the lowering uses them (Sucrase's HelperManager), so the output imports exactly what it needs. */
export class RuntimeImports {
  private namespaces = new Map<string, string>(); // specifier → local namespace name
  // (keyed by the local name: one export may be imported twice, as the program's `Generic` and a helper's `$Generic`)
  private named = new Map<string, Map<string, string>>(); // specifier → local alias → name
  private types = new Map<string, Map<string, string>>(); // specifier → type name → local alias (TS only)

  constructor(private readonly userNames: ReadonlySet<string>) {}

  /**
   * A runtime type an annotation names (`PyList`, `Queue`): its local name. Imported with
   * `import type` (nothing in the JavaScript) unless the code also imports it as a value.
   */
  type(name: string, from: string): string {
    const value = this.valueLocal(from, name);
    if (value) return value;
    let names = this.types.get(from);
    if (!names) this.types.set(from, (names = new Map()));
    let local = names.get(name);
    if (!local) {
      local = this.userNames.has(name) ? `$${name}` : name;
      // (one name from two modules, asyncio's Future and concurrent.futures': the second is numbered)
      for (let n = 2; this.takenElsewhere(local, from); n++) local = `$${name}${n}`;
      names.set(name, local);
    }
    return local;
  }

  /** Whether another module's import already has the local name `local`. */
  private takenElsewhere(local: string, from: string): boolean {
    for (const [spec, types] of this.types) if (spec !== from && [...types.values()].includes(local)) return true;
    for (const [spec, named] of this.named) if (spec !== from && named.has(local)) return true;
    return false;
  }

  /** A compiler-inserted helper: aliased with `$` if the program uses the same identifier. */
  helper(name: string, from: string): string {
    const local = this.userNames.has(name) ? `$${name}` : name;
    this.use(name, local, from);
    return local;
  }

  /** A Python-visible name (a builtin the program calls), imported under its own name. */
  use(name: string, local: string, from: string): string {
    let names = this.named.get(from);
    if (!names) this.named.set(from, (names = new Map()));
    names.set(local, name);
    return local;
  }

  /** The local name a value import of `name` from `from` has, if any. */
  private valueLocal(from: string, name: string): string | undefined {
    for (const [local, n] of this.named.get(from) ?? []) if (n === name) return local;
    return undefined;
  }

  namespace(local: string, from: string): void {
    this.namespaces.set(local, from);
  }

  statements(): Stmt[] {
    const out: Stmt[] = [];
    const specifiers = new Set([...this.named.keys(), ...this.namespaces.keys()].map((k) => (this.named.has(k) ? k : this.namespaces.get(k)!)));
    for (const [local, from] of this.namespaces) out.push({ k: "import", from, namespace: local });
    for (const from of [...specifiers].filter((s) => this.named.has(s)).sort(byRuntimeFirst)) {
      const names = [...this.named.get(from)!]
        .map(([alias, name]) => ({ name, alias }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.alias < b.alias ? -1 : 1));
      out.push({ k: "import", from, named: names });
    }
    for (const [from, types] of [...this.types].sort(([a], [b]) => byRuntimeFirst(a, b))) {
      // A name imported as a value after the annotation asked for it: the value import serves both.
      const named = [...types]
        .filter(([name]) => !this.valueLocal(from, name))
        .map(([name, alias]) => ({ name, alias }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      if (named.length) out.push({ k: "import", from, named, typeOnly: true });
    }
    return out;
  }
}

function byRuntimeFirst(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : 1);
}

export interface LoopContext {
  /** Label that `break` must use (a loop with `else`, or a break out of a `try/finally`-wrapped body). */
  breakLabel?: string;
}

export interface FunctionContext {
  scope: Scope;
  /** The Python name of the receiver (`self`) in a method: it becomes `this`. */
  selfName?: string;
  /** The receiver is the class (`cls` of a classmethod): assigning its attributes goes through setattr. */
  selfIsClass?: boolean;
  /** The method's class (or a base of the program's) defines `__setattr__`: so do all writes of `self.x`. */
  selfHasSetattr?: boolean;
  /**
   * The method's class extends a runtime class (dict, list, OrderedDict...) through its bases: its
   * writes of `self.size`, `self.length` (JavaScript members such a base may use) go through setattr.
   */
  selfOnRuntimeBase?: boolean;
  /** Whether `self` must be reached through a captured `self` variable (inside nested functions). */
  selfAlias?: string;
  isCoroutine: boolean;
  isGenerator: boolean;
  /** Names already declared with let/const in the emitted function. */
  declared: Set<string>;
  /** Temporaries claimed in this function; declared at its top. */
  temps: string[];
  loops: LoopContext[];
  /** Shared by a method and the functions nested in it: set when they need `const self = this`. */
  selfBox?: { used: boolean };
  /** The class the method belongs to, for `super()` and qualnames. */
  className?: string;
  qualname: string;
  /** Temporaries holding the exceptions of the enclosing `except` blocks, innermost last (bare `raise`; "" for except*). */
  handling: string[];
  /** Reads that definite-assignment analysis could not prove bound (set when the body is lowered). */
  unbound?: UnboundReads;
  /** The array of the generators this function's locals alone hold, closed when it returns (dropped-generators.ts). */
  heldGenerators?: string;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private lines?: readonly string[];

  /** `source`: the text the positions point into (without it, columns stay UTF-8 byte offsets, 1-based). */
  constructor(private readonly source?: string) {}

  /** Reports `code` at `node` and abandons the statement being lowered (see LowerContext.stmtSafe). */
  error<C extends Code>(node: Partial<py.Position> | null | undefined, code: C, ...params: ParamsArg<C>): never {
    throw new DiagnosticError(this.make(node, code, params[0]));
  }

  /** Reports `code` at `node` and goes on. */
  report<C extends Code>(node: Partial<py.Position> | null | undefined, code: C, ...params: ParamsArg<C>): void {
    this.list.push(this.make(node, code, params[0]));
  }

  /** Catches what `error` threw: the diagnostic joins the list; anything else goes on. */
  collect(e: unknown): void {
    if (!(e instanceof DiagnosticError)) throw e;
    this.list.push(e.diagnostic);
  }

  private make(node: Partial<py.Position> | null | undefined, code: Code, params: Record<string, string> = {}): Diagnostic {
    const { message, hint } = diagnosticText(code, params);
    return {
      code,
      severity: "error",
      message,
      lineno: node?.lineno ?? 1,
      col: this.column(node?.lineno ?? 1, node?.col_offset ?? 0),
      endLineno: node?.end_lineno,
      endCol:
        node?.end_col_offset === undefined
          ? undefined
          : node.end_lineno === undefined
            ? node.end_col_offset + 1
            : this.column(node.end_lineno, node.end_col_offset),
      hint,
    };
  }

  /** A 1-based character column from CPython's UTF-8 byte offset into line `lineno`. */
  private column(lineno: number, byteOffset: number): number {
    if (this.source === undefined) return byteOffset + 1;
    this.lines ??= this.source.split(/\r\n|\r|\n/);
    return utf8ColumnToChars(this.lines[lineno - 1] ?? "", byteOffset) + 1;
  }
}

/** The lowering functions the context dispatches to (given by to-ir.ts, which wires the files together). */
export interface Lowering {
  expr(cx: LowerContext, e: py.ExprNode): ir.Expr;
  cond(cx: LowerContext, e: py.ExprNode): ir.Expr;
  stmt(cx: LowerContext, s: py.Stmt): ir.Stmt[];
}

export class LowerContext {
  readonly scopes: ScopeTable;
  readonly imports: RuntimeImports;
  fn: FunctionContext;
  readonly known: Map<Scope, Map<string, Known>>;
  usesFile = false;
  /** Whether the program reads `__doc__` anywhere (then functions carry their docstrings). */
  readonly readsDoc: boolean;
  /** Whether some class has several bases: then `super()` follows the MRO at run time. */
  readonly usesMultipleInheritance: boolean;
  usesName = false;
  tempCounter = 0;
  readonly userNames: Set<string>;
  /** Imported (not run) module of a program: its body is wrapped into `python_module(...)`. */
  readonly moduleForm: boolean;
  /** Local modules imported, by dotted name: the identifier their spec is imported as. */
  readonly localImports = new Map<string, { local: string; path: string }>();
  /** Import statements inside a `try` body: a missing module raises there, as in CPython. */
  readonly guardedImports: Set<py.Stmt>;
  readonly otherPlatformImports: Set<py.Stmt> | undefined;
  /** Names of the classes the module defines inside other classes' bodies (found by the scope analysis). */
  readonly nestedClasses: Set<string>;
  /** Names bound once to a freshly built non-string object: their method calls need no str dispatch. */
  readonly objectNames = new Set<string>();
  private readonly scopeIds = new Map<Scope, number>();
  /** Loop targets used nowhere but in their own loop: they can be `const` in the `for` head. */
  readonly loopOnly = new Map<py.Stmt[], Set<string>>();
  /** Module-level TypeVar names (annotations.ts). */
  readonly typeVars: Set<string>;
  /** Module-level `P = ParamSpec("P")` names (`*args: P.args` is a tuple of anything). */
  readonly paramSpecs: Set<string>;
  /** The TypeVars that are TS type parameters where the lowering is (of the classes and functions around it). */
  boundTypeVars = new Set<string>();
  /** The TypeVar a method's `self` is annotated with (`def clear(self: T) -> T`): TS's `this` type there. */
  selfTypeVar: string | undefined;
  private loneSurrogates?: boolean;

  /** Whether the module can make a lone high surrogate: its str joins then go through the runtime (lone-surrogates.ts). */
  get joinsStrsAtRunTime(): boolean {
    return (this.loneSurrogates ??= mayMakeLoneSurrogates(this.module));
  }
  /** PEP 695: each annotation scope's type parameters → the consts holding them (type-params.ts). */
  readonly typeParamNames = new Map<Scope, Map<string, string>>();
  /**
   * The type parameters that names read where the lowering is find first: while lowering what
   * Python evaluates in an annotation scope from outside its body (bounds, bases, alias values,
   * a generic class's body). Function bodies find theirs through the scopes.
   */
  typeParamOverride: Map<string, string> | null = null;
  /** Reads, at a class body's level, of a name an earlier statement of that body bound: the const holding its value, or the method (class-body-names.ts). */
  classBodyReads = new Map<py.Name, ir.Expr>();
  /**
   * Reads, at a class body's level, of a name the body binds only later: CPython looks such a
   * name up in the class namespace, then the module's globals, then the builtins (never in an
   * enclosing function), so they resolve from the module scope.
   */
  readonly classLevelGlobals = new Set<py.Name>();
  /**
   * Module-level names read or written where an enclosing function's own variable of the same
   * name hides them in JS: the module declares `$global_x()` (and `$set_global_x(v)` when written).
   */
  readonly shadowedGlobals = new Map<string, { written: boolean }>();
  private freshNames = new Set<string>();

  constructor(
    readonly module: py.Module,
    readonly legacy: LegacyCoroutines,
    readonly diags: Diagnostics,
    readonly options: LowerOptions,
    readonly analysis: ModuleAnalysis,
    private readonly lowering: Lowering,
  ) {
    this.scopes = analysis.scopes;
    this.usesMultipleInheritance = analysis.facts.multipleInheritance;
    this.readsDoc = analysis.facts.readsDoc;
    this.nestedClasses = analysis.facts.nestedClasses;
    this.guardedImports = analysis.facts.guardedImports;
    this.otherPlatformImports = analysis.facts.otherPlatformImports;
    this.userNames = analysis.userNames;
    this.known = analysis.known;
    this.imports = new RuntimeImports(this.userNames);
    this.fn = this.newFunctionContext(this.scopes.get(module)!, "", false, false);
    this.moduleForm = !!options.module && options.module.name !== "__main__";
    this.typeVars = typeVarNames(module);
    this.paramSpecs = typeVarNames(module, "ParamSpec");
  }

  /** With `names` bound as TS type parameters (a generic class's or function's own). */
  withTypeParams<T>(names: string[], f: () => T): T {
    if (!names.length) return f();
    const saved = this.boundTypeVars;
    this.boundTypeVars = new Set([...saved, ...names]);
    try {
      return f();
    } finally {
      this.boundTypeVars = saved;
    }
  }

  private annotated?: Set<string>;
  private aliases?: Map<string, py.ExprNode>;
  private typeStatements?: Map<string, number>;

  /** With `names` (type parameters → consts) found before any other binding (see typeParamOverride). */
  withTypeParamNames<T>(names: Map<string, string> | null, f: () => T): T {
    const saved = this.typeParamOverride;
    this.typeParamOverride = names && saved ? new Map([...saved, ...names]) : names;
    try {
      return f();
    } finally {
      this.typeParamOverride = saved;
    }
  }

  /** A module-wide unique identifier starting with `base` that no Python name uses. */
  freshName(base: string): string {
    let name = base;
    for (let i = 2; this.userNames.has(name) || this.freshNames.has(name); i++) name = `${base}_${i}`;
    this.freshNames.add(name);
    return name;
  }

  /** A module-level `type X = ...` (PEP 695) bound once, read here as that binding: its TS type parameter count. */
  pep695Alias(name: string): number | undefined {
    const n = (this.typeStatements ??= typeStatementAliases(this.module, this.scopes.get(this.module)!)).get(name);
    if (n === undefined) return undefined;
    const r = resolveName(this.fn.scope, name, this.scopes);
    return r.where === "global" && r.scope.node === this.module ? n : undefined;
  }

  /** A module-level type alias (`Vector = list[float]`) that nothing rebinds: the aliased annotation. */
  typeAlias(name: string): py.ExprNode | undefined {
    const alias = (this.aliases ??= typeAliases(this.module)).get(name);
    if (!alias) return undefined;
    const r = resolveName(this.fn.scope, name, this.scopes);
    if (r.where === "builtin" || r.scope.kind !== "module" || (r.scope.bindCount.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name)) return undefined;
    return alias;
  }

  /** The names annotations mention anywhere in the module (string forward references too). */
  annotationNames(): Set<string> {
    return (this.annotated ??= annotationNames(this.module));
  }

  /** A user class an annotation names, as a TS type: the class itself, or the interface emitted for a decorated one. */
  classType(name: string): string | undefined {
    const known = this.lookupKnown(name);
    if (known?.kind !== "class") return undefined;
    const r = resolveName(this.fn.scope, name, this.scopes);
    // A class nested in a class body is held in a temporary, not under its own name.
    if (r.where === "builtin" || r.scope.kind === "class") return undefined;
    // A TypedDict's instances are dicts.
    if (known.node.bases.some((b) => (b._type === "Name" ? b.id : b._type === "Attribute" ? b.attr : "") === "TypedDict"))
      return `${this.imports.type("PyDict", RUNTIME)}<string, any>`;
    return safeName(name);
  }

  /** The TS type parameters of a user class: the TypeVars its bases mention (`Generic[T]`). */
  classTypeParams(name: string): string[] | undefined {
    const known = this.lookupKnown(name);
    if (known?.kind !== "class") return undefined;
    const out: string[] = [];
    for (const b of known.node.bases) typeVarsIn(this, b, out);
    for (const p of known.node.type_params) if (p._type === "TypeVar" && !out.includes(p.name)) out.push(p.name);
    return out;
  }

  expr(e: py.ExprNode): ir.Expr {
    return this.lowering.expr(this, e);
  }

  /** An expression used as a condition: a JS boolean. */
  cond(e: py.ExprNode): ir.Expr {
    return this.lowering.cond(this, e);
  }

  stmt(s: py.Stmt): ir.Stmt[] {
    return this.lowering.stmt(this, s);
  }

  stmts(list: py.Stmt[]): ir.Stmt[] {
    const out: ir.Stmt[] = [];
    for (const s of list) out.push(...this.stmtSafe(s));
    return out;
  }

  /** Lowers one statement; an unsupported construct becomes a diagnostic and lowering goes on. */
  stmtSafe(s: py.Stmt): ir.Stmt[] {
    const fn = this.fn;
    try {
      return this.stmt(s);
    } catch (e) {
      this.diags.collect(e);
      // A diagnostic thrown inside a comprehension or lambda leaves its context behind.
      this.fn = fn;
      return [];
    }
  }

  optExpr(e: py.ExprNode | null): ir.Expr {
    return e ? this.expr(e) : lit(null);
  }

  identity(): ModuleIdentity {
    return identityOf(this.options);
  }

  runtimeModule(name: string): boolean {
    return isRuntimeModule(this.options, name);
  }

  localImportFrom(s: py.ImportFrom): string | null {
    return localImportFrom(this.options, s);
  }

  // ───────────────────────────── runtime helpers ─────────────────────────────

  helper(name: Helper): ir.Expr {
    return id(this.imports.helper(name, PROGRAM_NAMES.has(name) ? PROGRAM : RUNTIME));
  }

  /** A helper of a named entry (asyncio's `awaitable`, program's `define_class`): its local name. */
  helperFrom<E extends keyof HelperExports>(name: HelperExports[E], from: E): string {
    return this.imports.helper(name, from);
  }

  rt(name: Helper, ...args: ir.Expr[]): ir.Expr {
    if (needsArgumentArray(args)) {
      // A star-argument or a very long list: the arguments go as one array (runtime star-call.ts).
      if (name === "call") return call(this.helper("callv"), args[0], argumentArray(args.slice(1)));
      if (name === "callm") return call(this.helper("callv_method"), args[0], args[1], argumentArray(args.slice(2)));
      return call(this.helper("callv"), this.helper(name), argumentArray(args));
    }
    return call(this.helper(name), ...args);
  }

  /** A call of a value; `direct`: the callee is surely a function (no class to `new`). */
  callValue(callee: ir.Expr, args: ir.Expr[], direct = false): ir.Expr {
    if (direct) return call(callee, ...args);
    return this.rt("call", callee, ...args);
  }

  list(items: ir.Expr[]): ir.Expr {
    return { k: "call", callee: member(this.helper("PyList"), "fromArray"), args: [array(items)], typeArgs: ["any"] };
  }

  tuple(items: ir.Expr[]): ir.Expr {
    return { k: "call", callee: member(this.helper("PyTuple"), "fromArray"), args: [array(items)], typeArgs: ["any"] };
  }

  fileExpr(): ir.Expr {
    this.usesFile = true;
    return id("__file__");
  }

  /** The value of a deleted (or not yet assigned) variable that a check may read. */
  unboundMarker(): ir.Expr {
    return id(this.imports.use("UNBOUND", "UNBOUND", PROGRAM));
  }

  // ───────────────────────────── functions and names ─────────────────────────────

  newFunctionContext(scope: Scope, qualname: string, isCoroutine: boolean, isGenerator: boolean): FunctionContext {
    // (every field, in one order: the lowering reads `cx.fn` everywhere, and one shape keeps those reads quick)
    return {
      scope,
      selfName: undefined,
      selfIsClass: undefined,
      selfHasSetattr: undefined,
      selfOnRuntimeBase: undefined,
      selfAlias: undefined,
      isCoroutine,
      isGenerator,
      declared: new Set(scope.params),
      temps: [],
      loops: [],
      selfBox: undefined,
      className: undefined,
      qualname,
      handling: [],
      unbound: undefined,
      heldGenerators: undefined,
    };
  }

  /** `x` of the module where `scope`'s JS code sees another variable named x: read through the module's accessor. */
  moduleVariable(name: string, scope: Scope): ir.Expr {
    if (!shadowedInJs(scope, name)) return id(safeName(name));
    if (!this.shadowedGlobals.has(name)) this.shadowedGlobals.set(name, { written: false });
    return call(id(`$global_${safeName(name)}`));
  }

  /** `x = value` for the module's x where an enclosing function's x hides it in JS, or null. */
  moduleVariableWrite(name: string, scope: Scope, value: ir.Expr): ir.Expr | null {
    if (!shadowedInJs(scope, name)) return null;
    this.shadowedGlobals.set(name, { written: true });
    return call(id(`$set_global_${safeName(name)}`), value);
  }

  withOuter<T>(outer: FunctionContext, f: () => T): T {
    const saved = this.fn;
    this.fn = outer;
    try {
      return f();
    } finally {
      this.fn = saved;
    }
  }

  /** The statement list whose loops `loopOnlyNames` looks at: the current function's body. */
  get currentBody(): py.Stmt[] {
    const node = this.fn.scope.node as { body?: unknown };
    return Array.isArray(node.body) ? (node.body as py.Stmt[]) : [];
  }

  temp(prefix = "_t"): string {
    let name: string;
    do name = `${prefix}${this.tempCounter++ || ""}`;
    while (this.userNames.has(name));
    this.fn.temps.push(name);
    return name;
  }

  knownIn(scope: Scope): Map<string, Known> {
    return knownIn(this.known, scope);
  }

  /** What a name refers to, if it is bound exactly once to something the lowering understands. */
  lookupKnown(name: string): Known | undefined {
    const r = resolveName(this.fn.scope, name, this.scopes);
    if (r.where === "builtin") return undefined;
    const s = r.scope;
    if ((s.bindCount.get(name) ?? 0) - (s.repeatedImports.get(name) ?? 0) !== 1 || s.writtenElsewhere.has(name)) return undefined;
    return this.knownIn(s).get(name);
  }

  isImportBinding(scope: Scope, name: string): boolean {
    return isImportBinding(this.known, scope, name);
  }

  scopeId(scope: Scope): number {
    let n = this.scopeIds.get(scope);
    if (n === undefined) this.scopeIds.set(scope, (n = this.scopeIds.size));
    return n;
  }

  methodNames(): Set<string> {
    return this.analysis.methodNames();
  }

  /** What the analysis proved about names, as the current scope sees them (inference.ts). */
  typeEnv(): TypeEnv {
    return this.analysis.types.envAt(this.fn.scope);
  }

  typeOfExpr(e: py.ExprNode): PyType | undefined {
    return staticType(e, this.typeEnv());
  }
}
