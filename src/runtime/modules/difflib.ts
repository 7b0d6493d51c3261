// difflib: SequenceMatcher (Ratcliff/Obershelp longest matching blocks with CPython's junk and
// "popular element" heuristics) and ndiff / Differ (with the `?` lines marking changes inside
// similar lines), unified_diff, context_diff. unittest's failure messages are built on ndiff.
import { PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { call, eq, toIterable, truthy } from "../builtins/ops.js";
import { str } from "../builtins/repr.js";

type Match = [number, number, number];
export type Opcode = ["replace" | "delete" | "insert" | "equal", number, number, number, number];

/** Elements are compared by Python equality; strings and numbers by a key that makes lookups exact. */
function keyOf(x: unknown): unknown {
  if (typeof x === "string" || typeof x === "boolean" || x === null || x === undefined) return x;
  if (typeof x === "bigint") return `i${x}`;
  if (typeof x === "number") return Number.isInteger(x) ? `i${x}` : x;
  return x;
}

function asSeq(x: unknown): unknown[] {
  if (typeof x === "string") return Array.from(x);
  return Array.from(toIterable(x));
}

export class SequenceMatcher {
  isjunk: unknown;
  a: unknown[] = [];
  b: unknown[] = [];
  autojunk: boolean;
  private b2j = new Map<unknown, number[]>();
  private bjunk = new Set<unknown>();
  private bpopular = new Set<unknown>();
  private matching: Match[] | null = null;
  private opcodes: Opcode[] | null = null;
  private fullbcount: Map<unknown, number> | null = null;

  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    this.isjunk = args[0] ?? k.isjunk ?? null;
    this.autojunk = truthy(args[3] ?? k.autojunk ?? true);
    this.set_seqs(args[1] ?? k.a ?? "", args[2] ?? k.b ?? "");
  }

  set_seqs(a: unknown, b: unknown): void {
    this.set_seq1(a);
    this.set_seq2(b);
  }
  set_seq1(a: unknown): void {
    this.a = asSeq(a);
    this.matching = this.opcodes = null;
  }
  set_seq2(b: unknown): void {
    this.b = asSeq(b);
    this.matching = this.opcodes = null;
    this.fullbcount = null;
    this.chainB();
  }

  private chainB(): void {
    const b2j = new Map<unknown, number[]>();
    this.b.forEach((elt, i) => {
      const key = keyOf(elt);
      let list = b2j.get(key);
      if (!list) b2j.set(key, (list = []));
      list.push(i);
    });
    this.bjunk = new Set();
    if (this.isjunk !== null && this.isjunk !== undefined) {
      for (const key of [...b2j.keys()]) {
        const elt = this.b[b2j.get(key)![0]];
        if (truthy(call(this.isjunk, elt))) {
          this.bjunk.add(key);
          b2j.delete(key);
        }
      }
    }
    this.bpopular = new Set();
    const n = this.b.length;
    if (this.autojunk && n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [key, idxs] of [...b2j]) {
        if (idxs.length > ntest) {
          this.bpopular.add(key);
          b2j.delete(key);
        }
      }
    }
    this.b2j = b2j;
  }

  find_longest_match(alo = 0, ahi: number | null = null, blo = 0, bhi: number | null = null): Match {
    const a = this.a;
    const b = this.b;
    ahi ??= a.length;
    bhi ??= b.length;
    alo = Number(alo);
    ahi = Number(ahi);
    blo = Number(blo);
    bhi = Number(bhi);
    const isBJunk = (x: unknown) => this.bjunk.has(keyOf(x));
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of this.b2j.get(keyOf(a[i])) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // Extend the match with equal non-junk elements on both sides, then with equal junk.
    while (besti > alo && bestj > blo && !isBJunk(b[bestj - 1]) && eq(a[besti - 1], b[bestj - 1])) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && !isBJunk(b[bestj + bestsize]) && eq(a[besti + bestsize], b[bestj + bestsize])) bestsize++;
    while (besti > alo && bestj > blo && isBJunk(b[bestj - 1]) && eq(a[besti - 1], b[bestj - 1])) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && isBJunk(b[bestj + bestsize]) && eq(a[besti + bestsize], b[bestj + bestsize])) bestsize++;
    return [besti, bestj, bestsize];
  }

  matchingBlocks(): Match[] {
    if (this.matching) return this.matching;
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: Match[] = [];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const x = this.find_longest_match(alo, ahi, blo, bhi);
      const [i, j, k] = x;
      if (k) {
        blocks.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    blocks.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
    // Adjacent blocks are merged.
    const out: Match[] = [];
    let [i1, j1, k1] = [0, 0, 0];
    for (const [i2, j2, k2] of blocks) {
      if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
      else {
        if (k1) out.push([i1, j1, k1]);
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) out.push([i1, j1, k1]);
    out.push([la, lb, 0]);
    this.matching = out;
    return out;
  }

  get_matching_blocks(): PyList<PyTuple<bigint>> {
    return PyList.fromArray(this.matchingBlocks().map((m) => PyTuple.fromArray(m.map(BigInt))));
  }

  opcodeList(): Opcode[] {
    if (this.opcodes) return this.opcodes;
    let i = 0;
    let j = 0;
    const out: Opcode[] = [];
    for (const [ai, bj, size] of this.matchingBlocks()) {
      const tag = i < ai && j < bj ? "replace" : i < ai ? "delete" : j < bj ? "insert" : "";
      if (tag) out.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) out.push(["equal", ai, i, bj, j]);
    }
    this.opcodes = out;
    return out;
  }

  get_opcodes(): PyList<PyTuple<unknown>> {
    return PyList.fromArray(this.opcodeList().map(([t, ...n]) => PyTuple.fromArray([t, ...n.map(BigInt)])));
  }

  ratio(): number {
    const matches = this.matchingBlocks().reduce((s, m) => s + m[2], 0);
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  quick_ratio(): number {
    if (this.fullbcount === null) {
      this.fullbcount = new Map();
      for (const elt of this.b) this.fullbcount.set(keyOf(elt), (this.fullbcount.get(keyOf(elt)) ?? 0) + 1);
    }
    const avail = new Map<unknown, number>();
    let matches = 0;
    for (const elt of this.a) {
      const key = keyOf(elt);
      const n = avail.has(key) ? avail.get(key)! : (this.fullbcount.get(key) ?? 0);
      avail.set(key, n - 1);
      if (n > 0) matches++;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  real_quick_ratio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

function calculateRatio(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

// ───────────── Differ / ndiff ─────────────

/** CPython's default charjunk for ndiff: blanks and tabs. */
export function IS_CHARACTER_JUNK(ch: unknown, ws: string = " \t"): boolean {
  return typeof ch === "string" && ws.includes(ch);
}

export function IS_LINE_JUNK(line: unknown): boolean {
  return typeof line === "string" && /^\s*#?\s*$/.test(line);
}

const isSpace = (c: string) => /^\s$/.test(c);

class DifferImpl {
  constructor(
    private linejunk: unknown,
    private charjunk: unknown,
  ) {}

  *compare(a: string[], b: string[]): Generator<string> {
    const cruncher = new SequenceMatcher(this.linejunk, a, b);
    for (const [tag, alo, ahi, blo, bhi] of cruncher.opcodeList()) {
      if (tag === "replace") yield* this.fancyReplace(a, alo, ahi, b, blo, bhi);
      else if (tag === "delete") yield* dump("-", a, alo, ahi);
      else if (tag === "insert") yield* dump("+", b, blo, bhi);
      else yield* dump(" ", a, alo, ahi);
    }
  }

  private *plainReplace(a: string[], alo: number, ahi: number, b: string[], blo: number, bhi: number): Generator<string> {
    if (bhi - blo < ahi - alo) {
      yield* dump("+", b, blo, bhi);
      yield* dump("-", a, alo, ahi);
    } else {
      yield* dump("-", a, alo, ahi);
      yield* dump("+", b, blo, bhi);
    }
  }

  private *fancyReplace(a: string[], alo: number, ahi: number, b: string[], blo: number, bhi: number): Generator<string> {
    let bestRatio = 0.74;
    const cutoff = 0.75;
    const cruncher = new SequenceMatcher(this.charjunk);
    let eqi: number | null = null;
    let eqj: number | null = null;
    let besti = 0;
    let bestj = 0;
    for (let j = blo; j < bhi; j++) {
      cruncher.set_seq2(b[j]);
      for (let i = alo; i < ahi; i++) {
        if (a[i] === b[j]) {
          if (eqi === null) [eqi, eqj] = [i, j];
          continue;
        }
        cruncher.set_seq1(a[i]);
        if (cruncher.real_quick_ratio() > bestRatio && cruncher.quick_ratio() > bestRatio && cruncher.ratio() > bestRatio) {
          [bestRatio, besti, bestj] = [cruncher.ratio(), i, j];
        }
      }
    }
    if (bestRatio < cutoff) {
      if (eqi === null) {
        yield* this.plainReplace(a, alo, ahi, b, blo, bhi);
        return;
      }
      [besti, bestj, bestRatio] = [eqi, eqj!, 1.0];
    } else {
      eqi = null;
    }
    yield* this.fancyHelper(a, alo, besti, b, blo, bestj);
    const aelt = a[besti];
    const belt = b[bestj];
    if (eqi === null) {
      let atags = "";
      let btags = "";
      cruncher.set_seqs(aelt, belt);
      for (const [tag, ai1, ai2, bj1, bj2] of cruncher.opcodeList()) {
        const la = ai2 - ai1;
        const lb = bj2 - bj1;
        if (tag === "replace") {
          atags += "^".repeat(la);
          btags += "^".repeat(lb);
        } else if (tag === "delete") atags += "-".repeat(la);
        else if (tag === "insert") btags += "+".repeat(lb);
        else {
          atags += " ".repeat(la);
          btags += " ".repeat(lb);
        }
      }
      yield* qformat(aelt, belt, atags, btags);
    } else {
      yield "  " + aelt;
    }
    yield* this.fancyHelper(a, besti + 1, ahi, b, bestj + 1, bhi);
  }

  private *fancyHelper(a: string[], alo: number, ahi: number, b: string[], blo: number, bhi: number): Generator<string> {
    if (alo < ahi) {
      if (blo < bhi) yield* this.fancyReplace(a, alo, ahi, b, blo, bhi);
      else yield* dump("-", a, alo, ahi);
    } else if (blo < bhi) {
      yield* dump("+", b, blo, bhi);
    }
  }
}

function* dump(tag: string, x: string[], lo: number, hi: number): Generator<string> {
  for (let i = lo; i < hi; i++) yield `${tag} ${x[i]}`;
}

/** The tags under a line keep the line's own tabs and blanks, so the marks line up. */
function keepOriginalWs(s: string, tags: string): string {
  const chars = Array.from(s);
  return Array.from(tags, (t, i) => (t === " " && i < chars.length && isSpace(chars[i]) ? chars[i] : t)).join("");
}

function* qformat(aline: string, bline: string, atags: string, btags: string): Generator<string> {
  atags = keepOriginalWs(aline, atags).trimEnd();
  btags = keepOriginalWs(bline, btags).trimEnd();
  yield "- " + aline;
  if (atags) yield `? ${atags}\n`;
  yield "+ " + bline;
  if (btags) yield `? ${btags}\n`;
}

/** The ndiff lines of two lists of strings (a JS array; the runtime's own callers use this). */
export function ndiffLines(a: string[], b: string[], linejunk: unknown = null, charjunk: unknown = IS_CHARACTER_JUNK): string[] {
  return [...new DifferImpl(linejunk, charjunk).compare(a, b)];
}

export function ndiff(a: unknown, b: unknown, ...rest: unknown[]): Generator<string> {
  const k = popKw(rest) ?? {};
  const linejunk = rest[0] ?? k.linejunk ?? null;
  const charjunk = rest[1] ?? k.charjunk ?? IS_CHARACTER_JUNK;
  return new DifferImpl(linejunk, charjunk).compare(asSeq(a).map(str), asSeq(b).map(str));
}

export class Differ {
  private impl: DifferImpl;
  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    this.impl = new DifferImpl(args[0] ?? k.linejunk ?? null, args[1] ?? k.charjunk ?? null);
  }
  compare(a: unknown, b: unknown): Generator<string> {
    return this.impl.compare(asSeq(a).map(str), asSeq(b).map(str));
  }
}

function formatRange(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 1) return `${beginning}`;
  if (!length) beginning--;
  return `${beginning},${length}`;
}

/** Groups of opcodes with up to n lines of context (SequenceMatcher.get_grouped_opcodes). */
function groupedOpcodes(m: SequenceMatcher, n: number): Opcode[][] {
  let codes = m.opcodeList().map((c) => [...c] as Opcode);
  if (!codes.length) codes = [["equal", 0, 1, 0, 1]];
  if (codes[0][0] === "equal") {
    const [t, i1, i2, j1, j2] = codes[0];
    codes[0] = [t, Math.max(i1, i2 - n), i2, Math.max(j1, j2 - n), j2];
  }
  const last = codes.length - 1;
  if (codes[last][0] === "equal") {
    const [t, i1, i2, j1, j2] = codes[last];
    codes[last] = [t, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)];
  }
  const nn = n + n;
  const groups: Opcode[][] = [];
  let group: Opcode[] = [];
  for (let [tag, i1, i2, j1, j2] of codes) {
    if (tag === "equal" && i2 - i1 > nn) {
      group.push([tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)]);
      groups.push(group);
      group = [];
      [i1, j1] = [Math.max(i1, i2 - n), Math.max(j1, j2 - n)];
    }
    group.push([tag, i1, i2, j1, j2]);
  }
  if (group.length && !(group.length === 1 && group[0][0] === "equal")) groups.push(group);
  return groups;
}

/** The arguments unified_diff and context_diff share: (a, b, fromfile, tofile, fromfiledate, tofiledate, n, lineterm). */
function diffArguments(a: unknown, b: unknown, rest: unknown[]) {
  const k = popKw(rest) ?? {};
  // (a file date follows its name after a tab)
  const dated = (name: unknown, date: unknown) => `${str(name ?? "")}${date === undefined || date === null || date === "" ? "" : `\t${str(date)}`}`;
  return {
    from: dated(rest[0] ?? k.fromfile, rest[2] ?? k.fromfiledate),
    to: dated(rest[1] ?? k.tofile, rest[3] ?? k.tofiledate),
    n: Number(rest[4] ?? k.n ?? 3n),
    lineterm: str(rest[5] ?? k.lineterm ?? "\n"),
    al: asSeq(a).map(str),
    bl: asSeq(b).map(str),
  };
}

export function* unified_diff(a: unknown, b: unknown, ...rest: unknown[]): Generator<string> {
  const { from, to, n, lineterm, al, bl } = diffArguments(a, b, rest);
  let started = false;
  for (const group of groupedOpcodes(new SequenceMatcher(null, al, bl), n)) {
    if (!started) {
      started = true;
      yield `--- ${from}${lineterm}`;
      yield `+++ ${to}${lineterm}`;
    }
    const first = group[0];
    const lastc = group[group.length - 1];
    yield `@@ -${formatRange(first[1], lastc[2])} +${formatRange(first[3], lastc[4])} @@${lineterm}`;
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === "equal") {
        for (const line of al.slice(i1, i2)) yield " " + line;
        continue;
      }
      if (tag === "replace" || tag === "delete") for (const line of al.slice(i1, i2)) yield "-" + line;
      if (tag === "replace" || tag === "insert") for (const line of bl.slice(j1, j2)) yield "+" + line;
    }
  }
}

/** A context diff's range: the first line and the last (one number for one line or none). */
function contextRange(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (!length) beginning--;
  return length <= 1 ? `${beginning}` : `${beginning},${beginning + length - 1}`;
}

const CONTEXT_PREFIX: Record<Opcode[0], string> = { insert: "+ ", delete: "- ", replace: "! ", equal: "  " };

/**
 * context_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3, lineterm='\n'):
 * each group of changes as its lines of a (`***`: `!` changed, `-` deleted) then of b (`---`: `!`
 * changed, `+` added), each half left out when it has no change of its own.
 */
export function* context_diff(a: unknown, b: unknown, ...rest: unknown[]): Generator<string> {
  const { from, to, n, lineterm, al, bl } = diffArguments(a, b, rest);
  let started = false;
  for (const group of groupedOpcodes(new SequenceMatcher(null, al, bl), n)) {
    if (!started) {
      started = true;
      yield `*** ${from}${lineterm}`;
      yield `--- ${to}${lineterm}`;
    }
    const first = group[0];
    const last = group[group.length - 1];
    yield "***************" + lineterm;
    yield `*** ${contextRange(first[1], last[2])} ****${lineterm}`;
    if (group.some(([tag]) => tag === "replace" || tag === "delete")) {
      for (const [tag, i1, i2] of group) if (tag !== "insert") for (const line of al.slice(i1, i2)) yield CONTEXT_PREFIX[tag] + line;
    }
    yield `--- ${contextRange(first[3], last[4])} ----${lineterm}`;
    if (group.some(([tag]) => tag === "replace" || tag === "insert")) {
      for (const [tag, , , j1, j2] of group) if (tag !== "delete") for (const line of bl.slice(j1, j2)) yield CONTEXT_PREFIX[tag] + line;
    }
  }
}

export function get_close_matches(word: unknown, possibilities: unknown, n: unknown = 3n, cutoff: unknown = 0.6): PyList<unknown> {
  const s = new SequenceMatcher();
  s.set_seq2(word);
  const scored: [number, unknown][] = [];
  for (const x of toIterable(possibilities)) {
    s.set_seq1(x);
    if (s.real_quick_ratio() >= Number(cutoff) && s.quick_ratio() >= Number(cutoff) && s.ratio() >= Number(cutoff)) scored.push([s.ratio(), x]);
  }
  scored.sort((p, q) => q[0] - p[0] || (String(q[1]) < String(p[1]) ? -1 : String(q[1]) > String(p[1]) ? 1 : 0));
  return PyList.fromArray(scored.slice(0, Number(n)).map((p) => p[1]));
}
