// string: constants, capwords and Template.
import { callm, contains, getitem } from "../builtins/ops.js";
import { str } from "../builtins/repr.js";
import { KeyError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
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
