// Which expressions CPython's AST optimizer folds into a constant before compiling (3.12's
// ast_opt.c, as observed): literals, unary and binary arithmetic on numbers within its size limits,
// and tuples of such. The lowering asks this where the folding is observable: a set display of 3+
// constants becomes a frozenset constant, whose table layout (so the set's iteration order)
// differs from adding the items one by one.

import type * as py from "../ast/nodes.js";

/** CPython refuses to fold an int product, power or shift whose result would pass 128 bits. */
const MAX_INT_BITS = 128n;

type Folded = bigint | number | boolean | string | null | "tuple" | "other";

/** Whether CPython 3.12 compiles `e` as one constant. */
export function isFoldedConstant(e: py.ExprNode): boolean {
  return fold(e) !== undefined;
}

function bits(n: bigint): bigint {
  return BigInt((n < 0n ? -n : n).toString(2).length) - (n === 0n ? 1n : 0n);
}

function fold(e: py.ExprNode): Folded | undefined {
  switch (e._type) {
    case "Constant": {
      const v = e.value;
      return typeof v === "object" && v !== null ? "other" : v;
    }
    case "Tuple":
      return e.ctx._type === "Load" && e.elts.every((x) => fold(x) !== undefined) ? "tuple" : undefined;
    case "UnaryOp": {
      const v = fold(e.operand);
      if (v === undefined) return undefined;
      if (e.op._type === "Not") return !truthy(v);
      if (typeof v === "boolean") return foldUnary(e.op._type, BigInt(v));
      return typeof v === "bigint" || typeof v === "number" ? foldUnary(e.op._type, v) : undefined;
    }
    case "BinOp": {
      const l = numeric(fold(e.left));
      const r = numeric(fold(e.right));
      if (l === undefined || r === undefined) return undefined;
      return typeof l === "bigint" && typeof r === "bigint" ? foldInts(e.op._type, l, r) : foldFloats(e.op._type, Number(l), Number(r));
    }
  }
  return undefined;
}

function truthy(v: Folded): boolean {
  return v !== null && v !== false && v !== 0 && v !== 0n && v !== "";
}

function numeric(v: Folded | undefined): bigint | number | undefined {
  if (typeof v === "boolean") return BigInt(v);
  return typeof v === "bigint" || typeof v === "number" ? v : undefined;
}

function foldUnary(op: string, v: bigint | number): Folded | undefined {
  if (op === "USub") return -v;
  if (op === "UAdd") return v;
  return typeof v === "bigint" ? ~v : undefined; // ~ of a float raises, so it is not folded
}

function foldInts(op: string, l: bigint, r: bigint): Folded | undefined {
  switch (op) {
    case "Add":
      return l + r;
    case "Sub":
      return l - r;
    case "Mult":
      return l !== 0n && r !== 0n && bits(l) + bits(r) > MAX_INT_BITS ? undefined : l * r;
    case "Pow":
      if (r < 0n) return l === 0n ? undefined : Number(l) ** Number(r);
      return l !== 0n && r > 0n && bits(l) * r > MAX_INT_BITS ? undefined : l ** r;
    case "LShift":
      return r < 0n || r > MAX_INT_BITS || bits(l) > MAX_INT_BITS - r ? undefined : l << r;
    case "RShift":
      return r < 0n ? undefined : l >> r;
    case "FloorDiv":
    case "Mod":
      return r === 0n ? undefined : "other";
    case "Div":
      return r === 0n ? undefined : Number(l) / Number(r);
    case "BitAnd":
      return l & r;
    case "BitOr":
      return l | r;
    case "BitXor":
      return l ^ r;
  }
  return undefined;
}

function foldFloats(op: string, l: number, r: number): Folded | undefined {
  switch (op) {
    case "Add":
    case "Sub":
    case "Mult":
      return "other";
    case "Div":
    case "FloorDiv":
    case "Mod":
      return r === 0 ? undefined : "other";
    case "Pow": {
      if (l === 0 && r < 0) return undefined;
      const v = l ** r;
      return Number.isFinite(v) && !Number.isNaN(v) ? "other" : undefined; // overflow or a complex result is not folded
    }
  }
  return undefined;
}
