// `obj.m(a, b)` on a receiver whose class the compiler cannot see is a plain JS method call, which
// drops extra arguments and passes missing ones as undefined. That is safe when every `m` of the
// program is a def of a class body that takes that many positional arguments (or `m` is none of
// the program's: a runtime object's method). When the program stores some other value under `m`
// (a lambda or function kept in an attribute, `hello = greet` in a class body), or defines an `m`
// that does not take that many, the call goes through the runtime's callm_checked, which raises
// CPython's TypeError for a translated function given too many or too few.
//
//   ns.f = lambda x: x * 2        | setattr(ns, "f", (x: any): any => mul(x, 2n));
//   ns.f(1, 2)                    | callm_checked(ns, "f", 1n, 2n);

import type * as py from "../ast/nodes.js";
import { namesAny, nodeIndex } from "../ast/node-index.js";

/**
 * The positional argument counts every def of a class body named so takes, called through an
 * instance (after its self or cls): `low <= n <= high`. An empty range when some def takes no count
 * without keywords (a keyword-only parameter without default).
 */
interface CountsTaken {
  low: number;
  high: number;
}

interface MethodNames {
  /** Names given a value other than a def of a class body (attribute stores, class-level assignments). */
  values: Set<string>;
  /**
   * The counts the defs of class bodies named so all take (those under another decorator than
   * staticmethod or classmethod take any count). One range per name, worked out once: a name the
   * program defines in many classes (`handle` of 200 workers) is asked at every call.
   */
  defs: Map<string, CountsTaken>;
  /** Whether the program may give an object attributes by a computed name (worked out at the first question). */
  dynamic?: boolean;
}

const cache = new WeakMap<py.Module, MethodNames>();

function methodNames(module: py.Module): MethodNames {
  let found = cache.get(module);
  if (found) return found;
  found = { values: new Set(), defs: new Map() };
  const index = nodeIndex(module);
  for (const c of index.ofType("ClassDef"))
    for (const item of c.body) {
      if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef") {
        const bound = boundArguments(item);
        if (bound === null) {
          // (what another decorator makes of the def is not known: any count)
          if (!found.defs.has(item.name)) found.defs.set(item.name, { low: -Infinity, high: Infinity });
          continue;
        }
        const range = found.defs.get(item.name) ?? { low: -Infinity, high: Infinity };
        const a = item.args;
        const params = a.posonlyargs.length + a.args.length - bound;
        if (a.kw_defaults.every((d) => d !== null)) {
          range.low = Math.max(range.low, params - a.defaults.length);
          if (!a.vararg) range.high = Math.min(range.high, params);
        } else {
          range.low = Infinity;
          range.high = -Infinity;
        }
        found.defs.set(item.name, range);
      } else if (item._type === "Assign") {
        for (const t of item.targets) if (t._type === "Name") found.values.add(t.id);
      } else if (item._type === "AnnAssign" && item.value && item.target._type === "Name") found.values.add(item.target.id);
    }
  for (const a of index.ofType("Attribute")) if (a.ctx._type !== "Load") found.values.add(a.attr);
  cache.set(module, found);
  return found;
}

/** How many arguments a call through an instance binds before the given ones (self: 1, a staticmethod: 0); null under another decorator. */
function boundArguments(def: py.FunctionDef | py.AsyncFunctionDef): number | null {
  let bound = 1;
  for (const d of def.decorator_list) {
    const kind = d._type === "Name" ? d.id : d._type === "Attribute" ? d.attr : "";
    if (kind === "staticmethod") bound = 0;
    else if (kind !== "classmethod") return null;
  }
  return bound;
}

/** Whether `obj.attr(...)` with `count` positional arguments needs the checked call (see above). */
export function attributeCallNeedsCheck(module: py.Module, attr: string, count: number): boolean {
  const names = methodNames(module);
  if (names.values.has(attr)) return true;
  const range = names.defs.get(attr);
  return range !== undefined && (count < range.low || count > range.high);
}

/** Ways a program can give an object any attribute by a computed name. */
const DYNAMIC_NAMES = new Set(["setattr", "vars", "exec", "eval", "globals", "__import__"]);
const DYNAMIC_ATTRIBUTES = new Set(["__dict__", "__setattr__", "__class__", "__getattr__", "__getattribute__"]);

/**
 * Whether `obj.attr` is surely missing on `obj`, a proven instance of a plain class of the program
 * whose bases are the program's plain classes (or object): no class of that chain binds `attr`, no
 * code of the program stores it, nothing writes attributes by a computed name. Its call then raises
 * CPython's AttributeError, which names the type (a JS call of undefined cannot).
 */
export function methodSurelyMissing(chain: py.ClassDef[], module: py.Module, attr: string): boolean {
  if (attr.startsWith("__") || !chain.length) return false;
  const inChain = (b: py.ExprNode) => b._type === "Name" && (b.id === "object" || chain.some((c) => c.name === b.id));
  if (!chain.every((c) => c.bases.every(inChain) && !c.keywords.length)) return false;
  if (chain.some((c) => c.body.some((item) => bindsName(item, attr)))) return false;
  const names = methodNames(module);
  if (names.values.has(attr)) return false;
  return !(names.dynamic ??= givesComputedAttributes(module));
}

function givesComputedAttributes(module: py.Module): boolean {
  const index = nodeIndex(module);
  return namesAny(module, DYNAMIC_NAMES) || index.ofType("Attribute").some((a) => DYNAMIC_ATTRIBUTES.has(a.attr));
}

function bindsName(item: py.Stmt, name: string): boolean {
  if (item._type === "FunctionDef" || item._type === "AsyncFunctionDef" || item._type === "ClassDef") return item.name === name;
  if (item._type === "Assign") return item.targets.some((t) => targetBinds(t, name));
  if (item._type === "AnnAssign" || item._type === "AugAssign") return targetBinds(item.target, name);
  // (any other statement of a class body may bind names too: counted as binding it)
  return item._type !== "Expr" && item._type !== "Pass";
}

function targetBinds(t: py.ExprNode, name: string): boolean {
  if (t._type === "Name") return t.id === name;
  if (t._type === "Tuple" || t._type === "List") return t.elts.some((e) => targetBinds(e, name));
  return t._type === "Starred" && targetBinds(t.value, name);
}
