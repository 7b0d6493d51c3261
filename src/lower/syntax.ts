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

/** Whether module-level code binds `name` by a def, a class or an assignment (not only by imports). */
export function boundOtherwise(body: py.Stmt[], name: string): boolean {
  let found = false;
  const target = (t: py.ExprNode) => {
    if (t._type === "Name") found ||= t.id === name;
    else if (t._type === "Tuple" || t._type === "List") t.elts.forEach(target);
    else if (t._type === "Starred") target(t.value);
  };
  const visit = (st: py.Stmt): void => {
    switch (st._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        found ||= st.name === name;
        return;
      case "Assign":
        return st.targets.forEach(target);
      case "AnnAssign":
      case "AugAssign":
        return target(st.target);
      case "For":
      case "AsyncFor":
        target(st.target);
        break;
    }
    // (the statements of compound ones: a def's body is another scope, skipped above)
    for (const key of ["body", "orelse", "finalbody"] as const) ((st as unknown as Record<string, py.Stmt[] | undefined>)[key] ?? []).forEach(visit);
    if (st._type === "Try" || st._type === "TryStar") st.handlers.forEach((h) => h.body.forEach(visit));
  };
  body.forEach(visit);
  return found;
}
