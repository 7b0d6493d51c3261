// ast.dump() as CPython 3.12 prints it: fields in ASDL order, optional fields that are None
// left out, attributes (positions) last when asked for, and the same indentation rules.

import { FIELDS, POSITIONED, type ConstantValue, type Node } from "./nodes.js";
import { constantRepr } from "./pyrepr.js";

export interface DumpOptions {
  /** Also print lineno, col_offset, end_lineno, end_col_offset (CPython's include_attributes). */
  includeAttributes?: boolean;
  /** Like CPython's indent: a number of spaces or an indent string; absent = one line. */
  indent?: number | string | null;
}

const ATTRIBUTES = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

/** Fields whose value is a Python constant (may legitimately be None, so never left out). */
const CONSTANT_FIELDS = new Set(["Constant.value", "MatchSingleton.value"]);

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && "_type" in v;
}

export function dump(node: Node, opts: DumpOptions = {}): string {
  const indent = typeof opts.indent === "number" ? " ".repeat(opts.indent) : (opts.indent ?? null);
  const attrs = opts.includeAttributes ?? false;

  // Returns [text, simple] like CPython's _format (simple: an argument-less node or a scalar).
  function format(v: unknown, level: number, constant: boolean): [string, boolean] {
    let prefix = "";
    let sep = ", ";
    if (indent !== null) {
      level++;
      prefix = "\n" + indent.repeat(level);
      sep = ",\n" + indent.repeat(level);
    }
    if (isNode(v) && !constant) {
      const type = v._type;
      const args: string[] = [];
      let allSimple = true;
      const rec = v as unknown as Record<string, unknown>;
      for (const name of FIELDS[type] as readonly string[]) {
        const value = rec[name];
        const isConst = CONSTANT_FIELDS.has(`${type}.${name}`);
        if (value === null && !isConst) continue;
        if (value === undefined) continue;
        const lone = isConst ? (rec as { loneSurrogates?: number[] }).loneSurrogates : undefined;
        const [text, simple] = lone ? [constantRepr(value as ConstantValue, lone), true] : format(value, level, isConst);
        allSimple &&= simple;
        args.push(`${name}=${text}`);
      }
      if (attrs && POSITIONED.has(type)) {
        for (const name of ATTRIBUTES) {
          const value = rec[name];
          if (value === null || value === undefined) continue;
          args.push(`${name}=${value}`);
        }
      }
      if (allSimple && args.length <= 3) return [`${type}(${args.join(", ")})`, args.length === 0];
      return [`${type}(${prefix}${args.join(sep)})`, false];
    }
    if (Array.isArray(v)) {
      if (!v.length) return ["[]", true];
      return [`[${prefix}${v.map((x) => format(x, level, false)[0]).join(sep)}]`, false];
    }
    if (v === null) return ["None", true];
    if (typeof v === "number" && !constant) return [String(v), true];
    if (typeof v === "string" || typeof v === "bigint" || typeof v === "number" || typeof v === "boolean" || typeof v === "object")
      return [constantRepr(v as ConstantValue), true];
    return [String(v), true];
  }

  return format(node, 0, false)[0];
}
