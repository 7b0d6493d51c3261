// The TS parameters of a method that overrides a method of a base class of the program.
//
// Python lets an override take other parameters than the method it replaces (an `__init__` above
// all: mypy does not compare those); TS wants the override's type assignable to the base's
// (parameters compared both ways, no more required parameters than the base takes). So:
//   - a parameter past the base method's positional parameters is optional for TS;
//   - a parameter whose annotation differs from the base's at the same position, when neither type
//     can be the other's (not two classes of the program, one a subclass of the other), is `any`.
// Types only: nothing that runs changes.

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import type { LowerContext } from "./context.js";
import { annotationText } from "./annotation-text.js";

type Def = py.FunctionDef | py.AsyncFunctionDef;

/** A program class a base expression names (one binding), if any. */
function programClass(cx: LowerContext, b: py.ExprNode | undefined): py.ClassDef | undefined {
  if (b?._type !== "Name") return undefined;
  const k = cx.lookupKnown(b.id);
  return k?.kind === "class" ? k.node : undefined;
}

/**
 * The def TS compares an override with: the nearest one along the class's TS base chain (one base
 * of the program each; several bases make an `any` base, with nothing to compare).
 */
function nearestBaseMethod(cx: LowerContext, s: py.ClassDef, name: string): Def | undefined {
  let cls: py.ClassDef | undefined = s;
  for (let depth = 0; depth < 20; depth++) {
    if (cls.bases.length !== 1 || cls.type_params.length) return undefined;
    cls = programClass(cx, cls.bases[0]);
    // (a decorated class is an `any` base to TS)
    if (!cls || cls.decorator_list.length) return undefined;
    const def = cls.body.find((st): st is Def => (st._type === "FunctionDef" || st._type === "AsyncFunctionDef") && st.name === name);
    if (def) return def.decorator_list.length ? undefined : def;
  }
  return undefined;
}

/** Whether one annotation names a class of the program that derives from the other's. */
function relatedClasses(cx: LowerContext, a: py.ExprNode, b: py.ExprNode): boolean {
  const derives = (sub: py.ExprNode, sup: py.ExprNode) => {
    let cls = programClass(cx, sub);
    const target = programClass(cx, sup);
    for (let depth = 0; cls && target && depth < 20; depth++) {
      if (cls === target) return true;
      cls = programClass(cx, cls.bases[0]);
    }
    return false;
  };
  return derives(a, b) || derives(b, a);
}

/** The positional parameters after the receiver. */
const positional = (def: Def): py.Arg[] => [...def.args.posonlyargs, ...def.args.args].slice(1);

/**
 * An overriding method's TS parameters (`params` as the def lowered them, `runtimeInit`: an
 * `__init__` over the runtime's `__init__(...args)` only, whose typed parameters stay required).
 */
export function overrideParams(cx: LowerContext, s: py.ClassDef, item: Def, params: ir.Param[], runtimeInit: boolean): ir.Param[] {
  const base = runtimeInit ? undefined : nearestBaseMethod(cx, s, item.name);
  const own = positional(item);
  const baseArgs = base ? positional(base) : [];
  // (the base takes any number: every parameter can stay as it is)
  const baseTakesAll = base?.args.vararg !== undefined && base?.args.vararg !== null;
  const overriding = (p: ir.Param): ir.Param => {
    const i = own.findIndex((a) => a.arg === p.name || `${a.arg}_` === p.name);
    const baseArg = i >= 0 ? baseArgs[i] : undefined;
    const within = base !== undefined && (baseTakesAll || baseArg !== undefined);
    let q = p;
    if (i >= 0 && baseArg?.annotation && own[i].annotation && p.type !== "any") {
      const differs = annotationText(baseArg.annotation) !== annotationText(own[i].annotation!);
      if (differs && !relatedClasses(cx, own[i].annotation!, baseArg.annotation)) q = { ...q, type: "any" };
    }
    if (p.init || p.rest || within || (runtimeInit && p.type !== "any")) return q;
    return { ...q, optional: true };
  };
  // (a loop, not map: TurboFan's inlined map makes a holey array where V8's builtin makes a packed
  // one, and the loop below, compiled for one, was thrown away at the other)
  let out: ir.Param[] = [];
  for (const p of params) out.push(overriding(p));
  // (TS: no optional parameter before a required one)
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1];
    if (out[i].optional && !next.optional && !next.init && !next.rest) out = out.map((p, j) => (j === i ? { ...p, optional: false } : p));
  }
  return out;
}
