// PEP 695's malformed type parameter lists, as CPython 3.12's parser reports them:
//   class C[*Ts: int]     cannot use bound with TypeVarTuple (at the colon)
//   class C[**P: (a, b)]  cannot use constraints with ParamSpec
//   def f[](): ...        expected '(' (at the bracket: a def's bad parameter list is no list)
//   def f[T]: ...         expected '(' (after the bracket)
import type * as py from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { SyntaxErrorAt } from "./errors.js";

const OWNER = /^([ \t]*(?:(?:async[ \t]+)?def|class|type)[ \t]+[\p{L}\p{N}_]+[ \t]*)\[/u;

/** The index of the `]` that closes the `[` at `open` on this line (or -1). */
function closing(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") {
      depth--;
      if (depth === 0) return c === "]" ? i : -1;
    }
  }
  return -1;
}

/** The bracket's parameters, split at its top-level commas: [start, end) of each. */
function params(code: string, open: number, close: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < close; i++) {
    const c = code[i];
    if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, close]);
  return out;
}

/**
 * The error CPython gives for a type parameter list on the line of `errAt` (`lineStart`, `code`:
 * that line without its comment), when lezer's error lies in or right after one; else null.
 */
export function typeParamListError(code: string, lineStart: number, errAt: number): SyntaxErrorAt | null {
  const owner = OWNER.exec(code);
  if (!owner) return null;
  const open = owner[1].length;
  const close = closing(code, open);
  const end = close < 0 ? code.length : close;
  for (const [from, to] of params(code, open, end)) {
    const star = /^[ \t]*(\*\*?)[ \t]*[\p{L}\p{N}_]+[ \t]*:/u.exec(code.slice(from, to));
    if (!star) continue;
    const colon = from + star[0].length - 1;
    const bound = code.slice(colon + 1, to).trim();
    const what = bound.startsWith("(") ? "constraints" : "bound";
    const kind = star[1] === "*" ? "TypeVarTuple" : "ParamSpec";
    return new SyntaxErrorAt(
      `cannot use ${what} with ${kind}`,
      lineStart + colon,
      lineStart + to - (code.slice(colon, to).length - code.slice(colon, to).trimEnd().length),
    );
  }
  if (!/^[ \t]*(?:async[ \t]+)?def\b/.test(code)) return null;
  const err = errAt - lineStart;
  if (close < 0 || err <= close) return new SyntaxErrorAt("expected '('", lineStart + open, lineStart + open + 1);
  if (!/^[ \t]*\(/.test(code.slice(close + 1))) return new SyntaxErrorAt("expected '('", lineStart + close + 1, lineStart + close + 2);
  return null;
}

const OWN_SCOPES = new Set(["Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/**
 * The first `yield` or `await` in an expression of a type parameter scope (an alias's value, a
 * bound, a generic def's annotations or a generic class's bases), outside lambdas and
 * comprehensions (their own scopes, which CPython reports otherwise): with the message CPython's
 * symbol table gives, `where` being "a type alias", "a TypeVar bound" or "the definition of a generic".
 * `e`: a node, or lists (of lists) of nodes, nulls skipped.
 */
export function yieldInTypeScope(e: Found, where: string): { node: object; msg: string } | null {
  if (!e) return null;
  if (Array.isArray(e)) {
    for (const x of e) {
      const found = yieldInTypeScope(x, where);
      if (found) return found;
    }
    return null;
  }
  let found: { node: object; msg: string } | null = null;
  walk(e as py.Node, (n) => {
    if (found) return false;
    const t = n._type;
    if (t === "Yield" || t === "YieldFrom" || t === "Await") {
      found = { node: n, msg: `${t === "Await" ? "await" : "yield"} expression cannot be used within ${where}` };
      return false;
    }
    if (OWN_SCOPES.has(t)) return false;
  });
  return found;
}

type Found = py.Node | null | undefined | readonly Found[];
