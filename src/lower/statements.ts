// Python statements ⇒ IR statements: the dispatch over statement kinds, plus the simple ones
// (expression statements, assignment, augmented assignment, `del`, `with`). Loops, `try`, `match`,
// imports, defs and classes have files of their own.
//
//   x += 1                  | x = iadd(x, 1n);
//   with open(p) as f: ...  | _mgr = open(p); _value = _mgr.__enter__(); _ok = true; try { ... } catch ... finally ...

import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import type * as ir from "../ir/nodes.js";
import { assignStmt, call, exprStmt, id, ifStmt, lit, member, not, returnStmt, throwStmt, yieldStar } from "../ir/nodes.js";
import { resolveName } from "./scopes.js";
import { provenDict } from "./dict-access.js";
import { ASYNCIO, type LowerContext, safeName } from "./context.js";
import { type PyType, staticType } from "./types.js";
import { annotationChecks, annotationType, typeVarsIn } from "./annotations.js";
import { directRead, directWrite } from "./plain-access.js";
import { assignName, assignTo, attributeTarget, isSelf, keptAside, unbindName } from "./bindings.js";
import { asyncForLoop, forLoop, whileLoop } from "./loops.js";
import { exceptionContext, raise, tryStmt } from "./exceptions.js";
import { matchStmt } from "./match.js";
import { importFrom, importStmt } from "./imports.js";
import { functionDef } from "./functions.js";
import { classDef } from "./classes.js";
import { binary, BINOPS, getattr, selfAttribute } from "./expressions.js";
import { isObjectConstruction, mayReturnCoroutine, suspends } from "./calls.js";
import { describeStmt } from "./syntax.js";
import { heldGeneratorValue, isOwnedGenerator, makesUnheldTask } from "./dropped-generators.js";
import { signatureAnnotations } from "./definite-assignment.js";
import { managerFacts } from "./managers.js";
import { typeAliasStmt } from "./type-params.js";
import { markTarget } from "./positions.js";

export function stmt(cx: LowerContext, s: py.Stmt): ir.Stmt[] {
  const line = s.lineno;
  switch (s._type) {
    case "Expr":
      return exprStatement(cx, s);
    case "Pass":
      return [];
    case "Assign":
      return assignment(cx, s);
    case "AugAssign":
      return augAssign(cx, s);
    case "AnnAssign": {
      // At module level CPython evaluates the annotation after the assignment: a name it cannot
      // prove bound there is checked (NameError), the rest of the annotation is types only.
      const checks = annotationChecks(cx, [s.annotation], line);
      if (!s.value) return checks;
      // (what the value is, not what the annotation claims: see assignment())
      if (s.target._type === "Name" && isObjectConstruction(cx, s.value)) cx.objectNames.add(`${cx.scopeId(cx.fn.scope)}:${s.target.id}`);
      if (s.target._type === "Name") {
        const declared = annotationType(cx, s.annotation);
        const type = admitsProven(declared, staticType(s.value, cx.typeEnv())) ? declared : "any";
        return [assignName(cx, s.target.id, cx.expr(s.value), line, type), ...checks];
      }
      return [...assignTo(cx, s.target, cx.expr(s.value), line), ...checks];
    }
    case "If":
      return [ifStmt(cx.cond(s.test), cx.stmts(s.body), s.orelse.length ? cx.stmts(s.orelse) : undefined, line)];
    case "While":
      return whileLoop(cx, s);
    case "For":
      return forLoop(cx, s);
    case "AsyncFor":
      return asyncForLoop(cx, s);
    case "Break": {
      const loop = cx.fn.loops[cx.fn.loops.length - 1];
      return [{ k: "break", label: loop?.breakLabel, line }];
    }
    case "Continue":
      return [{ k: "continue", line }];
    case "Return":
      return [returnStmt(s.value ? returnValue(cx, s.value) : undefined, line)];
    case "FunctionDef":
    case "AsyncFunctionDef":
      // The def's annotations are evaluated when it runs (a forward reference is a NameError).
      return [...annotationChecks(cx, signatureAnnotations(s), line), ...functionDef(cx, s)];
    case "ClassDef":
      return classDef(cx, s);
    case "Import":
      return importStmt(cx, s);
    case "ImportFrom":
      return importFrom(cx, s);
    case "Global":
    case "Nonlocal":
      // Scope analysis already routed these names; nothing happens at run time.
      return [];
    case "Raise":
      return raise(cx, s);
    case "Try":
    case "TryStar":
      return tryStmt(cx, s);
    case "Assert": {
      const args = [cx.cond(s.test)];
      if (s.msg) args.push(cx.expr(s.msg));
      return [exprStmt(cx.rt("assert_", ...args), line)];
    }
    case "Delete":
      return deleteStmt(cx, s);
    case "With":
    case "AsyncWith":
      return withStmt(cx, s);
    case "Match":
      return matchStmt(cx, s);
    case "TypeAlias":
      return typeAliasStmt(cx, s);
    default:
      return cx.diags.error(s, "TSY1001", { construct: describeStmt(s) });
  }
}

/**
 * What `return value` gives back. A parameter whose annotation is not the def's return annotation,
 * returned where that names a TypeVar (`object: Awaitable[T] | T` returned as the `T` after an
 * isawaitable() test TS cannot follow), is cast to any: TS cannot prove it is a T.
 */
function returnValue(cx: LowerContext, v: py.ExprNode): ir.Expr {
  const e = cx.expr(v);
  const def = cx.fn.scope.node;
  if (v._type !== "Name" || (def._type !== "FunctionDef" && def._type !== "AsyncFunctionDef") || !def.returns) return e;
  const a = def.args;
  const param = [...a.posonlyargs, ...a.args, ...a.kwonlyargs].find((p) => p.arg === v.id);
  if (!param?.annotation || !typeVarsIn(cx, def.returns).length) return e;
  return annotationType(cx, param.annotation) === annotationType(cx, def.returns) ? e : { k: "as", expr: e, type: "any" };
}

export function exprStatement(cx: LowerContext, s: py.Expr): ir.Stmt[] {
  const v = s.value;
  if (v._type === "Constant" && typeof v.value === "string") {
    // A docstring or a bare string: carried over as a comment.
    return [{ k: "comment", text: v.value.trim() }];
  }
  // `f().attr` alone (`foo().__await__`, a feature test): the coroutine dies with the statement.
  if (v._type === "Attribute" && v.value._type === "Call" && mayReturnCoroutine(cx, v.value) && !suspends(v)) {
    const read = cx.rt("getattr", call(cx.helperFrom("_temp", ASYNCIO), cx.expr(v.value)), lit(v.attr));
    return [exprStmt(call(cx.helperFrom("_with_temps", ASYNCIO), { k: "arrow", params: [], body: read }, lit(s.lineno), cx.fileExpr()), s.lineno)];
  }
  // `asyncio.create_task(...)` alone: nothing keeps the task (see _unheld_task).
  if (v._type === "Call" && makesUnheldTask(cx, v)) {
    return [exprStmt(call(cx.helperFrom("_unheld_task", ASYNCIO), cx.expr(v)), s.lineno)];
  }
  const e = cx.expr(v);
  // A dropped coroutine is reported when it dies in CPython ("was never awaited"): the runtime
  // needs the line of the statement that dropped it.
  if (v._type === "Call" && mayReturnCoroutine(cx, v)) {
    // The program's own coroutine knows its file; asyncio's would name asyncio's.
    const own = v.func._type === "Name" && cx.lookupKnown(v.func.id)?.kind === "def";
    const args = own ? [e, lit(s.lineno)] : [e, lit(s.lineno), cx.fileExpr()];
    return [exprStmt(call(cx.helperFrom("discard", ASYNCIO), ...args), s.lineno)];
  }
  return [exprStmt(e, s.lineno)];
}

export function assignment(cx: LowerContext, s: py.Assign): ir.Stmt[] {
  let value = cx.expr(s.value);
  if (s.targets.length === 1 && s.targets[0]._type === "Name") value = heldGeneratorValue(cx, s.targets[0], s.value, value) ?? value;
  if (s.targets.length === 1 && s.targets[0]._type === "Name" && isObjectConstruction(cx, s.value))
    cx.objectNames.add(`${cx.scopeId(cx.fn.scope)}:${s.targets[0].id}`);
  const t0 = s.targets[0];
  if (s.targets.length === 1 && t0._type === "Attribute" && t0.attr === "__dict__") {
    return [exprStmt(cx.rt("set_instance_dict", cx.expr(t0.value), value, lit(isNewDict(cx, s.value))), s.lineno)];
  }
  if (s.targets.length === 1) return assignTo(cx, t0, value, s.lineno);
  // a = b = value: evaluate once, assign left to right.
  const t = cx.temp();
  const out: ir.Stmt[] = [assignStmt(id(t), value, s.lineno)];
  for (const target of s.targets) out.push(...assignTo(cx, target, id(t), s.lineno));
  return out;
}

/** A dict nothing else can hold yet: a display, a comprehension, a call of the builtin dict. */
function isNewDict(cx: LowerContext, e: py.ExprNode): boolean {
  if (e._type === "Dict" || e._type === "DictComp") return true;
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "dict" && resolveName(cx.fn.scope, "dict", cx.scopes).where === "builtin";
}

export function augAssign(cx: LowerContext, s: py.AugAssign): ir.Stmt[] {
  const op = BINOPS[s.op._type];
  const line = s.lineno;
  const inplace = (left: ir.Expr, right: ir.Expr): ir.Expr => binary(cx, op, left, right, cx.typeOfExpr(s.target), staticType(s.value, cx.typeEnv()), true);
  switch (s.target._type) {
    case "Name": {
      const name = safeName(s.target.id);
      return [assignStmt(id(name), inplace(cx.expr(s.target), cx.expr(s.value)), line)];
    }
    case "Attribute": {
      if (isSelf(cx, s.target.value) && !cx.fn.selfHasSetattr && !keptAside(cx, s.target.attr)) {
        const target = attributeTarget(cx, s.target);
        const current = cx.methodNames().has(s.target.attr) ? target : selfAttribute(cx, s.target.value as py.Name, s.target.attr);
        return [assignStmt(target, inplace(current, cx.expr(s.value)), line)];
      }
      // A proven plain instance (a name: evaluated once either way) whose attribute is surely there.
      if (directRead(cx, s.target.value, s.target.attr) && directWrite(cx, s.target.value, s.target.attr)) {
        const target = attributeTarget(cx, s.target);
        return [assignStmt(target, inplace(target, cx.expr(s.value)), line)];
      }
      const obj = cx.temp();
      return [
        assignStmt(id(obj), cx.expr(s.target.value), line),
        exprStmt(
          markTarget(
            cx.rt("setattr", id(obj), lit(s.target.attr), inplace(markTarget(getattr(cx, id(obj), s.target.attr), s.target), cx.expr(s.value))),
            s.target,
          ),
          line,
        ),
      ];
    }
    case "Subscript": {
      if (s.target.slice._type === "Slice") return cx.diags.error(s.target, "TSY1004");
      const obj = cx.temp();
      const key = cx.temp();
      // A proven dict's own methods (dict-access.ts).
      if (provenDict(cx, s.target.value))
        return [
          assignStmt(id(obj), cx.expr(s.target.value), line),
          assignStmt(id(key), cx.expr(s.target.slice), line),
          exprStmt(
            markTarget(
              call(member(id(obj), "__setitem__"), id(key), inplace(markTarget(call(member(id(obj), "__getitem__"), id(key)), s.target), cx.expr(s.value))),
              s.target,
            ),
            line,
          ),
        ];
      return [
        assignStmt(id(obj), cx.expr(s.target.value), line),
        assignStmt(id(key), cx.expr(s.target.slice), line),
        exprStmt(
          markTarget(cx.rt("setitem", id(obj), id(key), inplace(markTarget(cx.rt("getitem", id(obj), id(key)), s.target), cx.expr(s.value))), s.target),
          line,
        ),
      ];
    }
    default:
      return cx.diags.error(s.target, "TSY1003", { target: s.target._type });
  }
}

export function deleteStmt(cx: LowerContext, s: py.Delete): ir.Stmt[] {
  const out: ir.Stmt[] = [];
  for (const t of s.targets) {
    if (t._type === "Subscript") out.push(exprStmt(markTarget(cx.rt("delitem", cx.expr(t.value), cx.expr(t.slice)), t), s.lineno));
    else if (t._type === "Attribute") out.push(exprStmt(markTarget(cx.rt("delattr", cx.expr(t.value), lit(t.attr)), t), s.lineno));
    else if (t._type === "Name") {
      // The last reference to a generator goes: CPython closes it here (dropped-generators.ts).
      if (isOwnedGenerator(cx, t.id)) out.push(exprStmt(cx.rt("close_dropped", cx.expr({ ...t, ctx: { _type: "Load" } } as py.Name)), s.lineno));
      out.push(unbindName(cx, t.id, s.lineno));
    } else cx.diags.error(t, "TSY1005", { target: t._type });
  }
  return out;
}

/** `async with lock:` (no `as`) of a name proven to hold an asyncio Lock, Semaphore or Condition, which the body does not rebind. */
function isKnownLockName(e: py.ExprNode, body: py.Stmt[]): e is py.Name {
  if (e._type !== "Name") return false;
  let rebound = false;
  for (const st of body)
    walk(st, (n) => {
      if (n._type === "Name" && n.id === e.id && n.ctx._type !== "Load") rebound = true;
    });
  return !rebound;
}

export function withStmt(cx: LowerContext, s: py.With | py.AsyncWith): ir.Stmt[] {
  const isAsync = s._type === "AsyncWith";
  if (isAsync && !cx.fn.isCoroutine) return cx.diags.error(s, "TSY2003");
  // Nested items are nested statements: with a, b: → with a: with b:
  const [first, ...rest] = s.items;
  const inner: ir.Stmt[] = rest.length ? withStmt(cx, { ...s, items: rest } as py.With) : cx.stmts(s.body);
  // A manager the program made whose type is proven (managers.ts): a runtime one (`asyncio.TaskGroup()`,
  // `with open(...)`) or one of its own classes; what its methods give needs no checks.
  const facts = managerFacts(cx, first.context_expr, isAsync);
  if (facts.lock && !first.optional_vars) {
    // An asyncio lock: __aexit__ only releases it, whatever the exception. (A name the body does
    // not rebind is used as it is; anything else is evaluated once, into a temporary.)
    let lock = cx.expr(first.context_expr);
    const out: ir.Stmt[] = [];
    if (!isKnownLockName(first.context_expr, s.body)) {
      const held = cx.temp("_mgr");
      out.push(assignStmt(id(held), lock, s.lineno));
      lock = id(held);
    }
    return [
      ...out,
      exprStmt(yieldStar(call(member(lock, "__aenter__"))), s.lineno),
      { k: "try", body: inner, finalizer: [exprStmt(yieldStar(call(member(lock, "__aexit__"), lit(null), lit(null), lit(null))), s.lineno)], line: s.lineno },
    ];
  }
  const mgr = cx.temp("_mgr");
  const ok = cx.temp("_ok");
  // (awaitable()'s error names the method that gave what it cannot await)
  const awaited = (e: ir.Expr, direct: boolean, from: string) => yieldStar(direct ? e : call(cx.helperFrom("awaitable", ASYNCIO), e, lit(from)));
  const enter = isAsync ? awaited(call(member(id(mgr), "__aenter__")), facts.enterAwaitable, "__aenter__") : call(member(id(mgr), "__enter__"));
  const exit = (...args: ir.Expr[]): ir.Expr =>
    isAsync ? awaited(call(member(id(mgr), "__aexit__"), ...args), facts.exitAwaitable, "__aexit__") : call(member(id(mgr), "__exit__"), ...args);
  // A manager of unproven type is checked for both methods before __enter__ runs, as CPython does.
  const checked = (manager: ir.Expr) => (facts.protocolKnown ? manager : call(cx.helper(isAsync ? "async_context_manager" : "context_manager"), manager));
  const value = cx.temp("_value");
  const bind = first.optional_vars ? assignTo(cx, first.optional_vars, id(value), s.lineno) : [];
  const caught = cx.temp("_e");
  cx.fn.temps.pop();
  const excVar = cx.temp("_exc");
  return [
    assignStmt(id(mgr), checked(cx.expr(first.context_expr)), s.lineno),
    assignStmt(id(value), enter, s.lineno),
    assignStmt(id(ok), lit(true)),
    {
      k: "try",
      body: [...bind, ...inner],
      catchName: caught,
      handler: [
        assignStmt(id(ok), lit(false)),
        assignStmt(id(excVar), call(cx.helper("to_exception"), id(caught))),
        // __exit__ runs as an except block would: the body's exception is the one being handled
        // (sys.exception()), and one that __exit__ raises has it as its __context__.
        ...exceptionContext(
          cx,
          excVar,
          () => [
            {
              k: "if",
              test: not(
                facts.exitTruthKnown
                  ? exit(cx.rt("type", id(excVar)), id(excVar), member(id(excVar), "__traceback__"))
                  : cx.rt("truthy", exit(cx.rt("type", id(excVar)), id(excVar), member(id(excVar), "__traceback__"))),
              ),
              then: [throwStmt(id(excVar))],
              // __exit__ runs at the `with` line (a traceback through it names that line).
              line: s.lineno,
            },
          ],
          false,
          "enter_with_exit",
        ),
      ],
      finalizer: [ifStmt(id(ok), [exprStmt(exit(lit(null), lit(null), lit(null)), s.lineno)])],
      line: s.lineno,
    },
  ];
}

/** The TS type a proven Python type is (by its name in the declared type), for the kinds annotations name. */
const PROVEN_TS: Partial<Record<string, string>> = {
  int: "bigint",
  float: "number",
  str: "string",
  bool: "boolean",
  bytes: "PyBytes",
  none: "null",
  list: "PyList",
  dict: "PyDict",
};

/**
 * Whether a local's annotation admits what the code proves its value is (`queue: str =
 * asyncio.Queue()` does not: Python does not enforce it, so the name is declared `any`).
 */
function admitsProven(declared: string, proven: PyType | undefined): boolean {
  if (proven === undefined || declared === "any" || declared === "unknown") return true;
  const builtin = PROVEN_TS[proven];
  // An object of a class: any class or Protocol the annotation names may admit it (TS checks the
  // shape); only an annotation of builtin types surely does not.
  if (builtin === undefined) return !(declared.match(/[A-Za-z_$][\w$.]*/g) ?? []).every((t) => BUILTIN_TS.has(t));
  return new RegExp(`(^|[^\\w.])${builtin}\\b`).test(declared);
}

/** The TS types of builtin values (annotations of str, int, list... map to these). */
const BUILTIN_TS = new Set([
  "string",
  "bigint",
  "number",
  "boolean",
  "null",
  "void",
  "undefined",
  ...Object.values(PROVEN_TS),
  "PySet",
  "PyFrozenSet",
  "PyTuple",
]);
