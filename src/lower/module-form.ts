// The lowered body ⇒ a whole TS module: the runtime imports the body used, `__name__`/`__file__`,
// and, for a module another file imports, its body wrapped into `python_module(...)` with its
// module-level variables exposed as the module object's attributes.
//
//   (helpers.py)  x = 1      | export default python_module("helpers", "helpers.py", ($module) => {
//                            |   $module.bind({ x: [() => x, (v: any) => (x = v)] });
//                            |   let x: any = 1n;
//                            | });

import { pythonName } from "./private-names.js";
import type * as ir from "../ir/nodes.js";
import type * as py from "../ast/nodes.js";
import { array, assign, call, exprStmt, id, lit, member, returnStmt } from "../ir/nodes.js";
import { type LowerContext, PROGRAM, safeName } from "./context.js";
import type { LocalModule } from "./analysis.js";
import { specifierBetween } from "./modules.js";
import { functionBody } from "./bindings.js";
import { defsReadEarly } from "./early-reads.js";
import { addLambdaQualnames } from "./lambda-qualnames.js";

export interface LowerResult {
  body: ir.Stmt[];
  /** The program's own modules this one imports (the caller translates them too). */
  localModules: LocalModule[];
}

export function run(cx: LowerContext): LowerResult {
  const body = functionBody(cx, cx.module.body);
  const prologue: ir.Stmt[] = [];
  if (cx.usesName) prologue.push({ k: "var", decl: "const", name: "__name__", type: "string", init: lit(cx.options.module?.name ?? "__main__") });
  if (cx.usesFile)
    prologue.push({ k: "var", decl: "const", name: "__file__", type: "string", init: call(cx.helperFrom("script_path", PROGRAM), lit(cx.options.filename)) });
  prologue.push(...shadowedGlobalAccessors(cx));
  const localModules = [...cx.localImports].map(([name, m]) => ({ name, path: m.path }));
  const nested = cx.moduleForm ? {} : nestedQualnames(cx.module.body);
  if (!cx.moduleForm) addLambdaQualnames(cx.module, nested);
  if (Object.keys(nested).length) {
    const table: ir.Expr = { k: "object", props: Object.entries(nested).map(([line, name]) => ({ key: line, value: lit(name) })) };
    const file = call(cx.helperFrom("script_path", PROGRAM), lit(cx.options.filename));
    prologue.push(exprStmt(call(cx.helperFrom("set_qualnames", PROGRAM), file, table)));
  }
  if (cx.moduleForm) {
    // An imported module: its body runs when first imported, binding its names on the module object.
    // Its defs are bound when their statement runs (a circular import must not see them earlier),
    // and stay assignable (another module may replace one: `helpers.fetch = fake_fetch`).
    for (let i = 0; i < body.length; i++) {
      const d = body[i];
      // Anonymous, so a recursive call finds the module's current binding, as Python's global lookup does
      // (JS still names the function after the variable).
      if (d.k === "function" && d.fn.name)
        body[i] = { k: "var", decl: "let", name: d.fn.name, init: { k: "function", fn: { ...d.fn, name: undefined } }, line: d.line };
    }
    const identity = cx.options.module!;
    const wrapped: ir.Stmt = {
      k: "export_default",
      expr: call(cx.helperFrom("python_module", PROGRAM), lit(identity.name), lit(identity.path), {
        k: "arrow",
        params: [{ name: "$module" }],
        body: [...moduleBindings(cx, body), ...prologue, ...body],
      }),
    };
    const imports = [...cx.imports.statements(), ...localImportStatements(cx)];
    return { body: [...imports, ...(imports.length ? [{ k: "blank" } as ir.Stmt] : []), wrapped], localModules };
  }
  // A def that code running before its statement may read: not hoisted (early-reads.ts).
  const early = defsReadEarly(cx.module);
  if (early.size)
    for (let i = 0; i < body.length; i++) {
      const d = body[i];
      if (d.k === "function" && d.fn.name && early.has(d.fn.name))
        body[i] = { k: "var", decl: "let", name: d.fn.name, init: { k: "function", fn: d.fn }, line: d.line };
    }
  // Names `patch('__main__.NAME')` may replace: the `__main__` module object reads and assigns them.
  const patchable = [...cx.analysis.mainPatchNames];
  if (patchable.length) {
    const views: ir.Expr = {
      k: "object",
      props: patchable.map((n) => ({
        key: n,
        value: array([
          { k: "arrow", params: [], body: id(safeName(n)) },
          { k: "arrow", params: [{ name: "v", type: "any" }], body: assign(id(safeName(n)), id("v")) },
        ]),
      })),
    };
    prologue.push(exprStmt(call(cx.helperFrom("main_module", PROGRAM), lit(cx.options.filename), views)));
  }
  // The script, compiled by tsc and run by node, sets up the Node host first (TypeScript only: the
  // runner evaluates the JavaScript form itself).
  const standalone: ir.Stmt = { k: "ts_decl", text: 'import "tsyncio/standalone";' };
  const imports = [standalone, ...cx.imports.statements(), ...localImportStatements(cx)];
  return { body: [...imports, { k: "blank" }, ...prologue, ...body], localModules };
}

/** `function $global_x(): any { return x; }` (and its setter) for each module variable a function's own x hides (cx.moduleVariable). */
function shadowedGlobalAccessors(cx: LowerContext): ir.Stmt[] {
  const out: ir.Stmt[] = [];
  for (const [name, { written }] of cx.shadowedGlobals) {
    const js = safeName(name);
    out.push({ k: "function", fn: { name: `$global_${js}`, params: [], returnType: "any", body: [returnStmt(id(js))] } });
    if (written)
      out.push({
        k: "function",
        fn: { name: `$set_global_${js}`, params: [{ name: "v", type: "any" }], returnType: "void", body: [exprStmt(assign(id(js), id("v")))] },
      });
  }
  return out;
}

/**
 * `$module.bind({ name: [get, set], ... })`: the module object's attributes read (and write) the
 * body's module-level variables, so other modules see their current values; defs, classes and
 * imports are read-only views.
 */
export function moduleBindings(cx: LowerContext, body: ir.Stmt[]): ir.Stmt[] {
  const writable = new Set<string>();
  const declared = new Set<string>();
  const defs: string[] = [];
  for (const s of body) {
    if (s.k === "var") (s.decl === "let" ? writable : declared).add(s.name);
    else if (s.k === "vars") for (const n of s.names) writable.add(n.name);
    else if (s.k === "function" && s.fn.name) declared.add(s.fn.name);
    else if (s.k === "class") declared.add(s.name);
  }
  const scope = cx.scopes.get(cx.module)!;
  for (const st of cx.module.body) if ((st._type === "FunctionDef" || st._type === "AsyncFunctionDef") && !defs.includes(st.name)) defs.push(st.name);
  const props: { key: string; value: ir.Expr }[] = [];
  for (const name of scope.bound) {
    const js = safeName(name);
    const isRuntimeImport = cx.isImportBinding(scope, name);
    if (!writable.has(js) && !declared.has(js) && !isRuntimeImport) continue;
    const getter: ir.Expr = { k: "arrow", params: [], body: id(js) };
    const setter: ir.Expr = { k: "arrow", params: [{ name: "v", type: "any" }], body: assign(id(js), id("v")) };
    props.push({ key: name, value: array(writable.has(js) ? [getter, setter] : [getter]) });
  }
  if (!props.length) return [];
  const bindArgs: ir.Expr[] = [{ k: "object", props }];
  if (defs.length) bindArgs.push(array(defs.map((d) => lit(d))));
  return [exprStmt(call(member(id("$module"), "bind"), ...bindArgs))];
}

/** `import helpers_module from "./helpers.js";` for each local module this one imports. */
export function localImportStatements(cx: LowerContext): ir.Stmt[] {
  const here = cx.options.module?.path ?? cx.options.filename;
  return [...cx.localImports].map(([name, m]) => ({ k: "import", from: specifierBetween(here, m.path), default: m.local, localModule: name }) as ir.Stmt);
}

/**
 * `outer.<locals>.inner` for each plain def nested in a function, by its def line: JS functions
 * carry no qualname, and callback reprs name them by it (runtime program-info.ts).
 */
function nestedQualnames(body: py.Stmt[]): Record<string, string> {
  const out: Record<string, string> = {};
  qualnamesIn(out, body, "", false);
  return out;
}

/** nestedQualnames of one block (a module-level function, not a closure made per module: see bench/NOTES.md, round 18). */
function qualnamesIn(out: Record<string, string>, stmts: py.Stmt[] | undefined, prefix: string, inFunction: boolean): void {
  // (a statement made by an earlier pass may lack an empty block)
  if (stmts === undefined) return;
  // (indexed: a for...of makes an iterator and a result per statement where this runs unoptimized)
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i];
    // (the blocks by kind, in the order body, orelse, finalbody, handlers, cases)
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        const q = prefix + pythonName(s);
        // (also a def JS knows by another name, `constructor_` or `delete_`: its qualname is the def's)
        if ((inFunction || (prefix === "" && safeName(s.name) !== s.name)) && s._type === "FunctionDef") out[String(s.lineno)] = q;
        qualnamesIn(out, s.body, `${q}.<locals>.`, true);
        break;
      }
      case "ClassDef":
        qualnamesIn(out, s.body, `${prefix}${pythonName(s)}.`, false);
        break;
      case "If":
      case "For":
      case "AsyncFor":
      case "While":
        qualnamesIn(out, s.body, prefix, inFunction);
        qualnamesIn(out, s.orelse, prefix, inFunction);
        break;
      case "With":
      case "AsyncWith":
        qualnamesIn(out, s.body, prefix, inFunction);
        break;
      case "Try":
      case "TryStar":
        qualnamesIn(out, s.body, prefix, inFunction);
        qualnamesIn(out, s.orelse, prefix, inFunction);
        qualnamesIn(out, s.finalbody, prefix, inFunction);
        for (const h of s.handlers) qualnamesIn(out, h.body, prefix, inFunction);
        break;
      case "Match":
        for (const c of s.cases) qualnamesIn(out, c.body, prefix, inFunction);
        break;
    }
  }
}
