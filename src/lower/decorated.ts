// What a decorated `def` is, when the decorators surely make a plain function of it:
//
//   @contextlib.asynccontextmanager        | a function whose calls give an _AsyncGeneratorContextManager
//   @functools.cache / @lru_cache(...)     | a function (the cache's wrapper)
//   @logged / @retry(n=3)                  | the wrapper the program's decorator returns: every `return`
//                                          | of `logged` (of the decorator `retry(...)` returns) gives the
//                                          | same nested def, decorated by functools.wraps at most
//
// Such a name is called as a plain JS function (no `call()`: it is no class), and awaited without
// `awaitable()` when the function a call runs is an `async def` (a coroutine). Never from annotations.

import type * as py from "../ast/nodes.js";
import { resolveName, type Scope, type ScopeTable } from "./scopes.js";
import type { Known } from "./analysis.js";
import { returnValues } from "./binding-facts.js";
import type { PyType } from "./types.js";

type Def = py.FunctionDef | py.AsyncFunctionDef;

export interface DecoratedFunction {
  /** The def a call runs first (the decorator's wrapper, or the def itself); null: a runtime function. */
  runs: Def | null;
  /** What a call gives, when known. */
  result?: PyType;
}

/** Runtime decorators that make a plain function: what its calls give (undefined: not known). */
const RUNTIME_DECORATORS: Record<string, PyType | undefined> = {
  "contextlib.asynccontextmanager": "rt:contextlib._AsyncGeneratorContextManager",
  "contextlib.contextmanager": "rt:contextlib._GeneratorContextManager",
  "functools.cache": undefined,
};
/** Runtime decorator factories that make such a decorator (`@functools.lru_cache(maxsize=2)`). */
const RUNTIME_DECORATOR_FACTORIES = new Set(["functools.lru_cache"]);

/** The runtime function an expression names (`contextlib.asynccontextmanager`, or the name imported from it), seen from `scope`. */
function runtimeName(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, e: py.ExprNode): string | undefined {
  const lookup = (name: string): Known | undefined => {
    const r = resolveName(scope, name, scopes);
    if (r.where === "builtin" || (r.scope.bindCount.get(name) ?? 0) - (r.scope.repeatedImports.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name))
      return undefined;
    return known.get(r.scope)?.get(name);
  };
  if (e._type === "Attribute" && e.value._type === "Name") {
    const k = lookup(e.value.id);
    return k?.kind === "module" ? `${k.name}.${e.attr}` : undefined;
  }
  if (e._type === "Name") {
    const k = lookup(e.id);
    return k?.kind === "runtime-name" ? `${k.module}.${k.name}` : undefined;
  }
  return undefined;
}

/** A def of the program a name bound once refers to (undecorated), seen from `scope`. */
function knownDef(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, name: string): Def | undefined {
  const r = resolveName(scope, name, scopes);
  if (r.where === "builtin" || (r.scope.bindCount.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name)) return undefined;
  const k = known.get(r.scope)?.get(name);
  return k?.kind === "def" ? k.node : undefined;
}

/** The nested def every `return` of a plain (not async, not generator) def gives, bound once in it. */
function returnedDef(scopes: ScopeTable, fn: Def): Def | undefined {
  const scope = scopes.get(fn);
  if (fn._type !== "FunctionDef" || !scope || scope.isGenerator) return undefined;
  const { values, fallsOff } = returnValues(fn.body);
  const first = values[0];
  if (fallsOff || !first || first._type !== "Name" || !values.every((v) => v?._type === "Name" && v.id === first.id)) return undefined;
  if ((scope.bindCount.get(first.id) ?? 0) !== 1 || scope.writtenElsewhere.has(first.id)) return undefined;
  return fn.body.find((s): s is Def => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === first.id);
}

/** A wrapper def whose decorators (functools.wraps(...) only) leave it as it is. */
function plainWrapper(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, def: Def | undefined): Def | undefined {
  const scope = def && scopes.get(def)?.parent;
  if (!def || !scope) return undefined;
  const wraps = (d: py.ExprNode) => d._type === "Call" && runtimeName(scopes, known, scope, d.func) === "functools.wraps";
  return def.decorator_list.every(wraps) ? def : undefined;
}

/** What decorator `d` (evaluated in `scope`) makes of a function. */
function applyDecorator(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, d: py.ExprNode): DecoratedFunction | undefined {
  const rt = runtimeName(scopes, known, scope, d);
  if (rt !== undefined) return Object.prototype.hasOwnProperty.call(RUNTIME_DECORATORS, rt) ? { runs: null, result: RUNTIME_DECORATORS[rt] } : undefined;
  if (d._type === "Call" && RUNTIME_DECORATOR_FACTORIES.has(runtimeName(scopes, known, scope, d.func) ?? "")) return { runs: null };
  // The program's decorator, or the decorator its factory returns.
  let deco = d._type === "Name" ? knownDef(scopes, known, scope, d.id) : undefined;
  if (d._type === "Call" && d.func._type === "Name") {
    const factory = knownDef(scopes, known, scope, d.func.id);
    deco = factory && returnedDef(scopes, factory);
    if (deco?.decorator_list.length) return undefined;
  }
  const wrapper = deco && plainWrapper(scopes, known, returnedDef(scopes, deco));
  return wrapper ? { runs: wrapper } : undefined;
}

/** What a def's decorators make of it (evaluated in `scope`), when each surely makes a plain function. */
export function decoratedDef(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, def: Def): DecoratedFunction | undefined {
  if (!def.decorator_list.length) return undefined;
  let value: DecoratedFunction | undefined;
  // (the innermost decorator applies first; each one's result replaces the function)
  for (const d of [...def.decorator_list].reverse()) {
    value = applyDecorator(scopes, known, scope, d);
    if (!value) return undefined;
  }
  return value;
}

/** The decorated def a name bound once refers to (a statement of its scope's body), seen from `scope`. */
export function decoratedFunction(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, scope: Scope, name: string): DecoratedFunction | undefined {
  const r = resolveName(scope, name, scopes);
  if (r.where === "builtin" || (r.scope.kind !== "module" && r.scope.kind !== "function")) return undefined;
  if ((r.scope.bindCount.get(name) ?? 0) !== 1 || r.scope.writtenElsewhere.has(name)) return undefined;
  const body = (r.scope.node as { body?: unknown }).body;
  if (!Array.isArray(body)) return undefined;
  const def = (body as py.Stmt[]).find((s): s is Def => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === name);
  return def && decoratedDef(scopes, known, r.scope, def);
}

/** A call of it gives a coroutine: the function it runs is an `async def` (not an async generator). */
export function callGivesCoroutine(scopes: ScopeTable, f: DecoratedFunction | undefined): boolean {
  return !!f?.runs && f.runs._type === "AsyncFunctionDef" && !scopes.get(f.runs)?.isGenerator;
}

/** contextlib's decorators: the function they make calls the def with its own arguments (`self` too). */
const PASS_ARGUMENTS = new Set(["contextlib.asynccontextmanager", "contextlib.contextmanager"]);

/** A method whose decorators all pass its arguments through (a method's `self` is still the instance). */
export function passesArguments(scopes: ScopeTable, known: Map<Scope, Map<string, Known>>, def: Def): boolean {
  const scope = scopes.get(def)?.parent;
  return !!scope && def.decorator_list.every((d) => PASS_ARGUMENTS.has(runtimeName(scopes, known, scope, d) ?? ""));
}
