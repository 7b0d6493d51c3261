// string: constants, capwords, Template and Formatter.
import { callm, contains, getattr, getitem, toIterable } from "../builtins/ops.js";
import { repr, str } from "../builtins/repr.js";
import { KeyError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PySet, PyTuple } from "../builtins/collections.js";
import { PyObject, popKw } from "../builtins/object.js";
import { fieldNameParts, formatterParse } from "../builtins/strformat.js";
import { ascii, format } from "../builtins/format.js";
export const ascii_lowercase = "abcdefghijklmnopqrstuvwxyz";
export const ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ascii_letters = ascii_lowercase + ascii_uppercase;
export const digits = "0123456789";
export const hexdigits = "0123456789abcdefABCDEF";
export const octdigits = "01234567";
export const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
export const whitespace = " \t\n\r\x0b\x0c";
export const printable = digits + ascii_letters + punctuation + whitespace;
export function capwords(s: string, sep: string | null = null): string {
  const parts = callm(s, "split", sep) as string[];
  return parts.map((w) => callm(w, "capitalize")).join(sep ?? " ");
}

/** `$name`, `${name}` and `$$` substitution (string.Template). */
export class Template {
  static delimiter = "$";
  static __module__ = "string";
  constructor(public template: string) {}

  private render(args: unknown[], safe: boolean): string {
    const k = popKw(args);
    if (args.length > 1) throw new TypeError("Too many positional arguments");
    const mapping = args[0];
    const lookup = (name: string): { found: boolean; value?: unknown } => {
      if (k && Object.prototype.hasOwnProperty.call(k, name)) return { found: true, value: k[name] };
      if (mapping !== undefined && mapping !== null && contains(mapping, name)) return { found: true, value: getitem(mapping, name) };
      return { found: false };
    };
    const pattern = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\}|())/gi;
    return this.template.replace(pattern, (whole, escaped, named, braced, invalid, offset: number) => {
      if (escaped !== undefined) return "$";
      const name = named ?? braced;
      if (name !== undefined) {
        const r = lookup(name);
        if (r.found) return str(r.value);
        if (safe) return whole;
        throw new KeyError(name);
      }
      if (invalid !== undefined && !safe) {
        const before = this.template.slice(0, offset);
        const lines = before.split("\n");
        throw new ValueError(`Invalid placeholder in string: line ${lines.length}, col ${lines[lines.length - 1].length + 1}`);
      }
      return whole;
    });
  }
  substitute(...args: unknown[]): string {
    return this.render(args, false);
  }
  safe_substitute(...args: unknown[]): string {
    return this.render(args, true);
  }
  get_identifiers(): PyList<string> {
    const out: string[] = [];
    for (const m of this.template.matchAll(/\$(?:\$|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)\})/gi)) {
      const name = m[1] ?? m[2];
      if (name !== undefined && !out.includes(name)) out.push(name);
    }
    return PyList.fromArray(out);
  }
}

// ───────────── Formatter ─────────────

/**
 * string.Formatter: str.format's machinery as methods a subclass overrides (get_value,
 * format_field, convert_field, check_unused_args, parse, get_field).
 */
export class Formatter extends PyObject {
  format(format_string: unknown, ...args: unknown[]): unknown {
    const kw = popKw(args) ?? {};
    return this.self().vformat(format_string, PyTuple.fromArray(args), PyDict.fromEntries(Object.entries(kw)));
  }

  vformat(format_string: unknown, args: unknown, kwargs: unknown): string {
    const used = new PySet<unknown>();
    const [result] = this.expand(String(format_string), args, kwargs, used, 2, { n: 0, manual: null });
    this.self().check_unused_args(used, args, kwargs);
    return result;
  }

  /** The template's fields expanded (a spec's own fields one level down); CPython's _vformat. */
  private expand(
    template: string,
    args: unknown,
    kwargs: unknown,
    used: PySet<unknown>,
    depth: number,
    auto: { n: number; manual: boolean | null },
  ): [string, number] {
    if (depth < 0) throw new ValueError("Max string recursion exceeded");
    const self = this.self();
    let out = "";
    for (const piece of toIterable(self.parse(template))) {
      const [literal, fieldName, spec, conversion] = [...toIterable(piece)] as [string, string | null, string | null, string | null];
      if (literal) out += literal;
      if (fieldName === null || fieldName === undefined) continue;
      let name: string = fieldName;
      if (name === "") {
        if (auto.manual === true) throw new ValueError("cannot switch from manual field specification to automatic field numbering");
        auto.manual = false;
        name = String(auto.n++);
      } else if (/^\d+$/.test(name)) {
        if (auto.manual === false) throw new ValueError("cannot switch from manual field specification to automatic field numbering");
        auto.manual = true;
      }
      const [obj, argUsed] = [...toIterable(self.get_field(name, args, kwargs))];
      used.add(argUsed);
      const converted = self.convert_field(obj, conversion);
      const [expandedSpec] = this.expand(spec ?? "", args, kwargs, used, depth - 1, auto);
      out += str(self.format_field(converted, expandedSpec));
    }
    return [out, auto.n];
  }

  /** The methods as the program's subclass may define them. */
  private self(): any {
    return this;
  }

  parse(format_string: unknown): PyList<PyTuple<unknown>> {
    return PyList.fromArray(formatterParse(String(format_string)).map((t) => PyTuple.fromArray<unknown>(t)));
  }

  get_field(field_name: unknown, args: unknown, kwargs: unknown): PyTuple<unknown> {
    const { first, steps } = fieldNameParts(String(field_name));
    let obj = this.self().get_value(first, args, kwargs);
    for (const st of steps) obj = st.attr !== null ? getattr(obj, st.attr) : getitem(obj, st.item);
    return PyTuple.of<unknown>(obj, first);
  }

  get_value(key: unknown, args: unknown, kwargs: unknown): unknown {
    return getitem(typeof key === "bigint" ? args : kwargs, key);
  }

  check_unused_args(_used_args: unknown, _args: unknown, _kwargs: unknown): null {
    return null;
  }

  format_field(value: unknown, format_spec: unknown): unknown {
    return format(value, format_spec);
  }

  convert_field(value: unknown, conversion: unknown): unknown {
    if (conversion === null || conversion === undefined) return value;
    if (conversion === "s") return str(value);
    if (conversion === "r") return repr(value);
    if (conversion === "a") return ascii(value);
    throw new ValueError(`Unknown conversion specifier ${str(conversion)}`);
  }
  static __module__ = "string";
}
