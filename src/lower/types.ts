// Just enough static typing to emit native operators where Python's and JS's meanings agree
// (`i + 1n` on two ints, `"a" + s` on two strings). Annotations become TS types in annotations.ts.
// Anything not proven stays `undefined` (unknown) and goes through a runtime helper.

import type * as py from "../ast/nodes.js";

/** `inst:...`: an instance of a plain class of the program (inference.ts knows which). */
/** `rt:...`: an instance of a runtime class made by the program (`rt:asyncio.Queue`, `rt:asyncio.Task`). */
/** `self:...`: a method's `self`, an instance of its plain class or of a subclass (class-facts.ts). */
export type PyType = "int" | "float" | "str" | "bytes" | "bool" | "none" | "list" | "dict" | `inst:${string}` | `self:${string}` | `rt:${string}`;

/** The types of names; `call` gives what a call returns when known (a plain class's instance, `len()`). */
export type TypeEnv = ((name: string) => PyType | undefined) & {
  call?: (e: py.Call) => PyType | undefined;
  /** What `await e` gives, when known (an own coroutine function's proven return). */
  awaited?: (e: py.ExprNode) => PyType | undefined;
  /** The type of `obj.attr` when known (an attribute every write gives one type). */
  attr?: (e: py.Attribute) => PyType | undefined;
  isBuiltin?: (name: string) => boolean;
};

export function staticType(e: py.ExprNode, env: TypeEnv): PyType | undefined {
  switch (e._type) {
    case "Constant":
      switch (typeof e.value) {
        case "bigint":
          return "int";
        case "number":
          return "float";
        case "string":
          return "str";
        case "boolean":
          return "bool";
      }
      if (e.value !== null && typeof e.value === "object" && "bytes" in e.value) return "bytes";
      return e.value === null ? "none" : undefined;
    case "JoinedStr":
      return "str";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Name":
      // A module's `__name__` is a str unless the program rebinds it.
      if (e.id === "__name__" && env.isBuiltin?.("__name__")) return "str";
      return env(e.id);
    case "UnaryOp": {
      const t = staticType(e.operand, env);
      if (e.op._type === "Not") return "bool";
      return e.op._type === "USub" || e.op._type === "UAdd" ? (t === "int" || t === "float" ? t : undefined) : undefined;
    }
    case "BinOp": {
      const l = staticType(e.left, env);
      const r = staticType(e.right, env);
      if (l === r && (l === "str" || l === "bytes") && e.op._type === "Add") return l;
      // `"=" * 50`, `n * s`: an exact str repeated an exact int's times is a str.
      if (e.op._type === "Mult" && ((l === "str" && r === "int") || (l === "int" && r === "str"))) return "str";
      if (e.op._type === "Div" && (l === "int" || l === "float") && (r === "int" || r === "float")) return "float";
      if (l === r && (l === "int" || l === "float") && SAME_TYPE_NUMBER_OPS.has(e.op._type)) return l;
      return undefined;
    }
    case "Compare": {
      // `is` and `in` always give a bool; `<`/`==` give what the operands' methods return, a bool
      // for ints, floats and strs.
      if (e.ops.every((op) => ALWAYS_BOOL_COMPARISONS.has(op._type))) return "bool";
      // (every operand is typed, even after one that disagrees: typing a call may record facts)
      const first = staticType(e.left, env);
      let same = first === "int" || first === "float" || first === "str";
      for (const x of e.comparators) if (staticType(x, env) !== first) same = false;
      return same ? "bool" : undefined;
    }
    case "Await":
      return env.awaited?.(e.value);
    case "Attribute":
      return env.attr?.(e);
    case "Call":
      return env.call?.(e);
    case "NamedExpr":
      return staticType(e.value, env);
    case "IfExp": {
      const t = staticType(e.body, env);
      return t !== undefined && t === staticType(e.orelse, env) ? t : undefined;
    }
  }
  return undefined;
}

/** Binary operators that give an int for two ints and a float for two floats. */
const SAME_TYPE_NUMBER_OPS = new Set(["Add", "Sub", "Mult", "FloorDiv", "Mod"]);
/** Comparisons that always give a bool, whatever the operands. */
const ALWAYS_BOOL_COMPARISONS = new Set(["Is", "IsNot", "In", "NotIn"]);
