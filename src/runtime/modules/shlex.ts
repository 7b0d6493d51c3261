// shlex: split (POSIX shell words: quotes, backslash escapes, optional # comments), quote, join.
import { ValueError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { toIterable, truthy } from "../builtins/ops.js";
import { str } from "../builtins/repr.js";

const WHITESPACE = " \t\r\n";

/** Splits a command line the way a POSIX shell splits words (shlex.split with posix=True). */
export function split(s: unknown, ...rest: unknown[]): PyList<string> {
  const k = popKw(rest);
  const comments = truthy(rest[0] ?? k?.comments ?? false);
  const posix = truthy(rest[1] ?? k?.posix ?? true);
  if (s === null || s === undefined) throw new ValueError("s argument must not be None");
  if (!posix) throw new ValueError("shlex.split(posix=False) is not supported by tsyncio's runtime");
  const text = String(s);
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (WHITESPACE.includes(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (c === "#" && comments && !inWord) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "\\") {
      if (i + 1 >= text.length) throw new ValueError("No escaped character");
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ValueError("No closing quotation");
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= text.length) throw new ValueError("No closing quotation");
        const d = text[i];
        if (d === '"') {
          i++;
          break;
        }
        // Inside double quotes a backslash escapes only $ ` " \ and a newline.
        if (d === "\\" && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1])) {
          word += text[i + 1];
          i += 2;
        } else {
          if (d === "\\" && i + 1 >= text.length) throw new ValueError("No escaped character");
          word += d;
          i++;
        }
      }
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return PyList.fromArray(words);
}

const SAFE = /^[\w@%+=:,./-]+$/;

/** A shell-escaped form of s: itself when it needs no quoting, else in single quotes. */
export function quote(s: unknown): string {
  const t = str(s);
  if (t === "") return "''";
  if (/^[\x00-\x7f]*$/.test(t) && SAFE.test(t)) return t;
  return `'${t.replaceAll("'", `'"'"'`)}'`;
}

export function join(split_command: unknown): string {
  return [...toIterable(split_command)].map(quote).join(" ");
}
