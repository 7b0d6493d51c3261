// String literals: plain, bytes, f-strings and implicit concatenation, shaped as CPython 3.12's
// parser shapes them. Without an f-string the parts fold into one Constant; with one, into a
// JoinedStr whose adjacent literal pieces merge into one Constant (spanning from the first piece
// to the last) and whose empty pieces disappear.

import type { SyntaxNode } from "@lezer/common";
import type * as A from "../ast/nodes.js";
import type { Builder } from "./build.js";
import { kids } from "./lezer.js";
import { LiteralError, decodeBody, splitStringToken } from "./literals.js";

type N = SyntaxNode;

const CONVERSIONS: Record<string, number> = { s: 115, r: 114, a: 97 };

/**
 * Surrogates written as escapes are code points of their own in Python; JavaScript reads an
 * escaped pair as one character. The Constant keeps their indices (non-enumerable, read by dump).
 */
function withLone<T extends A.Constant>(c: T, lone: number[]): T {
  if (lone.length) Object.defineProperty(c, "loneSurrogates", { value: lone, enumerable: false });
  return c;
}

/** Collects JoinedStr values, merging adjacent literal text. */
class Pieces {
  values: A.ExprNode[] = [];
  private text = "";
  private from = -1;
  private to = -1;
  private kind: string | null = null;

  constructor(private readonly b: Builder) {}

  /** Indices into `text` of surrogates written as escapes (see strRepr). */
  lone: number[] = [];

  /** Where the next literal's surrogate indices go (call before decoding it). */
  loneSink(): { list: number[]; base: number } {
    return { list: this.lone, base: this.text.length };
  }

  literal(text: string, from: number, to: number, kind: string | null = null): void {
    if (this.from < 0) {
      this.from = from;
      this.kind = kind;
    }
    this.text += text;
    this.to = to;
  }

  value(v: A.ExprNode): void {
    this.flush();
    this.values.push(v);
  }

  flush(): void {
    if (this.from >= 0 && this.text !== "")
      this.values.push(
        withLone(
          this.b.at(
            { _type: "Constant", value: this.text, kind: this.kind, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant,
            this.from,
            this.to,
          ),
          this.lone,
        ),
      );
    this.lone = [];
    this.text = "";
    this.from = -1;
    this.kind = null;
  }
}

/**
 * Decodes a literal slice of the source, turning decoding problems into syntax errors where
 * CPython puts them: on the whole string token (`token`), or for an f-string's literal piece,
 * just after the piece.
 */
function decode(
  b: Builder,
  from: number,
  to: number,
  opts: { raw: boolean; bytes: boolean; fstring?: boolean },
  token?: N,
  lone?: { list: number[]; base: number },
): string {
  try {
    const body = b.src.slice(from, to);
    if (!lone || !(body.includes("\\u") || body.includes("\\U"))) return decodeBody(body, opts);
    const found: number[] = [];
    const text = decodeBody(body, opts, found);
    for (const k of found) lone.list.push(lone.base + k);
    return text;
  } catch (e) {
    if (e instanceof LiteralError) {
      if (token) b.fail(e.message, token.from, token.to);
      b.fail(e.message, to, to + 1);
    }
    throw e;
  }
}

const MAX_FSTRING_LEVEL = 150;
/** How many f-strings enclose the one being built, per builder. */
const fstringDepth = new WeakMap<Builder, number>();

export function buildStrings(b: Builder, parts: N[], whole: N): A.ExprNode {
  const toks = parts.map((p) => ({ node: p, tok: splitStringToken(b.text(p)) }));
  const bytes = toks[0].tok.bytes;
  if (toks.some((t) => t.tok.bytes !== bytes)) b.fail("cannot mix bytes and nonbytes literals", whole.from, whole.to);

  if (!toks.some((t) => t.tok.fstring)) {
    let value = "";
    const lone: number[] = [];
    for (const { node, tok } of toks) {
      const start = node.from + tok.bodyStart;
      value += decode(b, start, start + tok.body.length, tok, node, bytes ? undefined : { list: lone, base: value.length });
    }
    const v: A.ConstantValue = bytes ? { bytes: value } : value;
    return withLone(
      b.at(
        { _type: "Constant", value: v, kind: toks[0].tok.unicode ? "u" : null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant,
        whole.from,
        whole.to,
      ),
      lone,
    );
  }

  const pieces = new Pieces(b);
  for (const { node, tok } of toks) {
    if (!tok.fstring) {
      const start = node.from + tok.bodyStart;
      pieces.literal(decode(b, start, start + tok.body.length, tok, node, pieces.loneSink()), node.from, node.to, tok.unicode ? "u" : null);
      continue;
    }
    const bodyFrom = node.from + tok.bodyStart;
    const bodyTo = bodyFrom + tok.body.length;
    let pos = bodyFrom;
    // CPython's tokenizer nests at most 149 f-strings; the error is at the 150th one's quote.
    const depth = (fstringDepth.get(b) ?? 0) + 1;
    if (depth >= MAX_FSTRING_LEVEL) b.fail("too many nested f-strings", node.from + tok.prefix.length);
    fstringDepth.set(b, depth);
    try {
      for (const r of kids(node)) {
        if (r.name !== "FormatReplacement") continue;
        if (r.from > pos) pieces.literal(decode(b, pos, r.from, { ...tok, fstring: true }, undefined, pieces.loneSink()), pos, r.from);
        replacement(b, r, pieces, tok.raw);
        pos = r.to;
      }
    } finally {
      fstringDepth.set(b, depth - 1);
    }
    if (bodyTo > pos) pieces.literal(decode(b, pos, bodyTo, { ...tok, fstring: true }, undefined, pieces.loneSink()), pos, bodyTo);
  }
  pieces.flush();
  return b.at({ _type: "JoinedStr", values: pieces.values, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.JoinedStr, whole.from, whole.to);
}

/** `{expr=!r:spec}` → (debug text Constant) + FormattedValue. */
function replacement(b: Builder, r: N, pieces: Pieces, raw: boolean): void {
  const cs = kids(r);
  const close = cs[cs.length - 1];
  if (close.name !== "}") b.fail("f-string: expecting '}'", r.to);
  const tail = cs.findIndex((c, i) => i > 0 && (c.name === "FormatSelfDoc" || c.name === "FormatConversion" || c.name === "FormatSpec" || c.name === "}"));
  const exprNodes = cs.slice(1, tail);
  if (!exprNodes.length) b.fail("f-string: valid expression required before '}'", cs[0].from, close.to);
  const value = exprNodes.length === 1 && exprNodes[0].name === "YieldExpression" ? b.expr(exprNodes[0]) : b.exprList(exprNodes);
  const selfDoc = cs.find((c) => c.name === "FormatSelfDoc");
  const conv = cs.find((c) => c.name === "FormatConversion");
  const spec = cs.find((c) => c.name === "FormatSpec");
  if (selfDoc) {
    // `{x = }` keeps the expression's text, up to the conversion, spec or closing brace.
    const end = (conv ?? spec ?? close).from;
    pieces.literal(withoutComments(b.src.slice(cs[0].to, end)), cs[0].to, end);
  }
  let conversion = -1;
  if (conv) conversion = CONVERSIONS[b.text(conv)[1]];
  else if (selfDoc && !spec) conversion = CONVERSIONS.r;
  const format_spec = spec ? formatSpec(b, spec, raw) : null;
  pieces.value(
    b.at(
      { _type: "FormattedValue", value, conversion, format_spec, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.FormattedValue,
      r.from,
      r.to,
    ),
  );
}

/** A `{x = }` debug text keeps no comments (`{x = # note` + line break + `}`), as in CPython 3.12. */
function withoutComments(text: string): string {
  if (!text.includes("#")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const j = text.indexOf(c, i + 1);
      const end = j < 0 ? text.length : j + 1;
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === "#") {
      while (i + 1 < text.length && text[i + 1] !== "\n" && text[i + 1] !== "\r") i++;
    } else out += c;
  }
  return out;
}

/** `:>{w}` → JoinedStr. CPython 3.12.1 adds an empty Constant when the spec ends with a field. */
function formatSpec(b: Builder, spec: N, raw: boolean): A.JoinedStr {
  const values: A.ExprNode[] = [];
  const colon = spec.firstChild!;
  let pos = colon.to;
  let endsWithField = false;
  const lit = (from: number, to: number) => {
    const text = decode(b, from, to, { raw, bytes: false });
    values.push(b.at({ _type: "Constant", value: text, kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant, from, to));
  };
  for (const r of kids(spec)) {
    if (r.name !== "FormatReplacement") continue;
    // (CPython 3.12.1 also emits an empty piece before a field opened by `{{` in a spec.)
    if (r.from > pos || b.src.startsWith("{{", r.from)) lit(pos, r.from);
    const inner = new Pieces(b);
    replacement(b, r, inner, raw);
    inner.flush();
    values.push(...inner.values);
    pos = r.to;
    endsWithField = true;
  }
  if (spec.to > pos) lit(pos, spec.to);
  else if (endsWithField)
    values.push(b.at({ _type: "Constant", value: "", kind: null, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.Constant, pos, pos));
  return b.at({ _type: "JoinedStr", values, lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 } as A.JoinedStr, colon.from, spec.to);
}
