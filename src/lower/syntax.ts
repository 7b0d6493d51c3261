// Small questions about Python syntax nodes, shared by the lowering files (no lowering state here).

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";

export function simpleBinding(s: py.Stmt): string | null {
  if (s._type === "Assign" && s.targets.length === 1 && s.targets[0]._type === "Name") return s.targets[0].id;
  if (s._type === "AnnAssign" && s.value && s.target._type === "Name") return s.target.id;
  if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef") return s.name;
  if (s._type === "TypeAlias" && s.name._type === "Name") return s.name.id;
  // `import helpers` / `from m import x` of one name (a local module's import assigns it).
  if (s._type === "Import" && s.names.length === 1) return s.names[0].asname ?? s.names[0].name.split(".")[0];
  if (s._type === "ImportFrom" && s.names.length === 1 && s.names[0].name !== "*") return s.names[0].asname ?? s.names[0].name;
  return null;
}

export function describeStmt(s: py.Stmt): string {
  const names: Partial<Record<py.Stmt["_type"], string>> = {
    Match: "match",
    TryStar: "try/except*",
    TypeAlias: "type alias",
    AsyncWith: "async with",
    AsyncFor: "async for",
  };
  return names[s._type] ?? s._type;
}

export function firstLine(s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda): number {
  if (s._type === "Lambda") return s.lineno;
  // A legacy coroutine lost its @asyncio.coroutine decorator to the legacy pass, not its first line.
  const legacy = (s as { firstDecoratorLine?: number }).firstDecoratorLine;
  if (legacy !== undefined) return legacy;
  return s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
}

/** A body's docstring, as Python's `__doc__` holds it (cleaned like inspect.cleandoc does for 3.13; 3.12 keeps it raw). */
export function docstring(body: py.Stmt[]): string | null {
  const first = body[0];
  return first?._type === "Expr" && first.value._type === "Constant" && typeof first.value.value === "string" ? first.value.value : null;
}

/** Whether a block's last statement leaves it (nothing after it would run). */
export function endsAbruptly(body: py.Stmt[]): boolean {
  const last = body[body.length - 1];
  return !!last && (last._type === "Return" || last._type === "Raise" || last._type === "Break" || last._type === "Continue");
}

/** A stub body: only `...`, `pass` and a docstring (a Protocol's method, an abstract method). */
export function isStubBody(body: py.Stmt[]): boolean {
  return body.every(
    (item) =>
      item._type === "Pass" ||
      (item._type === "Expr" &&
        item.value._type === "Constant" &&
        (typeof item.value.value === "string" || (typeof item.value.value === "object" && item.value.value !== null && "ellipsis" in item.value.value))),
  );
}

export function isTrue(e: ir.Expr): boolean {
  return e.k === "lit" && e.value === true;
}

export function isSimple(e: py.ExprNode): boolean {
  return e._type === "Name" || e._type === "Constant";
}
