// string: constants, capwords and Template.
import { callm, getitem } from "../builtins/ops.js";
import { KeyError, ValueError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { str } from "../builtins/repr.js";
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

/**
 * string.Template: `$name`, `${name}` and `$$` substitution from a mapping and/or keywords.
 * substitute() raises KeyError for a missing name and ValueError for a stray `$`;
 * safe_substitute() leaves those as they are. CPython: Lib/string.py (documented behaviour).
 */
export class Template {
  static delimiter = "$";
  static __module__ = "string";
  template: string;
  constructor(template: unknown) {
    this.template = String(template);
  }
  private _sub(args: unknown[], safe: boolean): string {
    const kw = popKw(args) ?? {};
    const mapping = args[0] ?? null;
    const lookup = (name: string): { found: boolean; value?: unknown } => {
      if (Object.prototype.hasOwnProperty.call(kw, name)) return { found: true, value: kw[name] };
      if (mapping !== null) {
        try {
          return { found: true, value: getitem(mapping, name) };
        } catch (e) {
          if (!(e instanceof KeyError)) throw e;
        }
      }
      return { found: false };
    };
    const text = this.template;
    return text.replace(/\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\}|())/g, (all, esc, named, braced, invalid, offset: number) => {
      if (esc !== undefined) return "$";
      const name = named ?? braced;
      if (name !== undefined) {
        const r = lookup(name);
        if (r.found) return str(r.value);
        if (safe) return all;
        throw new KeyError(name);
      }
      void invalid;
      if (safe) return all;
      const before = text.slice(0, offset);
      const lineno = before.split("\n").length;
      const colno = offset - before.lastIndexOf("\n");
      throw new ValueError(`Invalid placeholder in string: line ${lineno}, col ${colno}`);
    });
  }
  substitute(...args: unknown[]): string {
    return this._sub(args, false);
  }
  safe_substitute(...args: unknown[]): string {
    return this._sub(args, true);
  }
  get_identifiers(): PyList<string> {
    const out: string[] = [];
    for (const m of this.template.matchAll(/\$(?:\$|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g)) {
      const n = m[1] ?? m[2];
      if (n !== undefined && !out.includes(n)) out.push(n);
    }
    return PyList.fromArray(out);
  }
  is_valid(): boolean {
    return !/\$(?!\$|[_a-zA-Z]|\{[_a-zA-Z][_a-zA-Z0-9]*\})/.test(this.template.replace(/\$\$/g, ""));
  }
}
