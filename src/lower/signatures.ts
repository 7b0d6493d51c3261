// What inspect.signature() needs of a def: its parameters with their kinds, default values and
// annotations, and its return annotation (`{ p: [{ n: "a", k: 1, d: 2n, a: int }], r: int }`, read by
// src/runtime/builtins/signature-info.ts). A JS function has lost all but the names, so the record
// is emitted beside each def and method, only in a program that asks inspect for signatures.
// Annotations are evaluated as the def runs (CPython 3.12), or kept as text under
// `from __future__ import annotations`.

import type * as py from "../ast/nodes.js";
import { nodeIndex } from "../ast/node-index.js";
import type * as ir from "../ir/nodes.js";
import { array, lit } from "../ir/nodes.js";
import type { LowerContext } from "./context.js";
import { safeName } from "./context.js";
import { futureAnnotations } from "./analysis.js";
import { annotationText } from "./annotation-text.js";

/** inspect's names that make or read signatures. */
const SIGNATURE_NAMES = new Set(["signature", "Signature", "Parameter", "BoundArguments"]);
const asked = new WeakMap<py.Module, boolean>();

const readingCode = new WeakMap<py.Module, boolean>();
function readsCode(module: py.Module): boolean {
  let answer = readingCode.get(module);
  if (answer === undefined)
    readingCode.set(
      module,
      (answer = nodeIndex(module)
        .ofType("Attribute")
        .some((a) => a.attr === "__code__")),
    );
  return answer;
}

/** Whether the program reads signatures: `inspect.signature(...)`, one of those names imported from inspect, or a function's `__defaults__`/`__kwdefaults__`. */
// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function readsDefaults(a: py.Attribute): boolean {
  return a.attr === "__defaults__" || a.attr === "__kwdefaults__" || a.attr === "__code__";
}

export function asksForSignatures(module: py.Module): boolean {
  let answer = asked.get(module);
  if (answer === undefined) {
    const index = nodeIndex(module);
    answer =
      (index.ofType("Import").some((s) => s.names.some((a) => a.name === "inspect")) && index.ofType("Attribute").some((a) => SIGNATURE_NAMES.has(a.attr))) ||
      index.ofType("Attribute").some(readsDefaults) ||
      index.ofType("ImportFrom").some((s) => s.module === "inspect" && s.names.some((a) => SIGNATURE_NAMES.has(a.name) || a.name === "*"));
    asked.set(module, answer);
  }
  return answer;
}

/**
 * The record of `s`'s signature. `params` are the lowered parameters (their `init`s are the
 * defaults already evaluated at `def` time, hoisted when not literals); keyword-only defaults are
 * evaluated here. Runs in the scope around the def.
 */
export function signatureRecord(cx: LowerContext, s: py.FunctionDef | py.AsyncFunctionDef | py.Lambda, params: readonly ir.Param[] | undefined): ir.Expr {
  const a = s.args;
  const text = futureAnnotations(cx.module);
  const annotation = (e: py.ExprNode): ir.Expr => (text ? lit(annotationText(e)) : cx.expr(e));
  const inits = new Map((params ?? []).filter((p) => p.init !== undefined).map((p) => [p.name, p.init!] as const));
  const entries: ir.Expr[] = [];
  const entry = (arg: py.Arg, kind: number, value?: ir.Expr) => {
    const props: { key: string; value: ir.Expr }[] = [
      { key: "n", value: lit(arg.arg) },
      { key: "k", value: lit(kind) },
    ];
    if (value !== undefined) props.push({ key: "d", value });
    if (arg.annotation) props.push({ key: "a", value: annotation(arg.annotation) });
    entries.push({ k: "object", props });
  };
  for (const arg of a.posonlyargs) entry(arg, 0, inits.get(safeName(arg.arg)));
  for (const arg of a.args) entry(arg, 1, inits.get(safeName(arg.arg)));
  if (a.vararg) entry(a.vararg, 2);
  a.kwonlyargs.forEach((arg, i) => {
    const d = a.kw_defaults[i];
    entry(arg, 3, d ? cx.expr(d) : undefined);
  });
  if (a.kwarg) entry(a.kwarg, 4);
  const props: { key: string; value: ir.Expr }[] = [{ key: "p", value: array(entries) }];
  if (s._type !== "Lambda" && s.returns) props.push({ key: "r", value: annotation(s.returns) });
  // (a program reading `__code__`: the locals that are no parameter, for co_varnames)
  if (readsCode(cx.module)) {
    const scope = cx.scopes.get(s);
    const locals = scope
      ? [...scope.bound].filter((n) => !scope.params.has(n) && !scope.globals.has(n) && !scope.nonlocals.has(n) && !scope.captured.has(n))
      : [];
    props.push({ key: "v", value: array(locals.map((n) => lit(n))) });
  }
  return { k: "object", props };
}
