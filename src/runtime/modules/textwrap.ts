// textwrap: wrap, fill, shorten, dedent, indent (TextWrapper's default behaviour: tabs expanded,
// whitespace made spaces, lines broken between words and after hyphens, long words split).
import { PyList } from "../builtins/collections.js";
import { PyObject, popKw } from "../builtins/object.js";
import { call, getattr, truthy } from "../builtins/ops.js";
import { TypeError, ValueError } from "../builtins/exceptions.js";

interface Options {
  width: number;
  initial_indent: string;
  subsequent_indent: string;
  break_long_words: boolean;
  break_on_hyphens: boolean;
  drop_whitespace: boolean;
  expand_tabs: boolean;
  replace_whitespace: boolean;
  tabsize: number;
  max_lines: number | null;
  placeholder: string;
  fix_sentence_endings: boolean;
}

/** TextWrapper's parameters in their positional order, with their defaults. */
const DEFAULTS: [string, unknown][] = [
  ["width", 70n],
  ["initial_indent", ""],
  ["subsequent_indent", ""],
  ["expand_tabs", true],
  ["replace_whitespace", true],
  ["fix_sentence_endings", false],
  ["break_long_words", true],
  ["drop_whitespace", true],
  ["break_on_hyphens", true],
  ["tabsize", 8n],
  ["max_lines", null],
  ["placeholder", " [...]"],
];

/** The options of the values (a TextWrapper's attributes, or a call's keywords over the defaults). */
function optionsOf(o: Record<string, unknown>): Options {
  return {
    ...(o as unknown as Options),
    width: Number(o.width),
    tabsize: Number(o.tabsize),
    max_lines: o.max_lines === null ? null : Number(o.max_lines),
    break_long_words: truthy(o.break_long_words),
    break_on_hyphens: truthy(o.break_on_hyphens),
    drop_whitespace: truthy(o.drop_whitespace),
    expand_tabs: truthy(o.expand_tabs),
    replace_whitespace: truthy(o.replace_whitespace),
    fix_sentence_endings: truthy(o.fix_sentence_endings),
  };
}

function options(args: unknown[], positional: string[]): Options {
  const kw = popKw(args) ?? {};
  const o: Record<string, unknown> = Object.fromEntries(DEFAULTS);
  positional.forEach((name, i) => {
    if (i < args.length) o[name] = args[i];
  });
  Object.assign(o, kw);
  return optionsOf(o);
}

function expandTabs(s: string, size: number): string {
  let col = 0;
  let out = "";
  for (const ch of s) {
    if (ch === "\t") {
      const n = size > 0 ? size - (col % size) : 0;
      out += " ".repeat(n);
      col += n;
    } else {
      out += ch;
      col = ch === "\n" || ch === "\r" ? 0 : col + 1;
    }
  }
  return out;
}

/** Words, whitespace runs, and (with break_on_hyphens) the parts of hyphenated words. */
function chunks(text: string, o: Options): string[] {
  const parts = text.split(/(\s+)/).filter((p) => p !== "");
  if (!o.break_on_hyphens) return parts;
  const out: string[] = [];
  for (const p of parts) {
    if (/\s/.test(p)) out.push(p);
    else out.push(...p.split(/(?<=[^\W\d_]-)(?=[^\W\d_])|(?<=\w-)(?=\w{2,})/u).filter((x) => x !== ""));
  }
  return out;
}

/** fix_sentence_endings: two spaces after a sentence's end (a lowercase letter, then . ! or ?, maybe a quote). */
function fixSentenceEndings(parts: string[]): void {
  for (let i = 0; i < parts.length - 1; i++) {
    if (parts[i + 1] === " " && /[a-z][.!?]["']?$/.test(parts[i])) {
      parts[i + 1] = "  ";
      i++;
    }
  }
}

function wrapLines(text: string, o: Options): string[] {
  if (o.width <= 0) throw new ValueError(`invalid width ${o.width} (must be > 0)`);
  if (o.expand_tabs) text = expandTabs(text, o.tabsize);
  if (o.replace_whitespace) text = text.replace(/[\t\n\x0b\x0c\r ]/g, " ");
  const parts = chunks(text, o);
  if (o.fix_sentence_endings) fixSentenceEndings(parts);
  const todo = parts.reverse();
  const lines: string[] = [];
  const len = (s: string) => [...s].length;
  while (todo.length) {
    const line: string[] = [];
    let size = 0;
    const indent = lines.length ? o.subsequent_indent : o.initial_indent;
    const width = o.width - len(indent);
    if (o.drop_whitespace && todo[todo.length - 1].trim() === "" && lines.length) todo.pop();
    while (todo.length) {
      const n = len(todo[todo.length - 1]);
      if (size + n <= width) {
        line.push(todo.pop()!);
        size += n;
      } else break;
    }
    if (todo.length && len(todo[todo.length - 1]) > width) {
      // A word longer than a line: split it (at a hyphen if one fits), or put it alone on a line.
      const word = [...todo[todo.length - 1]];
      const room = width < 1 ? 1 : width - size;
      if (o.break_long_words) {
        let end = room;
        if (o.break_on_hyphens && word.length > room) {
          const hyphen = word.slice(0, room).lastIndexOf("-");
          if (hyphen > 0 && word.slice(0, hyphen).some((c) => c !== "-")) end = hyphen + 1;
        }
        line.push(word.slice(0, end).join(""));
        todo[todo.length - 1] = word.slice(end).join("");
        size += end;
      } else if (!line.length) {
        line.push(todo.pop()!);
        size += word.length;
      }
    }
    if (o.drop_whitespace && line.length && line[line.length - 1].trim() === "") {
      size -= len(line.pop()!);
    }
    if (!line.length) continue;
    const more = todo.some((c) => c.trim() !== "");
    if (o.max_lines === null || lines.length + 1 < o.max_lines || (!more && size <= width)) {
      lines.push(indent + line.join(""));
      continue;
    }
    // The last line allowed, with words left: end it with the placeholder.
    while (line.length) {
      if (line[line.length - 1].trim() && size + len(o.placeholder) <= width) {
        line.push(o.placeholder);
        lines.push(indent + line.join(""));
        return lines;
      }
      size -= len(line.pop()!);
    }
    if (lines.length) {
      const prev = lines[lines.length - 1].replace(/\s+$/, "");
      if (len(prev) + len(o.placeholder) <= o.width) {
        lines[lines.length - 1] = prev + o.placeholder;
        return lines;
      }
    }
    lines.push(indent + o.placeholder.replace(/^\s+/, ""));
    return lines;
  }
  return lines;
}

export function wrap(text: string, ...args: unknown[]): PyList<string> {
  return PyList.fromArray(wrapLines(text, options(args, ["width"])));
}

export function fill(text: string, ...args: unknown[]): string {
  return wrapLines(text, options(args, ["width"])).join("\n");
}

export function shorten(text: string, ...args: unknown[]): string {
  const o = options(args, ["width"]);
  const collapsed = text.trim().split(/\s+/).filter(Boolean).join(" ");
  if ([...collapsed].length <= o.width) return collapsed;
  if ([...o.placeholder.replace(/^\s+/, "")].length > o.width) throw new ValueError("placeholder too large for max width");
  return wrapLines(collapsed, { ...o, max_lines: 1 }).join("\n");
}

export function dedent(text: string): string {
  const lines = text.split("\n").map((l) => (l.trim() === "" ? "" : l));
  let margin: string | null = null;
  for (const l of lines) {
    if (l === "") continue;
    const ws = /^[ \t]*/.exec(l)![0];
    if (margin === null) margin = ws;
    else {
      let i = 0;
      while (i < margin.length && i < ws.length && margin[i] === ws[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  return lines.map((l) => (margin && l.startsWith(margin) ? l.slice(margin.length) : l)).join("\n");
}

export function indent(text: string, prefix: string, ...args: unknown[]): string {
  const kw = popKw(args);
  const predicate = kw?.predicate ?? args[0] ?? null;
  const lines = text.match(/[^\n\r]*(\r\n|\n|\r)|[^\n\r]+$/g) ?? [];
  return lines.map((l) => ((predicate === null ? l.trim() !== "" : truthy(call(predicate, l))) ? prefix + l : l)).join("");
}

/** TextWrapper(width=70, ...): wrap() and fill() with the options its attributes hold when called. */
export class TextWrapper extends PyObject {
  __init__(...args: unknown[]): null {
    const kw = popKw(args) ?? {};
    if (args.length > 10) throw new TypeError(`TextWrapper.__init__() takes from 1 to 11 positional arguments but ${args.length + 1} were given`);
    const names = DEFAULTS.map(([n]) => n);
    for (const k of Object.keys(kw)) if (!names.includes(k)) throw new TypeError(`TextWrapper.__init__() got an unexpected keyword argument '${k}'`);
    DEFAULTS.forEach(([name, dflt], i) => {
      (this as Record<string, unknown>)[name] = i < args.length && i < 10 ? args[i] : name in kw ? kw[name] : dflt;
    });
    return null;
  }
  private current(): Options {
    const self = this as Record<string, unknown>;
    return optionsOf(Object.fromEntries(DEFAULTS.map(([n]) => [n, getattr(self, n)])));
  }
  wrap(text: unknown): PyList<string> {
    return PyList.fromArray(wrapLines(String(text), this.current()));
  }
  fill(text: unknown): string {
    return wrapLines(String(text), this.current()).join("\n");
  }
  static __module__ = "textwrap";
}
