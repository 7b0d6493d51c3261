// str.format and str.format_map. A template is parsed once into its literal runs and replacement
// fields (a bounded cache keyed by the template text, as percent.ts does for "%" templates), then
// each call walks the fields. Errors keep their place: a malformed field is recorded where it
// stands and raised when the walk reaches it, after the fields before it were formatted. Per field,
// as CPython: the value (auto numbering takes its index here), its conversion, then the nested
// spec's own fields.
import { IndexError, KeyError, ValueError } from "./exceptions.js";
import { repr, str } from "./repr.js";
import { late } from "./late.js";
import { PyDict } from "./collections.js";
import { KwArgs, popKw } from "./object.js";
import { ascii, format } from "./format.js";

interface FieldRef {
  auto: { n: number; mode: 0 | 1 | 2 }; // mode 0 unset, 1 auto, 2 manual
}

/** One `.name` or `[key]` after a field's first part, or the syntax error found there. */
interface FieldStep {
  readonly attr: string | null;
  readonly item: string | bigint | null;
  readonly error: string | null;
}

interface FormatField {
  /** Literal text before the field. */
  readonly lit: string;
  /** A parse error to raise here, or null. */
  readonly error: string | null;
  /** AUTO, an argument index, or BY_NAME. */
  readonly first: number;
  readonly name: string;
  /** The whole field name as written (`0.x[1]`), which string.Formatter.parse() gives. */
  readonly fieldName: string;
  readonly steps: readonly FieldStep[];
  readonly conv: string | null;
  readonly spec: string;
  /** The spec when it has replacement fields of its own (expanded per call), else null. */
  readonly nested: CompiledFormat | null;
}

interface CompiledFormat {
  readonly fields: readonly FormatField[];
  readonly tail: string;
}

const AUTO = -1;
const BY_NAME = -2;
const FORMAT_CACHE_LIMIT = 256;
const formatCache = new Map<string, CompiledFormat>();

function compileFormat(fmt: string): CompiledFormat {
  let c = formatCache.get(fmt);
  if (c === undefined) {
    c = parseFormat(fmt);
    // Bounded: templates built at run time must not grow memory without end.
    if (formatCache.size >= FORMAT_CACHE_LIMIT) formatCache.clear();
    formatCache.set(fmt, c);
  }
  return c;
}

function errorField(lit: string, error: string): FormatField {
  return { lit, error, first: AUTO, name: "", fieldName: "", steps: [], conv: null, spec: "", nested: null };
}

function parseFormat(fmt: string): CompiledFormat {
  const fields: FormatField[] = [];
  let lit = "";
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const ch = fmt[i];
    if (ch === "{") {
      if (fmt[i + 1] === "{") {
        lit += "{";
        i += 2;
        continue;
      }
      if (i + 1 === n) {
        fields.push(errorField(lit, "Single '{' encountered in format string"));
        return { fields, tail: "" };
      }
      const [field, next] = scanField(fmt, i + 1, lit);
      fields.push(field);
      if (field.error !== null) return { fields, tail: "" };
      lit = "";
      i = next;
    } else if (ch === "}") {
      if (fmt[i + 1] === "}") {
        lit += "}";
        i += 2;
        continue;
      }
      fields.push(errorField(lit, "Single '}' encountered in format string"));
      return { fields, tail: "" };
    } else {
      const a = fmt.indexOf("{", i);
      const b = fmt.indexOf("}", i);
      let e = n;
      if (a >= 0) e = a;
      if (b >= 0 && b < e) e = b;
      lit += fmt.slice(i, e);
      i = e;
    }
  }
  return { fields, tail: lit };
}

/**
 * The field whose text starts at `start` (after its "{"): field name, then "!" and one conversion
 * character, then ":" and a spec in which braces nest, then "}". In the name, "[...]" is taken
 * whole (a key may hold "}" or "{"). Returns the field and the index after its "}".
 */
function scanField(fmt: string, start: number, lit: string): [FormatField, number] {
  const n = fmt.length;
  const fail = (error: string): [FormatField, number] => [errorField(lit, error), n];
  let j = start;
  while (j < n) {
    const c = fmt[j];
    if (c === "{") return fail("unexpected '{' in field name");
    if (c === "}" || c === ":" || c === "!") break;
    if (c === "[") {
      const close = fmt.indexOf("]", j + 1);
      j = close < 0 ? n : close + 1;
    } else j++;
  }
  if (j >= n) return fail("expected '}' before end of string");
  const name = fmt.slice(start, j);
  let conv: string | null = null;
  if (fmt[j] === "!") {
    if (j + 1 >= n) return fail("end of string while looking for conversion specifier");
    conv = fmt[j + 1];
    j += 2;
    if (j >= n) return fail("unmatched '{' in format spec");
    if (fmt[j] !== ":" && fmt[j] !== "}") return fail("expected ':' after conversion specifier");
  }
  let spec = "";
  if (fmt[j] === ":") {
    const specStart = j + 1;
    let depth = 1;
    for (j = specStart; j < n; j++) {
      if (fmt[j] === "{") depth++;
      else if (fmt[j] === "}" && --depth === 0) break;
    }
    if (j >= n) return fail("unmatched '{' in format spec");
    spec = fmt.slice(specStart, j);
  }
  const m = /^([^.[]*)(.*)$/s.exec(name)!;
  const first = m[1];
  const kind = first === "" ? AUTO : /^\d+$/.test(first) ? parseInt(first, 10) : BY_NAME;
  const nested = spec.includes("{") ? compileFormat(spec) : null;
  return [{ lit, error: null, first: kind, name: first, fieldName: name, steps: parseSteps(m[2]), conv, spec, nested }, j + 1];
}

function parseSteps(rest: string): FieldStep[] {
  const steps: FieldStep[] = [];
  const fail = (error: string): FieldStep[] => {
    steps.push({ attr: null, item: null, error });
    return steps;
  };
  while (rest.length > 0) {
    if (rest[0] === ".") {
      const mm = /^\.([^.[]+)(.*)$/s.exec(rest);
      if (!mm) return fail("Empty attribute in format string");
      steps.push({ attr: mm[1], item: null, error: null });
      rest = mm[2];
    } else if (rest[0] === "[") {
      const close = rest.indexOf("]");
      if (close < 0) return fail("Missing ']' in format string");
      const key = rest.slice(1, close);
      if (key === "") return fail("Empty attribute in format string");
      steps.push({ attr: null, item: /^\d+$/.test(key) ? BigInt(key) : key, error: null });
      rest = rest.slice(close + 1);
    } else {
      return fail("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return steps;
}

function fieldValue(f: FormatField, args: unknown[], kwargs: Record<string, unknown> | null, st: FieldRef): unknown {
  let obj: unknown;
  const first = f.first;
  if (first === AUTO) {
    if (st.auto.mode === 2) throw new ValueError("cannot switch from manual field specification to automatic field numbering");
    st.auto.mode = 1;
    const k = st.auto.n++;
    if (k >= args.length) throw new IndexError(`Replacement index ${k} out of range for positional args tuple`);
    obj = args[k];
  } else if (first >= 0) {
    if (st.auto.mode === 1) throw new ValueError("cannot switch from automatic field numbering to manual field specification");
    st.auto.mode = 2;
    if (first >= args.length) throw new IndexError(`Replacement index ${first} out of range for positional args tuple`);
    obj = args[first];
  } else {
    if (kwargs === null || !Object.prototype.hasOwnProperty.call(kwargs, f.name)) throw new KeyError(f.name);
    obj = kwargs[f.name];
  }
  for (const step of f.steps) {
    if (step.error !== null) throw new ValueError(step.error);
    obj = step.attr !== null ? late.getattr(obj, step.attr) : late.getitem(obj, step.item);
  }
  return obj;
}

function runFormat(c: CompiledFormat, args: unknown[], kwargs: Record<string, unknown> | null, st: FieldRef, depth: number): string {
  let out = "";
  const fields = c.fields;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    out += f.lit;
    if (f.error !== null) throw new ValueError(f.error);
    let v = fieldValue(f, args, kwargs, st);
    const conv = f.conv;
    if (conv !== null) {
      if (conv === "r") v = repr(v);
      else if (conv === "s") v = str(v);
      else if (conv === "a") v = ascii(v);
      else throw new ValueError(`Unknown conversion specifier ${conv}`);
    }
    let spec = f.spec;
    if (f.nested !== null) {
      // CPython expands a spec's fields one level deep: "{:{:{}}}" is too deep
      if (depth >= 1) throw new ValueError("Max string recursion exceeded");
      spec = runFormat(f.nested, args, kwargs, st, depth + 1);
    }
    out += spec === "" && typeof v === "string" ? v : format(v, spec);
  }
  return out + c.tail;
}

/** "fmt".format(*args, **kwargs); a trailing KwArgs carries the keywords. */
export function strFormat(fmt: string, ...args: unknown[]): string {
  return strFormatv(fmt, args);
}

/** `fmt.format(*args)` with the arguments as one array (a trailing KwArgs holds the keywords); `args` is consumed. */
export function strFormatv(fmt: string, args: unknown[]): string {
  const kwargs = popKw(args);
  return runFormat(compileFormat(fmt), args, kwargs, { auto: { n: 0, mode: 0 } }, 0);
}

export function strFormatMap(fmt: string, mapping: unknown): string {
  let kw: Record<string, unknown> = {};
  if (mapping instanceof PyDict) {
    for (const [k, v] of mapping.entries()) if (typeof k === "string") kw[k] = v;
  } else if (mapping instanceof KwArgs) kw = mapping.kw;
  else if (mapping !== null && typeof mapping === "object") kw = mapping as Record<string, unknown>;
  return runFormat(compileFormat(fmt), [], kw, { auto: { n: 0, mode: 0 } }, 0);
}

/**
 * string.Formatter.parse(): (literal_text, field_name, format_spec, conversion) per field and the
 * trailing literal (None for the parts a piece lacks); a malformed template's ValueError where it is.
 */
export function formatterParse(fmt: string): [string, string | null, string | null, string | null][] {
  const out: [string, string | null, string | null, string | null][] = [];
  let lit = "";
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i];
    if (ch !== "{" && ch !== "}") {
      lit += ch;
      i++;
      continue;
    }
    // (an escaped brace ends a literal piece of its own, as CPython's parser yields it)
    if (fmt[i + 1] === ch) {
      out.push([lit + ch, null, null, null]);
      lit = "";
      i += 2;
      continue;
    }
    if (ch === "}") throw new ValueError("Single '}' encountered in format string");
    if (i + 1 === fmt.length) throw new ValueError("Single '{' encountered in format string");
    const [field, next] = scanField(fmt, i + 1, lit);
    if (field.error !== null) throw new ValueError(field.error);
    out.push([lit, field.fieldName, field.spec, field.conv]);
    lit = "";
    i = next;
  }
  if (lit !== "") out.push([lit, null, null, null]);
  return out;
}

/** string.Formatter.get_field's split of a field name: its first part (an int when digits) and the `.attr`/`[key]` steps. */
export function fieldNameParts(name: string): { first: string | bigint; steps: { attr: string | null; item: string | bigint | null }[] } {
  const m = /^([^.[]*)(.*)$/s.exec(name)!;
  const steps = parseSteps(m[2]);
  for (const st of steps) if (st.error !== null) throw new ValueError(st.error);
  return { first: /^\d+$/.test(m[1]) ? BigInt(m[1]) : m[1], steps };
}
