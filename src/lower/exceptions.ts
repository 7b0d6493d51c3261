// raise / try / except / except* ⇒ JS throw and try/catch, with Python's exception matching,
// implicit chaining (`__context__`), bare `raise`, `try ... else` and PEP 654 exception groups.
//
//   try: A                  | try { A } catch (_e) { _exc = to_exception(_e); _prev = enter_except(_exc);
//   except KeyError as k: B |   try { if (exception_matches(_exc, KeyError)) { k = _exc; B } else { throw _exc } }
//                           |   catch (_e1) { throw chain_context(_e1, _exc) } finally { exit_except(_prev) } }

import { callsLocals } from "./locals-call.js";
import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, assignStmt, binop, call, exprStmt, id, ifStmt, lit, member, newExpr, throwStmt } from "../ir/nodes.js";
import type { LowerContext } from "./context.js";
import { resolveName } from "./scopes.js";
import { BUILTIN_EXCEPTIONS, STDLIB } from "./stdlib.js";
import { assignName, unbindName } from "./bindings.js";
import { endsAbruptly } from "./syntax.js";
import { markRaise } from "./positions.js";
import { nodeIndex } from "../ast/node-index.js";

export function raise(cx: LowerContext, s: py.Raise): ir.Stmt[] {
  if (!s.exc) {
    // Inside an except block (in this function) the exception being handled is known by name
    // ("" in an except* clause).
    const handled = cx.fn.handling[cx.fn.handling.length - 1];
    return [throwStmt(handled ? id(handled) : cx.rt("reraise"), s.lineno)];
  }
  const exc = exceptionValue(cx, s.exc);
  // (the cause is not raised: an instance keeps its traceback; with_cause instantiates a class the
  // compiler could not see is one)
  const thrown = s.cause ? cx.rt("with_cause", exc, instantiatedClass(cx, s.cause) ?? cx.expr(s.cause)) : exc;
  markRaise(thrown, s);
  return [throwStmt(thrown, s.lineno)];
}

/** `raise ValueError` raises an instance: a class is called with no arguments. */
export function exceptionValue(cx: LowerContext, e: py.ExprNode): ir.Expr {
  const instance = instantiatedClass(cx, e);
  if (instance !== null) return instance;
  if (e._type === "Constant" || (e._type === "Call" && constructsException(cx, e))) return cx.expr(e);
  // Anything else may be a class (`raise random.choice([E1, E2])`): the runtime instantiates it.
  return cx.rt("exception_instance", cx.expr(e));
}

/** `ValueError` (a name of an exception class, builtin or the program's) as `new ValueError()`; null for anything else. */
function instantiatedClass(cx: LowerContext, e: py.ExprNode): ir.Expr | null {
  if (e._type === "Name" && (BUILTIN_EXCEPTIONS.has(e.id) || cx.lookupKnown(e.id)?.kind === "class")) {
    const r = resolveName(cx.fn.scope, e.id, cx.scopes);
    if (r.where === "builtin" || cx.lookupKnown(e.id)?.kind === "class") return newExpr(cx.expr(e), []);
  }
  return null;
}

/** A call that certainly builds an instance: a builtin exception, a known class, a runtime class. */
export function constructsException(cx: LowerContext, e: py.Call): boolean {
  const f = e.func;
  if (f._type === "Name") {
    const r = resolveName(cx.fn.scope, f.id, cx.scopes);
    return (r.where === "builtin" && BUILTIN_EXCEPTIONS.has(f.id)) || cx.lookupKnown(f.id)?.kind === "class";
  }
  if (f._type === "Attribute" && f.value._type === "Name") {
    const known = cx.lookupKnown(f.value.id);
    return known?.kind === "module" && !!STDLIB[known.name]?.classes.has(f.attr);
  }
  return false;
}

export function tryStmt(cx: LowerContext, s: py.Try | py.TryStar): ir.Stmt[] {
  if (s.finalbody.length && (raisesDirectly(s.finalbody) || observesHandled(cx, s.finalbody))) return finallyWithContext(cx, s);
  return tryStmtPlain(cx, s);
}

/** Whether statements contain a `raise` (or an `assert`) of their own (not inside a nested function or class). */
function raisesDirectly(body: py.Stmt[]): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    const t = (n as { _type?: string })._type;
    if (t === "Raise" || t === "Assert") {
      found = true;
      return;
    }
    if (t === "FunctionDef" || t === "AsyncFunctionDef" || t === "ClassDef" || t === "Lambda") return;
    for (const v of Object.values(n)) if (typeof v === "object") visit(v);
  };
  visit(body);
  return found;
}

// Calls that read the exception being handled: sys.exc_info(), sys.exception(), traceback's
// print_exc()/format_exc(), logging's exception() (by name: `logger.exception(...)` too).
const READS_HANDLED = new Set(["exc_info", "exception", "print_exc", "format_exc"]);

/**
 * Whether statements call one of READS_HANDLED, or a def of the program that does (a `finally`
 * calling `report()`, which reads sys.exception()), not inside a nested function or class.
 */
function observesHandled(cx: LowerContext, body: py.Stmt[]): boolean {
  return callsAny(body, handledReaders(cx.module));
}

const readersOf = new WeakMap<py.Module, Set<string>>();

/**
 * READS_HANDLED and the names of the module's defs that call one of them, directly or through
 * other such defs (by name: `self.report()` counts as a call of any def named report).
 */
function handledReaders(module: py.Module): Set<string> {
  let names = readersOf.get(module);
  if (names !== undefined) return names;
  names = new Set(READS_HANDLED);
  const index = nodeIndex(module);
  const defs: (py.FunctionDef | py.AsyncFunctionDef)[] = [...index.ofType("FunctionDef"), ...index.ofType("AsyncFunctionDef")];
  for (let grew = true; grew;) {
    grew = false;
    for (const d of defs) {
      if (names.has(d.name) || !callsAny(d.body, names)) continue;
      names.add(d.name);
      grew = true;
    }
  }
  readersOf.set(module, names);
  return names;
}

/** Whether statements call a function of one of these names (not inside a nested function or class). */
function callsAny(body: py.Stmt[], names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== "object") return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as py.Node;
    if (node._type === "Call") {
      const f = node.func;
      const name = f._type === "Name" ? f.id : f._type === "Attribute" ? f.attr : null;
      if (name !== null && names.has(name)) {
        found = true;
        return;
      }
    }
    if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "ClassDef" || node._type === "Lambda") return;
    for (const v of Object.values(n)) if (typeof v === "object") visit(v);
  };
  visit(body);
  return found;
}

/**
 * try/finally whose finally raises (or reads the exception being handled: the block handles the
 * exception that reached it, so `enter_finally(pending)` makes it sys.exception() meanwhile): the new exception's __context__ is the one propagating when
 * the finally began (JS finally blocks cannot see it, so the try records it).
 *   let pending = null; try { try-statement } catch (e) { pending = finally_pending(e); throw e }
 *   finally { try { finalbody } catch (f) { throw pending === null ? f : chain_context(f, pending) } }
 */
function finallyWithContext(cx: LowerContext, s: py.Try | py.TryStar): ir.Stmt[] {
  const line = s.lineno;
  const pending = cx.temp("_pending");
  // try/finally alone: the body itself; with handlers, the try/except without its finally.
  const inner = s.handlers.length ? tryStmtPlain(cx, { ...s, finalbody: [] } as py.Try | py.TryStar) : cx.stmts(s.body);
  const caught = cx.temp("_e");
  cx.fn.temps.pop();
  const escaping = cx.temp("_e");
  cx.fn.temps.pop();
  const handles = observesHandled(cx, s.finalbody);
  const saved = handles ? cx.temp("_prev") : "";
  const finalbody = cx.stmts(s.finalbody);
  const chained = call(cx.helper("chain_context"), id(escaping), id(pending));
  const finalizer: ir.Stmt[] = [
    {
      k: "try",
      body: finalbody,
      catchName: escaping,
      handler: [ifStmt(binop("===", id(pending), lit(null)), [throwStmt(id(escaping))], [throwStmt(chained)])],
    },
  ];
  return [
    assignStmt(id(pending), lit(null), line),
    {
      k: "try",
      body: inner,
      catchName: caught,
      handler: [assignStmt(id(pending), call(cx.helper("finally_pending"), id(caught))), throwStmt(id(caught))],
      finalizer: handles
        ? [
            assignStmt(id(saved), call(cx.helper("enter_finally"), id(pending))),
            { k: "try", body: finalizer, finalizer: [exprStmt(call(cx.helper("exit_except"), id(saved)))] },
          ]
        : finalizer,
      line,
    },
  ];
}

function tryStmtPlain(cx: LowerContext, s: py.Try | py.TryStar): ir.Stmt[] {
  const line = s.lineno;
  let body = cx.stmts(s.body);
  let handlerBody: ir.Stmt[] | undefined;
  let catchName: string | undefined;
  if (s.handlers.length && s._type === "TryStar") {
    catchName = cx.temp("_e");
    cx.fn.temps.pop();
    handlerBody = exceptStarHandlers(cx, s, catchName);
  } else if (s.handlers.length) {
    catchName = cx.temp("_e");
    cx.fn.temps.pop();
    const exc = cx.temp("_exc");
    const handlers = (): ir.Stmt[] => {
      const chain: { test: ir.Expr | null; body: ir.Stmt[] }[] = [];
      for (const h of s.handlers) {
        const bind: ir.Stmt[] = h.name ? [assignName(cx, h.name, id(exc), h.lineno)] : [];
        if (h.name) cx.fn.declared.add(h.name);
        const hbody = [...bind, ...cx.stmts(h.body)];
        // CPython deletes the `as` name when the handler ends.
        // (also for locals(), which must not list it after the handler)
        if (h.name && (cx.fn.unbound?.names.has(h.name) || callsLocals(cx, cx.fn.scope)) && !endsAbruptly(h.body)) hbody.push(unbindName(cx, h.name));
        chain.push({ test: h.type ? cx.rt("exception_matches", id(exc), cx.expr(h.type)) : null, body: hbody.length ? hbody : [] });
      }
      // if (matches(A)) {...} else if (matches(B)) {...} else { throw _exc }
      let tail: ir.Stmt[] = [throwStmt(id(exc))];
      for (let i = chain.length - 1; i >= 0; i--) {
        const c = chain[i];
        tail = c.test ? [ifStmt(c.test, c.body, tail)] : c.body;
      }
      return tail;
    };
    handlerBody = [assignStmt(id(exc), call(cx.helper("to_exception"), id(catchName)), line), ...exceptionContext(cx, exc, handlers)];
  }
  if (s.orelse.length) {
    // try: A except: B else: C  →  let ok = false; try { A; ok = true } catch { B }; if (ok) C   (inside any finally)
    const ok = cx.temp("_ok");
    body = [...body, assignStmt(id(ok), lit(true))];
    const inner: ir.Stmt[] = [
      assignStmt(id(ok), lit(false), line),
      { k: "try", body, catchName, handler: handlerBody, line },
      ifStmt(id(ok), cx.stmts(s.orelse)),
    ];
    if (!s.finalbody.length) return inner;
    return [{ k: "try", body: inner, finalizer: cx.stmts(s.finalbody), line }];
  }
  return [{ k: "try", body, catchName, handler: handlerBody, finalizer: s.finalbody.length ? cx.stmts(s.finalbody) : undefined, line }];
}

/**
 * except* (PEP 654): each handler takes the part of the exception group it matches; what no
 * handler matched, and anything the handlers raised, is raised again at the end.
 *   _exc = to_exception(_e); _rest = star_begin(_exc); _raised = [];
 *   [_match, _rest] = star_split(_rest, ValueError); if (_match !== null) { eg = _match; try { ... } catch (_e2) { _raised.push(_e2) } }
 *   star_end(_exc, _rest, _raised);
 */
export function exceptStarHandlers(cx: LowerContext, s: py.TryStar, catchName: string): ir.Stmt[] {
  const exc = cx.temp("_exc");
  const rest = cx.temp("_rest");
  const raised = cx.temp("_raised");
  const match = cx.temp("_match");
  const out: ir.Stmt[] = [
    assignStmt(id(exc), call(cx.helper("to_exception"), id(catchName)), s.lineno),
    assignStmt(id(rest), cx.rt("star_begin", id(exc))),
    assignStmt(id(raised), array([])),
  ];
  for (const h of s.handlers) {
    if (!h.type) return cx.diags.error(h, "TSY1041");
    const inner = cx.temp("_e");
    cx.fn.temps.pop();
    const bind: ir.Stmt[] = h.name ? [assignName(cx, h.name, id(match), h.lineno)] : [];
    if (h.name) cx.fn.declared.add(h.name);
    out.push(
      assignStmt(array([id(match), id(rest)]), cx.rt("star_split", id(rest), cx.expr(h.type)), h.lineno),
      ifStmt(binop("!==", id(match), lit(null)), [
        {
          k: "try",
          body: exceptionContext(cx, match, () => [...bind, ...cx.stmts(h.body)], true),
          catchName: inner,
          handler: [exprStmt(call(member(id(raised), "push"), call(cx.helper("to_exception"), id(inner))))],
        },
      ]),
    );
  }
  out.push(exprStmt(cx.rt("star_end", id(exc), id(rest), id(raised))));
  return out;
}

/** While a handler runs, the caught exception is the "current" one (bare `raise`, `__context__`). */
/** An exception escaping the handler gets the handled one as its `__context__` (implicit chaining). */
export function exceptionContext(
  cx: LowerContext,
  exc: string,
  lowerBody: () => ir.Stmt[],
  star = false,
  enter: "enter_except" | "enter_with_exit" = "enter_except",
): ir.Stmt[] {
  const saved = cx.temp("_prev");
  const escaping = cx.temp("_e");
  cx.fn.temps.pop();
  // A bare `raise` in an except* clause goes through the runtime, which marks the exception as
  // re-raised so that star_end keeps the original group's shape.
  cx.fn.handling.push(star ? "" : exc);
  let body: ir.Stmt[];
  try {
    body = lowerBody();
  } finally {
    cx.fn.handling.pop();
  }
  return [
    assignStmt(id(saved), call(cx.helper(enter), id(exc))),
    {
      k: "try",
      body,
      catchName: escaping,
      handler: [throwStmt(call(cx.helper("chain_context"), id(escaping), id(exc)))],
      finalizer: [exprStmt(call(cx.helper("exit_except"), id(saved)))],
    },
  ];
}
