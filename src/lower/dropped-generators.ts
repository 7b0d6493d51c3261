// `del g` of a generator nothing else can hold. CPython closes a generator when its last reference
// goes, so a generator suspended in `try: ... finally:` runs its finally block at the `del`. JS has
// no reference counts; but when a variable is only ever bound to a new generator (a call of a
// generator def of the program) and only ever used to drive it (`next(g)`, `g.send(...)`,
// `g.throw(...)`, `g.close()`, `for x in g`), no other reference can exist, and the `del` drops
// the last one: it closes the generator first (close_dropped). Anything else (the variable passed,
// stored, returned, read by a nested function) keeps today's behaviour (closed at exit).
// A coroutine of the program's own `async def` held the same way, and only looked at (formatted
// in an f-string, printed, repr'd), dies with its variable too: never started, it is reported
// "never awaited" there rather than at exit. So does a task of asyncio.create_task() held the same
// way and looked at or asked about (`t.done()`, `t.cancel()`): finished, an exception nobody
// retrieved is reported there ("Task exception was never retrieved"); still running, when it ends.

import type * as py from "../ast/nodes.js";
import { forEachChild, walk } from "../ast/walk.js";
import type { LowerContext } from "./context.js";
import type * as ir from "../ir/nodes.js";
import { array, assignStmt, exprStmt, id, lit, member, throwStmt } from "../ir/nodes.js";
import { allArgs } from "../ast/arguments.js";
import { resolveName } from "./scopes.js";

const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);
const DRIVING_METHODS = new Set(["send", "throw", "close", "__next__"]);
// Builtins that look at an object and keep no reference to it.
const INSPECTING_BUILTINS = new Set(["print", "repr", "str", "type", "id", "format", "ascii"]);
// A task's methods that keep no reference to it (add_done_callback hands it to the callback).
const TASK_QUERIES = new Set(["cancel", "cancelled", "done", "result", "exception", "get_name", "set_name", "get_coro"]);
const RETRIEVING = new Set(["result", "exception"]);

// Each answer is the same wherever in its scope it is asked: kept per scope and name (a module with
// many loops over names would otherwise walk its body once per loop).
const ownedMemo = new WeakMap<py.Node, Map<string, boolean>>();
const holdsMemo = new WeakMap<py.Node, Map<string, boolean>>();
function memo(table: WeakMap<py.Node, Map<string, boolean>>, cx: LowerContext, name: string, answer: () => boolean): boolean {
  const node = cx.fn.scope.node;
  let names = table.get(node);
  if (!names) table.set(node, (names = new Map()));
  let known = names.get(name);
  if (known === undefined) names.set(name, (known = answer()));
  return known;
}

/** Whether `name`, in the scope being lowered, only ever holds generators no one else references. */
export function isOwnedGenerator(cx: LowerContext, name: string): boolean {
  return memo(ownedMemo, cx, name, () => ownedGenerator(cx, name));
}

function ownedGenerator(cx: LowerContext, name: string): boolean {
  const owner = cx.fn.scope.node;
  const body = bodyWithLocal(cx, name);
  if (body === null) return false;
  let owned = true;
  let bound = false;
  // Coroutines may also be awaited or looked at; a name is tracked for them only when it is looked
  // at somewhere (a name only awaited can go unnoticed), and generators keep the driving uses only.
  let generatorStores = false;
  let coroutineStores = false;
  let taskStores = false;
  let taskQueries = false;
  let retrieved = false;
  let lookedAt = false;
  let otherUses = false;
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
      // A nested function that names its own local `name` is no reference (the scope table knows);
      // a class body's reads are not in that table: any mention there counts.
      if (node._type === "ClassDef" ? mentions(node) : reachedFromNested(cx, name)) owned = false;
      return;
    }
    if (node._type === "Name" && (node as py.Name).id === name) {
      const use = (node as py.Name).ctx._type;
      if (use === "Store") {
        bound = true;
        const value = parent?._type === "Assign" && parent.targets.length === 1 ? parent.value : null;
        if (value === null || !isFreshObject(cx, value)) owned = false;
        else if (isFreshCoroutine(cx, value)) coroutineStores = true;
        else if (isFreshTask(cx, value)) taskStores = true;
        else if (isFreshGenerator(cx, value) && value._type !== "Constant") generatorStores = true;
      } else if (use === "Load") {
        const driven =
          (parent?._type === "Call" && parent.func._type === "Name" && parent.func.id === "next" && parent.args[0] === node) ||
          (parent?._type === "Attribute" && DRIVING_METHODS.has(parent.attr) && grand?._type === "Call" && grand.func === parent) ||
          ((parent?._type === "For" || parent?._type === "AsyncFor") && parent.iter === node);
        // `await c` runs the coroutine to its end, and keeps no reference once done.
        const awaited = parent?._type === "Await" && parent.value === node;
        const queried = parent?._type === "Attribute" && TASK_QUERIES.has(parent.attr) && grand?._type === "Call" && grand.func === parent;
        if (queried) taskQueries = true;
        if (awaited || (queried && RETRIEVING.has((parent as py.Attribute).attr))) retrieved = true;
        const looked = !driven && !awaited && (queried || inspected(cx, node as py.Name, parent));
        if (looked) lookedAt = true;
        if (awaited || looked) otherUses = true;
        else if (!driven) owned = false;
      }
      return;
    }
    forEachChild(node, (child) => visit(child, node, parent));
  };
  for (const s of body) visit(s, owner, null);
  if (otherUses && generatorStores) return false;
  if (coroutineStores && !lookedAt) return false;
  if (taskQueries && !taskStores) return false;
  // A task awaited or asked for its outcome somewhere is left alone (most are: the report then
  // comes at exit, where the program did not get there); tracking one costs its function a
  // try/finally.
  if (taskStores && (generatorStores || coroutineStores || retrieved)) return false;
  return owned && bound;
}

/**
 * `name = <generator call>` of a variable that alone holds its generators: the generator it held
 * before is dropped (closed); in a function, the new one joins the function's held generators,
 * which it closes when it returns (not when it raises: the traceback keeps CPython's frame alive;
 * those are closed at exit). Returns the value to assign, or null when nothing changes.
 */
export function heldGeneratorValue(cx: LowerContext, target: py.Name, value: py.ExprNode, lowered: ir.Expr): ir.Expr | null {
  if (!isFreshObject(cx, value) || !isOwnedGenerator(cx, target.id)) return null;
  const kind = cx.fn.scope.node._type;
  let held: ir.Expr = lit(null);
  if (kind === "FunctionDef" || kind === "AsyncFunctionDef") {
    if (cx.fn.heldGenerators === undefined) {
      cx.fn.heldGenerators = cx.temp("_held");
      cx.fn.temps.pop();
    }
    held = id(cx.fn.heldGenerators);
  }
  // The variable is read only once declared (before that it has held no generator).
  const old = cx.fn.declared.has(target.id) ? cx.expr({ ...target, ctx: { _type: "Load" } } as py.Name) : lit(null);
  return cx.rt("rebind_generator", held, old, lowered);
}

/** The function body, closing the generators its locals alone held when it returns (see heldGeneratorValue). */
export function closingHeldGenerators(cx: LowerContext, held: string, body: ir.Stmt[]): ir.Stmt[] {
  const raised = cx.temp("_raised");
  cx.fn.temps.pop();
  return [
    { k: "var", decl: "const", name: held, type: "unknown[]", init: array([]) },
    {
      k: "try",
      body,
      catchName: raised,
      handler: [assignStmt(member(id(held), "length"), lit(0)), throwStmt(id(raised))],
      finalizer: [exprStmt(cx.rt("close_held", id(held)))],
    },
  ];
}

/**
 * Whether `name` (in the scope being lowered) is only ever bound to new generators, so that a
 * `for` over it leaves the generator open when the loop exits early: the variable still holds it.
 */
export function holdsGenerators(cx: LowerContext, name: string): boolean {
  return memo(holdsMemo, cx, name, () => holdingGenerators(cx, name));
}

function holdingGenerators(cx: LowerContext, name: string): boolean {
  const owner = cx.fn.scope.node;
  const body = bodyWithLocal(cx, name);
  if (body === null) return false;
  let generators = true;
  let bound = false;
  if (reachedFromNested(cx, name)) return false;
  const visit = (node: py.Node, parent: py.Node | null): void => {
    if (!generators || NESTED_SCOPES.has(node._type)) return;
    if (node._type === "Name" && (node as py.Name).id === name && (node as py.Name).ctx._type !== "Load") {
      bound = true;
      const fresh = parent?._type === "Assign" && parent.targets.length === 1 && isFreshGenerator(cx, parent.value);
      if (!fresh && (node as py.Name).ctx._type === "Store") generators = false;
      return;
    }
    forEachChild(node, (child) => visit(child, node));
  };
  for (const s of body) visit(s, owner);
  return generators && bound;
}

/** The statements of the scope being lowered, when `name` is a variable of it and not a parameter (which a caller may hold too). */
function bodyWithLocal(cx: LowerContext, name: string): py.Stmt[] | null {
  const owner = cx.fn.scope.node;
  if (owner._type === "FunctionDef" || owner._type === "AsyncFunctionDef") {
    if (allArgs(owner.args).some((p) => p.arg === name)) return null;
    // `global x` / `nonlocal x`: the variable outlives the function.
    const scope = cx.fn.scope;
    if (scope.globals.has(name) || scope.nonlocals.has(name)) return null;
  }
  const body = (owner as { body?: py.Stmt[] }).body;
  return Array.isArray(body) ? body : null;
}

/** Whether a nested scope reads or assigns the scope's `name` (a closure, a global read by a function). */
function reachedFromNested(cx: LowerContext, name: string): boolean {
  return cx.fn.scope.captured.has(name) || cx.fn.scope.writtenElsewhere.has(name);
}

/** A new generator or coroutine object of the program's own defs, a new task, or None. */
function isFreshObject(cx: LowerContext, e: py.ExprNode): boolean {
  return isFreshGenerator(cx, e) || isFreshCoroutine(cx, e) || isFreshTask(cx, e);
}

/** A new task of asyncio.create_task() or ensure_future() of a call. */
function isFreshTask(cx: LowerContext, e: py.ExprNode): boolean {
  return e._type === "Call" && makesUnheldTask(cx, e);
}

/** A call of an `async def` of the program that is no async generator (a new coroutine object). */
function isFreshCoroutine(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type !== "Call" || e.func._type !== "Name") return false;
  const known = cx.lookupKnown(e.func.id);
  return known?.kind === "def" && known.coroutine && !(cx.scopes.get(known.node)?.isGenerator ?? false);
}

/** `f"{x}"`, `print(x)`, `repr(x)`: a use that looks at the object and keeps no reference to it. */
function inspected(cx: LowerContext, node: py.Name, parent: py.Node | null): boolean {
  if (parent?._type === "FormattedValue") return parent.value === node;
  if (parent?._type !== "Call" || parent.func._type !== "Name" || !INSPECTING_BUILTINS.has(parent.func.id)) return false;
  // The builtin itself, not a def or import of the program that shadows it.
  return parent.args.includes(node) && resolveName(cx.fn.scope, parent.func.id, cx.scopes).where === "builtin";
}

/** A call of an `async def` of the program that yields (a new async generator object). */
export function isFreshAsyncGenerator(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type !== "Call" || e.func._type !== "Name") return false;
  const known = cx.lookupKnown(e.func.id);
  return known?.kind === "def" && known.coroutine && (cx.scopes.get(known.node)?.isGenerator ?? false);
}

/** Whether a loop body has a `break` of its own or a `return` (the ways out that drop the iterator). */
export function leavesLoopEarly(body: py.Stmt[]): boolean {
  let found = false;
  const visit = (n: py.Node, inNestedLoop: boolean): void => {
    forEachChild(n, (c) => {
      if (found) return;
      const t = c._type;
      if (t === "Return" || (t === "Break" && !inNestedLoop)) {
        found = true;
        return;
      }
      if (NESTED_SCOPES.has(t)) return;
      visit(c, inNestedLoop || t === "For" || t === "AsyncFor" || t === "While");
    });
  };
  for (const st of body) {
    if (st._type === "Return" || st._type === "Break") return true;
    if (NESTED_SCOPES.has(st._type)) continue;
    visit(st, st._type === "For" || st._type === "AsyncFor" || st._type === "While");
    if (found) return true;
  }
  return found;
}

/**
 * `async for` over such a generator: nothing but the loop holds it, so a break or return that
 * leaves the loop drops it (agen_dropped: CPython's loop closes it in a task of its own). An
 * exception leaving the loop does not: its traceback keeps the frame, and so the generator.
 */
export function droppingAtExit(cx: LowerContext, it: string, loop: ir.Stmt): ir.Stmt {
  const raised = cx.temp("_raised");
  cx.fn.temps.pop();
  return {
    k: "try",
    body: [loop],
    catchName: raised,
    handler: [assignStmt(id(it), lit(null)), throwStmt(id(raised))],
    finalizer: [exprStmt(cx.rt("agen_dropped", id(it)))],
  };
}

/** A call of a generator `def` of the program (a new generator object), or None. */
function isFreshGenerator(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type === "Constant" && e.value === null) return true;
  if (e._type !== "Call" || e.func._type !== "Name") return false;
  const known = cx.lookupKnown(e.func.id);
  return known?.kind === "def" && !known.coroutine && (cx.scopes.get(known.node)?.isGenerator ?? false);
}

const TASK_MAKERS = new Set(["create_task", "ensure_future"]);

/**
 * A call of asyncio's own create_task(), or ensure_future() of a call (a new coroutine: given a
 * future or task, ensure_future returns that one, which the program may hold).
 */
export function makesUnheldTask(cx: LowerContext, v: py.Call): boolean {
  const f = v.func;
  let maker: string | undefined;
  if (f._type === "Attribute" && f.value._type === "Name" && TASK_MAKERS.has(f.attr)) {
    const known = cx.lookupKnown(f.value.id);
    if (known?.kind === "module" && known.name === "asyncio") maker = f.attr;
  } else if (f._type === "Name") {
    const known = cx.lookupKnown(f.id);
    if (known?.kind === "runtime-name" && known.module === "asyncio" && TASK_MAKERS.has(known.name)) maker = known.name;
  }
  if (maker === "ensure_future") return v.args.length > 0 && v.args[0]._type === "Call";
  return maker !== undefined;
}
