// What the compiler can PROVE about the values of names, before lowering (analysis.ts runs it).
// Annotations play no part: Python does not enforce them, so `delay: int` may well hold 0.5.
// A name gets a type only when every statement that binds it, in its own scope, gives a value of
// that type (`n = 0` ... `n += 1`; `for i in range(k)`; `job = Job(...)` of a plain class) and no
// other scope writes it. Anything else stays unknown and keeps the runtime helpers.
//
//   local names    per scope, outermost first: each name starts as the type of its bindings that do
//                  not depend on other candidates; then any binding that disagrees (under the
//                  current assumptions) makes the name unknown, until nothing changes.
//   parameters     of module-level functions of the script whose name is only ever called directly
//                  (never passed around): the type every call site passes, checked the same way.

import type * as py from "../ast/nodes.js";
import { allArgs, positionalArgs } from "../ast/arguments.js";
import { annotationRoots, nodeIndex } from "../ast/node-index.js";
import { forEachChildWith } from "../ast/walk.js";
import { resolveName, type Scope, type ScopeTable } from "./scopes.js";
import { staticType, type PyType, type TypeEnv } from "./types.js";
import type { ClassFacts, MethodDef } from "./class-facts.js";
import { attributeWrites, collectBindings, own, returnValues, walkAll, type Binding, type BindingCollector, type OwnStatementFacts } from "./binding-facts.js";
import {
  AWAITED_METHOD_RESULTS,
  AWAITED_RESULTS,
  BYTES_METHOD_RESULTS,
  RUNTIME_ATTRIBUTES,
  RUNTIME_METHOD_RESULTS,
  STR_LIST_METHODS,
  STR_METHOD_RESULTS,
  TUPLE_ITEMS,
} from "./known-results.js";

/** The facts inference.ts proves; the lowering reads them through LowerContext.typeEnv(). */
export interface InferredTypes {
  typeOf(scope: Scope, name: string): PyType | undefined;
  /** The plain class behind an `inst:` type. */
  classOf(type: PyType | undefined): py.ClassDef | undefined;
  /** The types of names as code in `scope` sees them (its own, its enclosing scopes', calls). */
  envAt(scope: Scope): TypeEnv;
  /** The def a call of method `attr` runs on a value of type `owner`, when it is certain. */
  methodFor(owner: PyType | undefined, attr: string): MethodDef | undefined;
  /** The def a special method (`__aenter__`, looked up on the type) runs for a value of type `owner`, when it is certain. */
  specialMethodFor(owner: PyType | undefined, attr: string): MethodDef | undefined;
  /** What a def surely returns (awaiting it, for a coroutine function). */
  returnOf(fn: MethodDef): PyType | undefined;
  /** The class behind a `self:` type (the instance may be of a subclass). */
  selfClassOf(type: PyType | undefined): py.ClassDef | undefined;
}

export interface InferenceInput {
  module: py.Module;
  scopes: ScopeTable;
  /** The plain user classes a name bound once refers to, in the scope it is resolved from. */
  plainClass(scope: Scope, name: string): py.ClassDef | undefined;
  /** What a call of a runtime module's class or factory makes (`asyncio.Queue()`: `rt:asyncio.Queue`), seen from `scope`. */
  runtimeCall(scope: Scope, call: py.Call): PyType | undefined;
  /** Whether module-level names may change behind the analysis's back (an imported module, globals()). */
  moduleOpen: boolean;
  /** What a call of a decorated def gives, when its decorators make that certain (decorated.ts). */
  decoratedResult(def: MethodDef): PyType | undefined;
  /** The undecorated def a name bound once refers to, in the scope it is resolved from. */
  knownDef(scope: Scope, name: string): py.FunctionDef | py.AsyncFunctionDef | undefined;
  classes: ClassFacts;
  /** The runtime function a call names (`asyncio.sleep`), seen from `scope`. */
  runtimeFunction(scope: Scope, call: py.Call): string | undefined;
  /** The calls in each scope's own code (scopes.ts ModuleFacts.ownCalls). */
  ownCalls: Map<Scope, py.Call[]>;
  /** The module's and each def's bindings, returns and attribute stores, when the scope analysis gathered them (ModuleFacts.ownStatements). */
  ownStatements?: Map<Scope, BindingCollector>;
  /** The names some scope other than the module's binds (gathered with the program's names, analysis.ts). */
  boundInInnerScopes: ReadonlySet<string>;
}

/** A class body that defines `__class_getitem__` (by a def or an assignment). */
function ownClassGetitem(c: py.ClassDef): boolean {
  return c.body.some(
    (item) =>
      (item._type === "FunctionDef" && item.name === "__class_getitem__") ||
      (item._type === "Assign" && item.targets.some((t) => t._type === "Name" && t.id === "__class_getitem__")),
  );
}

export function inferTypes(input: InferenceInput): InferredTypes {
  const inference = new Inference(input);
  inference.run();
  return inference;
}

// What each call site passes for each parameter that may be typed, found once (the rounds only
// type them): a type the runtime passes, or the expression and the scope it is evaluated in.
// (`param`: the argument is a parameter typed by these rounds too, `tock(state)` inside tock)
type Passed = PyType | { expr: py.ExprNode; env: TypeEnv; param?: string } | undefined;
type PassedParams = { name: string; key: string; passed: Passed[] }[];

/**
 * One module's inference, and the facts it proved (the lowering reads them through its methods).
 * Its steps are methods, not closures made per inference: a closure's optimized code is held only
 * while some closure of its site lives, so every full garbage collection between two lowerings
 * threw the last one's away and V8 compiled them all again (bench/NOTES.md, round 18).
 */
class Inference implements InferredTypes {
  readonly input: InferenceInput;
  readonly facts = new Map<Scope, Map<string, PyType>>();
  readonly classes = new Map<string, py.ClassDef>();
  // (each class's two keys made once: the environments ask for them per typed call and method)
  readonly instKeys = new Map<py.ClassDef, PyType>();
  /** The class of each `self:` type (made by selfKey only). */
  readonly selfClasses = new Map<PyType, py.ClassDef>();
  readonly selfKeys = new Map<py.ClassDef, PyType>();
  // (the answers about runtime calls, kept while the rounds run, each with the scope it was asked
  // from: a call is typed from its own scope, but the answer depends on the scope)
  roundsRunning = true;
  readonly runtimeCalls = new Map<py.Call, PyType | undefined>();
  readonly runtimeCallScopes = new Map<py.Call, Scope>();
  readonly runtimeFunctions = new Map<py.Call, string | undefined>();
  readonly runtimeFunctionScopes = new Map<py.Call, Scope>();
  readonly envs = new Map<Scope, ScopeEnv>();
  // (what each scope's inference keeps from round to round, in scope order)
  readonly rounds: ScopeRounds[] = [];
  // Module-wide, by candidate number (a scope's `base` + its own number): each candidate's
  // bindings and where they start in `bindingReads`; by binding: the candidates its value reads
  // (found when first asked). The running inference's working arrays, by its scope's own numbers.
  readonly candidateBindings: Binding[][] = [];
  readonly bindingStart: number[] = [];
  readonly bindingReads: (readonly number[] | undefined)[] = [];
  readonly assumed: (PyType | undefined)[] = [];
  readonly checked: number[] = [];
  readonly assumedOrder: number[] = [];
  /** The return types of the program's own functions, assumed while the locals are inferred. */
  returns = new Map<py.FunctionDef | py.AsyncFunctionDef, PyType>();
  // What the scope being inferred reads from outside itself, as triples: (scope, name, type) of an
  // outer name, (def, null, type) of a return, (ATTR, attribute, type); null outside inferScope.
  reads: unknown[] | null = null;
  readonly defs: (py.FunctionDef | py.AsyncFunctionDef)[] = [];
  // (read off the tree once: returnTypes runs in every round)
  readonly returnsOf = new Map<py.FunctionDef | py.AsyncFunctionDef, ReturnType<typeof returnValues>>();
  // (per def: its return values' agreed type, or null when they disagree)
  readonly lastReturns: LastAnswers<{ type: PyType | undefined } | null> = new Map();
  // Instance attributes of the program's classes: typed when every write of the attribute name, on
  // any object, and every class-body binding of it, gives the same type (assumed like returns).
  attrs = new Map<string, PyType>();
  attrWrites = new Map<string, AttributeWrite[] | null>();
  readonly lastAttrs: LastAnswers<PyType | undefined> = new Map();
  readonly passedArguments: { scope: Scope; params: PassedParams }[] = [];
  readonly typedParams = new Map<Scope, Set<string>>();
  readonly paramKeys = new Map<Scope, number>();
  readonly lastParams: LastAnswers<Map<string, PyType> | undefined> = new Map();
  params = new Map<Scope, Map<string, PyType>>();
  // (a map of facts may be one the rounds were given, a scope's parameter types: added to in a
  // copy, and only when it lacks one of them; the last inference had them all, so it never does)
  readonly extended = new Set<Map<string, PyType>>();

  constructor(input: InferenceInput) {
    this.input = input;
  }

  typeOf(scope: Scope, name: string): PyType | undefined {
    return this.facts.get(scope)?.get(name);
  }
  classOf(t: PyType | undefined): py.ClassDef | undefined {
    return t?.startsWith("inst:") ? this.classes.get(t) : undefined;
  }
  selfClassOf(t: PyType | undefined): py.ClassDef | undefined {
    return t === undefined ? undefined : this.selfClasses.get(t);
  }
  envAt(scope: Scope): TypeEnv {
    return this.factEnv(scope);
  }
  specialMethodFor(owner: PyType | undefined, attr: string): MethodDef | undefined {
    return this.methodFor(owner, attr, true);
  }
  returnOf(fn: MethodDef): PyType | undefined {
    return this.returns.get(fn);
  }

  classKey(c: py.ClassDef): PyType {
    let key = this.instKeys.get(c);
    if (key === undefined) {
      this.instKeys.set(c, (key = `inst:${c.name}@${c.lineno}:${c.col_offset}`));
      this.classes.set(key, c);
    }
    return key;
  }
  selfKey(c: py.ClassDef): PyType {
    let key = this.selfKeys.get(c);
    if (key === undefined) {
      this.classKey(c);
      this.selfKeys.set(c, (key = `self:${c.name}@${c.lineno}:${c.col_offset}`));
      this.selfClasses.set(key, c);
    }
    return key;
  }
  methodFor(owner: PyType | undefined, attr: string, special = false): MethodDef | undefined {
    if (owner === undefined) return undefined;
    if (owner.startsWith("inst:")) {
      const cls = this.classes.get(owner);
      return cls && this.input.classes.method(cls, attr, false, special);
    }
    if (owner.startsWith("self:")) {
      const cls = this.selfClasses.get(owner);
      return cls && this.input.classes.method(cls, attr, true, special);
    }
    return undefined;
  }
  decoratedMethodFor(owner: PyType | undefined, attr: string): MethodDef | undefined {
    if (owner === undefined) return undefined;
    if (owner.startsWith("inst:")) {
      const cls = this.classes.get(owner);
      return cls && this.input.classes.decoratedMethod(cls, attr, false);
    }
    if (owner.startsWith("self:")) {
      const cls = this.selfClasses.get(owner);
      return cls && this.input.classes.decoratedMethod(cls, attr, true);
    }
    return undefined;
  }

  // (what the runtime calls of a scope give and name, found once while the rounds run: they read
  // the known bindings, which the lowering extends later, so not kept after inference)
  runtimeCall(scope: Scope, call: py.Call): PyType | undefined {
    if (!this.roundsRunning) return this.input.runtimeCall(scope, call);
    if (this.runtimeCallScopes.get(call) === scope) return this.runtimeCalls.get(call);
    const t = this.input.runtimeCall(scope, call);
    this.runtimeCallScopes.set(call, scope);
    this.runtimeCalls.set(call, t);
    return t;
  }
  runtimeFunction(scope: Scope, call: py.Call): string | undefined {
    if (!this.roundsRunning) return this.input.runtimeFunction(scope, call);
    if (this.runtimeFunctionScopes.get(call) === scope) return this.runtimeFunctions.get(call);
    const fn = this.input.runtimeFunction(scope, call);
    this.runtimeFunctionScopes.set(call, scope);
    this.runtimeFunctions.set(call, fn);
    return fn;
  }

  // The environment of a scope: its own names' types, outer scopes' proven facts, builtins. One per
  // scope, made at its first use: while the scope's locals are inferred its own names read that
  // inference's assumptions (and the parameter types it was given), at any other time the proven
  // facts (read when asked: the lowering asks for it per expression). Its methods are shared by
  // every scope's environment and find the scope through `this` (types.ts calls them as methods).
  factEnv(scope: Scope): ScopeEnv {
    let env = this.envs.get(scope);
    if (env === undefined) {
      env = scopeEnv({ scope, table: null, paramTypes: undefined, inference: this });
      this.envs.set(scope, env);
    }
    return env;
  }

  returnRead(def: py.FunctionDef | py.AsyncFunctionDef): PyType | undefined {
    const t = this.returns.get(def);
    this.reads?.push(def, null, t);
    return t;
  }
  /** Whether every recorded read gives the same answer now (a parameter's: its type in `paramTypes`). */
  stillReads(list: unknown[], paramTypes?: Map<string, PyType>): boolean {
    for (let i = 0; i < list.length; i += 3) {
      const key = list[i];
      const now =
        key === ATTR
          ? this.attrs.get(list[i + 1] as string)
          : key === PARAM
            ? paramTypes?.get(list[i + 1] as string)
            : list[i + 1] === null
              ? this.returns.get(key as py.FunctionDef | py.AsyncFunctionDef)
              : this.typeOf(key as Scope, list[i + 1] as string);
      if (now !== list[i + 2]) return false;
    }
    return true;
  }
  // An answer under the current facts, returns and attributes is its last answer when everything
  // it read then reads the same now (it is deterministic), else computed again: `fresh` says which;
  // to compute it, `startReads` then `keepAnswer` (no closure per answer).
  /** Whether the last answer for `key` holds now. */
  fresh<K, T>(last: LastAnswers<T, K>, key: K): boolean {
    const before = last.get(key);
    return before !== undefined && this.stillReads(before.reads);
  }
  /** Starts recording the reads of a new answer for `key` into the list it returns (its last record's, reused). */
  startReads<K, T>(last: LastAnswers<T, K>, key: K): unknown[] {
    const before = last.get(key);
    const log = before !== undefined ? before.reads : [];
    log.length = 0;
    this.reads = log;
    return log;
  }
  /** Keeps `value` as the answer for `key`, with the reads `log` recorded since startReads. */
  keepAnswer<K, T>(last: LastAnswers<T, K>, key: K, log: unknown[], value: T): T {
    const before = last.get(key);
    if (before !== undefined) before.value = value;
    else last.set(key, { reads: log, value });
    this.reads = null;
    return value;
  }

  run(): void {
    const input = this.input;
    // (loops, not map then filter: TurboFan's inlined map makes a holey array where V8's builtin
    // makes a packed one, so a filter after it, compiled for one, threw its caller away at the other)
    const order: Scope[] = [];
    for (const s of input.scopes.values()) if (s.kind === "module" || s.kind === "function" || s.kind === "comprehension") order.push(s);
    const walrusInModule = nodeIndex(input.module).ofType("NamedExpr").length > 0;
    // (one walk per scope: its bindings, and its return values and attribute stores for later)
    const ownFacts = new Map<Scope, OwnStatementFacts>();
    for (let i = 0; i < order.length; i++) {
      const scope = order[i];
      const gathered = input.ownStatements?.get(scope);
      const found: OwnStatementFacts = gathered?.facts ?? { returns: [], attributeStores: [] };
      const bindings = gathered !== undefined ? gathered.out : collectBindings(scope.node, walrusInModule, found);
      this.rounds.push({
        scope,
        bindings,
        candidates: undefined,
        self: undefined,
        passed: undefined,
        withSelf: undefined,
        last: undefined,
      });
      ownFacts.set(scope, found);
    }
    const callers = input.moduleOpen ? new Map<py.FunctionDef | py.AsyncFunctionDef, CallSite[]>() : directlyCalledFunctions(input);
    for (const s of order) {
      const n = s.node;
      if ((n._type === "FunctionDef" || n._type === "AsyncFunctionDef") && !input.scopes.get(n)!.isGenerator) this.defs.push(n);
    }
    for (const fn of this.defs) this.returnsOf.set(fn, returnValues(fn.body, ownFacts.get(input.scopes.get(fn)!)!.returns));

    // A method's `self`, when it is surely an instance of its class or a subclass.
    for (let i = 0; i < this.rounds.length; i++) {
      const r = this.rounds[i];
      const fn = r.scope.node;
      if (fn._type !== "FunctionDef" && fn._type !== "AsyncFunctionDef") continue;
      const cls = input.classes.selfClass(fn);
      const self = fn.args.posonlyargs[0]?.arg ?? fn.args.args[0]?.arg;
      if (cls && self && (r.scope.bindCount.get(self) ?? 0) === 1 && !r.scope.writtenElsewhere.has(self)) r.self = new Map([[self, this.selfKey(cls)]]);
    }

    this.attrWrites = attributeWrites(input, (scope) => ownFacts.get(scope)?.attributeStores);
    ownFacts.clear();

    for (const fn of callers.keys()) {
      const scope = input.scopes.get(fn)!;
      const names = new Set<string>();
      for (const p of allArgs(fn.args)) if ((scope.bindCount.get(p.arg) ?? 0) === 1 && !scope.writtenElsewhere.has(p.arg)) names.add(p.arg);
      this.typedParams.set(scope, names);
    }
    for (const [fn, sites] of callers) this.passedArgumentsOf(fn, sites);

    // Parameters typed from their call sites, which the local facts type in turn: repeated until the
    // two agree (each call site then passes what the function assumes), else no parameter is typed.
    // Return types the same way: assumed, then checked against what the functions return under them.
    // The rounds start optimistic when some call passes a parameter they type (a recursive call):
    // what they settle on is kept only if every call site, the recursive ones included, then agrees.
    this.inferLocals(this.params);
    const cyclic = this.passesTypedParameter();
    if (!cyclic || !this.settle(true)) {
      if (cyclic) this.reset();
      if (!this.settle(false)) this.reset();
    }
    for (const [scope, types] of this.params) this.withParams(scope, types);
    for (let i = 0; i < this.rounds.length; i++) if (this.rounds[i].self) this.withParams(this.rounds[i].scope, this.rounds[i].self!);
    // The rounds' working tables: the lowering reads none of them, but it keeps this object alive
    // (and its young-generation collections would copy them): emptied here.
    this.roundsRunning = false;
    this.runtimeCalls.clear();
    this.runtimeCallScopes.clear();
    this.runtimeFunctions.clear();
    this.runtimeFunctionScopes.clear();
    this.rounds.length = 0;
    this.returnsOf.clear();
    this.attrWrites.clear();
    this.passedArguments.length = 0;
    this.typedParams.clear();
    this.paramKeys.clear();
    this.lastReturns.clear();
    this.lastAttrs.clear();
    this.lastParams.clear();
    this.extended.clear();
    this.candidateBindings.length = 0;
    this.bindingStart.length = 0;
    this.bindingReads.length = 0;
    this.assumed.length = 0;
    this.checked.length = 0;
    this.assumedOrder.length = 0;
    this.defs.length = 0;
  }

  /** Whether some call site passes a parameter these rounds type (`tock(state)` inside tock). */
  passesTypedParameter(): boolean {
    for (const { params } of this.passedArguments)
      for (const { passed } of params) for (const a of passed) if (typeof a === "object" && a?.param !== undefined) return true;
    return false;
  }

  returnTypes(): Map<py.FunctionDef | py.AsyncFunctionDef, PyType> {
    const out = new Map<py.FunctionDef | py.AsyncFunctionDef, PyType>();
    const last = this.lastReturns;
    for (const fn of this.defs) {
      let agreed: { type: PyType | undefined } | null;
      if (this.fresh(last, fn)) agreed = last.get(fn)!.value;
      else {
        const log = this.startReads(last, fn);
        agreed = this.keepAnswer(last, fn, log, this.agreedReturn(fn));
      }
      if (agreed) out.set(fn, agreed.type!);
    }
    return out;
  }
  /** The type every return value of `fn` gives under the current facts, or null when they disagree. */
  agreedReturn(fn: py.FunctionDef | py.AsyncFunctionDef): { type: PyType | undefined } | null {
    const scope = this.input.scopes.get(fn)!;
    const env = this.factEnv(scope);
    const { values, fallsOff } = this.returnsOf.get(fn)!;
    // (no array per def and round: every value typed, in order; a def with no value gets undefined)
    let first: PyType | undefined;
    let agree = true;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const t = v ? staticType(v, env) : "none";
      if (i === 0) first = t;
      if (t === undefined || t !== first) agree = false;
    }
    if (fallsOff) {
      if (!values.length) first = "none";
      else if (first !== "none") agree = false;
    }
    return agree ? { type: first } : null;
  }

  attrTypes(): Map<string, PyType> {
    const out = new Map<string, PyType>();
    const last = this.lastAttrs;
    for (const [attr, writes] of this.attrWrites) {
      if (!writes) continue;
      let type: PyType | undefined;
      if (this.fresh(last, attr)) type = last.get(attr)!.value;
      else {
        const log = this.startReads(last, attr);
        type = this.keepAnswer(last, attr, log, this.agreedAttribute(writes));
      }
      if (type !== undefined) out.set(attr, type);
    }
    return out;
  }
  /** The type every write of an attribute gives (`writes` is never empty), or undefined. */
  agreedAttribute(writes: AttributeWrite[]): PyType | undefined {
    // The plain writes give the candidate; augmented ones must keep it.
    let cur: PyType | undefined;
    let plain = 0;
    let plainAgree = true;
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i];
      if (w.op) continue;
      const t = staticType(w.value, this.factEnv(w.scope));
      if (plain++ === 0) cur = t;
      if (t === undefined || t !== cur) plainAgree = false;
    }
    if (!plain || !plainAgree) cur = undefined;
    let first: PyType | undefined;
    let agree = true;
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i];
      const t = staticType(w.value, this.factEnv(w.scope));
      let kept: PyType | undefined;
      if (!w.op) kept = t;
      else if (cur === "str" && t === "str" && w.op._type === "Add") kept = "str";
      else kept = cur && cur === t && (cur === "int" || cur === "float") && ARITHMETIC_KEEPS_TYPE.has(w.op._type) ? cur : undefined;
      if (i === 0) first = kept;
      if (kept === undefined || kept !== first) agree = false;
    }
    return agree ? first : undefined;
  }

  /** One pass over every scope, with the parameter types `params` assumed. */
  inferLocals(params: Map<Scope, Map<string, PyType>>): void {
    this.facts.clear();
    for (let i = 0; i < this.rounds.length; i++) {
      const r = this.rounds[i];
      const passed = params.size ? params.get(r.scope) : undefined;
      // (the merged map made again only when the passed types are a new map: the rounds reuse an unchanged one)
      if (r.self && passed && passed !== r.passed) r.withSelf = new Map([...passed, ...r.self]);
      r.passed = passed;
      this.inferScope(r, r.self ? (passed ? r.withSelf : r.self) : passed);
    }
  }

  paramKey(scope: Scope, name: string): string {
    if (!this.paramKeys.has(scope)) this.paramKeys.set(scope, this.paramKeys.size);
    return `${this.paramKeys.get(scope)}:${name}`;
  }
  /** What each of `fn`'s call sites passes for each parameter that may be typed (into passedArguments). */
  passedArgumentsOf(fn: py.FunctionDef | py.AsyncFunctionDef, sites: CallSite[]): void {
    const input = this.input;
    const scope = input.scopes.get(fn)!;
    const params: PassedParams = [];
    // (no *args or **kwargs: directlyCalledFunctions takes none)
    const positional = positionalArgs(fn.args);
    for (const p of allArgs(fn.args)) {
      if (!this.typedParams.get(scope)!.has(p.arg)) continue;
      const at = positional.indexOf(p);
      // (a loop, not map: the same packed array whether this runs optimized or not, for paramTypesFromCalls)
      const passed: Passed[] = [];
      for (const site of sites) {
        if (site.given && at >= 0 && at < site.given.length) {
          passed.push(site.given[at]);
          continue;
        }
        const e = argumentFor(fn, positional, site.call, p.arg);
        if (!e) {
          passed.push(undefined);
          continue;
        }
        const from = e.inDef ? scope.parent! : site.scope;
        let param: string | undefined;
        if (e.expr._type === "Name") {
          const r = resolveName(from, e.expr.id, input.scopes);
          if (r.where !== "builtin" && this.typedParams.get(r.scope)?.has(e.expr.id)) param = this.paramKey(r.scope, e.expr.id);
        }
        passed.push({ expr: e.expr, env: this.factEnv(from), param });
      }
      params.push({ name: p.arg, key: this.paramKey(scope, p.arg), passed });
    }
    this.passedArguments.push({ scope, params });
  }

  /**
   * What every call site passes for each parameter, under the current facts. `pending` (the
   * optimistic rounds): parameters not found untyped yet; a site passing one of them while it is
   * untyped is left out (a recursive call passes the parameter it is typing), and `failed` gets
   * the parameters some other site leaves untyped.
   */
  paramTypesFromCalls(failedBefore?: Set<string>, failed?: Set<string>): Map<Scope, Map<string, PyType>> {
    const out = new Map<Scope, Map<string, PyType>>();
    const last = this.lastParams;
    for (const { scope, params } of this.passedArguments) {
      let types: Map<string, PyType> | undefined;
      // (the optimistic answers depend on `failedBefore` too: not kept)
      if (failedBefore) types = passedTypes(params, failedBefore, failed);
      else if (this.fresh(last, scope)) types = last.get(scope)!.value;
      else {
        const log = this.startReads(last, scope);
        types = this.keepAnswer(last, scope, log, passedTypes(params, failedBefore, failed));
      }
      if (types) out.set(scope, types);
    }
    return out;
  }

  settle(optimistic: boolean): boolean {
    let failed = optimistic ? new Set<string>() : undefined;
    for (let round = 0; round < 6; round++) {
      const failedNow = failed && new Set(failed);
      const next = this.paramTypesFromCalls(failed, failedNow);
      const nextReturns = this.returnTypes();
      const nextAttrs = this.attrTypes();
      if (sameParams(next, this.params) && sameMap(nextReturns, this.returns) && sameMap(nextAttrs, this.attrs))
        return !optimistic || sameParams(this.paramTypesFromCalls(), this.params);
      this.params = next;
      this.returns = nextReturns;
      this.attrs = nextAttrs;
      failed = failedNow;
      this.inferLocals(this.params);
    }
    return false;
  }
  reset(): void {
    this.returns = new Map();
    this.attrs = new Map();
    this.inferLocals((this.params = new Map()));
  }
  withParams(scope: Scope, types: Map<string, PyType>): void {
    let m = this.facts.get(scope);
    if (m !== undefined && hasAll(m, types)) return;
    if (m === undefined || !this.extended.has(m)) {
      this.facts.set(scope, (m = new Map(m)));
      this.extended.add(m);
    }
    for (const [n, t] of types) m.set(n, t);
  }

  inferScope(r: ScopeRounds, paramTypes: Map<string, PyType> | undefined): void {
    const scope = r.scope;
    if (scope.kind === "module" && this.input.moduleOpen) return;
    // The same answers to everything it read outside itself and of its parameters: its locals get
    // the same types as in the previous round (the inference is deterministic), not worked out
    // again; only the parameter types it did not read may differ.
    const before = r.last;
    if (before && this.stillReads(before.reads, paramTypes)) {
      if (!sameTypes(before.paramTypes, paramTypes)) {
        before.proven = withOtherParams(before.proven, before.paramTypes, paramTypes);
        before.paramTypes = paramTypes;
      }
      if (before.proven.size) this.facts.set(scope, before.proven);
      return;
    }
    // (the new inference replaces the last one: its record and its list of reads are reused)
    const log = before !== undefined ? before.reads : [];
    log.length = 0;
    this.reads = log;
    const proven = this.inferScopeTypes(r, paramTypes);
    if (before !== undefined) {
      before.paramTypes = paramTypes;
      before.proven = proven;
    } else r.last = { paramTypes, reads: log, proven };
    this.reads = null;
    if (proven.size) this.facts.set(scope, proven);
  }

  inferScopeTypes(r: ScopeRounds, paramTypes: Map<string, PyType> | undefined): Map<string, PyType> {
    const { scope, bindings } = r;
    // (the same in every round: found once per scope)
    let c = r.candidates;
    if (c === undefined) {
      const names: string[] = [];
      for (const [n, list] of bindings)
        if (
          !scope.params.has(n) &&
          !scope.globals.has(n) &&
          !scope.nonlocals.has(n) &&
          !scope.writtenElsewhere.has(n) &&
          list.length === (scope.bindCount.get(n) ?? 0)
        )
          names.push(n);
      r.candidates = c = names.length ? this.numberCandidates(names, bindings) : NO_CANDIDATES;
    }
    const count = c.names.length;
    // (no local to type: only the parameters' types, and no environment made)
    if (!count) return paramTypes ?? NOTHING_PROVEN;
    // This inference's assumptions by candidate number, in the shared working arrays (one
    // inference runs at a time): `assumed` the type (PENDING: none yet), `checked` 1 for a name
    // typed at seeding with every valued binding ready (the descent's first pass need not type
    // those again), `assumedOrder` the numbers in the order they got an assumption.
    const assumed = this.assumed;
    const checked = this.checked;
    for (let i = 0; i < count; i++) {
      assumed[i] = PENDING;
      checked[i] = 0;
    }
    this.assumedOrder.length = 0;
    const env = this.factEnv(scope);
    const state = env.state;
    state.table = c;
    state.paramTypes = paramTypes;
    try {
      return this.inferCandidates(c, count, env, paramTypes);
    } finally {
      state.table = null;
      state.paramTypes = undefined;
    }
  }

  inferCandidates(c: CandidateTable, count: number, env: TypeEnv, paramTypes: Map<string, PyType> | undefined): Map<string, PyType> {
    const base = c.base;
    const assumed = this.assumed;
    const checked = this.checked;
    const assumedOrder = this.assumedOrder;
    const candidateBindings = this.candidateBindings;
    const bindingStart = this.bindingStart;
    // Seeds: a name takes the type its bindings agree on, counting those that read only names
    // already typed (`job = Job(i)` once `i` is), until no more names get one.
    let anyChecked = false;
    for (let grew = true; grew;) {
      grew = false;
      for (let i = 0; i < count; i++) {
        if (assumed[i] !== PENDING) continue;
        // (one loop, no arrays: this runs per candidate per round of every scope's inference)
        let unknown = false;
        let valued = 0;
        let ready = 0;
        let first: PyType | undefined;
        let agree = true;
        const list = candidateBindings[base + i];
        const start = bindingStart[base + i];
        for (let j = 0; j < list.length; j++) {
          const b = list[j];
          if (b.k === "unknown") unknown = true;
          if (b.k === "none" || b.k === "aug") continue;
          valued++;
          if (this.readsPending(c, b, start + j)) continue;
          // (once the name cannot get a type this pass, the other bindings' types change nothing:
          // they are only counted, and the reads that decided are recorded already)
          if (unknown || !agree) {
            ready++;
            continue;
          }
          const t = bindingType(b, env, undefined);
          if (ready++ === 0) first = t;
          if (t === undefined || t !== first) agree = false;
        }
        if (!unknown && ready && agree) {
          assumed[i] = first;
          assumedOrder.push(i);
          if (ready === valued) {
            checked[i] = 1;
            anyChecked = true;
          }
          grew = true;
        } else if (unknown || (ready === valued && ready)) {
          // Unknown for good (a binding of no known type, or ones that disagree without waiting on any
          // other name): names whose bindings read it may still have a type of their own (`Job(n)`).
          assumed[i] = undefined;
          assumedOrder.push(i);
          grew = true;
        }
      }
    }
    // Descend: a binding that disagrees with the assumption under the assumptions makes the name unknown.
    // Until the first change, a name in `checked` has only its augmented bindings to check: the
    // others gave its type under these same assumptions when it was seeded.
    for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
      changed = false;
      for (let k = 0; k < assumedOrder.length; k++) {
        const i = assumedOrder[k];
        const t = assumed[i];
        if (t === undefined) continue;
        const augOnly = anyChecked && checked[i] === 1;
        let ok = true;
        const list = candidateBindings[base + i];
        for (let j = 0; j < list.length; j++) {
          const b = list[j];
          if (b.k === "none" || (augOnly && b.k !== "aug")) continue;
          if (bindingType(b, env, t) !== t) {
            ok = false;
            break;
          }
        }
        if (!ok) {
          assumed[i] = undefined;
          changed = true;
          anyChecked = false;
        }
      }
      anyChecked = false;
    }
    // (the parameter types themselves when no local is typed: maps of facts are never written to)
    let proven: Map<string, PyType> | undefined;
    for (let k = 0; k < assumedOrder.length; k++) {
      const t = assumed[assumedOrder[k]];
      if (t !== undefined) (proven ??= new Map<string, PyType>(paramTypes)).set(c.names[assumedOrder[k]], t);
    }
    return proven ?? paramTypes ?? NOTHING_PROVEN;
  }

  /** A scope's candidates numbered, their bindings in the module-wide arrays. */
  numberCandidates(names: string[], bindings: Map<string, Binding[]>): CandidateTable {
    const index = new Map<string, number>();
    const base = this.candidateBindings.length;
    for (let i = 0; i < names.length; i++) {
      index.set(names[i], i);
      const list = bindings.get(names[i])!;
      this.candidateBindings.push(list);
      this.bindingStart.push(this.bindingReads.length);
      for (let j = 0; j < list.length; j++) this.bindingReads.push(undefined);
    }
    return { names, index, base };
  }

  /** Whether binding `b` (number `at`) reads a candidate of its scope that has no assumption yet. */
  readsPending(c: CandidateTable, b: Binding, at: number): boolean {
    let read = this.bindingReads[at];
    if (read === undefined) this.bindingReads[at] = read = candidatesRead(b, c.index);
    const assumed = this.assumed;
    for (let k = 0; k < read.length; k++) if (assumed[read[k]] === PENDING) return true;
    return false;
  }
}

/** The types the call sites pass for `params` under the current facts (see paramTypesFromCalls). */
function passedTypes(params: PassedParams, failedBefore: Set<string> | undefined, failed: Set<string> | undefined): Map<string, PyType> | undefined {
  let types: Map<string, PyType> | undefined;
  for (const { name, key, passed } of params) {
    if (!passed.length) continue;
    let first: PyType | undefined;
    let known = false;
    for (let i = 0; i < passed.length; i++) {
      const a = passed[i];
      const t = typeof a === "object" ? staticType(a.expr, a.env) : a;
      if (t === undefined && failedBefore && typeof a === "object" && a.param !== undefined && !failedBefore.has(a.param)) continue;
      if (t === undefined || (known && t !== first)) {
        first = undefined;
        failed?.add(key);
        break;
      }
      first = t;
      known = true;
    }
    if (first !== undefined) (types ??= new Map()).set(name, first);
  }
  return types;
}

function sameParams(a: Map<Scope, Map<string, PyType>>, b: Map<Scope, Map<string, PyType>>): boolean {
  if (a.size !== b.size) return false;
  for (const scope of a.keys()) {
    const m = a.get(scope)!;
    const other = b.get(scope);
    if (other?.size !== m.size || !sameMap(m, other)) return false;
  }
  return true;
}

/**
 * What inferCandidates proves with `paramTypes` given, from what it proved with `oldParams` and
 * the same types of the locals: its map is the parameter types' entries, then the locals' (or the
 * parameter types' map itself, or NOTHING_PROVEN, when no local is typed).
 */
function withOtherParams(
  proven: Map<string, PyType>,
  oldParams: Map<string, PyType> | undefined,
  paramTypes: Map<string, PyType> | undefined,
): Map<string, PyType> {
  let out: Map<string, PyType> | undefined;
  let skip = oldParams?.size ?? 0;
  if (proven !== oldParams)
    for (const [n, t] of proven) {
      if (skip > 0) skip--;
      else (out ??= new Map<string, PyType>(paramTypes)).set(n, t);
    }
  return out ?? paramTypes ?? NOTHING_PROVEN;
}

/** A scope's environment (see Inference.factEnv): the function types.ts calls with a name, and the methods it calls. */
function scopeEnv(state: EnvState): ScopeEnv {
  const env = ((name: string) => lookup(state, name)) as ScopeEnv;
  env.state = state;
  env.isBuiltin = builtinIn;
  env.call = callType;
  env.attr = attrType;
  env.awaited = awaitedType;
  return env;
}

/** Where a name read in the env's scope is bound (resolveName keeps each answer on the scope). */
function resolveIn(st: EnvState, name: string): Resolution {
  return resolveName(st.scope, name, st.inference.input.scopes);
}

function lookup(st: EnvState, name: string): PyType | undefined {
  const r = resolveIn(st, name);
  if (r.where === "builtin") return undefined;
  const inference = st.inference;
  if (r.scope === st.scope && st.table !== null) {
    const p = st.paramTypes?.get(name);
    const i = p === undefined ? st.table.index.get(name) : undefined;
    if (i === undefined) {
      // (a parameter, or a name the scope does not type: its type is the one given, recorded
      // so that a round with other parameter types redoes only the scopes that read them)
      inference.reads?.push(PARAM, name, p);
      return p;
    }
    const t = inference.assumed[i];
    return t === PENDING ? undefined : t;
  }
  const t = inference.typeOf(r.scope, name);
  inference.reads?.push(r.scope, name, t);
  return t;
}
function builtinIn(this: ScopeEnv, name: string): boolean {
  return resolveIn(this.state, name).where === "builtin";
}
function callType(this: ScopeEnv, call: py.Call): PyType | undefined {
  const inference = this.state.inference;
  const input = inference.input;
  const f = call.func;
  if (f._type === "Attribute") {
    const owner = staticType(f.value, this);
    if (owner === "str") return own(STR_METHOD_RESULTS, f.attr);
    if (owner === "bytes") return own(BYTES_METHOD_RESULTS, f.attr);
    if (owner?.startsWith("rt:")) return own(RUNTIME_METHOD_RESULTS[owner], f.attr);
    const def = inference.methodFor(owner, f.attr);
    if (def) return def._type === "FunctionDef" ? inference.returnRead(def) : undefined;
    // A decorated method: what its decorator makes (`@asynccontextmanager def read(self)`).
    const decorated = inference.decoratedMethodFor(owner, f.attr);
    if (decorated) return input.decoratedResult(decorated);
  }
  const scope = this.state.scope;
  if (f._type === "Subscript") return aliasCallType(this.state, f);
  if (f._type !== "Name") return inference.runtimeCall(scope, call);
  const r = resolveIn(this.state, f.id);
  if (r.where === "builtin") return BUILTIN_RESULTS[f.id];
  const def = input.knownDef(r.scope, f.id);
  if (def) return def._type === "FunctionDef" ? inference.returnRead(def) : undefined;
  const cls = input.plainClass(r.scope, f.id);
  if (!cls) return inference.runtimeCall(scope, call);
  return inference.classKey(cls);
}
/**
 * `Box[int](...)`: the alias of a plain generic class calls the class (and sets the instance's
 * `__orig_class__`), unless a class of its chain makes its own `__class_getitem__`.
 */
function aliasCallType(state: EnvState, f: py.Subscript): PyType | undefined {
  if (f.value._type !== "Name") return undefined;
  const input = state.inference.input;
  const r = resolveIn(state, f.value.id);
  const cls = r.where === "builtin" ? undefined : input.plainClass(r.scope, f.value.id);
  if (!cls || !(cls.type_params.length || cls.bases.some((b) => b._type === "Subscript"))) return undefined;
  // (plainClass proved the chain's bases are plain classes of the program, or Generic[...])
  const chain = [cls];
  for (let i = 0; i < chain.length && chain.length < 20; i++)
    for (const b of chain[i].bases) {
      const base = b._type === "Subscript" ? b.value : b;
      const inner = base._type === "Name" ? input.plainClass(r.scope, base.id) : undefined;
      if (inner && !chain.includes(inner)) chain.push(inner);
    }
  return chain.some(ownClassGetitem) ? undefined : state.inference.classKey(cls);
}
function attrType(this: ScopeEnv, e: py.Attribute): PyType | undefined {
  const owner = staticType(e.value, this);
  if (owner?.startsWith("rt:")) return own(RUNTIME_ATTRIBUTES[owner], e.attr);
  if (owner?.startsWith("inst:") || owner?.startsWith("self:")) {
    const inference = this.state.inference;
    const t = inference.attrs.get(e.attr);
    inference.reads?.push(ATTR, e.attr, t);
    return t;
  }
  return undefined;
}
function awaitedType(this: ScopeEnv, e: py.ExprNode): PyType | undefined {
  const inference = this.state.inference;
  const input = inference.input;
  if (e._type === "Call" && e.func._type === "Attribute") {
    const owner = staticType(e.func.value, this);
    // (only when the await takes the runtime's coroutine as it is: the program assigns no attribute of that name)
    if (owner?.startsWith("rt:") && !input.classes.writtenFreely(e.func.attr)) {
      const t = own(AWAITED_METHOD_RESULTS[owner], e.func.attr);
      if (t) return t;
    }
    const def = inference.methodFor(owner, e.func.attr);
    if (def) return def._type === "AsyncFunctionDef" && !input.scopes.get(def)?.isGenerator ? inference.returnRead(def) : undefined;
  }
  // (the runtime function the awaited call names, looked up once for both questions below)
  const fn = e._type === "Call" ? inference.runtimeFunction(this.state.scope, e) : undefined;
  // `await asyncio.sleep(d, result)` gives `result` (None without one).
  if (
    e._type === "Call" &&
    fn === "asyncio.sleep" &&
    !e.args.some((a) => a._type === "Starred") &&
    e.keywords.every((k) => k.arg === "result" || k.arg === "delay")
  ) {
    const result = e.args[1] ?? e.keywords.find((k) => k.arg === "result")?.value;
    return result ? staticType(result, this) : "none";
  }
  // `await asyncio.open_connection(...)`: what the runtime's coroutine function surely returns.
  if (fn && Object.prototype.hasOwnProperty.call(AWAITED_RESULTS, fn)) return AWAITED_RESULTS[fn];
  if (e._type !== "Call" || e.func._type !== "Name") return undefined;
  const r = resolveIn(this.state, e.func.id);
  const def = r.where === "builtin" ? undefined : input.knownDef(r.scope, e.func.id);
  return def?._type === "AsyncFunctionDef" ? inference.returnRead(def) : undefined;
}

/** A round's answers per key (a def, an attribute, a function's scope) and what each read, as inferScope records it. */
type LastAnswers<T, K = unknown> = Map<K, { reads: unknown[]; value: T }>;

/** What inferScopeTypes proves of a scope without locals or parameters to type (shared: never written). */
const NOTHING_PROVEN: Map<string, PyType> = new Map();

/** What one scope's inference keeps from round to round. */
interface ScopeRounds {
  scope: Scope;
  /** Every binding of its names (collectBindings). */
  bindings: Map<string, Binding[]>;
  /** The names it may type, numbered, found at its first inference. */
  candidates: CandidateTable | undefined;
  /** A method's `self` as a parameter of a known type. */
  self: Map<string, PyType> | undefined;
  /** The parameter types the calls passed last round, and those with `self`'s. */
  passed: Map<string, PyType> | undefined;
  withSelf: Map<string, PyType> | undefined;
  /** Its last inference: under which parameter types, what it read outside itself, what it proved. */
  last: { paramTypes: Map<string, PyType> | undefined; reads: unknown[]; proven: Map<string, PyType> } | undefined;
}

/**
 * A scope's candidate names numbered 0, 1, ... (`index`); candidate i's bindings are
 * `candidateBindings[base + i]` in inferTypes' module-wide arrays.
 */
interface CandidateTable {
  names: string[];
  index: Map<string, number>;
  base: number;
}

/** The table of a scope with no candidate (shared: never written). */
const NO_CANDIDATES: CandidateTable = { names: [], index: new Map(), base: 0 };

/** A candidate's assumption before it has one (no type is spelled so). */
const PENDING = "\0pending" as unknown as PyType;

type Resolution = ReturnType<typeof resolveName>;

/** An attribute's writes, as attributeWrites gathers them. */
type AttributeWrite = NonNullable<ReturnType<typeof attributeWrites> extends Map<string, infer W> ? W : never>[number];

/** What a scope's environment knows of its scope (see Inference.factEnv). */
interface EnvState {
  scope: Scope;
  inference: Inference;
  /** While the scope's locals are inferred: its candidates (their assumptions are in `assumed`) and the parameter types given. */
  table: CandidateTable | null;
  paramTypes: Map<string, PyType> | undefined;
}

type ScopeEnv = TypeEnv & { state: EnvState };

/** The key under which inferScope records a read of an attribute's type (a scope: a name's type there; a def: its return type). */
const ATTR = "attr";
/** The key under which it records a read of one of the scope's own parameters (or untyped names) while its locals are inferred. */
const PARAM = "param";

/** Whether two parameter-type maps say the same. */
function sameTypes(a: Map<string, PyType> | undefined, b: Map<string, PyType> | undefined): boolean {
  if (!a || !b) return (a?.size ?? 0) === (b?.size ?? 0);
  if (a.size !== b.size) return false;
  for (const n of a.keys()) if (b.get(n) !== a.get(n)) return false;
  return true;
}

/** Whether `m` gives every name of `types` the type `types` gives it. */
function hasAll(m: Map<string, PyType>, types: Map<string, PyType>): boolean {
  for (const n of types.keys()) if (m.get(n) !== types.get(n)) return false;
  return true;
}

/** Whether `b` gives every key of `a` the type `a` gives it, and they have as many keys. */
function sameMap<K>(a: Map<K, PyType>, b: Map<K, PyType>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (b.get(k) !== a.get(k)) return false;
  return true;
}

interface CallSite {
  call: py.Call;
  scope: Scope;
  /** The types of the positional arguments the runtime passes (a callback's call), by position. */
  given?: PyType[];
}

/** Runtime functions that call their first argument with arguments of known types (`start_server(cb)`: cb(reader, writer)). */
const CALLBACK_ARGUMENTS: Record<string, PyType[]> = {
  "asyncio.start_server": ["rt:asyncio.StreamReader", "rt:asyncio.StreamWriter"],
  "asyncio.start_unix_server": ["rt:asyncio.StreamReader", "rt:asyncio.StreamWriter"],
};

/** The instance a class call passes to __init__ (no proven type: `self` is typed on its own). */
const INSTANCE = {
  _type: "Constant",
  value: { ellipsis: true },
  kind: null,
  lineno: 0,
  col_offset: 0,
  end_lineno: 0,
  end_col_offset: 0,
} as unknown as py.ExprNode;

/**
 * Module-level functions of the script whose name is only ever called directly, by position or
 * keyword (never passed around, rebound or decorated): all their callers are then known.
 */
function directlyCalledFunctions(input: InferenceInput): Map<py.FunctionDef | py.AsyncFunctionDef, CallSite[]> {
  const moduleScope = input.scopes.get(input.module)!;
  const out = new Map<py.FunctionDef | py.AsyncFunctionDef, CallSite[]>();
  const candidates = new Map<string, py.FunctionDef | py.AsyncFunctionDef>();
  // The names some other scope binds too (one pass over the scopes, made with the program's names:
  // a scan of every scope per def was quadratic).
  const boundInner = input.boundInInnerScopes;
  for (const s of input.module.body) {
    if ((s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef") || s.decorator_list.length) continue;
    if ((moduleScope.bindCount.get(s.name) ?? 0) !== 1 || moduleScope.writtenElsewhere.has(s.name)) continue;
    const a = s.args;
    if (a.vararg || a.kwarg) continue;
    // The same name bound anywhere else would hide the function from some of its readers.
    if (boundInner.has(s.name)) continue;
    candidates.set(s.name, s);
  }
  // Plain classes with an __init__ of their own that nothing else can run (no subclass, no
  // `type(x)(...)`): calling the class is calling __init__ with the instance first.
  const constructors = new Set<string>();
  let madeDynamically = false;
  // Names some class statement derives from (one walk: per class, a walk each was quadratic).
  const baseNames = new Set<string>();
  const index = nodeIndex(input.module);
  // `type(x)(...)`, `self.__class__(...)`: a class called through another value.
  if (index.ofType("Call").some((n) => n.func._type === "Call") || index.ofType("Attribute").some((n) => n.attr === "__class__")) madeDynamically = true;
  for (const c of index.ofType("ClassDef"))
    for (const b of c.bases) {
      // (`class Sub(Base[int])` derives from Base too)
      const named = b._type === "Subscript" ? b.value : b;
      if (named._type === "Name") baseNames.add(named.id);
    }
  for (const s of input.module.body) {
    if (madeDynamically || s._type !== "ClassDef" || s.decorator_list.length || input.plainClass(moduleScope, s.name) !== s) continue;
    if ((moduleScope.bindCount.get(s.name) ?? 0) !== 1 || moduleScope.writtenElsewhere.has(s.name)) continue;
    if (boundInner.has(s.name)) continue;
    const init = s.body.find((i): i is py.FunctionDef => i._type === "FunctionDef" && i.name === "__init__");
    // (a classmethod may call `cls(...)`)
    if (s.body.some((i) => (i._type === "FunctionDef" || i._type === "AsyncFunctionDef") && i.decorator_list.length)) continue;
    if (!init || init.decorator_list.length || init.args.vararg || init.args.kwarg || !(init.args.posonlyargs.length + init.args.args.length)) continue;
    if (baseNames.has(s.name)) continue;
    candidates.set(s.name, init);
    constructors.add(s.name);
  }
  if (!candidates.size) return out;
  // Every read of the name (a class's in annotations aside: they call nothing), and the calls found in each scope's own code.
  const inAnnotations = new Set<py.Node>();
  for (const a of annotationRoots(input.module)) walkAll(a, (x) => inAnnotations.add(x));
  const reads = new Map<string, number>();
  const nameNodes = index.ofType("Name");
  for (let i = 0; i < nameNodes.length; i++) {
    const n = nameNodes[i];
    if (candidates.has(n.id) && n.ctx._type === "Load" && !(constructors.has(n.id) && inAnnotations.has(n))) reads.set(n.id, (reads.get(n.id) ?? 0) + 1);
  }
  const found: DirectCalls = { input, candidates, constructors, sites: new Map() };
  for (const scope of input.scopes.values()) {
    // (the scope reads none of the names: none of its calls is one; a skipped call would only make a function ineligible)
    if (!readsAny(scope.used, candidates)) continue;
    // The calls in the scope's own code (not in nested scopes, nor in decorators, defaults and
    // annotations, which no scope counts: a missed call only makes a function ineligible).
    const calls = input.ownCalls.get(scope);
    if (calls) for (const e of calls) noteSite(found, e, scope);
  }
  for (const [name, fn] of candidates) {
    const list = found.sites.get(name) ?? [];
    if (list.length && list.length === reads.get(name)) out.set(fn, list);
  }
  return out;
}

/** What directlyCalledFunctions gathers its call sites with (noteSite is not a closure made per module: see Inference). */
interface DirectCalls {
  input: InferenceInput;
  candidates: Map<string, py.FunctionDef | py.AsyncFunctionDef>;
  constructors: Set<string>;
  sites: Map<string, CallSite[]>;
}

function noteSite(found: DirectCalls, e: py.Call, scope: Scope): void {
  const { candidates, constructors, sites } = found;
  // `asyncio.start_server(handle, ...)`: the runtime calls handle(reader, writer).
  const cb = e.args[0];
  const runtime = cb?._type === "Name" && candidates.has(cb.id) && !constructors.has(cb.id) ? found.input.runtimeFunction(scope, e) : undefined;
  const given = runtime ? own(CALLBACK_ARGUMENTS, runtime) : undefined;
  if (given && cb?._type === "Name") {
    const args: py.ExprNode[] = [];
    for (let i = 0; i < given.length; i++) args.push(INSTANCE);
    const call: py.Call = { ...e, func: cb, args, keywords: [] };
    if (!bindsPlainly(candidates.get(cb.id)!, call)) return;
    let list = sites.get(cb.id);
    if (!list) sites.set(cb.id, (list = []));
    list.push({ call, scope, given });
    return;
  }
  if (e.func._type !== "Name" || !candidates.has(e.func.id)) return;
  const fn = candidates.get(e.func.id)!;
  // A class's call passes the new instance first: a placeholder that has no proven type.
  const call: py.Call = constructors.has(e.func.id) ? { ...e, args: [INSTANCE, ...e.args] } : e;
  if (!bindsPlainly(fn, call)) return;
  let list = sites.get(e.func.id);
  if (!list) sites.set(e.func.id, (list = []));
  list.push({ call, scope });
}

/** Whether any of `names` is a key of `m` (a scope reads few names: loop over those, not over every candidate). */
function readsAny(names: Set<string>, m: Map<string, unknown>): boolean {
  for (const n of names) if (m.has(n)) return true;
  return false;
}

/** A call whose arguments bind to the def's parameters at compile time (no unpacking, no unknown keyword). */
// (no list made per call: most calls pass no keyword)
function bindsPlainly(fn: py.FunctionDef | py.AsyncFunctionDef, call: py.Call): boolean {
  const a = fn.args;
  for (let i = 0; i < call.args.length; i++) if (call.args[i]._type === "Starred") return false;
  if (call.args.length > a.posonlyargs.length + a.args.length) return false;
  const keywords = call.keywords;
  for (let i = 0; i < keywords.length; i++) {
    // A keyword names a positional-or-keyword parameter (not a keyword-only one), once, that no
    // positional argument fills.
    const name = keywords[i].arg;
    if (name === null) return false;
    const at = a.args.findIndex((p) => p.arg === name);
    if (at < 0 || keywords.findIndex((o) => o.arg === name) !== i || a.posonlyargs.length + at < call.args.length) return false;
  }
  return true;
}

/** The expression a call passes for a parameter (or its default, evaluated where the def is). */
function argumentFor(
  fn: py.FunctionDef | py.AsyncFunctionDef,
  positional: py.Arg[],
  call: py.Call,
  param: string,
): { expr: py.ExprNode; inDef: boolean } | undefined {
  const i = positional.findIndex((p) => p.arg === param);
  if (i >= 0 && i < call.args.length) return { expr: call.args[i], inDef: false };
  const k = call.keywords.find((kw) => kw.arg === param);
  if (k) return { expr: k.value, inDef: false };
  if (i >= 0) {
    const d = fn.args.defaults[i - (positional.length - fn.args.defaults.length)];
    return d ? { expr: d, inDef: true } : undefined;
  }
  const j = fn.args.kwonlyargs.findIndex((p) => p.arg === param);
  const d = j >= 0 ? fn.args.kw_defaults[j] : null;
  return d ? { expr: d, inDef: true } : undefined;
}

/** Augmented operators that keep an int an int and a float a float (`n += 1`). */
const ARITHMETIC_KEEPS_TYPE = new Set(["Add", "Sub", "Mult"]);

/** What builtins called by their own name always return (or they raise). */
const BUILTIN_RESULTS: Record<string, PyType> = {
  open: "rt:io.File",
  len: "int",
  str: "str",
  repr: "str",
  int: "int",
  float: "float",
  ascii: "str",
  chr: "str",
  ord: "int",
  hex: "str",
  oct: "str",
  bin: "str",
  bool: "bool",
  dict: "dict",
};

function bindingType(b: Binding, env: TypeEnv, self: PyType | undefined): PyType | undefined {
  switch (b.k) {
    case "typed":
      return b.type;
    case "value":
      return staticType(b.expr, env);
    case "item": {
      // `reader, writer = await asyncio.open_connection(...)`: a tuple of known items, unpacked whole.
      const items = own(TUPLE_ITEMS, staticType(b.expr, env) ?? "");
      return items?.length === b.count ? items[b.index] : undefined;
    }
    case "aug": {
      const l = self;
      const r = staticType(b.value, env);
      if (l === "str" && r === "str" && b.op._type === "Add") return "str";
      if (l && l === r && (l === "int" || l === "float") && ARITHMETIC_KEEPS_TYPE.has(b.op._type)) return l;
      return undefined;
    }
    case "for":
      // `for i in range(...)` of the builtin range: ints (range() refuses anything else).
      if (b.iter._type === "Call" && b.iter.func._type === "Name" && b.iter.func.id === "range" && isBuiltin(env, "range")) return "int";
      if (staticType(b.iter, env) === "str") return "str";
      // `for w in s.split()`: a new list of strs.
      if (
        b.iter._type === "Call" &&
        b.iter.func._type === "Attribute" &&
        STR_LIST_METHODS.has(b.iter.func.attr) &&
        staticType(b.iter.func.value, env) === "str"
      )
        return "str";
      return undefined;
  }
  return undefined;
}

function isBuiltin(env: TypeEnv, name: string): boolean {
  return env.isBuiltin?.(name) ?? false;
}

/** The numbers of the scope's candidates a binding's value reads, outside lambdas (most read none: one shared empty list). */
function candidatesRead(b: Binding, index: Map<string, number>): readonly number[] {
  const e = b.k === "value" || b.k === "item" ? b.expr : b.k === "for" ? b.iter : null;
  if (!e) return NO_NUMBERS;
  const found: number[] = [];
  collectCandidateReads(e, found, index);
  return found.length ? found : NO_NUMBERS;
}

const NO_NUMBERS: readonly number[] = [];

/** visitExpr's order without a closure per binding: Names that are candidates, lambdas skipped. */
function collectCandidateReads(n: py.Node, found: number[], index: Map<string, number>): void {
  if (n._type === "Lambda") return;
  if (n._type === "Name") {
    const i = index.get(n.id);
    if (i !== undefined) found.push(i);
    return;
  }
  forEachChildWith(n, collectCandidateReads, found, index);
}
