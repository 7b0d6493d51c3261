// Python AST → TS IR: the one place where the two vocabularies meet.
//
//   async def speak():          | const speak = coroutine_function(function* speak(): Coro {
//       await asyncio.sleep(1)  |   yield* asyncio.sleep(1n);
//       return 'D'              |   return "D";
//                               | }, { qualname: "speak", filename: __file__, firstlineno: 1 });
//
// Python semantics that JS operators do not share (int division, truthiness, `+` on mixed types,
// negative indices, ...) go through runtime helpers, unless the operand types are known (see
// types.ts), in which case the native operator is both faster and easier to read.
// A construct this file cannot translate faithfully is reported as a diagnostic, never guessed.

import type * as py from "../ast/nodes.js";
import * as ir from "../ir/nodes.js";
import { call, id, lit, member } from "../ir/nodes.js";
import { Diagnostics, RuntimeImports, safeName, type FunctionContext } from "./context.js";
import { analyzeScopes, resolveName, type ModuleFacts, type Scope, type ScopeTable } from "./scopes.js";
import { BUILTIN_EXCEPTIONS, BUILTIN_FUNCTIONS, RUNTIME, STDLIB } from "./stdlib.js";
import { forEachChild, walk } from "../ast/walk.js";
import { annotationType, staticType, type PyType } from "./types.js";
import type { LegacyCoroutines } from "./legacy-coroutines.js";
import { absoluteName, CPYTHON_STDLIB, localChain, specifierBetween, type LocalModule, type ModuleIdentity, type ProgramModules } from "./modules.js";
import { findUnboundReads } from "./definite-assignment.js";

const ASYNCIO = "tsyncio/runtime/asyncio";
/** Helpers of src/runtime/program.ts (program shape: binding, unpacking, exceptions), not of builtins. */
const PROGRAM_HELPERS = new Set(
  `script_path define_class decorate_getter import_runtime_name callkw callkw_method kw_merge varargs bind_rest call_bound unpack set_of dict_of
  dict_items unpack_each exception_matches to_exception enter_except exit_except reraise with_cause exception_instance
  name_error assert_ warn_legacy_coroutine aiter anext_or_stop STOP_ASYNC_ITERATION
  match_sequence match_mapping mapping_rest match_class anext define_function
  star_begin star_split star_end chain_context generator_stop assigned assigned_global bad_call gen_throw`.split(/\s+/),
);
const PROGRAM = "tsyncio/runtime/program";
const CORO_TYPE = "Generator<unknown, any, any>";

export interface LowerOptions {
  /** The file's name as the program sees it (`__file__` resolves it against the program's folder). */
  filename: string;
  /** Which module of the program this is (default: the script, `__main__`, of a single source). */
  module?: ModuleIdentity;
  /** The program's own modules, which imports look for first (none for a single source). */
  modules?: ProgramModules;
}

export interface LowerResult {
  body: ir.Stmt[];
  /** The program's own modules this one imports (the caller translates them too). */
  localModules: LocalModule[];
}

/** Where a binding came from, when the lowering can see it: calls to it can then be specialised. */
type Known =
  | { kind: "def"; node: py.FunctionDef | py.AsyncFunctionDef; coroutine: boolean }
  | { kind: "class"; node: py.ClassDef }
  | { kind: "module"; name: string }
  | { kind: "runtime-name"; module: string; name: string }
  /** One of the program's own modules: its attributes may be classes, so calls go through `call()`. */
  | { kind: "local-module" };

// Methods called through callm(): those of str, int, float and bytes (TS does not see bytes's on PyBytes).
const STR_METHODS = new Set(
  `capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha
  isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower
  lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split
  splitlines startswith strip swapcase title translate upper zfill bit_length bit_count is_integer
  as_integer_ratio hex conjugate to_bytes decode`.split(/\s+/),
);

export function toIr(module: py.Module, legacy: LegacyCoroutines, diagnostics: Diagnostics, options: LowerOptions): LowerResult {
  return new Lowerer(module, legacy, diagnostics, options).run();
}

class Lowerer {
  private readonly scopes: ScopeTable;
  private readonly imports: RuntimeImports;
  private fn!: FunctionContext;
  private readonly known = new Map<Scope, Map<string, Known>>();
  private usesFile = false;
  /** Whether the program reads `__doc__` anywhere (then functions carry their docstrings). */
  private readsDoc = false;
  /** Whether some class has several bases: then `super()` follows the MRO at run time. */
  private usesMultipleInheritance = false;
  private usesName = false;
  private tempCounter = 0;
  private readonly userNames: Set<string>;
  /** Imported (not run) module of a program: its body is wrapped into `python_module(...)`. */
  private readonly moduleForm: boolean;
  /** Local modules imported, by dotted name: the identifier their spec is imported as. */
  private readonly localImports = new Map<string, { local: string; path: string }>();
  /** Import statements inside a `try` body: a missing module raises there, as in CPython. */
  private readonly guardedImports = new Set<py.Stmt>();

  constructor(
    private readonly module: py.Module,
    private readonly legacy: LegacyCoroutines,
    private readonly diags: Diagnostics,
    private readonly options: LowerOptions,
  ) {
    const facts: ModuleFacts = { multipleInheritance: false, readsDoc: false, nestedClasses: new Set(), guardedImports: this.guardedImports };
    this.scopes = analyzeScopes(module, facts);
    this.usesMultipleInheritance = facts.multipleInheritance;
    this.readsDoc = facts.readsDoc;
    this.nestedClasses = facts.nestedClasses;
    // Names the program binds anywhere: a runtime helper with the same name must be aliased.
    this.userNames = new Set();
    for (const scope of this.scopes.values()) for (const n of scope.bound) this.userNames.add(n);
    this.imports = new RuntimeImports(this.userNames);
    this.fn = this.newFunctionContext(this.scopes.get(module)!, "", false, false);
    this.moduleForm = !!options.module && options.module.name !== "__main__";
    this.registerDefinitions();
  }

  /** Records every def, class and import before lowering, so calls that come first in the text see them too. */
  private registerDefinitions(): void {
    for (const scope of this.scopes.values()) {
      const node = scope.node as { body?: unknown };
      if (!Array.isArray(node.body)) continue;
      const visitBody = (stmts: py.Stmt[]) => {
        for (const s of stmts) {
          const once = (scope.bindCount.get((s as { name?: string }).name ?? "") ?? 0) === 1;
          if ((s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && once && !scope.writtenElsewhere.has(s.name)) {
            if (!s.decorator_list.length) this.knownIn(scope).set(s.name, { kind: "def", node: s, coroutine: s._type === "AsyncFunctionDef" });
          } else if (s._type === "ClassDef" && once && !scope.writtenElsewhere.has(s.name)) {
            this.knownIn(scope).set(s.name, { kind: "class", node: s });
          } else if (s._type === "Import") {
            for (const a of s.names) {
              const bound = a.asname ?? a.name.split(".")[0];
              if (localChain(this.options.modules, a.name)) this.knownIn(scope).set(bound, { kind: "local-module" });
              else if (this.runtimeModule(a.name) && scope.kind === "module") this.knownIn(scope).set(bound, { kind: "module", name: a.name });
            }
          } else if (s._type === "ImportFrom" && this.localImportFrom(s)) {
            // `from pkg import mod` of a submodule: a local module too.
            const base = this.localImportFrom(s)!;
            for (const a of s.names) if (localChain(this.options.modules, `${base}.${a.name}`)) this.knownIn(scope).set(a.asname ?? a.name, { kind: "local-module" });
          } else if (s._type === "ImportFrom" && scope.kind === "module" && !s.level && this.runtimeModule(s.module ?? "")) {
            for (const a of s.names) this.knownIn(scope).set(a.asname ?? a.name, { kind: "runtime-name", module: s.module!, name: a.name });
          }
          for (const key of ["body", "orelse", "finalbody"] as const) {
            const inner = (s as unknown as Record<string, unknown>)[key];
            if (Array.isArray(inner) && s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef" && s._type !== "ClassDef") visitBody(inner as py.Stmt[]);
          }
          if (s._type === "Try") for (const h of s.handlers) visitBody(h.body);
        }
      };
      visitBody(node.body as py.Stmt[]);
    }
  }

  run(): LowerResult {
    const body = this.functionBody(this.module.body);
    const prologue: ir.Stmt[] = [];
    if (this.usesName) prologue.push({ k: "var", decl: "const", name: "__name__", type: "string", init: lit(this.options.module?.name ?? "__main__") });
    if (this.usesFile)
      prologue.push({ k: "var", decl: "const", name: "__file__", type: "string", init: call(this.helperFrom("script_path", PROGRAM), lit(this.options.filename)) });
    const localModules = [...this.localImports].map(([name, m]) => ({ name, path: m.path }));
    if (this.moduleForm) {
      // An imported module: its body runs when first imported, binding its names on the module object.
      // Its defs are bound when their statement runs (a circular import must not see them earlier),
      // and stay assignable (another module may replace one: `helpers.fetch = fake_fetch`).
      for (let i = 0; i < body.length; i++) {
        const d = body[i];
        // Anonymous, so a recursive call finds the module's current binding, as Python's global lookup does
        // (JS still names the function after the variable).
        if (d.k === "function" && d.fn.name) body[i] = { k: "var", decl: "let", name: d.fn.name, init: { k: "function", fn: { ...d.fn, name: undefined } }, line: d.line };
      }
      const identity = this.options.module!;
      const wrapped: ir.Stmt = {
        k: "export_default",
        expr: call(this.helperFrom("python_module", PROGRAM), lit(identity.name), lit(identity.path), {
          k: "arrow",
          params: [{ name: "$module" }],
          body: [...this.moduleBindings(body), ...prologue, ...body],
        }),
      };
      const imports = [...this.imports.statements(), ...this.localImportStatements()];
      return { body: [...imports, ...(imports.length ? [{ k: "blank" } as ir.Stmt] : []), wrapped], localModules };
    }
    const imports = [...this.imports.statements(), ...this.localImportStatements()];
    return { body: [...imports, ...(imports.length ? [{ k: "blank" } as ir.Stmt] : []), ...prologue, ...body], localModules };
  }

  /**
   * `$module.bind({ name: [get, set], ... })`: the module object's attributes read (and write) the
   * body's module-level variables, so other modules see their current values; defs, classes and
   * imports are read-only views.
   */
  private moduleBindings(body: ir.Stmt[]): ir.Stmt[] {
    const writable = new Set<string>();
    const declared = new Set<string>();
    const defs: string[] = [];
    for (const s of body) {
      if (s.k === "var") (s.decl === "let" ? writable : declared).add(s.name);
      else if (s.k === "vars") for (const n of s.names) writable.add(n.name);
      else if (s.k === "function" && s.fn.name) declared.add(s.fn.name);
      else if (s.k === "class") declared.add(s.name);
    }
    const scope = this.scopes.get(this.module)!;
    for (const st of this.module.body) if ((st._type === "FunctionDef" || st._type === "AsyncFunctionDef") && !defs.includes(st.name)) defs.push(st.name);
    const props: { key: string; value: ir.Expr }[] = [];
    for (const name of scope.bound) {
      const js = safeName(name);
      const isRuntimeImport = this.isImportBinding(scope, name);
      if (!writable.has(js) && !declared.has(js) && !isRuntimeImport) continue;
      const getter: ir.Expr = { k: "arrow", params: [], body: id(js) };
      const setter: ir.Expr = { k: "arrow", params: [{ name: "v", type: "any" }], body: { k: "assign", op: "=", target: id(js), value: id("v") } };
      props.push({ key: name, value: { k: "array", elements: writable.has(js) ? [getter, setter] : [getter] } });
    }
    if (!props.length) return [];
    const bindArgs: ir.Expr[] = [{ k: "object", props }];
    if (defs.length) bindArgs.push({ k: "array", elements: defs.map((d) => lit(d)) });
    return [{ k: "expr", expr: call(member(id("$module"), "bind"), ...bindArgs) }];
  }

  /** `import helpers_module from "./helpers.js";` for each local module this one imports. */
  private localImportStatements(): ir.Stmt[] {
    const here = this.options.module?.path ?? this.options.filename;
    return [...this.localImports].map(([name, m]) => ({ k: "import", from: specifierBetween(here, m.path), default: m.local, localModule: name }) as ir.Stmt);
  }

  /** The identifier a local module's spec is imported as (Python names never contain `$`). */
  private localModuleRef(m: LocalModule): ir.Expr {
    let entry = this.localImports.get(m.name);
    if (!entry) {
      // `pkg.mod` and `pkg_mod` would both be `pkg_mod_module`: the second one gets a number.
      const base = `${m.name.replace(/\./g, "_")}_module`;
      const taken = new Set([...this.localImports.values()].map((e) => e.local));
      let local = this.userNames.has(base) ? `$${base}` : base;
      for (let n = 2; taken.has(local); n++) local = `$${base}${n}`;
      entry = { local, path: m.path };
      this.localImports.set(m.name, entry);
    }
    return id(entry.local);
  }

  /** The absolute name of a `from ... import` of the program's own module, or null. */
  private localImportFrom(s: py.ImportFrom): string | null {
    const resolved = absoluteName(this.identity(), s.level ?? 0, s.module);
    return "name" in resolved && localChain(this.options.modules, resolved.name) ? resolved.name : null;
  }

  private identity(): ModuleIdentity {
    return this.options.module ?? { name: "__main__", path: this.options.filename, isPackage: false, package: null };
  }

  /** A module the runtime offers, unless the program has its own module of that name (found first). */
  private runtimeModule(name: string): boolean {
    return !!STDLIB[name] && !localChain(this.options.modules, name.split(".")[0]);
  }

  // ───────────────────────────── helpers ─────────────────────────────

  private helper(name: string): ir.Expr {
    return id(this.imports.helper(name, PROGRAM_HELPERS.has(name) ? PROGRAM : RUNTIME));
  }

  private helperFrom(name: string, from: string): string {
    return this.imports.helper(name, from);
  }

  private rt(name: string, ...args: ir.Expr[]): ir.Expr {
    return call(this.helper(name), ...args);
  }

  private newFunctionContext(scope: Scope, qualname: string, isCoroutine: boolean, isGenerator: boolean): FunctionContext {
    return { scope, isCoroutine, isGenerator, declared: new Set(scope.params), temps: [], loops: [], qualname, handling: [] };
  }

  private temp(prefix = "_t"): string {
    let name: string;
    do name = `${prefix}${this.tempCounter++ || ""}`;
    while (this.userNames.has(name));
    this.fn.temps.push(name);
    return name;
  }

  private knownIn(scope: Scope): Map<string, Known> {
    let m = this.known.get(scope);
    if (!m) this.known.set(scope, (m = new Map()));
    return m;
  }

  /** What a name refers to, if it is bound exactly once to something the lowering understands. */
  private lookupKnown(name: string): Known | undefined {
    const r = resolveName(this.fn.scope, name, this.scopes);
    if (r.where === "builtin") return undefined;
    const s = r.scope;
    if ((s.bindCount.get(name) ?? 0) - (s.repeatedImports.get(name) ?? 0) !== 1 || s.writtenElsewhere.has(name)) return undefined;
    return this.knownIn(s).get(name);
  }

  private list(items: ir.Expr[]): ir.Expr {
    return { k: "call", callee: member(this.helper("PyList"), "fromArray"), args: [{ k: "array", elements: items }], typeArgs: ["any"] };
  }

  private tuple(items: ir.Expr[]): ir.Expr {
    return { k: "call", callee: member(this.helper("PyTuple"), "fromArray"), args: [{ k: "array", elements: items }], typeArgs: ["any"] };
  }

  // ───────────────────────────── bodies and declarations ─────────────────────────────

  /**
   * Lowers a function's (or the module's) statements, with Python's function-wide locals declared
   * where a reader expects them: at the first assignment when it is a plain top-level statement,
   * otherwise hoisted to the top as `let x: any;`.
   */
  private functionBody(stmts: py.Stmt[], extra: ir.Stmt[] = []): ir.Stmt[] {
    const scope = this.fn.scope;
    const locals = [...scope.bound].filter((n) => !scope.globals.has(n) && !scope.nonlocals.has(n) && !scope.params.has(n) && !this.isImportBinding(scope, n));
    const declareHere = this.declarableAtFirstAssignment(stmts, new Set(locals));
    const hoisted = locals.filter((n) => !declareHere.has(n) && !this.loopOnlyNames(stmts).has(n));
    for (const n of hoisted) this.fn.declared.add(n);
    // Reads that may find their name unbound get a check; those names start out UNBOUND.
    const tracked = locals.filter((n) => !scope.writtenElsewhere.has(n) && !(scope.kind === "module" && isBuiltinName(n)));
    this.fn.unbound = findUnboundReads(stmts, new Set(tracked), scope.params, this.scopes);
    const body: ir.Stmt[] = [];
    for (const s of stmts) body.push(...this.stmtSafe(s));
    const head: ir.Stmt[] = [];
    const startUnbound = hoisted.filter((n) => this.fn.unbound!.names.has(n));
    const toDeclare = [...hoisted.filter((n) => !startUnbound.includes(n)).map(safeName), ...this.fn.temps];
    if (toDeclare.length) head.push({ k: "vars", names: toDeclare.map((name) => ({ name, type: "any" })) });
    for (const n of startUnbound) head.push({ k: "var", decl: "let", name: safeName(n), type: "any", init: this.unboundMarker() });
    return [...head, ...extra, ...body];
  }

  /** Lowers one statement; an unsupported construct becomes a diagnostic and lowering goes on. */
  private stmtSafe(s: py.Stmt): ir.Stmt[] {
    const fn = this.fn;
    try {
      return this.stmt(s);
    } catch (e) {
      if (e instanceof Error && "diagnostic" in e) {
        // A diagnostic thrown inside a comprehension or lambda leaves its context behind.
        this.fn = fn;
        this.diags.list.push((e as unknown as { diagnostic: never }).diagnostic);
        return [];
      }
      throw e;
    }
  }

  /** Names bound once to a freshly built non-string object: their method calls need no str dispatch. */
  private objectNames = new Set<string>();
  private scopeIds = new Map<Scope, number>();
  private scopeId(scope: Scope): number {
    let n = this.scopeIds.get(scope);
    if (n === undefined) this.scopeIds.set(scope, (n = this.scopeIds.size));
    return n;
  }

  private isObjectConstruction(e: py.ExprNode): boolean {
    if (e._type === "List" || e._type === "Dict" || e._type === "Set" || e._type === "ListComp" || e._type === "DictComp" || e._type === "SetComp") return true;
    if (e._type !== "Call") return false;
    const f = e.func;
    if (f._type === "Name") {
      const k = this.lookupKnown(f.id);
      if (k?.kind === "class") return true;
      if (k?.kind === "runtime-name") return STDLIB[k.module]?.classes.has(k.name) ?? false;
      return resolveName(this.fn.scope, f.id, this.scopes).where === "builtin" && ["list", "dict", "set", "tuple"].includes(f.id);
    }
    if (f._type === "Attribute" && f.value._type === "Name") {
      const k = this.lookupKnown(f.value.id);
      return k?.kind === "module" && (STDLIB[k.name]?.classes.has(f.attr) ?? false);
    }
    return false;
  }

  private isKnownObject(e: py.ExprNode): boolean {
    if (e._type !== "Name") return false;
    const r = resolveName(this.fn.scope, e.id, this.scopes);
    if ((r.scope.bindCount.get(e.id) ?? 0) !== 1 || r.scope.writtenElsewhere.has(e.id)) return false;
    return this.objectNames.has(`${this.scopeId(r.scope)}:${e.id}`);
  }

  /** A module-level name bound only by an import: the import statement declares it. */
  private isImportBinding(scope: Scope, name: string): boolean {
    const k = this.knownIn(scope).get(name);
    return k?.kind === "module" || k?.kind === "runtime-name";
  }

  /** Names whose first appearance is a top-level assignment statement of this body. */
  private declarableAtFirstAssignment(stmts: py.Stmt[], locals: Set<string>): Set<string> {
    const here = new Set<string>();
    const seen = new Set<string>();
    // Statements after the last candidate assignment cannot change the answer: not walked.
    let last = -1;
    for (let i = 0; i < stmts.length; i++) {
      const target = simpleBinding(stmts[i]);
      if (target && locals.has(target)) last = i;
    }
    for (let i = 0; i <= last; i++) {
      const s = stmts[i];
      const target = simpleBinding(s);
      if (target && locals.has(target) && !seen.has(target)) here.add(target);
      // Names read inside nested functions are read when those run, not here.
      walk(s, (n) => {
        if (n._type === "Name") seen.add(n.id);
        if (n !== s && (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda")) return false;
        if (n === s && (n._type === "FunctionDef" || n._type === "AsyncFunctionDef")) {
          for (const d of [...n.decorator_list, ...n.args.defaults]) walk(d, (m) => void (m._type === "Name" && seen.add(m.id)));
          return false;
        }
      });
      if (target) seen.add(target);
    }
    return here;
  }

  /** Loop targets used nowhere but in their own loop: they can be `const` in the `for` head. */
  private loopOnly = new Map<py.Stmt[], Set<string>>();
  private loopOnlyNames(stmts: py.Stmt[]): Set<string> {
    let result = this.loopOnly.get(stmts);
    if (result) return result;
    result = new Set();
    const scope = this.fn.scope;
    // Names a loop target may have to qualify: bound once, by this scope alone.
    const possible = new Set<string>();
    if (scope.kind !== "module") {
      for (const [name, count] of scope.bindCount)
        if (count === 1 && !scope.captured.has(name) && !scope.writtenElsewhere.has(name) && !scope.globals.has(name) && !scope.nonlocals.has(name)) possible.add(name);
    }
    if (possible.size > 0) {
      // One walk: every occurrence of those names (nested functions included) and, for each
      // `for NAME` loop of this function's own code (not of nested ones), the occurrences in its body.
      const occurrences = new Map<string, number>();
      const loops: { name: string; inside: number }[] = [];
      const visit = (n: py.Node, nested: boolean): void => {
        if (n._type === "Name") {
          if (possible.has(n.id)) occurrences.set(n.id, (occurrences.get(n.id) ?? 0) + 1);
          return;
        }
        if (!nested && n._type === "For" && n.target._type === "Name" && possible.has(n.target.id)) {
          const name = n.target.id;
          const loop = { name, inside: 0 };
          loops.push(loop);
          visit(n.target, false);
          visit(n.iter, false);
          const before = occurrences.get(name) ?? 0;
          for (const b of n.body) visit(b, false);
          loop.inside = (occurrences.get(name) ?? 0) - before;
          for (const b of n.orelse) visit(b, false);
          return;
        }
        const inner = nested || n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda";
        forEachChild(n, (c) => visit(c, inner));
      };
      for (const st of stmts) visit(st, false);
      for (const { name, inside } of loops) if ((occurrences.get(name) ?? 0) === inside + 1) result.add(name);
    }
    this.loopOnly.set(stmts, result);
    return result;
  }

  /** `let`/`const` for the first assignment of a name, or a plain assignment once declared. */
  private assignName(name: string, value: ir.Expr, line: number, type?: string): ir.Stmt {
    const scope = this.fn.scope;
    const js = safeName(name);
    const r = resolveName(scope, name, this.scopes);
    const ownScope = r.scope === scope && (r.where === "local" || (scope.kind === "module" && r.where === "global"));
    if (!ownScope || this.fn.declared.has(name)) {
      return { k: "expr", expr: { k: "assign", op: "=", target: id(js), value }, line };
    }
    this.fn.declared.add(name);
    // An imported module's variables stay assignable: other modules may set them (`config.debug = True`).
    const once = (scope.bindCount.get(name) ?? 0) === 1 && !scope.writtenElsewhere.has(name) && !(this.moduleForm && scope.kind === "module");
    // Python values flow anywhere: a name is `any` unless it holds a plain literal (or the program
    // annotated it), so what TS would infer from one use never rejects another.
    const declared = type ?? (once && value.k === "lit" && value.value !== null && value.value !== undefined ? undefined : once && value.k === "template" ? undefined : "any");
    return once
      ? { k: "var", decl: "const", name: js, type: declared, init: value, line }
      : { k: "var", decl: "let", name: js, type: type ?? "any", init: value, line };
  }

  // ───────────────────────────── statements ─────────────────────────────

  private stmts(list: py.Stmt[]): ir.Stmt[] {
    const out: ir.Stmt[] = [];
    for (const s of list) out.push(...this.stmtSafe(s));
    return out;
  }

  private stmt(s: py.Stmt): ir.Stmt[] {
    const line = s.lineno;
    switch (s._type) {
      case "Expr":
        return this.exprStatement(s);
      case "Pass":
        return [];
      case "Assign":
        return this.assign(s);
      case "AugAssign":
        return this.augAssign(s);
      case "AnnAssign": {
        if (!s.value) {
          if (s.target._type === "Name" && this.fn.scope.kind !== "class") {
            // `x: int` alone declares nothing at run time; keep the type for the reader.
            return [];
          }
          return [];
        }
        if (s.target._type === "Name") return [this.assignName(s.target.id, this.expr(s.value), line, annotationType(s.annotation))];
        return this.assignTo(s.target, this.expr(s.value), line);
      }
      case "If":
        return [{ k: "if", test: this.cond(s.test), then: this.stmts(s.body), else: s.orelse.length ? this.stmts(s.orelse) : undefined, line }];
      case "While":
        return this.whileLoop(s);
      case "For":
        return this.forLoop(s);
      case "AsyncFor":
        return this.asyncForLoop(s);
      case "Break": {
        const loop = this.fn.loops[this.fn.loops.length - 1];
        return [{ k: "break", label: loop?.breakLabel, line }];
      }
      case "Continue":
        return [{ k: "continue", line }];
      case "Return":
        return [{ k: "return", value: s.value ? this.expr(s.value) : undefined, line }];
      case "FunctionDef":
      case "AsyncFunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Import":
        return this.importStmt(s);
      case "ImportFrom":
        return this.importFrom(s);
      case "Global":
      case "Nonlocal":
        // Scope analysis already routed these names; nothing happens at run time.
        return [];
      case "Raise":
        return this.raise(s);
      case "Try":
      case "TryStar":
        return this.tryStmt(s);
      case "Assert": {
        const args = [this.cond(s.test)];
        if (s.msg) args.push(this.expr(s.msg));
        return [{ k: "expr", expr: this.rt("assert_", ...args), line }];
      }
      case "Delete":
        return this.deleteStmt(s);
      case "With":
      case "AsyncWith":
        return this.withStmt(s);
      case "Match":
        return this.matchStmt(s);
      default:
        return this.diags.error(s, "TSY1001", `'${describeStmt(s)}' is not supported yet`);
    }
  }

  private exprStatement(s: py.Expr): ir.Stmt[] {
    const v = s.value;
    if (v._type === "Constant" && typeof v.value === "string") {
      // A docstring or a bare string: carried over as a comment.
      return [{ k: "comment", text: v.value.trim() }];
    }
    const e = this.expr(v);
    // A dropped coroutine is reported when it dies in CPython ("was never awaited"): the runtime
    // needs the line of the statement that dropped it.
    if (v._type === "Call" && this.mayReturnCoroutine(v)) {
      return [{ k: "expr", expr: call(this.helperFrom("discard", ASYNCIO), e, lit(s.lineno)), line: s.lineno }];
    }
    return [{ k: "expr", expr: e, line: s.lineno }];
  }

  /** Calls of known coroutine functions (others are reported at exit, by the runtime, without the line). */
  private mayReturnCoroutine(c: py.Call): boolean {
    if (c.func._type !== "Name") return false;
    const known = this.lookupKnown(c.func.id);
    return known?.kind === "def" && known.coroutine;
  }

  private assign(s: py.Assign): ir.Stmt[] {
    const value = this.expr(s.value);
    if (s.targets.length === 1 && s.targets[0]._type === "Name" && this.isObjectConstruction(s.value)) this.objectNames.add(`${this.scopeId(this.fn.scope)}:${s.targets[0].id}`);
    if (s.targets.length === 1) return this.assignTo(s.targets[0], value, s.lineno);
    // a = b = value: evaluate once, assign left to right.
    const t = this.temp();
    const out: ir.Stmt[] = [{ k: "expr", expr: { k: "assign", op: "=", target: id(t), value }, line: s.lineno }];
    for (const target of s.targets) out.push(...this.assignTo(target, id(t), s.lineno));
    return out;
  }

  private assignTo(target: py.ExprNode, value: ir.Expr, line: number): ir.Stmt[] {
    switch (target._type) {
      case "Name":
        return [this.assignName(target.id, value, line)];
      case "Attribute":
        if (this.isSelf(target.value)) return [{ k: "expr", expr: { k: "assign", op: "=", target: this.attributeTarget(target), value }, line }];
        return [{ k: "expr", expr: this.rt("setattr", this.expr(target.value), lit(target.attr), value), line }];
      case "Subscript": {
        const obj = this.expr(target.value);
        if (target.slice._type === "Slice") {
          const sl = target.slice;
          return [{ k: "expr", expr: this.rt("setslice", obj, this.optExpr(sl.lower), this.optExpr(sl.upper), this.optExpr(sl.step), value), line }];
        }
        return [{ k: "expr", expr: this.rt("setitem", obj, this.expr(target.slice), value), line }];
      }
      case "Tuple":
      case "List": {
        const pattern = this.destructuringPattern(target);
        if (pattern) {
          // a, b = value → [a, b] = unpack(value, 2n, null): unpack checks the length as Python does.
          const star = target.elts.findIndex((e) => e._type === "Starred");
          return [{ k: "expr", expr: { k: "assign", op: "=", target: pattern, value: this.rt("unpack", value, lit(BigInt(target.elts.length)), lit(star < 0 ? null : BigInt(star))) }, line }];
        }
        // Unpack into a temporary array first (Python checks the length), then assign each target.
        const t = this.temp();
        const star = target.elts.findIndex((e) => e._type === "Starred");
        const out: ir.Stmt[] = [
          {
            k: "expr",
            expr: { k: "assign", op: "=", target: id(t), value: this.rt("unpack", value, lit(BigInt(target.elts.length)), lit(star < 0 ? null : BigInt(star))) },
            line,
          },
        ];
        target.elts.forEach((elt, i) => {
          const item: ir.Expr = { k: "index", object: id(t), index: lit(i) };
          out.push(...this.assignTo(elt._type === "Starred" ? elt.value : elt, item, line));
        });
        return out;
      }
      case "Starred":
        return this.diags.error(target, "TSY1002", "starred assignment target must be in a list or tuple");
      default:
        return this.diags.error(target, "TSY1003", `cannot assign to ${target._type}`);
    }
  }

  private isSelf(e: py.ExprNode): boolean {
    return e._type === "Name" && !!this.fn.selfName && e.id === this.fn.selfName;
  }

  /** `[a, b, this.c]` for a tuple target of plain names and attributes (JS can destructure into those). */
  private destructuringPattern(target: py.Tuple | py.List): ir.Expr | null {
    const elements: ir.Expr[] = [];
    for (const e of target.elts) {
      const inner = e._type === "Starred" ? e.value : e;
      if (inner._type === "Name") {
        this.ensureDeclared(inner.id);
        elements.push(id(safeName(inner.id)));
      } else if (inner._type === "Attribute" && this.isSelf(inner.value)) elements.push(this.attributeTarget(inner));
      else return null;
    }
    return { k: "array", elements };
  }

  private attributeTarget(t: py.Attribute): ir.Expr {
    return member(this.expr(t.value), safeProp(t.attr));
  }

  private augAssign(s: py.AugAssign): ir.Stmt[] {
    const op = BINOPS[s.op._type];
    const line = s.lineno;
    const inplace = (left: ir.Expr, right: ir.Expr): ir.Expr => this.binary(op, left, right, this.typeOfExpr(s.target), staticType(s.value, this.typeEnv()), true);
    switch (s.target._type) {
      case "Name": {
        const name = safeName(s.target.id);
        return [{ k: "expr", expr: { k: "assign", op: "=", target: id(name), value: inplace(this.expr(s.target), this.expr(s.value)) }, line }];
      }
      case "Attribute": {
        if (this.isSelf(s.target.value)) {
          const target = this.attributeTarget(s.target);
          return [{ k: "expr", expr: { k: "assign", op: "=", target, value: inplace(target, this.expr(s.value)) }, line }];
        }
        const obj = this.temp();
        return [
          { k: "expr", expr: { k: "assign", op: "=", target: id(obj), value: this.expr(s.target.value) }, line },
          { k: "expr", expr: this.rt("setattr", id(obj), lit(s.target.attr), inplace(this.getattr(id(obj), s.target.attr), this.expr(s.value))), line },
        ];
      }
      case "Subscript": {
        if (s.target.slice._type === "Slice") return this.diags.error(s.target, "TSY1004", "augmented assignment to a slice is not supported yet");
        const obj = this.temp();
        const key = this.temp();
        return [
          { k: "expr", expr: { k: "assign", op: "=", target: id(obj), value: this.expr(s.target.value) }, line },
          { k: "expr", expr: { k: "assign", op: "=", target: id(key), value: this.expr(s.target.slice) }, line },
          { k: "expr", expr: this.rt("setitem", id(obj), id(key), inplace(this.rt("getitem", id(obj), id(key)), this.expr(s.value))), line },
        ];
      }
      default:
        return this.diags.error(s.target, "TSY1003", "illegal target for augmented assignment");
    }
  }

  private whileLoop(s: py.While): ir.Stmt[] {
    const label = s.orelse.length ? this.temp("_loop") : undefined;
    if (label) this.fn.temps.pop();
    this.fn.loops.push({ breakLabel: label });
    const body = this.stmts(s.body);
    this.fn.loops.pop();
    const loop: ir.Stmt = { k: "while", test: this.cond(s.test), body, line: s.lineno };
    return this.withElse(loop, s.orelse, label);
  }

  /** `for ... else` / `while ... else`: the else block runs unless a `break` leaves the labelled block. */
  private withElse(loop: ir.Stmt, orelse: py.Stmt[], label: string | undefined): ir.Stmt[] {
    if (!label) return [loop];
    return [{ k: "block", label, body: [loop, ...this.stmts(orelse)], line: (loop as { line?: number }).line }];
  }

  private forLoop(s: py.For): ir.Stmt[] {
    const label = s.orelse.length ? this.temp("_loop") : undefined;
    if (label) this.fn.temps.pop();
    const iter = this.iterable(s.iter);
    let iterExpr = iter;
    this.fn.loops.push({ breakLabel: label });
    let head: ir.Expr;
    let decl: "const" | undefined;
    let prelude: ir.Stmt[] = [];
    if (s.target._type === "Name" && this.loopOnlyNames(this.currentBody).has(s.target.id) && !this.fn.declared.has(s.target.id)) {
      head = id(safeName(s.target.id));
      decl = "const";
      this.fn.declared.add(s.target.id);
    } else if (s.target._type === "Name") {
      head = id(safeName(s.target.id));
      this.ensureDeclared(s.target.id);
    } else if ((s.target._type === "Tuple" || s.target._type === "List") && this.destructuringPattern(s.target)) {
      // for x, y in pairs → for ([x, y] of unpack_each(pairs, 2n, null))
      const star = s.target.elts.findIndex((e) => e._type === "Starred");
      head = this.destructuringPattern(s.target)!;
      iterExpr = this.rt("unpack_each", iter, lit(BigInt(s.target.elts.length)), lit(star < 0 ? null : BigInt(star)));
    } else {
      const t = this.temp("_item");
      head = id(t);
      prelude = this.assignTo(s.target, id(t), s.lineno);
    }
    const body = [...prelude, ...this.stmts(s.body)];
    this.fn.loops.pop();
    const loop: ir.Stmt = { k: "for_of", decl, target: head, iter: iterExpr, body, line: s.lineno };
    return this.withElse(loop, s.orelse, label);
  }

  /** The statement list whose loops `loopOnlyNames` looks at: the current function's body. */
  private get currentBody(): py.Stmt[] {
    const node = this.fn.scope.node as { body?: unknown };
    return Array.isArray(node.body) ? (node.body as py.Stmt[]) : [];
  }

  private ensureDeclared(name: string): void {
    if (this.fn.declared.has(name)) return;
    const r = resolveName(this.fn.scope, name, this.scopes);
    if (r.scope !== this.fn.scope) return;
    this.fn.declared.add(name);
    this.fn.temps.push(safeName(name));
  }

  private iterable(e: py.ExprNode): ir.Expr {
    return this.expr(e);
  }

  private asyncForLoop(s: py.AsyncFor): ir.Stmt[] {
    if (!this.fn.isCoroutine) return this.diags.error(s, "TSY2002", "'async for' outside async function");
    const label = s.orelse.length ? this.temp("_loop") : undefined;
    if (label) this.fn.temps.pop();
    this.fn.loops.push({ breakLabel: label });
    const body = this.stmts(s.body);
    this.fn.loops.pop();
    const [init, loop] = this.asyncLoop(s.target, this.expr(s.iter), body, s.lineno);
    return [init, ...this.withElse(loop, s.orelse, label)];
  }

  /**
   * async for x in it: body  →
   *   _aiter = aiter(it);
   *   while (true) { _item = yield* anext_or_stop(_aiter); if (_item === STOP_ASYNC_ITERATION) break; x = _item; body }
   */
  private asyncLoop(target: py.ExprNode, iterable: ir.Expr, body: ir.Stmt[], line: number): [ir.Stmt, ir.Stmt] {
    const it = this.temp("_aiter");
    const item = this.temp("_item");
    const stop = this.helper("STOP_ASYNC_ITERATION");
    const loopBody: ir.Stmt[] = [
      { k: "expr", expr: { k: "assign", op: "=", target: id(item), value: { k: "yield", delegate: true, arg: this.rt("anext_or_stop", id(it)) } }, line },
      { k: "if", test: { k: "binary", op: "===", left: id(item), right: stop }, then: [{ k: "break" }] },
      ...this.assignTo(target, id(item), line),
      ...body,
    ];
    return [
      { k: "expr", expr: { k: "assign", op: "=", target: id(it), value: this.rt("aiter", iterable) }, line },
      { k: "while", test: lit(true), body: loopBody, line },
    ];
  }

  private raise(s: py.Raise): ir.Stmt[] {
    if (!s.exc) {
      // Inside an except block (in this function) the exception being handled is known by name
      // ("" in an except* clause).
      const handled = this.fn.handling[this.fn.handling.length - 1];
      return [{ k: "throw", value: handled ? id(handled) : this.rt("reraise"), line: s.lineno }];
    }
    const exc = this.exceptionValue(s.exc);
    if (s.cause) return [{ k: "throw", value: this.rt("with_cause", exc, this.exceptionValue(s.cause)), line: s.lineno }];
    return [{ k: "throw", value: exc, line: s.lineno }];
  }

  /** `raise ValueError` raises an instance: a class is called with no arguments. */
  private exceptionValue(e: py.ExprNode): ir.Expr {
    if (e._type === "Name" && (BUILTIN_EXCEPTIONS.has(e.id) || this.lookupKnown(e.id)?.kind === "class")) {
      const r = resolveName(this.fn.scope, e.id, this.scopes);
      if (r.where === "builtin" || this.lookupKnown(e.id)?.kind === "class") return { k: "new", callee: this.expr(e), args: [] };
    }
    if (e._type === "Constant" || (e._type === "Call" && this.constructsException(e))) return this.expr(e);
    // Anything else may be a class (`raise random.choice([E1, E2])`): the runtime instantiates it.
    return this.rt("exception_instance", this.expr(e));
  }

  /** A call that certainly builds an instance: a builtin exception, a known class, a runtime class. */
  private constructsException(e: py.Call): boolean {
    const f = e.func;
    if (f._type === "Name") {
      const r = resolveName(this.fn.scope, f.id, this.scopes);
      return (r.where === "builtin" && BUILTIN_EXCEPTIONS.has(f.id)) || this.lookupKnown(f.id)?.kind === "class";
    }
    if (f._type === "Attribute" && f.value._type === "Name") {
      const known = this.lookupKnown(f.value.id);
      return known?.kind === "module" && !!STDLIB[known.name]?.classes.has(f.attr);
    }
    return false;
  }

  private tryStmt(s: py.Try | py.TryStar): ir.Stmt[] {
    const line = s.lineno;
    let body = this.stmts(s.body);
    let handlerBody: ir.Stmt[] | undefined;
    let catchName: string | undefined;
    if (s.handlers.length && s._type === "TryStar") {
      catchName = this.temp("_e");
      this.fn.temps.pop();
      handlerBody = this.exceptStarHandlers(s, catchName);
    } else if (s.handlers.length) {
      catchName = this.temp("_e");
      this.fn.temps.pop();
      const exc = this.temp("_exc");
      const handlers = (): ir.Stmt[] => {
        const chain: { test: ir.Expr | null; body: ir.Stmt[] }[] = [];
        for (const h of s.handlers) {
          const bind: ir.Stmt[] = h.name ? [this.assignName(h.name, id(exc), h.lineno)] : [];
          if (h.name) this.fn.declared.add(h.name);
          const hbody = [...bind, ...this.stmts(h.body)];
          // CPython deletes the `as` name when the handler ends.
          if (h.name && this.fn.unbound?.names.has(h.name) && !endsAbruptly(h.body)) hbody.push(this.unbindName(h.name));
          chain.push({ test: h.type ? this.rt("exception_matches", id(exc), this.expr(h.type)) : null, body: hbody.length ? hbody : [] });
        }
        // if (matches(A)) {...} else if (matches(B)) {...} else { throw _exc }
        let tail: ir.Stmt[] = [{ k: "throw", value: id(exc) }];
        for (let i = chain.length - 1; i >= 0; i--) {
          const c = chain[i];
          tail = c.test ? [{ k: "if", test: c.test, then: c.body, else: tail }] : c.body;
        }
        return tail;
      };
      handlerBody = [
        { k: "expr", expr: { k: "assign", op: "=", target: id(exc), value: call(this.helper("to_exception"), id(catchName)) }, line },
        ...this.exceptionContext(exc, handlers),
      ];
    }
    if (s.orelse.length) {
      // try: A except: B else: C  →  let ok = false; try { A; ok = true } catch { B }; if (ok) C   (inside any finally)
      const ok = this.temp("_ok");
      body = [...body, { k: "expr", expr: { k: "assign", op: "=", target: id(ok), value: lit(true) } }];
      const inner: ir.Stmt[] = [
        { k: "expr", expr: { k: "assign", op: "=", target: id(ok), value: lit(false) }, line },
        { k: "try", body, catchName, handler: handlerBody, line },
        { k: "if", test: id(ok), then: this.stmts(s.orelse) },
      ];
      if (!s.finalbody.length) return inner;
      return [{ k: "try", body: inner, finalizer: this.stmts(s.finalbody), line }];
    }
    return [{ k: "try", body, catchName, handler: handlerBody, finalizer: s.finalbody.length ? this.stmts(s.finalbody) : undefined, line }];
  }

  /**
   * except* (PEP 654): each handler takes the part of the exception group it matches; what no
   * handler matched, and anything the handlers raised, is raised again at the end.
   *   _exc = to_exception(_e); _rest = star_begin(_exc); _raised = [];
   *   [_match, _rest] = star_split(_rest, ValueError); if (_match !== null) { eg = _match; try { ... } catch (_e2) { _raised.push(_e2) } }
   *   star_end(_exc, _rest, _raised);
   */
  private exceptStarHandlers(s: py.TryStar, catchName: string): ir.Stmt[] {
    const exc = this.temp("_exc");
    const rest = this.temp("_rest");
    const raised = this.temp("_raised");
    const match = this.temp("_match");
    const out: ir.Stmt[] = [
      { k: "expr", expr: { k: "assign", op: "=", target: id(exc), value: call(this.helper("to_exception"), id(catchName)) }, line: s.lineno },
      { k: "expr", expr: { k: "assign", op: "=", target: id(rest), value: this.rt("star_begin", id(exc)) } },
      { k: "expr", expr: { k: "assign", op: "=", target: id(raised), value: { k: "array", elements: [] } } },
    ];
    for (const h of s.handlers) {
      if (!h.type) return this.diags.error(h, "TSY1041", "except* needs an exception type");
      const inner = this.temp("_e");
      this.fn.temps.pop();
      const bind: ir.Stmt[] = h.name ? [this.assignName(h.name, id(match), h.lineno)] : [];
      if (h.name) this.fn.declared.add(h.name);
      out.push(
        { k: "expr", expr: { k: "assign", op: "=", target: { k: "array", elements: [id(match), id(rest)] }, value: this.rt("star_split", id(rest), this.expr(h.type)) }, line: h.lineno },
        {
          k: "if",
          test: { k: "binary", op: "!==", left: id(match), right: lit(null) },
          then: [
            {
              k: "try",
              body: this.exceptionContext(match, () => [...bind, ...this.stmts(h.body)], true),
              catchName: inner,
              handler: [{ k: "expr", expr: call(member(id(raised), "push"), call(this.helper("to_exception"), id(inner))) }],
            },
          ],
        },
      );
    }
    out.push({ k: "expr", expr: this.rt("star_end", id(exc), id(rest), id(raised)) });
    return out;
  }

  /** While a handler runs, the caught exception is the "current" one (bare `raise`, `__context__`). */
  /** An exception escaping the handler gets the handled one as its `__context__` (implicit chaining). */
  private exceptionContext(exc: string, lowerBody: () => ir.Stmt[], star = false): ir.Stmt[] {
    const saved = this.temp("_prev");
    const escaping = this.temp("_e");
    this.fn.temps.pop();
    // A bare `raise` in an except* clause goes through the runtime, which marks the exception as
    // re-raised so that star_end keeps the original group's shape.
    this.fn.handling.push(star ? "" : exc);
    let body: ir.Stmt[];
    try {
      body = lowerBody();
    } finally {
      this.fn.handling.pop();
    }
    return [
      { k: "expr", expr: { k: "assign", op: "=", target: id(saved), value: call(this.helper("enter_except"), id(exc)) } },
      {
        k: "try",
        body,
        catchName: escaping,
        handler: [{ k: "throw", value: call(this.helper("chain_context"), id(escaping), id(exc)) }],
        finalizer: [{ k: "expr", expr: call(this.helper("exit_except"), id(saved)) }],
      },
    ];
  }

  private deleteStmt(s: py.Delete): ir.Stmt[] {
    const out: ir.Stmt[] = [];
    for (const t of s.targets) {
      if (t._type === "Subscript") out.push({ k: "expr", expr: this.rt("delitem", this.expr(t.value), this.expr(t.slice)), line: s.lineno });
      else if (t._type === "Attribute") out.push({ k: "expr", expr: this.rt("delattr", this.expr(t.value), lit(t.attr)), line: s.lineno });
      else if (t._type === "Name") out.push(this.unbindName(t.id, s.lineno));
      else this.diags.error(t, "TSY1005", `cannot delete ${t._type}`);
    }
    return out;
  }

  private withStmt(s: py.With | py.AsyncWith): ir.Stmt[] {
    const isAsync = s._type === "AsyncWith";
    if (isAsync && !this.fn.isCoroutine) return this.diags.error(s, "TSY2003", "'async with' outside async function");
    // Nested items are nested statements: with a, b: → with a: with b:
    const [first, ...rest] = s.items;
    const inner: ir.Stmt[] = rest.length ? this.withStmt({ ...s, items: rest } as py.With) : this.stmts(s.body);
    const mgr = this.temp("_mgr");
    const ok = this.temp("_ok");
    const enter = isAsync
      ? ({ k: "yield", delegate: true, arg: call(this.helperFrom("awaitable", ASYNCIO), call(member(id(mgr), "__aenter__"))) } as ir.Expr)
      : call(member(id(mgr), "__enter__"));
    const exit = (...args: ir.Expr[]): ir.Expr =>
      isAsync
        ? { k: "yield", delegate: true, arg: call(this.helperFrom("awaitable", ASYNCIO), call(member(id(mgr), "__aexit__"), ...args)) }
        : call(member(id(mgr), "__exit__"), ...args);
    const value = this.temp("_value");
    const bind = first.optional_vars ? this.assignTo(first.optional_vars, id(value), s.lineno) : [];
    const caught = this.temp("_e");
    this.fn.temps.pop();
    const excVar = this.temp("_exc");
    return [
      { k: "expr", expr: { k: "assign", op: "=", target: id(mgr), value: this.expr(first.context_expr) }, line: s.lineno },
      { k: "expr", expr: { k: "assign", op: "=", target: id(value), value: enter }, line: s.lineno },
      { k: "expr", expr: { k: "assign", op: "=", target: id(ok), value: lit(true) } },
      {
        k: "try",
        body: [...bind, ...inner],
        catchName: caught,
        handler: [
          { k: "expr", expr: { k: "assign", op: "=", target: id(ok), value: lit(false) } },
          { k: "expr", expr: { k: "assign", op: "=", target: id(excVar), value: call(this.helper("to_exception"), id(caught)) } },
          {
            k: "if",
            test: { k: "unary", op: "!", arg: this.rt("truthy", exit(this.rt("type", id(excVar)), id(excVar), lit(null))) },
            then: [{ k: "throw", value: id(excVar) }],
            // __exit__ runs at the `with` line (a traceback through it names that line).
            line: s.lineno,
          },
        ],
        finalizer: [{ k: "if", test: id(ok), then: [{ k: "expr", expr: exit(lit(null), lit(null), lit(null)), line: s.lineno }] }],
        line: s.lineno,
      },
    ];
  }

  // ───────────────────────────── match ─────────────────────────────

  /**
   * match s: case P if g: A  case Q: B   →   _subject = s; if (P(_subject) && g) { A } else if (Q(_subject)) { B }
   * Each pattern becomes a boolean expression that binds its captures as it goes (CPython, too,
   * may leave captures of a failed case bound).
   */
  private matchStmt(s: py.Match): ir.Stmt[] {
    const subject = this.temp("_subject");
    let chain: ir.Stmt[] | undefined;
    for (const c of [...s.cases].reverse()) {
      let test = this.pattern(c.pattern, id(subject));
      if (c.guard) test = { k: "binary", op: "&&", left: test, right: this.cond(c.guard) };
      const body = this.stmts(c.body);
      chain = isTrue(test) ? body : [{ k: "if", test, then: body, else: chain, line: c.pattern.lineno }];
    }
    return [{ k: "expr", expr: { k: "assign", op: "=", target: id(subject), value: this.expr(s.subject) }, line: s.lineno }, ...(chain ?? [])];
  }

  /** A pattern as a boolean expression over `subject` (an expression that is cheap and pure to repeat). */
  private pattern(p: py.Pattern, subject: ir.Expr): ir.Expr {
    const and = (...parts: ir.Expr[]): ir.Expr => {
      const useful = parts.filter((x) => !isTrue(x));
      return useful.length ? useful.reduce((l, r) => ({ k: "binary", op: "&&", left: l, right: r })) : lit(true);
    };
    const capture = (name: string, value: ir.Expr): ir.Expr => {
      this.ensureDeclared(name);
      return { k: "seq", exprs: [{ k: "assign", op: "=", target: id(safeName(name)), value }, lit(true)] };
    };
    switch (p._type) {
      case "MatchValue":
        return this.rt("eq", subject, this.expr(p.value));
      case "MatchSingleton":
        return { k: "binary", op: p.value === null ? "==" : "===", left: subject, right: lit(p.value as boolean | null) };
      case "MatchAs": {
        const inner = p.pattern ? this.pattern(p.pattern, subject) : lit(true);
        return p.name ? and(inner, capture(p.name, subject)) : inner;
      }
      case "MatchOr":
        return p.patterns.map((q) => this.pattern(q, subject)).reduce((l, r) => ({ k: "binary", op: "||", left: l, right: r }));
      case "MatchSequence": {
        const items = this.temp("_items");
        const star = p.patterns.findIndex((q) => q._type === "MatchStar");
        const parts: ir.Expr[] = [
          { k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(items), value: this.rt("match_sequence", subject, lit(BigInt(p.patterns.length)), lit(star < 0 ? null : BigInt(star))) }, right: lit(null) },
        ];
        p.patterns.forEach((q, i) => {
          const item: ir.Expr = { k: "index", object: id(items), index: lit(i) };
          if (q._type === "MatchStar") parts.push(q.name ? capture(q.name, item) : lit(true));
          else parts.push(this.pattern(q, item));
        });
        return and(...parts);
      }
      case "MatchMapping": {
        const values = this.temp("_values");
        const keys: ir.Expr = { k: "array", elements: p.keys.map((k) => this.expr(k)) };
        const parts: ir.Expr[] = [{ k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(values), value: this.rt("match_mapping", subject, keys) }, right: lit(null) }];
        p.patterns.forEach((q, i) => parts.push(this.pattern(q, { k: "index", object: id(values), index: lit(i) })));
        if (p.rest) parts.push(capture(p.rest, this.rt("mapping_rest", subject, keys)));
        return and(...parts);
      }
      case "MatchClass": {
        const values = this.temp("_fields");
        const kwd: ir.Expr = { k: "array", elements: p.kwd_attrs.map((a) => lit(a)) };
        const parts: ir.Expr[] = [
          { k: "binary", op: "!==", left: { k: "assign", op: "=", target: id(values), value: this.rt("match_class", subject, this.expr(p.cls), lit(BigInt(p.patterns.length)), kwd) }, right: lit(null) },
        ];
        [...p.patterns, ...p.kwd_patterns].forEach((q, i) => parts.push(this.pattern(q, { k: "index", object: id(values), index: lit(i) })));
        return and(...parts);
      }
      case "MatchStar":
        return this.diags.error(p, "TSY1040", "starred pattern outside a sequence pattern");
    }
  }

  private importStmt(s: py.Import): ir.Stmt[] {
    const out: ir.Stmt[] = [];
    for (const a of s.names) {
      const top = a.name.split(".")[0];
      const chain = localChain(this.options.modules, a.name);
      if (chain) {
        // `import a.b` binds `a` (the whole chain imported); `import a.b as m` binds `a.b`.
        const helper = !a.asname && chain.length > 1 ? "import_top_module" : "import_module";
        out.push(this.assignName(a.asname ?? top, call(this.helperFrom(helper, PROGRAM), ...chain.map((m) => this.localModuleRef(m))), s.lineno));
        continue;
      }
      const info = STDLIB[a.name];
      if (!info) return [...out, ...this.missingModule(s, a.name)];
      this.knownIn(this.fn.scope).set(a.asname ?? top, { kind: "module", name: a.name });
      if (this.fn.scope.kind === "module") this.imports.namespace(safeName(a.asname ?? top), info.from);
      else out.push(this.assignName(a.asname ?? top, id(this.moduleNamespace(a.name, info.from)), s.lineno));
    }
    return out;
  }

  /** An import inside a function: the module's namespace imported at the top under a name of its own. */
  private moduleNamespace(name: string, from: string): string {
    const alias = `_${name.replace(/\./g, "_")}_module`;
    this.imports.namespace(alias, from);
    return alias;
  }

  private importFrom(s: py.ImportFrom): ir.Stmt[] {
    const modName = s.module ?? "";
    if (modName === "__future__") return [];
    const resolved = absoluteName(this.identity(), s.level ?? 0, s.module);
    if ("error" in resolved) return this.diags.error(s, "TSY3003", `relative import: ${resolved.error}`, "run the program from a script that imports this package");
    const chain = localChain(this.options.modules, resolved.name);
    if (chain) {
      const out: ir.Stmt[] = [];
      for (const a of s.names) {
        if (a.name === "*") return this.diags.error(s, "TSY1007", "'import *' is not supported", "import the names you use");
        // `from pkg import mod`: the package's attribute, or else its submodule of that name.
        const sub = localChain(this.options.modules, `${resolved.name}.${a.name}`);
        const args: ir.Expr[] = [call(this.helperFrom("import_module", PROGRAM), ...chain.map((m) => this.localModuleRef(m))), lit(a.name)];
        if (sub) args.push(this.localModuleRef(sub[sub.length - 1]));
        out.push(this.assignName(a.asname ?? a.name, call(this.helperFrom("import_from", PROGRAM), ...args), s.lineno));
      }
      return out;
    }
    const info = STDLIB[modName];
    if (!info || s.level) return this.missingModule(s, resolved.name);
    if (this.fn.scope.kind !== "module") {
      // Inside a function: local names bound from the module's namespace (imported at the top).
      const out: ir.Stmt[] = [];
      for (const a of s.names) {
        if (a.name === "*") return this.diags.error(s, "TSY1007", "'import *' is not supported", "import the names you use");
        // A name the runtime lacks: ImportError when the line runs inside `try`, else reported now.
        if (!info.names.has(a.name) && !this.guardedImports.has(s)) return this.diags.error(s, "TSY3004", `'${a.name}' is not available in tsyncio's runtime module '${modName}'`);
        const ns = this.moduleNamespace(modName, info.from);
        out.push(this.assignName(a.asname ?? a.name, call(this.helperFrom("import_runtime_name", PROGRAM), id(ns), lit(modName), lit(a.name)), s.lineno));
        this.knownIn(this.fn.scope).set(a.asname ?? a.name, { kind: "runtime-name", module: modName, name: a.name });
      }
      return out;
    }
    for (const a of s.names) {
      if (a.name === "*") return this.diags.error(s, "TSY1007", "'import *' is not supported", "import the names you use");
      if (!info.names.has(a.name)) return this.diags.error(s, "TSY3004", `'${a.name}' is not available in tsyncio's runtime module '${modName}'`);
      const local = safeName(a.asname ?? a.name);
      this.imports.use(a.name, local, info.from);
      this.knownIn(this.fn.scope).set(a.asname ?? a.name, { kind: "runtime-name", module: modName, name: a.name });
    }
    return [];
  }

  /**
   * A module that is neither the program's own nor the runtime's. CPython's own stdlib modules are
   * "not available"; any other name is missing in CPython too: inside a `try` it raises
   * ModuleNotFoundError when the line runs (so `except ImportError:` fallbacks work), elsewhere it is
   * reported now.
   */
  private missingModule(s: py.Import | py.ImportFrom, fullName: string): ir.Stmt[] {
    const top = fullName.split(".")[0];
    // CPython names the first module of the chain that it cannot find.
    const parts = fullName.split(".");
    let found = 0;
    while (found < parts.length && localChain(this.options.modules, parts.slice(0, found + 1).join("."))) found++;
    const name = parts.slice(0, found + 1).join(".");
    if (CPYTHON_STDLIB.has(top) || STDLIB[top])
      return this.diags.error(s, "TSY3001", `module '${name}' is not available in tsyncio's runtime`, `supported modules: ${Object.keys(STDLIB).join(", ")}`);
    if (this.guardedImports.has(s)) return [{ k: "expr", expr: call(this.helperFrom("module_not_found", PROGRAM), lit(name)), line: s.lineno }];
    const where = this.options.modules ? "no such .py file or package next to the main script" : "a single source cannot import other files; translate the program's folder (tsyncio run / --outdir)";
    return this.diags.error(s, "TSY3002", `no module named '${name}': it is neither the program's own nor in tsyncio's runtime`, where);
  }

  // ───────────────────────────── functions ─────────────────────────────

  private functionDef(s: py.FunctionDef | py.AsyncFunctionDef): ir.Stmt[] {
    const coroutine = s._type === "AsyncFunctionDef";
    const decorators = s.decorator_list;
    const scope = this.fn.scope;
    if ((scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name) && !decorators.length)
      this.knownIn(scope).set(s.name, { kind: "def", node: s, coroutine });
    const fnExpr = this.functionExpression(s, coroutine, this.fn.qualname ? `${this.fn.qualname}.<locals>.${s.name}` : s.name);
    if (s._type === "AsyncFunctionDef" && this.legacy.has(s)) {
      // CPython 3.10 warns as the decorator runs, just before the name is bound.
      fnExpr.hoisted.push({ k: "expr", expr: call(this.helperFrom("warn_legacy_coroutine", PROGRAM), this.fileExpr(), lit(s.lineno)), line: s.lineno });
    }
    // Decorated: the function expression stays anonymous, so that its name inside the body means the
    // decorated function (what Python's name lookup finds), e.g. recursion through @lru_cache.
    let value: ir.Expr = fnExpr.value;
    if (decorators.length && fnExpr.fn) {
      // ...and carries its Python identity (decorators such as functools.wraps read it).
      fnExpr.fn.name = undefined;
      const doc = docstring(s.body);
      const info: { key: string; value: ir.Expr }[] = [
        { key: "name", value: lit(s.name) },
        { key: "qualname", value: lit(this.fn.qualname ? `${this.fn.qualname}.<locals>.${s.name}` : s.name) },
      ];
      if (doc !== null) info.push({ key: "doc", value: lit(doc) });
      value = call(this.helperFrom("define_function", PROGRAM), value, { k: "object", props: info });
    }
    for (const d of [...decorators].reverse()) value = this.callValue(this.expr(d), [value]);
    // A plain function keeps the familiar declaration form when nothing rebinds its name.
    const once = (scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name);
    if (!coroutine && !decorators.length && once && fnExpr.fn && this.isTopLevelOf(s)) {
      this.fn.declared.add(s.name);
      // The docstring becomes `__doc__` only when the program reads some `__doc__`.
      const doc = this.readsDoc ? docstring(s.body) : null;
      const setDoc: ir.Stmt[] = doc === null ? [] : [{ k: "expr", expr: { k: "assign", op: "=", target: member(id(safeName(s.name)), "__doc__"), value: lit(doc) }, line: s.lineno }];
      return [...fnExpr.hoisted, { k: "function", fn: fnExpr.fn, line: s.lineno }, ...setDoc];
    }
    return [...fnExpr.hoisted, this.assignName(s.name, value, firstLine(s))];
  }

  /** Whether a statement sits directly in the current function's body (not inside an if/loop/try). */
  private isTopLevelOf(s: py.Stmt): boolean {
    return this.currentBody.includes(s);
  }

  /**
   * A Python function as a JS function expression (and, for coroutines, wrapped by
   * `coroutine_function`). Defaults that are not literals are evaluated once, at `def` time, into
   * constants declared before the function, as Python does.
   */
  private functionExpression(
    s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda,
    coroutine: boolean,
    qualname: string,
    method?: { className: string; selfName?: string },
  ): { value: ir.Expr; fn?: ir.FunctionLike; hoisted: ir.Stmt[] } {
    const scope = this.scopes.get(s)!;
    const hoisted: ir.Stmt[] = [];
    const params = this.parameters(s.args, hoisted, method?.selfName);
    const outer = this.fn;
    const isGenerator = scope.isGenerator && !coroutine;
    this.fn = this.newFunctionContext(scope, qualname, coroutine, isGenerator);
    this.fn.className = method?.className;
    if (method?.selfName) {
      this.fn.selfName = method.selfName;
      this.fn.selfBox = { used: false };
    } else if (outer.selfName && !scope.bound.has(outer.selfName)) {
      // A nested function has its own `this`: it reaches the method's receiver through `self`.
      this.fn.selfName = outer.selfName;
      this.fn.selfAlias = outer.selfAlias ?? "self";
      this.fn.selfBox = outer.selfBox;
    }
    let body: ir.Stmt[];
    const extra: ir.Stmt[] = this.bindingPrologue(s.args);
    if (s._type === "Lambda") {
      body = [...extra, { k: "return", value: this.expr(s.body) }];
      if (this.fn.temps.length) body.unshift({ k: "vars", names: this.fn.temps.map((name) => ({ name, type: "any" })) });
    } else {
      body = this.functionBody(s.body, extra);
      if (isGenerator) {
        // PEP 479: a StopIteration escaping a generator's body becomes a RuntimeError.
        const escaping = this.temp("_e");
        this.fn.temps.pop();
        body = [{ k: "try", body, catchName: escaping, handler: [{ k: "throw", value: call(this.helper("generator_stop"), id(escaping)) }] }];
      }
    }
    const needsSelfAlias = method?.selfName ? this.fn.selfBox?.used : false;
    this.fn = outer;
    if (needsSelfAlias && method?.selfName) body.unshift({ k: "var", decl: "const", name: "self", init: { k: "this" } });
    if (s._type === "Lambda" && !coroutine) {
      return { value: { k: "arrow", params: params.list, body, returnType: "any", pyName: "<lambda>" }, hoisted };
    }
    const name = s._type === "Lambda" ? undefined : safeName(s.name);
    const fn: ir.FunctionLike = {
      // A coroutine's generator stays anonymous: a named function expression would bind its own
      // name inside the body, so a recursive call would get the bare generator, not the coroutine.
      name: method || coroutine ? undefined : name,
      pyName: s._type === "Lambda" ? "<lambda>" : s.name,
      params: params.list,
      returnType: coroutine || isGenerator ? CORO_TYPE : "any",
      body,
      generator: coroutine || isGenerator,
      line: s.lineno,
    };
    if (!coroutine) return { value: { k: "function", fn }, fn, hoisted };
    const info: ir.Expr = {
      k: "object",
      props: [
        { key: "qualname", value: lit(qualname) },
        { key: "filename", value: this.fileExpr() },
        { key: "firstlineno", value: lit(firstLine(s)) },
      ],
    };
    const wrapper = scope.isGenerator && s._type === "AsyncFunctionDef" && !this.legacy.has(s) ? "async_generator_function" : "coroutine_function";
    return { value: call(this.helperFrom(wrapper, ASYNCIO), { k: "function", fn }, info), hoisted };
  }

  private fileExpr(): ir.Expr {
    this.usesFile = true;
    return id("__file__");
  }

  private parameters(args: py.Arguments, hoisted: ir.Stmt[], selfName?: string): { list: ir.Param[] } {
    const list: ir.Param[] = [];
    const positional = [...args.posonlyargs, ...args.args];
    const firstDefault = positional.length - args.defaults.length;
    positional.forEach((a, i) => {
      if (i === 0 && selfName) return;
      const d = i >= firstDefault ? args.defaults[i - firstDefault] : null;
      list.push({ name: safeName(a.arg), type: a.annotation ? annotationType(a.annotation) : "any", init: d ? this.defaultValue(d, hoisted) : undefined });
    });
    if (args.vararg || args.kwonlyargs.length || args.kwarg) list.push({ name: this.restName(args), type: "any[]", rest: true });
    return { list };
  }

  /** The JS rest parameter that receives `*args` and a trailing `kw(...)` for keyword-only and `**kwargs`. */
  private restName(args: py.Arguments): string {
    return args.vararg && !args.kwonlyargs.length && !args.kwarg ? safeName(args.vararg.arg) : "$rest";
  }

  /** Binds *args, keyword-only parameters and **kwargs from the rest parameter. */
  private bindingPrologue(args: py.Arguments): ir.Stmt[] {
    if (!args.vararg && !args.kwonlyargs.length && !args.kwarg) return [];
    if (args.vararg && !args.kwonlyargs.length && !args.kwarg) {
      // *args alone: the rest array becomes a tuple.
      const n = safeName(args.vararg.arg);
      return [{ k: "expr", expr: { k: "assign", op: "=", target: id(n), value: this.rt("varargs", id(n)) } }];
    }
    const positional = args.posonlyargs.length + args.args.length;
    const spec: ir.Expr = {
      k: "object",
      props: [
        { key: "name", value: lit(this.fn.qualname) },
        { key: "positional", value: lit(positional) },
        ...(args.defaults.length ? [{ key: "optional", value: lit(args.defaults.length) }] : []),
        { key: "kwonly", value: { k: "array", elements: args.kwonlyargs.map((a) => lit(a.arg)) } },
        { key: "defaults", value: { k: "array", elements: args.kw_defaults.map((d) => (d ? this.expr(d) : lit(undefined))) } },
        { key: "varargs", value: lit(!!args.vararg) },
        { key: "kwargs", value: lit(!!args.kwarg) },
      ],
    };
    const bound = this.temp("_args");
    const out: ir.Stmt[] = [{ k: "expr", expr: { k: "assign", op: "=", target: id(bound), value: this.rt("bind_rest", id("$rest"), spec) } }];
    if (args.vararg) out.push({ k: "var", decl: "let", name: safeName(args.vararg.arg), type: "any", init: member(id(bound), "args") });
    for (const a of args.kwonlyargs) out.push({ k: "var", decl: "let", name: safeName(a.arg), type: "any", init: { k: "index", object: member(id(bound), "kw"), index: lit(a.arg) } });
    if (args.kwarg) out.push({ k: "var", decl: "let", name: safeName(args.kwarg.arg), type: "any", init: member(id(bound), "kwargs") });
    for (const a of [...args.kwonlyargs, ...(args.vararg ? [args.vararg] : []), ...(args.kwarg ? [args.kwarg] : [])]) this.fn.declared.add(a.arg);
    return out;
  }

  private defaultValue(d: py.ExprNode, hoisted: ir.Stmt[]): ir.Expr {
    if (d._type === "Constant" && typeof d.value !== "object") return this.expr(d);
    if (d._type === "Constant" && d.value === null) return lit(null);
    if (d._type === "UnaryOp" && d.operand._type === "Constant") return this.expr(d);
    // Evaluated once, when the `def` runs, like Python's defaults.
    const name = this.temp("_default");
    this.fn.temps.pop();
    hoisted.push({ k: "var", decl: "const", name, type: "any", init: this.expr(d), line: d.lineno });
    return id(name);
  }

  // ───────────────────────────── classes ─────────────────────────────

  /**
   * `nested`: a class defined in another class's body. It is built as an expression (its JS name
   * is its Python name, so nothing outside sees it) into the const `nested.binding`, which the
   * enclosing class then holds as a class attribute.
   */
  private classDef(s: py.ClassDef, nested?: { qualname: string; binding: string }): ir.Stmt[] {
    const scope = this.fn.scope;
    const classScope = this.scopes.get(s)!;
    if ((scope.bindCount.get(s.name) ?? 0) === 1 && !scope.writtenElsewhere.has(s.name)) this.knownIn(scope).set(s.name, { kind: "class", node: s });
    if (s.keywords.length) {
      // `class C(metaclass=ABCMeta)` is `class C(ABC)` (the runtime's ABCMeta is ABC); other metaclasses are not supported.
      const k = s.keywords[0];
      if (s.keywords.length === 1 && k.arg === "metaclass" && !s.bases.length && this.isAbcMeta(k.value)) {
        // Rewritten in place: the scope table is keyed by this node.
        s.bases = [k.value];
        s.keywords = [];
        return this.classDef(s, nested);
      }
      return this.diags.error(s, "TSY1010", "class keywords (metaclass=...) are not supported yet");
    }
    if (s.bases.some((b) => b._type === "Starred")) return this.diags.error(s, "TSY1011", "class bases given with * are not supported yet");
    // A computed base (Generic[T], a call) is typed `any` so TS accepts whatever it builds.
    const simpleBase = s.bases.length && (s.bases[0]._type === "Name" || s.bases[0]._type === "Attribute");
    const base = !s.bases.length
      ? this.helper("PyObject")
      : s.bases.length > 1
        ? // Several bases: the runtime chains copies of them in C3 order.
          this.rt("multiple_bases", ...s.bases.map((b) => this.expr(b)))
        : simpleBase
        ? this.expr(s.bases[0])
        : ({ k: "as", expr: this.expr(s.bases[0]), type: `typeof ${this.imports.helper("PyObject", RUNTIME)}` } as ir.Expr);
    const name = safeName(s.name);
    const qualname = nested ? nested.qualname : this.fn.qualname ? `${this.fn.qualname}.<locals>.${s.name}` : s.name;
    const members: ir.ClassMember[] = [];
    const after: ir.Stmt[] = [];
    const hoisted: ir.Stmt[] = [];
    const instanceAttrs = new Set<string>();
    const classAttrs: { key: string; value: ir.Expr }[] = [];
    const annotations: { key: string; value: ir.Expr }[] = [];
    const coroutineMethods: { key: string; value: ir.Expr }[] = [];
    const asyncGenMethods: { key: string; value: ir.Expr }[] = [];
    const methodDecorators: { name: string; isStatic: boolean; getter: boolean; decorators: ir.Expr[]; line: number }[] = [];
    const overridden = this.baseMethodNames(s);
    const staticNames: string[] = [];
    const classMethodNames: string[] = [];
    const outer = this.fn;
    this.fn = { ...this.newFunctionContext(classScope, qualname, false, false), className: s.name };
    for (const item of s.body) {
      try {
        if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") {
          const coroutine = item._type === "AsyncFunctionDef";
          const kinds = item.decorator_list.map((d) => (d._type === "Name" ? d.id : d._type === "Attribute" ? d.attr : ""));
          const isStatic = kinds.includes("staticmethod");
          const isClassMethod = kinds.includes("classmethod");
          const accessor = kinds.includes("property") ? "get" : kinds.includes("setter") ? "set" : undefined;
          // `@x.deleter`: a method `del x` finds by name (JS accessors have no delete half).
          const deleter = kinds.includes("deleter");
          const other = item.decorator_list.filter((_, i) => !["staticmethod", "classmethod", "property", "setter", "deleter", "coroutine"].includes(kinds[i]));
          // `@property` over other decorators (`@property @abstractmethod def x`): they wrap the getter.
          const getterOnly = accessor === "get" && item.decorator_list.every((d, i) => kinds[i] !== "property" || other.every((o) => item.decorator_list.indexOf(o) > i));
          if (other.length && accessor && !getterOnly) this.diags.error(other[0], "TSY1012", "decorators of the property object (above @property, or on a setter) are not supported yet");
          if (other.length) methodDecorators.push({ name: item.name === "constructor" ? "constructor_" : item.name, isStatic: isStatic || isClassMethod, getter: accessor === "get", decorators: other.map((d) => this.withOuter(outer, () => this.expr(d))), line: item.lineno });
          if (isStatic) staticNames.push(item.name);
          if (isClassMethod) classMethodNames.push(item.name);
          const selfName = isStatic ? undefined : item.args.posonlyargs[0]?.arg ?? item.args.args[0]?.arg;
          const methodQualname = `${qualname}.${item.name}`;
          const saved = this.fn;
          this.fn = outer;
          const f = this.functionExpression(item, coroutine, methodQualname, { className: s.name, selfName });
          this.fn = saved;
          hoisted.push(...f.hoisted);
          walk(item, (n) => {
            if (n._type === "Attribute" && n.value._type === "Name" && n.value.id === selfName && n.ctx._type === "Store") instanceAttrs.add(n.attr);
          });
          const methodName = deleter ? `__delete_${item.name}__` : item.name === "constructor" ? "constructor_" : item.name;
          if (coroutine) {
            // The generator becomes a method; the runtime wraps it so that calling it returns a Coroutine.
            const fnNode = (f.value as { args: ir.Expr[] }).args[0] as { fn: ir.FunctionLike };
            // Typed `any`: the runtime replaces the generator method by one returning a Coroutine.
            members.push({ k: "method", fn: { ...fnNode.fn, name: methodName, returnType: "any" }, static: isStatic || isClassMethod, line: item.lineno });
            const isAsyncGen = this.scopes.get(item)!.isGenerator && !this.legacy.has(item as py.AsyncFunctionDef);
            (isAsyncGen ? asyncGenMethods : coroutineMethods).push({ key: methodName, value: lit(firstLine(item)) });
          } else if (f.fn) {
            const fn = { ...f.fn, name: accessor === "set" ? item.name : methodName, returnType: accessor === "set" ? undefined : f.fn.returnType };
            // A method that overrides a base class's may take more parameters than it: optional for TS.
            if (overridden.has(item.name)) fn.params = fn.params.map((p) => (p.init || p.rest ? p : { ...p, optional: true }));
            // A getter that can end without `return` returns None (TS wants the return written).
            const last = fn.body[fn.body.length - 1];
            if (accessor === "get" && last?.k !== "return" && last?.k !== "throw") fn.body = [...fn.body, { k: "return", value: lit(null) }];
            members.push({ k: "method", fn, static: isStatic || isClassMethod, accessor, line: item.lineno });
          }
        } else if (item._type === "Assign" && item.targets.length === 1 && item.targets[0]._type === "Name") {
          const v = item.value;
          // `__iter__ = __await__`: a method defined above in the class body (the class namespace).
          const aliased = v._type === "Name" && s.body.slice(0, s.body.indexOf(item)).some((b) => (b._type === "FunctionDef" || b._type === "AsyncFunctionDef") && b.name === v.id);
          const value = aliased ? member(member(id(name), "prototype"), safeProp((v as py.Name).id)) : this.withOuter(outer, () => this.expr(v));
          classAttrs.push({ key: item.targets[0].id, value });
        } else if (item._type === "AnnAssign" && item.target._type === "Name") {
          annotations.push({ key: item.target.id, value: lit(annotationText(item.annotation)) });
          if (item.value) classAttrs.push({ key: item.target.id, value: this.withOuter(outer, () => this.expr(item.value!)) });
          else instanceAttrs.add(item.target.id);
        } else if (item._type === "ClassDef") {
          // class Outer: class Inner: ...  →  const _nested = define_class(class Inner ...); Outer.Inner = _nested
          const binding = this.withOuter(outer, () => {
            const t = this.temp("_nested");
            this.fn.temps.pop();
            return t;
          });
          hoisted.push(...this.withOuter(outer, () => this.classDef(item, { qualname: `${qualname}.${item.name}`, binding })));
          classAttrs.push({ key: item.name, value: id(binding) });
        } else if (item._type === "Pass" || (item._type === "Expr" && item.value._type === "Constant" && typeof item.value.value === "object" && item.value.value !== null && "ellipsis" in item.value.value)) {
          // nothing
        } else if (item._type === "Expr" && item.value._type === "Constant" && typeof item.value.value === "string") {
          members.push({ k: "field", name: "__doc__", static: true, init: lit(item.value.value.trim()) });
        } else {
          this.diags.error(item, "TSY1013", `'${describeStmt(item)}' in a class body is not supported yet`);
        }
      } catch (e) {
        if (e instanceof Error && "diagnostic" in e) this.diags.list.push((e as unknown as { diagnostic: never }).diagnostic);
        else throw e;
      }
    }
    this.fn = outer;
    // Python sets __hash__ to None in a class that defines __eq__ but not __hash__: unhashable.
    const defines = (n: string) => s.body.some((b) => (b._type === "FunctionDef" && b.name === n) || simpleBinding(b) === n);
    if (defines("__eq__") && !defines("__hash__")) classAttrs.push({ key: "__hash__", value: lit(null) });
    for (const a of classAttrs) instanceAttrs.add(a.key);
    const fields: ir.ClassMember[] = [...instanceAttrs].filter((a) => !members.some((m) => m.k === "method" && m.fn.name === a)).map((a) => ({ k: "field", name: safeProp(a), type: "any", declare: true }));
    const allMembers = [...fields, ...members];
    const props: { key: string; value: ir.Expr }[] = [];
    if (classAttrs.length) props.push({ key: "attrs", value: { k: "object", props: classAttrs } });
    if (annotations.length) props.push({ key: "annotations", value: { k: "object", props: annotations } });
    if (coroutineMethods.length) props.push({ key: "coroutines", value: { k: "object", props: coroutineMethods } });
    if (asyncGenMethods.length) props.push({ key: "asyncgens", value: { k: "object", props: asyncGenMethods } });
    if (coroutineMethods.length || asyncGenMethods.length) props.push({ key: "filename", value: this.fileExpr() });
    if (staticNames.length) props.push({ key: "staticmethods", value: { k: "array", elements: staticNames.map((n) => lit(n)) } });
    if (classMethodNames.length) props.push({ key: "classmethods", value: { k: "array", elements: classMethodNames.map((n) => lit(n)) } });
    // Decorated methods: C.prototype.m = deco(C.prototype.m), run by define_class once the class's
    // methods exist (coroutine methods wrapped) and before its bases finish it (ABC, Enum...): in
    // Python the body's decorators run before the class is made.
    const decorateMethods: ir.Stmt[] = methodDecorators.map((m) => {
      const owner = m.isStatic ? id(name) : member(id(name), "prototype");
      if (m.getter) {
        let getter: ir.Expr = id("getter");
        for (const d of [...m.decorators].reverse()) getter = this.callValue(d, [getter]);
        const decorate: ir.Expr = { k: "arrow", params: [{ name: "getter", type: "any" }], body: getter };
        return { k: "expr", expr: call(this.helperFrom("decorate_getter", PROGRAM), owner, lit(m.name), decorate), line: m.line };
      }
      // `C.m = deco(C.m)`: define_class made C.m the Python function (self first) and its setter
      // makes what the decorator returns the instances' method.
      const target = member(id(name), m.name);
      let value: ir.Expr = target;
      for (const d of [...m.decorators].reverse()) value = this.callValue(d, [value]);
      return { k: "expr", expr: { k: "assign", op: "=", target, value }, line: m.line };
    });
    if (decorateMethods.length) props.push({ key: "decorate", value: { k: "arrow", params: [{ name, type: "any" }], body: decorateMethods } });
    const defineClass = (cls: ir.Expr) => call(this.helperFrom("define_class", PROGRAM), cls, lit(qualname), { k: "object", props });
    if (nested) {
      let value: ir.Expr = defineClass({ k: "class", name, base, members: allMembers });
      for (const d of [...s.decorator_list].reverse()) value = call(this.expr(d), value);
      return [...hoisted, { k: "var", decl: "const", name: nested.binding, type: "any", init: value, line: s.lineno }];
    }
    if (!s.decorator_list.length) {
      this.fn.declared.add(s.name);
      return [...hoisted, { k: "class", name, base, members: allMembers, line: s.lineno }, { k: "expr", expr: defineClass(id(name)), line: s.lineno }];
    }
    // @decorator class C: ...  →  const C = decorator(define_class(class C { ... }, ...))
    let value: ir.Expr = defineClass({ k: "class", name, base, members: allMembers });
    for (const d of [...s.decorator_list].reverse()) value = call(this.expr(d), value);
    return [...hoisted, this.assignName(s.name, value, s.decorator_list[0].lineno)];
  }

  /** `name` is a class of the program and `attr` a static or class method of it (TS knows those). */
  private isStaticMethodOfClass(name: string, attr: string, depth = 0): boolean {
    const k = this.lookupKnown(name);
    if (k?.kind !== "class" || depth > 20) return false;
    for (const item of k.node.body) {
      if ((item._type === "FunctionDef" || item._type === "AsyncFunctionDef") && item.name === attr) {
        return item.decorator_list.some((d) => d._type === "Name" && (d.id === "staticmethod" || d.id === "classmethod"));
      }
    }
    return k.node.bases.some((b) => b._type === "Name" && this.isStaticMethodOfClass(b.id, attr, depth + 1));
  }

  /** `ABCMeta` imported from abc, or `abc.ABCMeta`. */
  private isAbcMeta(e: py.ExprNode): boolean {
    if (e._type === "Name") {
      const known = this.lookupKnown(e.id);
      return known?.kind === "runtime-name" && known.module === "abc" && known.name === "ABCMeta";
    }
    if (e._type === "Attribute" && e.attr === "ABCMeta" && e.value._type === "Name") {
      const known = this.lookupKnown(e.value.id);
      return known?.kind === "module" && known.name === "abc";
    }
    return false;
  }

  /** Method names the class's user-defined bases (transitively) define, plus `__init__`. */
  private baseMethodNames(s: py.ClassDef): Set<string> {
    const names = new Set<string>(["__init__"]);
    const visit = (cls: py.ClassDef, depth: number) => {
      if (depth > 20) return;
      for (const b of cls.bases) {
        if (b._type !== "Name") continue;
        const k = this.lookupKnown(b.id);
        if (k?.kind !== "class") continue;
        for (const item of k.node.body) if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") names.add(item.name);
        visit(k.node, depth + 1);
      }
    };
    visit(s, 0);
    return names;
  }

  private withOuter<T>(outer: FunctionContext, f: () => T): T {
    const saved = this.fn;
    this.fn = outer;
    try {
      return f();
    } finally {
      this.fn = saved;
    }
  }

  // ───────────────────────────── expressions ─────────────────────────────

  private optExpr(e: py.ExprNode | null): ir.Expr {
    return e ? this.expr(e) : lit(null);
  }

  /** Names carry no static type yet (every Python name is `any`); only literals and operators do. */
  private typeEnv() {
    return (_name: string): PyType | undefined => undefined;
  }

  private typeOfExpr(e: py.ExprNode): PyType | undefined {
    return staticType(e, this.typeEnv());
  }

  /** An expression used as a condition: a JS boolean. */
  cond(e: py.ExprNode): ir.Expr {
    switch (e._type) {
      case "Compare":
        return this.compare(e);
      case "BoolOp":
        return e.values.map((v) => this.cond(v)).reduce((l, r) => ({ k: "binary", op: e.op._type === "And" ? "&&" : "||", left: l, right: r }));
      case "UnaryOp":
        if (e.op._type === "Not") return { k: "unary", op: "!", arg: this.cond(e.operand) };
        break;
      case "Constant":
        if (typeof e.value === "boolean") return lit(e.value);
        break;
      case "Call":
        if (e.func._type === "Name" && ["isinstance", "hasattr", "callable", "issubclass", "all", "any"].includes(e.func.id) && resolveName(this.fn.scope, e.func.id, this.scopes).where === "builtin") return this.expr(e);
    }
    return this.rt("truthy", this.expr(e));
  }

  expr(e: py.ExprNode): ir.Expr {
    switch (e._type) {
      case "Constant":
        return this.constant(e);
      case "Name":
        return this.name(e);
      case "JoinedStr":
        return this.fstring(e);
      case "FormattedValue":
        return this.formatted(e);
      case "BinOp":
        return this.binary(BINOPS[e.op._type], this.expr(e.left), this.expr(e.right), this.typeOfExpr(e.left), this.typeOfExpr(e.right), false);
      case "UnaryOp":
        return this.unary(e);
      case "BoolOp":
        return this.boolOp(e);
      case "Compare":
        return this.compare(e);
      case "Call":
        return this.callExpr(e);
      case "Attribute":
        return this.attribute(e);
      case "Subscript":
        return this.subscript(e);
      case "List":
        return this.sequence(e.elts, "list");
      case "Tuple":
        return this.sequence(e.elts, "tuple");
      case "Set":
        // CPython builds a display of 3+ constants from a frozenset constant: its table (so its order) differs.
        if (e.elts.length >= 3 && e.elts.every((x) => x._type === "Constant")) return call(member(this.helper("PySet"), "fromConstants"), { k: "array", elements: e.elts.map((x) => this.expr(x)) });
        return { ...(this.rt("set_of", ...e.elts.map((x) => (x._type === "Starred" ? ({ k: "spread", arg: this.expr(x.value) } as ir.Expr) : this.expr(x)))) as Extract<ir.Expr, { k: "call" }>), typeArgs: ["any"] };
      case "Dict":
        return this.dict(e);
      case "Await":
        return this.await(e.value, e);
      case "YieldFrom":
        if (this.fn.isCoroutine) return this.await(e.value, e);
        return { k: "yield", delegate: true, arg: call(this.helper("iter"), this.expr(e.value)) };
      case "Yield":
        if (this.fn.isCoroutine && !this.isAsyncGenerator()) {
          // A bare `yield` in a legacy coroutine gives the loop a turn, like sleep(0).
          if (!e.value) return { k: "yield", delegate: false, arg: lit(null) };
          return this.diags.error(e, "TSY2004", "'yield <value>' inside a coroutine is not supported");
        }
        if (this.fn.isCoroutine) return { k: "yield", delegate: false, arg: call(this.helperFrom("agen_yield", ASYNCIO), e.value ? this.expr(e.value) : lit(null)) };
        return { k: "yield", delegate: false, arg: e.value ? this.expr(e.value) : lit(null) };
      case "IfExp":
        return { k: "cond", test: this.cond(e.test), then: this.expr(e.body), else: this.expr(e.orelse) };
      case "Lambda": {
        // Defaults are evaluated when the lambda expression is: passed in through an immediately called arrow.
        const { value, hoisted } = this.functionExpression(e, false, "<lambda>");
        if (!hoisted.length) return value;
        const defs = hoisted as Extract<ir.Stmt, { k: "var" }>[];
        return call({ k: "arrow", params: defs.map((d) => ({ name: d.name, type: "any" })), body: value }, ...defs.map((d) => d.init!));
      }
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return this.comprehension(e);
      case "NamedExpr": {
        if (e.target._type !== "Name") return this.diags.error(e, "TSY1003", "cannot assign to this expression");
        this.ensureDeclared(e.target.id);
        return { k: "assign", op: "=", target: id(safeName(e.target.id)), value: this.expr(e.value) };
      }
      case "Starred":
        return { k: "spread", arg: this.expr(e.value) };
      case "Slice":
        return this.rt("slice", this.optExpr(e.lower), this.optExpr(e.upper), this.optExpr(e.step));
      default:
        return this.diags.error(e, "TSY1020", `expression '${(e as py.ExprNode)._type}' is not supported yet`);
    }
  }

  private isAsyncGenerator(): boolean {
    const node = this.fn.scope.node;
    return this.fn.scope.isGenerator && node._type === "AsyncFunctionDef" && !this.legacy.has(node);
  }

  private constant(e: py.Constant): ir.Expr {
    const v = e.value;
    if (v === null || typeof v !== "object") return lit(v as string | number | bigint | boolean | null);
    if ("ellipsis" in v) return this.helper("Ellipsis");
    if ("bytes" in v) return this.rt("bytes_literal", lit(v.bytes));
    return this.diags.error(e, "TSY1021", "complex numbers are not supported yet");
  }

  private name(e: py.Name): ir.Expr {
    const n = e.id;
    if (this.fn.selfName && n === this.fn.selfName) {
      if (this.fn.selfAlias) {
        if (this.fn.selfBox) this.fn.selfBox.used = true;
        return id(this.fn.selfAlias);
      }
      return { k: "this" };
    }
    const r = resolveName(this.fn.scope, n, this.scopes);
    if (r.where === "builtin") return this.builtinName(e);
    if (this.fn.unbound?.reads.has(e)) {
      // Definite-assignment analysis could not prove the name bound here.
      return this.rt(this.fn.scope.kind === "module" ? "assigned_global" : "assigned", id(safeName(n)), lit(n));
    }
    return id(safeName(n));
  }

  /** The value of a deleted (or not yet assigned) variable that a check may read. */
  private unboundMarker(): ir.Expr {
    return id(this.imports.use("UNBOUND", "UNBOUND", PROGRAM));
  }

  /** `del x` and the end of `except ... as x`: x becomes unbound (only tracked when something may read it). */
  private unbindName(name: string, line?: number): ir.Stmt {
    const unbound = this.fn.unbound?.names.has(name) ? this.unboundMarker() : lit(undefined);
    return { k: "expr", expr: { k: "assign", op: "=", target: id(safeName(name)), value: unbound }, line };
  }

  private builtinName(e: py.Name): ir.Expr {
    const n = e.id;
    switch (n) {
      case "None":
        return lit(null);
      case "True":
        return lit(true);
      case "False":
        return lit(false);
      case "__name__":
        this.usesName = true;
        return id("__name__");
      case "__file__":
        return this.fileExpr();
    }
    if (n === "anext" || n === "aiter") return id(this.imports.use(n, n, PROGRAM));
    if (BUILTIN_FUNCTIONS.has(n) || BUILTIN_EXCEPTIONS.has(n) || n === "NotImplemented" || n === "Ellipsis") return id(this.imports.use(n, n, RUNTIME));
    // Python raises NameError only when the line runs; so does the translation.
    return this.rt("name_error", lit(n));
  }

  private sequence(elts: py.ExprNode[], kind: "list" | "tuple"): ir.Expr {
    const items = elts.map((x) => (x._type === "Starred" ? ({ k: "spread", arg: this.expr(x.value) } as ir.Expr) : this.expr(x)));
    return kind === "list" ? this.list(items) : this.tuple(items);
  }

  private dict(e: py.Dict): ir.Expr {
    const entries: ir.Expr[] = e.keys.map((k, i) =>
      k === null ? ({ k: "spread", arg: this.rt("dict_items", this.expr(e.values[i])) } as ir.Expr) : ({ k: "array", elements: [this.expr(k), this.expr(e.values[i])] } as ir.Expr),
    );
    return { ...(this.rt("dict_of", ...entries) as Extract<ir.Expr, { k: "call" }>), typeArgs: ["any", "any"] };
  }

  private fstring(e: py.JoinedStr): ir.Expr {
    const quasis: string[] = [""];
    const exprs: ir.Expr[] = [];
    for (const v of e.values) {
      if (v._type === "Constant" && typeof v.value === "string") quasis[quasis.length - 1] += v.value;
      else {
        exprs.push(this.expr(v));
        quasis.push("");
      }
    }
    if (!exprs.length) return lit(quasis[0]);
    return { k: "template", quasis, exprs };
  }

  private formatted(v: py.FormattedValue): ir.Expr {
    let value = this.expr(v.value);
    const conv = v.conversion;
    if (conv === 114) value = this.rt("repr", value);
    else if (conv === 97) value = this.rt("ascii", value);
    else if (conv === 115) value = this.rt("str", value);
    if (v.format_spec) {
      const spec = this.fstring(v.format_spec as py.JoinedStr);
      return this.rt("format", value, spec);
    }
    if (conv === 114 || conv === 97 || conv === 115) return value;
    if (staticType(v.value, this.typeEnv()) === "str") return value;
    return this.rt("str", value);
  }

  private unary(e: py.UnaryOp): ir.Expr {
    const operand = this.expr(e.operand);
    switch (e.op._type) {
      case "Not":
        return { k: "unary", op: "!", arg: this.cond(e.operand) };
      case "USub":
        if (e.operand._type === "Constant" && (typeof e.operand.value === "bigint" || typeof e.operand.value === "number")) return { k: "unary", op: "-", arg: operand };
        return this.rt("neg", operand);
      case "UAdd":
        return this.rt("pos", operand);
      case "Invert":
        return this.rt("invert", operand);
    }
  }

  /** Binary arithmetic: native JS operators where both types are known to agree, runtime helpers otherwise. */
  private binary(op: string, left: ir.Expr, right: ir.Expr, lt: PyType | undefined, rt: PyType | undefined, inplace: boolean): ir.Expr {
    const same = lt && lt === rt;
    if (same && (lt === "int" || lt === "float") && ["+", "-", "*"].includes(op)) return { k: "binary", op: op as ir.BinaryOp, left, right };
    if (same && lt === "str" && op === "+") return { k: "binary", op: "+", left, right };
    const helper = BINOP_HELPERS[op];
    return this.rt(inplace ? INPLACE_HELPERS[op] : helper, left, right);
  }

  private boolOp(e: py.BoolOp): ir.Expr {
    // a or b → (truthy(_t = a) ? _t : b); a and b → (truthy(_t = a) ? b : _t), evaluated left to right once.
    const values = e.values.map((v) => this.expr(v));
    let result = values[values.length - 1];
    for (let i = values.length - 2; i >= 0; i--) {
      const t = this.temp();
      const test = this.rt("truthy", { k: "assign", op: "=", target: id(t), value: values[i] });
      result = e.op._type === "Or" ? { k: "cond", test, then: id(t), else: result } : { k: "cond", test, then: result, else: id(t) };
    }
    return result;
  }

  private compare(e: py.Compare): ir.Expr {
    const parts: ir.Expr[] = [];
    let left = this.expr(e.left);
    let leftNode: py.ExprNode = e.left;
    e.ops.forEach((op, i) => {
      const rightNode = e.comparators[i];
      let right = this.expr(rightNode);
      const last = i === e.ops.length - 1;
      if (!last && !isSimple(rightNode)) {
        // The middle operand of a chain is evaluated once.
        const t = this.temp();
        right = { k: "assign", op: "=", target: id(t), value: right };
        parts.push(this.compareOne(op, left, right, leftNode, rightNode));
        left = id(t);
      } else {
        parts.push(this.compareOne(op, left, right, leftNode, rightNode));
        left = right;
      }
      leftNode = rightNode;
    });
    return parts.reduce((a, b) => ({ k: "binary", op: "&&", left: a, right: b }));
  }

  private compareOne(op: py.CmpopNode, left: ir.Expr, right: ir.Expr, ln: py.ExprNode, rn: py.ExprNode): ir.Expr {
    const isNone = (n: py.ExprNode) => n._type === "Constant" && n.value === null;
    switch (op._type) {
      case "Is":
        if (isNone(rn)) return { k: "binary", op: "==", left, right: lit(null) };
        return this.rt("is_", left, right);
      case "IsNot":
        if (isNone(rn)) return { k: "binary", op: "!=", left, right: lit(null) };
        return { k: "unary", op: "!", arg: this.rt("is_", left, right) };
      case "In":
        return this.rt("contains", right, left);
      case "NotIn":
        return { k: "unary", op: "!", arg: this.rt("contains", right, left) };
    }
    const lt = this.typeOfExpr(ln);
    const rt = this.typeOfExpr(rn);
    const jsOp = CMPOPS[op._type];
    if (lt && lt === rt && (lt === "int" || lt === "str" || lt === "float")) {
      if (jsOp === "==") return { k: "binary", op: "===", left, right };
      if (jsOp === "!=") return { k: "binary", op: "!==", left, right };
      return { k: "binary", op: jsOp as ir.BinaryOp, left, right };
    }
    return this.rt(CMP_HELPERS[op._type], left, right);
  }

  private attribute(e: py.Attribute): ir.Expr {
    const v = e.value;
    if (v._type === "Name") {
      const known = this.lookupKnown(v.id);
      if (known?.kind === "module") {
        const info = STDLIB[known.name];
        if (info && !info.names.has(e.attr)) return this.diags.error(e, "TSY3004", `'${known.name}.${e.attr}' is not available in tsyncio's runtime`);
        return member(this.expr(v), e.attr);
      }
      // `self.method` as a value (a callback, a predicate) must be bound: getattr makes the bound method.
      if (this.fn.selfName === v.id && !this.methodNames().has(e.attr)) return member(this.expr(v), safeProp(e.attr));
    }
    return this.getattr(this.expr(v), e.attr);
  }

  private methodNamesCache?: Set<string>;
  /** Names of the plain methods (not properties) that the module's classes define. */
  private methodNames(): Set<string> {
    if (!this.methodNamesCache) {
      const names = new Set<string>();
      walk(this.module, (n) => {
        if (n._type !== "ClassDef") return;
        for (const item of n.body) {
          if (item._type !== "FunctionDef" && item._type !== "AsyncFunctionDef") continue;
          const accessor = item.decorator_list.some((d) => (d._type === "Name" && d.id === "property") || (d._type === "Attribute" && ["setter", "getter", "deleter"].includes(d.attr)));
          if (!accessor) names.add(item.name);
        }
      });
      this.methodNamesCache = names;
    }
    return this.methodNamesCache;
  }

  private getattr(obj: ir.Expr, attr: string): ir.Expr {
    return this.rt("getattr", obj, lit(attr));
  }

  private subscript(e: py.Subscript): ir.Expr {
    const obj = this.expr(e.value);
    if (e.slice._type === "Slice") {
      const s = e.slice;
      return this.rt("getslice", obj, this.optExpr(s.lower), this.optExpr(s.upper), this.optExpr(s.step));
    }
    return this.rt("getitem", obj, this.expr(e.slice));
  }

  private await(value: py.ExprNode, node: py.ExprNode): ir.Expr {
    if (!this.fn.isCoroutine) return this.diags.error(node, "TSY2001", "'await' outside async function");
    const v = this.expr(value);
    if (this.isDirectlyAwaitable(value)) return { k: "yield", delegate: true, arg: this.awaitedBody(value, v) };
    return { k: "yield", delegate: true, arg: call(this.helperFrom("awaitable", ASYNCIO), v) };
  }

  /**
   * `await f(a, b)` of a module-level `async def f` that nothing rebinds, called with the right
   * arguments: in the JavaScript, `yield* f.__body__(a, b)` delegates to the generator itself,
   * without making the Coroutine object (nothing else could see that object: it would be handed
   * out at once and never reported as un-awaited). The TypeScript keeps the readable `f(a, b)`.
   */
  private awaitedBody(value: py.ExprNode, v: ir.Expr): ir.Expr {
    if (value._type !== "Call" || value.func._type !== "Name" || v.k !== "call") return v;
    // Only a plain call of the function itself (not through call()/callkw()/bad_call()).
    if (v.callee.k !== "id" || v.callee.name !== safeName(value.func.id)) return v;
    if (v.args.some((a) => a.k === "spread")) return v;
    const r = resolveName(this.fn.scope, value.func.id, this.scopes);
    const known = this.lookupKnown(value.func.id);
    if (known?.kind !== "def" || !known.coroutine || r.scope.kind !== "module") return v;
    // Not an async generator (not awaitable at all), and defined unconditionally at the top of the module.
    if (this.scopes.get(known.node)?.isGenerator || !(r.scope.node as py.Module).body.includes(known.node)) return v;
    return { ...v, callee: { k: "member", object: v.callee, prop: "__body__", jsOnly: true } };
  }

  /** A call the lowering knows returns a Coroutine or Future: `yield*` can take it as it is. */
  private isDirectlyAwaitable(e: py.ExprNode): boolean {
    if (e._type !== "Call") return false;
    const f = e.func;
    if (f._type === "Name") {
      const k = this.lookupKnown(f.id);
      if (k?.kind === "def") return k.coroutine;
      if (k?.kind === "runtime-name") return STDLIB[k.module]?.awaitables.has(k.name) ?? false;
      return false;
    }
    if (f._type === "Attribute" && f.value._type === "Name") {
      const k = this.lookupKnown(f.value.id);
      if (k?.kind === "module") return STDLIB[k.name]?.awaitables.has(f.attr) ?? false;
    }
    return false;
  }

  // ───────────────────────────── calls ─────────────────────────────

  private callExpr(e: py.Call): ir.Expr {
    const f = e.func;
    const args = e.args.map((a) => (a._type === "Starred" ? ({ k: "spread", arg: this.expr(a.value) } as ir.Expr) : this.expr(a)));
    const kwStar = e.keywords.filter((k) => k.arg === null);
    const keywords = e.keywords.filter((k) => k.arg !== null) as (py.Keyword & { arg: string })[];
    const kwArgs = (): ir.Expr[] => {
      if (!e.keywords.length) return [];
      const props = keywords.map((k) => ({ key: k.arg, value: this.expr(k.value) }));
      if (kwStar.length) return [this.rt("kw", this.rt("kw_merge", { k: "object", props }, ...kwStar.map((k) => this.expr(k.value))))];
      return [this.rt("kw", { k: "object", props })];
    };

    // super(Class, obj).method(...): Python 2's spelling of super().method(...) when it names the
    // enclosing class and the method's self; otherwise the next class after Class in obj's MRO.
    if (f._type === "Attribute" && f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super" && f.value.args.length === 2 && !f.value.keywords.length) {
      const [cls, obj] = f.value.args;
      const plain = cls._type === "Name" && cls.id === this.fn.className && obj._type === "Name" && obj.id === this.fn.selfName && !this.usesMultipleInheritance;
      if (!plain) return call(this.rt("super_method", this.expr(obj), this.expr(cls), lit(f.attr)), ...args, ...kwArgs());
    }
    // super().method(...) inside a method.
    const superCall = f._type === "Attribute" && f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super";
    if (superCall && (!(f.value as py.Call).args.length || (f.value as py.Call).args.length === 2)) {
      if (this.usesMultipleInheritance && this.fn.className) {
        // The next class in the instance's MRO, which JS's `super` (the class's own parent) is not.
        const self = this.fn.selfName ? this.name({ _type: "Name", id: this.fn.selfName, ctx: { _type: "Load" } } as py.Name) : { k: "this" as const };
        return call(this.rt("super_method", self, id(safeName(this.fn.className)), lit(f.attr)), ...args, ...kwArgs());
      }
      return call(member({ k: "super" }, safeProp(f.attr)), ...args, ...kwArgs());
    }

    if (f._type === "Name") {
      const r = resolveName(this.fn.scope, f.id, this.scopes);
      const known = this.lookupKnown(f.id);
      if (known?.kind === "def" && !kwStar.length) {
        const problem = r.where === "global" || r.scope.kind === "module" ? callProblem(known.node, args, keywords) : null;
        // Python evaluates the arguments, then refuses the call.
        if (problem) return this.rt("bad_call", lit(problem), ...args, ...keywords.map((k) => this.expr(k.value)));
        const ordered = this.orderArguments(known.node.args, args, keywords, e);
        // A spread into fixed parameters type-checks only through the generic call().
        if (ordered && ordered.some((x) => x.k === "spread")) return this.rt("call", id(safeName(f.id)), ...ordered);
        if (ordered) return call(id(safeName(f.id)), ...ordered);
        // Wrong arity: bound at run time, which raises Python's TypeError for missing or extra arguments.
        if (!e.keywords.length && !args.some((a) => a.k === "spread")) return this.rt("callkw", id(safeName(f.id)), lit(null), this.list(args), { k: "object", props: [] });
        if (!e.keywords.length) return this.rt("call", id(safeName(f.id)), ...args);
      }
      if (known?.kind === "class") {
        const init = known.node.body.find((b): b is py.FunctionDef => b._type === "FunctionDef" && b.name === "__init__");
        if (init && keywords.length && !kwStar.length) {
          const ordered = this.orderArguments(init.args, args, keywords, e, 1);
          if (ordered) return { k: "new", callee: id(safeName(f.id)), args: ordered };
        }
        return { k: "new", callee: id(safeName(f.id)), args: [...args, ...kwArgs()] };
      }
      if (known?.kind === "runtime-name") {
        const isClass = STDLIB[known.module]?.classes.has(known.name);
        return isClass ? { k: "new", callee: this.expr(f), args: [...args, ...kwArgs()] } : call(this.expr(f), ...args, ...kwArgs());
      }
      if (r.where === "builtin") {
        if (f.id === "super") return this.diags.error(e, "TSY1030", "super() is supported only as super().method(...)");
        if (BUILTIN_EXCEPTIONS.has(f.id) || f.id === "object") return { k: "new", callee: this.expr(f), args: [...args, ...kwArgs()] };
        // A spread into a builtin's fixed parameters type-checks only through the generic call().
        if (args.some((a) => a.k === "spread")) return this.rt("call", this.expr(f), ...args, ...kwArgs());
        return call(this.expr(f), ...args, ...kwArgs());
      }
      // A local or parameter whose value the lowering cannot see: the runtime decides (class or function, keywords).
      if (e.keywords.length) return this.rt("callkw", this.expr(f), lit(null), this.list(args), this.kwRecord(keywords, kwStar));
      return this.rt("call", this.expr(f), ...args);
    }

    if (f._type === "Attribute") {
      const v = f.value;
      if (this.isLocalModulePath(v)) {
        // `helpers.Point(1, 2)`: a class or a function, the runtime decides.
        const callee = member(this.expr(v), safeProp(f.attr));
        if (e.keywords.length) return this.rt("callkw", callee, lit(null), this.list(args), this.kwRecord(keywords, kwStar));
        return this.rt("call", callee, ...args);
      }
      if (v._type === "Name") {
        const known = this.lookupKnown(v.id);
        if (known?.kind === "module") {
          const info = STDLIB[known.name];
          if (info && !info.names.has(f.attr)) return this.diags.error(f, "TSY3004", `'${known.name}.${f.attr}' is not available in tsyncio's runtime`);
          const callee = member(this.expr(v), f.attr);
          return info?.classes.has(f.attr) ? { k: "new", callee, args: [...args, ...kwArgs()] } : call(callee, ...args, ...kwArgs());
        }
      }
      const obj = this.expr(v);
      // `Outer.Inner(...)` / `self.Inner(...)`: a class kept as a class attribute needs `new`,
      // which the runtime's call() supplies (TS does not know the class attribute: `as any`).
      if (this.nestedClassNames().has(f.attr)) {
        const callee = member({ k: "as", expr: obj, type: "any" }, safeProp(f.attr));
        if (e.keywords.length) return this.rt("callkw", callee, lit(null), this.list(args), this.kwRecord(keywords, kwStar));
        return this.rt("call", callee, ...args);
      }
      // A generator's throw() returns the next value in Python; JS's throw() is the iterator protocol.
      if (f.attr === "throw" && !e.keywords.length && args.length >= 1) return this.rt("gen_throw", obj, ...args);
      const onBuiltin = v._type === "Name" && resolveName(this.fn.scope, v.id, this.scopes).where === "builtin";
      if (onBuiltin || (STR_METHODS.has(f.attr) && staticType(v, this.typeEnv()) !== "list" && !this.isKnownObject(v))) {
        return this.rt("callm", obj, lit(f.attr), ...args, ...kwArgs());
      }
      if (e.keywords.length) {
        return this.rt("callkw_method", obj, lit(f.attr), this.list(args), this.kwRecord(keywords, kwStar));
      }
      // A method called on a fresh instance (`C().m()`) may be one TS only knows as static; a method
      // read from its class (`Base.__init__(self)`) is one TS only knows on instances.
      const onClass = v._type === "Name" && this.lookupKnown(v.id)?.kind === "class" && !this.isStaticMethodOfClass(v.id, f.attr);
      const receiver: ir.Expr = obj.k === "new" || onClass ? { k: "as", expr: obj, type: "any" } : obj;
      return call(member(receiver, safeProp(f.attr)), ...args, ...kwArgs());
    }
    return this.rt("call", this.expr(f), ...args, ...kwArgs());
  }

  /** `mod` or `pkg.mod` where `mod`/`pkg` names one of the program's own modules. */
  private isLocalModulePath(e: py.ExprNode): boolean {
    while (e._type === "Attribute") e = e.value;
    return e._type === "Name" && this.lookupKnown(e.id)?.kind === "local-module";
  }

  /** Names of the classes the module defines inside other classes' bodies (found by the scope analysis). */
  private readonly nestedClasses: Set<string>;
  private nestedClassNames(): Set<string> {
    return this.nestedClasses;
  }

  private kwRecord(keywords: (py.Keyword & { arg: string })[], kwStar: py.Keyword[]): ir.Expr {
    const obj: ir.Expr = { k: "object", props: keywords.map((k) => ({ key: k.arg, value: this.expr(k.value) })) };
    return kwStar.length ? this.rt("kw_merge", obj, ...kwStar.map((k) => this.expr(k.value))) : obj;
  }

  private callValue(callee: ir.Expr, args: ir.Expr[]): ir.Expr {
    return this.rt("call", callee, ...args);
  }

  /**
   * Matches keyword arguments to a known `def`'s parameters at compile time, so the call is
   * plain positional JS. Returns null when it cannot (the def takes *args, **kwargs or keyword-only).
   */
  private orderArguments(a: py.Arguments, args: ir.Expr[], keywords: (py.Keyword & { arg: string })[], e: py.Call, skip = 0): ir.Expr[] | null {
    if (a.vararg || a.kwarg || a.kwonlyargs.length) return keywords.length ? null : args;
    const params = [...a.posonlyargs, ...a.args].slice(skip).map((p) => p.arg);
    const required = params.length - a.defaults.length;
    if (!keywords.length) {
      // A wrong number of arguments raises TypeError when the call runs (through the generic call()).
      if (!args.some((x) => x.k === "spread") && (args.length > params.length || args.length < required)) return null;
      return args;
    }
    if (args.some((x) => x.k === "spread")) return null;
    const slots: (ir.Expr | undefined)[] = params.map((_, i) => args[i]);
    for (const k of keywords) {
      const i = params.indexOf(k.arg);
      // A keyword that does not fit raises TypeError when the call runs: leave it to the runtime binder.
      if (i < 0 || i < a.posonlyargs.length - skip || slots[i] !== undefined) return null;
      slots[i] = this.expr(k.value);
    }
    void e;
    while (slots.length && slots[slots.length - 1] === undefined) slots.pop();
    return slots.map((s) => s ?? lit(undefined));
  }

  // ───────────────────────────── comprehensions ─────────────────────────────

  /**
   * `[f(x) for x in xs if p(x)]` → an arrow function with its own scope, as in Python 3:
   *   (() => { const _r = list(); for (const x of xs) if (p(x)) _r.append(f(x)); return _r })()
   * A generator expression becomes a generator function, evaluated lazily like Python's.
   */
  private comprehension(e: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp): ir.Expr {
    const scope = this.scopes.get(e)!;
    const isAsync = e.generators.some((g) => g.is_async) || scope.hasAwait;
    if (isAsync && e._type === "GeneratorExp") return this.diags.error(e, "TSY2006", "asynchronous generator expressions are not supported yet");
    if (isAsync && !this.fn.isCoroutine) return this.diags.error(e, "TSY2007", "asynchronous comprehension outside of an asynchronous function");
    const outer = this.fn;
    const firstIter = this.expr(e.generators[0].iter);
    this.fn = { ...this.newFunctionContext(scope, outer.qualname, isAsync, e._type === "GeneratorExp"), selfName: outer.selfName, selfAlias: outer.selfAlias, selfBox: outer.selfBox };
    const result = this.temp("_r");
    this.fn.temps.pop();
    let inner: ir.Stmt[];
    if (e._type === "GeneratorExp") inner = [{ k: "expr", expr: { k: "yield", delegate: false, arg: this.expr(e.elt) } }];
    else if (e._type === "DictComp") inner = [{ k: "expr", expr: this.rt("setitem", id(result), this.expr(e.key), this.expr(e.value)) }];
    else inner = [{ k: "expr", expr: call(member(id(result), e._type === "ListComp" ? "append" : "add"), this.expr(e.elt)) }];
    for (let i = e.generators.length - 1; i >= 0; i--) {
      const g = e.generators[i];
      let body = inner;
      for (const cond of [...g.ifs].reverse()) body = [{ k: "if", test: this.cond(cond), then: body }];
      const iter = i === 0 ? id("_iter") : this.expr(g.iter);
      if (g.is_async) {
        inner = this.asyncLoop(g.target, iter, body, e.lineno);
      } else if (g.target._type === "Name" && !scope.captured.has(g.target.id)) {
        inner = [{ k: "for_of", decl: "const", target: id(safeName(g.target.id)), iter, body }];
        this.fn.declared.add(g.target.id);
      } else if (g.target._type === "Name") {
        // A closure made in the comprehension sees the variable's last value, as in Python: one shared `let`.
        this.ensureDeclared(g.target.id);
        inner = [{ k: "for_of", target: id(safeName(g.target.id)), iter, body }];
      } else {
        const t = this.temp("_item");
        this.fn.temps.pop();
        inner = [{ k: "for_of", decl: "const", target: id(t), iter, body: [...this.assignTo(g.target, id(t), e.lineno), ...body] }];
      }
    }
    const temps = this.fn.temps;
    this.fn = outer;
    const decls: ir.Stmt[] = temps.length ? [{ k: "vars", names: temps.map((name) => ({ name, type: "any" })) }] : [];
    const param: ir.Param = { name: "_iter", type: "any" };
    const receiver: ir.Expr = outer.selfName && !outer.selfAlias ? { k: "this" } : lit(null);
    if (e._type === "GeneratorExp") {
      const fn: ir.FunctionLike = { params: [param], body: [...decls, ...inner], generator: true, returnType: "Generator<any, void, any>" };
      if (outer.selfName && !outer.selfAlias) return this.rt("call_bound", { k: "function", fn }, { k: "this" }, firstIter);
      return call({ k: "function", fn }, firstIter);
    }
    const init: ir.Expr = e._type === "ListComp" ? this.list([]) : e._type === "SetComp" ? { k: "call", callee: this.helper("set_of"), args: [], typeArgs: ["any"] } : { k: "call", callee: this.helper("dict_of"), args: [], typeArgs: ["any", "any"] };
    const body: ir.Stmt[] = [...decls, { k: "var", decl: "const", name: result, init }, ...inner, { k: "return", value: id(result) }];
    if (isAsync) {
      // Awaits inside: the comprehension is a generator the coroutine delegates to.
      const fn: ir.FunctionLike = { params: [param], body, generator: true, returnType: "Generator<unknown, any, any>" };
      return { k: "yield", delegate: true, arg: this.rt("call_bound", { k: "function", fn }, receiver, firstIter) };
    }
    return call({ k: "arrow", params: [param], body }, firstIter);
  }
}

// ───────────────────────────── tables and small helpers ─────────────────────────────

const BINOPS: Record<py.OperatorNode["_type"], string> = {
  Add: "+", Sub: "-", Mult: "*", MatMult: "@", Div: "/", Mod: "%", Pow: "**", LShift: "<<", RShift: ">>",
  BitOr: "|", BitXor: "^", BitAnd: "&", FloorDiv: "//",
};
const BINOP_HELPERS: Record<string, string> = {
  "+": "add", "-": "sub", "*": "mul", "@": "matmul", "/": "truediv", "%": "mod", "**": "pow", "<<": "lshift",
  ">>": "rshift", "|": "bitor", "^": "bitxor", "&": "bitand", "//": "floordiv",
};
/** In-place forms (`x += y` extends a list in place, calls `__iadd__`). */
const INPLACE_HELPERS: Record<string, string> = {
  "+": "iadd", "-": "isub", "*": "imul", "@": "imatmul", "/": "itruediv", "%": "imod", "**": "ipow", "<<": "ilshift",
  ">>": "irshift", "|": "ior", "^": "ixor", "&": "iand", "//": "ifloordiv",
};
const CMPOPS: Record<string, string> = { Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };
const CMP_HELPERS: Record<string, string> = { Eq: "eq", NotEq: "ne", Lt: "lt", LtE: "le", Gt: "gt", GtE: "ge" };

/**
 * The TypeError CPython raises for a call of a known module-level def whose arguments cannot bind,
 * or null. Only what is certain from the text: no `*` spread among the arguments.
 */
function callProblem(f: py.FunctionDef | py.AsyncFunctionDef, args: ir.Expr[], keywords: (py.Keyword & { arg: string })[]): string | null {
  if (args.some((x) => x.k === "spread")) return null;
  const a = f.args;
  const name = `${f.name}()`;
  const posonly = a.posonlyargs.map((p) => p.arg);
  const positional = [...posonly, ...a.args.map((p) => p.arg)];
  const misplaced = keywords.filter((k) => posonly.includes(k.arg)).map((k) => k.arg);
  if (misplaced.length && !a.kwarg) return `${name} got some positional-only arguments passed as keyword arguments: '${misplaced.join(", ")}'`;
  for (const k of keywords) {
    const i = positional.indexOf(k.arg);
    if (i >= posonly.length && i < args.length) return `${name} got multiple values for argument '${k.arg}'`;
    if (i < 0 && !a.kwonlyargs.some((p) => p.arg === k.arg) && !a.kwarg) return `${name} got an unexpected keyword argument '${k.arg}'`;
  }
  return null;
}

/** Whether a block's last statement leaves it (nothing after it would run). */
function endsAbruptly(body: py.Stmt[]): boolean {
  const last = body[body.length - 1];
  return !!last && (last._type === "Return" || last._type === "Raise" || last._type === "Break" || last._type === "Continue");
}

/** A name Python finds among the builtins when the module has not bound it (yet). */
function isBuiltinName(n: string): boolean {
  return BUILTIN_FUNCTIONS.has(n) || BUILTIN_EXCEPTIONS.has(n) || n === "__name__" || n === "__file__";
}

function isTrue(e: ir.Expr): boolean {
  return e.k === "lit" && e.value === true;
}

function isSimple(e: py.ExprNode): boolean {
  return e._type === "Name" || e._type === "Constant";
}

function firstLine(s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda): number {
  if (s._type === "Lambda") return s.lineno;
  return s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
}

function exprName(e: py.ExprNode): string {
  return e._type === "Name" ? e.id : e._type === "Attribute" ? e.attr : "function";
}

/** JS property names that would collide with JS machinery get a suffix. */
function safeProp(name: string): string {
  return name === "constructor" || name === "__proto__" || name === "prototype" ? `${name}_` : name;
}

function simpleBinding(s: py.Stmt): string | null {
  if (s._type === "Assign" && s.targets.length === 1 && s.targets[0]._type === "Name") return s.targets[0].id;
  if (s._type === "AnnAssign" && s.value && s.target._type === "Name") return s.target.id;
  if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef") return s.name;
  // `import helpers` / `from m import x` of one name (a local module's import assigns it).
  if (s._type === "Import" && s.names.length === 1) return s.names[0].asname ?? s.names[0].name.split(".")[0];
  if (s._type === "ImportFrom" && s.names.length === 1 && s.names[0].name !== "*") return s.names[0].asname ?? s.names[0].name;
  return null;
}

/** An annotation's source form (`int`, `list[str]`, `ClassVar[int]`), as `__annotations__` strings. */
function annotationText(e: py.ExprNode): string {
  switch (e._type) {
    case "Name":
      return e.id;
    case "Attribute":
      return `${annotationText(e.value)}.${e.attr}`;
    case "Subscript":
      return `${annotationText(e.value)}[${annotationText(e.slice)}]`;
    case "Tuple":
      return e.elts.map(annotationText).join(", ");
    case "Constant":
      return typeof e.value === "string" ? e.value : String(e.value);
    case "BinOp":
      return `${annotationText(e.left)} | ${annotationText(e.right)}`;
    case "List":
      return `[${e.elts.map(annotationText).join(", ")}]`;
    default:
      return "object";
  }
}

/** A body's docstring, as Python's `__doc__` holds it (cleaned like inspect.cleandoc does for 3.13; 3.12 keeps it raw). */
function docstring(body: py.Stmt[]): string | null {
  const first = body[0];
  return first?._type === "Expr" && first.value._type === "Constant" && typeof first.value.value === "string" ? first.value.value : null;
}

function describeStmt(s: py.Stmt): string {
  const names: Partial<Record<py.Stmt["_type"], string>> = {
    Match: "match", TryStar: "try/except*", TypeAlias: "type alias", AsyncWith: "async with", AsyncFor: "async for",
  };
  return names[s._type] ?? s._type;
}
