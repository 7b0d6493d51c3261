// `del g` of a generator nothing else can hold. CPython closes a generator when its last reference
// goes, so a generator suspended in `try: ... finally:` runs its finally block at the `del`. JS has
// no reference counts; but when a variable is only ever bound to a new generator (a call of a
// generator def of the program) and only ever used to drive it (`next(g)`, `g.send(...)`,
// `g.throw(...)`, `g.close()`, `for x in g`), no other reference can exist, and the `del` drops
// the last one: it closes the generator first (close_dropped). Anything else (the variable passed,
// stored, returned, read by a nested function) keeps today's behaviour (closed at exit).

import type * as py from "../ast/nodes.js";
import { forEachChild, walk } from "../ast/walk.js";
import type { LowerContext } from "./context.js";

const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);
const DRIVING_METHODS = new Set(["send", "throw", "close", "__next__"]);

/** Whether `name`, in the scope being lowered, only ever holds generators no one else references. */
export function isOwnedGenerator(cx: LowerContext, name: string): boolean {
  const owner = cx.fn.scope.node;
  if (owner._type === "FunctionDef" || owner._type === "AsyncFunctionDef") {
    const a = owner.args;
    if ([...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg].some((p) => p?.arg === name)) return false;
  }
  const body = (owner as { body?: py.Stmt[] }).body;
  if (!Array.isArray(body)) return false;
  let owned = true;
  let bound = false;
  const mentions = (n: py.Node) => {
    let found = false;
    walk(n, (x) => {
      if (x._type === "Name" && (x as py.Name).id === name) found = true;
      return !found;
    });
    return found;
  };
  const visit = (node: py.Node, parent: py.Node | null, grand: py.Node | null): void => {
    if (!owned) return;
    if (NESTED_SCOPES.has(node._type)) {
      if (mentions(node)) owned = false;
      return;
    }
    if (node._type === "Name" && (node as py.Name).id === name) {
      const use = (node as py.Name).ctx._type;
      if (use === "Store") {
        bound = true;
        if (!(parent?._type === "Assign" && parent.targets.length === 1 && isFreshGenerator(cx, parent.value))) owned = false;
      } else if (use === "Load") {
        const driven =
          (parent?._type === "Call" && parent.func._type === "Name" && parent.func.id === "next" && parent.args[0] === node) ||
          (parent?._type === "Attribute" && DRIVING_METHODS.has(parent.attr) && grand?._type === "Call" && grand.func === parent) ||
          ((parent?._type === "For" || parent?._type === "AsyncFor") && parent.iter === node);
        if (!driven) owned = false;
      }
      return;
    }
    forEachChild(node, (child) => visit(child, node, parent));
  };
  for (const s of body) visit(s, owner, null);
  return owned && bound;
}

/** A call of a generator `def` of the program (a new generator object), or None. */
function isFreshGenerator(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type === "Constant" && e.value === null) return true;
  if (e._type !== "Call" || e.func._type !== "Name") return false;
  const known = cx.lookupKnown(e.func.id);
  return known?.kind === "def" && !known.coroutine && (cx.scopes.get(known.node)?.isGenerator ?? false);
}
