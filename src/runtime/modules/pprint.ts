// pprint: pformat/pprint/pp/saferepr and PrettyPrinter for the builtin containers.
//
// An object whose one-line repr fits in the space left on its line is written as that repr
// (dicts with their keys sorted unless sort_dicts=False). Otherwise a list, tuple, dict, set,
// frozenset or str is broken up: one element per line, aligned one column inside its opening
// bracket (plus indent-1 spaces), each line leaving room for the closing brackets that follow it.
// Anything else keeps its repr. Not supported: compact=True (NotImplementedError), dataclass layout.
import { callm, lt, toIterable } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { id, print } from "../builtins/functions.js";
import { NotImplementedError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyFrozenSet, PyList, PySet, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";

interface Options {
  indent: number;
  width: number;
  depth: number | null;
  sortDicts: boolean;
}

const exact = (x: unknown, cls: Function): boolean => typeof x === "object" && x !== null && Object.getPrototypeOf(x)?.constructor === cls;
const isDict = (x: unknown): x is PyDict => exact(x, PyDict);
const isList = (x: unknown): x is PyList => exact(x, PyList);
const isTuple = (x: unknown): x is PyTuple => exact(x, PyTuple);
const isSet = (x: unknown): boolean => exact(x, PySet) || exact(x, PyFrozenSet);

/** Sorted as pprint sorts keys and set elements: by `<`, and by type name where `<` is not defined. */
function sortedSafely(items: unknown[], key: (x: unknown) => unknown = (x) => x): unknown[] {
  const tagged = items.map((x) => ({ x, k: key(x) }));
  const typeName = (v: unknown) => String((v as { constructor?: { name?: string } })?.constructor?.name ?? typeof v);
  tagged.sort((a, b) => {
    try {
      return lt(a.k, b.k) ? -1 : lt(b.k, a.k) ? 1 : 0;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      const ta = typeName(a.k);
      const tb = typeName(b.k);
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    }
  });
  return tagged.map((t) => t.x);
}

function dictItems(d: PyDict, o: Options): [unknown, unknown][] {
  const items = [...toIterable(d.items())] as [unknown, unknown][];
  return o.sortDicts ? (sortedSafely(items, (kv) => (kv as [unknown, unknown])[0]) as [unknown, unknown][]) : items;
}

function setItems(s: unknown): unknown[] {
  return sortedSafely([...toIterable(s)]);
}

/** The one-line form: repr, except that dicts inside are sorted and depth limits apply. */
function safeRepr(x: unknown, o: Options, level: number, seen: Set<unknown>): string {
  const container = isDict(x) || isList(x) || isTuple(x);
  if (!container) return repr(x);
  if (seen.has(x)) return `<Recursion on ${isDict(x) ? "dict" : isList(x) ? "list" : "tuple"} with id=${id(x)}>`;
  if (o.depth !== null && level >= o.depth) return isDict(x) ? "{...}" : isList(x) ? "[...]" : "(...)";
  seen.add(x);
  try {
    if (isDict(x)) {
      return (
        "{" +
        dictItems(x, o)
          .map(([k, v]) => `${safeRepr(k, o, level + 1, seen)}: ${safeRepr(v, o, level + 1, seen)}`)
          .join(", ") +
        "}"
      );
    }
    const parts = [...(x as unknown[])].map((e) => safeRepr(e, o, level + 1, seen));
    if (isList(x)) return "[" + parts.join(", ") + "]";
    return parts.length === 1 ? `(${parts[0]},)` : "(" + parts.join(", ") + ")";
  } finally {
    seen.delete(x);
  }
}

class Formatter {
  out = "";
  seen = new Set<unknown>();
  constructor(readonly o: Options) {}

  /** Writes `x` starting at column `indent`, leaving `allowance` columns for what closes after it. */
  format(x: unknown, indent: number, allowance: number, level: number): void {
    const rep = safeRepr(x, this.o, level, this.seen);
    const room = this.o.width - indent - allowance;
    if (rep.length > room && !(this.o.depth !== null && level >= this.o.depth) && !this.seen.has(x)) {
      if (this.broken(x, indent, allowance, level + 1)) return;
    }
    this.out += rep;
  }

  private broken(x: unknown, indent: number, allowance: number, level: number): boolean {
    if (isDict(x)) {
      this.out += "{";
      if (this.o.indent > 1) this.out += " ".repeat(this.o.indent - 1);
      this.nested(x, () => this.dictItems(dictItems(x, this.o), indent, allowance + 1, level));
      this.out += "}";
      return true;
    }
    if (isList(x)) {
      this.out += "[";
      this.nested(x, () => this.items([...x], indent, allowance + 1, level));
      this.out += "]";
      return true;
    }
    if (isTuple(x)) {
      const close = x.length === 1 ? ",)" : ")";
      this.out += "(";
      this.nested(x, () => this.items([...x], indent, allowance + close.length, level));
      this.out += close;
      return true;
    }
    if (isSet(x)) {
      const items = setItems(x);
      if (!items.length) return false;
      const frozen = exact(x, PyFrozenSet);
      this.out += frozen ? "frozenset({" : "{";
      const close = frozen ? "})" : "}";
      this.items(items, frozen ? indent + "frozenset".length + 1 : indent, allowance + close.length, level);
      this.out += close;
      return true;
    }
    if (typeof x === "string" && x.length) return this.str(x, indent, allowance, level);
    return false;
  }

  private nested(x: unknown, body: () => void): void {
    this.seen.add(x);
    try {
      body();
    } finally {
      this.seen.delete(x);
    }
  }

  /** Elements one per line at `indent + indent-per-level`; the last one leaves room for the closers. */
  private items(items: unknown[], indent: number, allowance: number, level: number): void {
    indent += this.o.indent;
    if (this.o.indent > 1) this.out += " ".repeat(this.o.indent - 1);
    items.forEach((e, i) => {
      if (i > 0) this.out += ",\n" + " ".repeat(indent);
      const last = i === items.length - 1;
      this.format(e, indent, last ? allowance : 1, level);
    });
  }

  private dictItems(items: [unknown, unknown][], indent: number, allowance: number, level: number): void {
    indent += this.o.indent;
    items.forEach(([k, v], i) => {
      if (i > 0) this.out += ",\n" + " ".repeat(indent);
      const last = i === items.length - 1;
      const keyRep = safeRepr(k, this.o, level, this.seen);
      this.out += keyRep + ": ";
      this.format(v, indent + keyRep.length + 2, last ? allowance : 1, level);
    });
  }

  /** A long string: split after whitespace into adjacent literals, one per line (in parentheses at the top level). */
  private str(s: string, indent: number, allowance: number, level: number): boolean {
    if (level === 1) {
      indent += 1;
      allowance += 1;
    }
    const lines = s.split(/(?<=\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])/);
    const chunks: string[] = [];
    const width = this.o.width - indent;
    lines.forEach((line, i) => {
      const lastLine = i === lines.length - 1;
      const lineRoom = lastLine ? width - allowance : width;
      const rep = repr(line);
      if (rep.length <= lineRoom) {
        chunks.push(rep);
        return;
      }
      const parts = line.match(/\S*\s*/g)!.filter((p, j, all) => p !== "" || j < all.length - 1);
      let current = "";
      parts.forEach((part, j) => {
        const room = lastLine && j === parts.length - 1 ? width - allowance : width;
        const candidate = current + part;
        if (repr(candidate).length > room) {
          if (current) chunks.push(repr(current));
          current = part;
        } else current = candidate;
      });
      if (current) chunks.push(repr(current));
    });
    if (chunks.length === 1) {
      this.out += repr(s);
      return true;
    }
    if (level === 1) this.out += "(";
    this.out += chunks.join("\n" + " ".repeat(indent));
    if (level === 1) this.out += ")";
    return true;
  }
}

function options(args: unknown[], names: string[], k: Record<string, unknown> | null, sortDefault = true): Options {
  const get = (name: string, dflt: unknown): unknown => {
    const i = names.indexOf(name);
    if (i >= 0 && i < args.length) return args[i];
    if (k && Object.prototype.hasOwnProperty.call(k, name)) return k[name];
    return dflt;
  };
  if (k)
    for (const key of Object.keys(k))
      if (!["indent", "width", "depth", "compact", "sort_dicts", "underscore_numbers", "stream"].includes(key))
        throw new TypeError(`'${key}' is an invalid keyword argument for this function`);
  const indent = Number(get("indent", 1n));
  const width = Number(get("width", 80n));
  const depthArg = get("depth", null);
  const depth = depthArg === null ? null : Number(depthArg);
  if (indent < 0) throw new ValueError("indent must be >= 0");
  if (depth !== null && depth <= 0) throw new ValueError("depth must be > 0");
  if (!width) throw new ValueError("width must be != 0");
  if (get("compact", false)) throw new NotImplementedError("pprint's compact=True is not supported by tsyncio");
  if (get("underscore_numbers", false)) throw new NotImplementedError("pprint's underscore_numbers=True is not supported by tsyncio");
  return { indent, width, depth, sortDicts: Boolean(get("sort_dicts", sortDefault)) };
}

function render(x: unknown, o: Options): string {
  const f = new Formatter(o);
  f.format(x, 0, 0, 0);
  return f.out;
}

function emit(text: string, stream: unknown): null {
  if (stream === null || stream === undefined) print(text);
  else callm(stream, "write", text + "\n");
  return null;
}

export function pformat(x: unknown, ...rest: unknown[]): string {
  const k = popKw(rest);
  return render(x, options(rest, ["indent", "width", "depth"], k));
}

export function pprint(x: unknown, ...rest: unknown[]): null {
  const k = popKw(rest);
  const o = options(rest, ["stream", "indent", "width", "depth"], k);
  return emit(render(x, o), rest[0] ?? k?.stream ?? null);
}

export function pp(x: unknown, ...rest: unknown[]): null {
  const k = popKw(rest);
  const o = options(rest, ["stream", "indent", "width", "depth"], k, false);
  return emit(render(x, o), rest[0] ?? k?.stream ?? null);
}

export function saferepr(x: unknown): string {
  return safeRepr(x, { indent: 1, width: 80, depth: null, sortDicts: true }, 0, new Set());
}

export function isreadable(x: unknown): boolean {
  return !/^</.test(saferepr(x));
}

export class PrettyPrinter {
  static __module__ = "pprint";
  private o: Options;
  private stream: unknown;
  constructor(...args: unknown[]) {
    const k = popKw(args);
    this.o = options(args, ["indent", "width", "depth", "stream"], k);
    this.stream = args[3] ?? k?.stream ?? null;
  }
  pformat(x: unknown): string {
    return render(x, this.o);
  }
  pprint(x: unknown): null {
    return emit(render(x, this.o), this.stream);
  }
}
