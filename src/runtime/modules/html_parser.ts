// html.parser: HTMLParser, the lenient tokenizer programs subclass to find links and text (a
// crawler's handle_starttag). feed() takes text in pieces: a tag, comment or declaration cut by
// the end of a piece waits for the rest; close() flushes what is left. Tag and attribute names
// are lowercased, attribute values unquoted and unescaped, and (convert_charrefs, the default)
// text is unescaped; the contents of <script> and <style> are passed on as they are.
// CPython: Lib/html/parser.py (documented behaviour; the tokenizer here is this runtime's own).
import { PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { truthy } from "../builtins/protocol.js";
import { init_from } from "./_runtime_init.js";
import { unescapeHtml } from "./_html_unescape.js";

const CDATA_CONTENT_ELEMENTS = new Set(["script", "style"]);
const SPACE = /[\t\n\r\f ]/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);
/** Where a tag or attribute name ends. */
const NAME_END = /[\t\n\r\f />]/;

/** A parse step that needs more input before it can finish. */
const INCOMPLETE = -1;

export class HTMLParser {
  static CDATA_CONTENT_ELEMENTS = PyTuple.fromArray(["script", "style"]);
  static __module__ = "html.parser";
  convert_charrefs = true;
  rawdata = "";
  lasttag = "???";
  cdata_elem: string | null = null;
  lineno = 1;
  offset = 0;
  private starttagText: string | null = null;

  constructor(...args: unknown[]) {
    init_from(this, new.target, HTMLParser, args);
  }

  __init__(...args: unknown[]): null {
    const kw = popKw(args) ?? {};
    this.convert_charrefs = truthy("convert_charrefs" in kw ? kw.convert_charrefs : true);
    this.reset();
    return null;
  }

  reset(): null {
    this.rawdata = "";
    this.lasttag = "???";
    this.cdata_elem = null;
    this.lineno = 1;
    this.offset = 0;
    return null;
  }

  feed(data: string): null {
    this.rawdata += data;
    this.goahead(false);
    return null;
  }

  close(): null {
    this.goahead(true);
    return null;
  }

  getpos(): PyTuple<bigint> {
    return PyTuple.fromArray([BigInt(this.lineno), BigInt(this.offset)]);
  }

  get_starttag_text(): string | null {
    return this.starttagText;
  }

  set_cdata_mode(elem: string): null {
    this.cdata_elem = elem.toLowerCase();
    return null;
  }

  clear_cdata_mode(): null {
    this.cdata_elem = null;
    return null;
  }

  // The handlers a subclass overrides (handle_startendtag reports both halves by default).
  handle_startendtag(tag: string, attrs: unknown): unknown {
    this.handle_starttag(tag, attrs);
    this.handle_endtag(tag);
    return null;
  }
  handle_starttag(_tag: string, _attrs: unknown): unknown {
    return null;
  }
  handle_endtag(_tag: string): unknown {
    return null;
  }
  handle_charref(_name: string): unknown {
    return null;
  }
  handle_entityref(_name: string): unknown {
    return null;
  }
  handle_data(_data: string): unknown {
    return null;
  }
  handle_comment(_data: string): unknown {
    return null;
  }
  handle_decl(_decl: string): unknown {
    return null;
  }
  handle_pi(_data: string): unknown {
    return null;
  }
  unknown_decl(_data: string): unknown {
    return null;
  }

  /** Counts the lines and columns of rawdata[i:j], which has been handled. */
  private updatepos(i: number, j: number): number {
    if (i >= j) return j;
    const chunk = this.rawdata.slice(i, j);
    const lines = chunk.split("\n").length - 1;
    if (lines) {
      this.lineno += lines;
      this.offset = j - (this.rawdata.lastIndexOf("\n", j - 1) + 1);
    } else {
      this.offset += j - i;
    }
    return j;
  }

  private text(s: string): void {
    this.handle_data(this.convert_charrefs && this.cdata_elem === null ? unescapeHtml(s) : s);
  }

  /** Where the next markup starts at or after i, or -1 (in <script>/<style>: only its end tag). */
  private nextMarkup(i: number): number {
    const raw = this.rawdata;
    if (this.cdata_elem !== null) {
      const re = new RegExp(`</${this.cdata_elem}(?=[\\t\\n\\r\\f />])`, "ig");
      re.lastIndex = i;
      const m = re.exec(raw);
      return m ? m.index : -1;
    }
    if (this.convert_charrefs) return raw.indexOf("<", i);
    const lt = raw.indexOf("<", i);
    const amp = raw.indexOf("&", i);
    return lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
  }

  private goahead(end: boolean): void {
    const raw = this.rawdata;
    const n = raw.length;
    let i = 0;
    while (i < n) {
      let j = this.nextMarkup(i);
      if (j < 0) {
        if (this.cdata_elem !== null && !end) break;
        // Text may end in a reference cut in half: it waits for the next piece, unless this is the end.
        if (!end && this.convert_charrefs) {
          const amp = raw.lastIndexOf("&", n - 1);
          if (amp >= Math.max(i, n - 34) && !/[\s;]/.test(raw.slice(amp))) break;
        }
        j = n;
      }
      if (i < j) this.text(raw.slice(i, j));
      i = this.updatepos(i, j);
      if (i === n) break;
      let k: number;
      if (raw[i] === "<") {
        if (isLetter(raw[i + 1])) k = this.parseStartTag(i);
        else if (raw.startsWith("</", i)) k = this.parseEndTag(i);
        else if (raw.startsWith("<!--", i)) k = this.parseComment(i);
        else if (raw.startsWith("<?", i)) k = this.parseUntil(i, 2, ">", (s) => this.handle_pi(s));
        else if (raw.startsWith("<!", i)) k = this.parseDeclaration(i);
        else if (i + 1 < n || end) {
          this.handle_data("<");
          k = i + 1;
        } else break;
        if (k === INCOMPLETE) {
          if (!end) break;
          // At the end, an unfinished tag is text: up to its next '>', else up to the next '<',
          // else its '<' alone (what follows is then read again as text).
          const gt = raw.indexOf(">", i + 1);
          const lt = raw.indexOf("<", i + 1);
          k = gt >= 0 ? gt + 1 : lt >= 0 ? lt : i + 1;
          this.text(raw.slice(i, k));
        }
      } else {
        // `&...` when references are not converted: reported to handle_charref/handle_entityref.
        k = this.parseReference(i, end);
        if (k === INCOMPLETE) break;
      }
      i = this.updatepos(i, k);
    }
    if (end && i < n) {
      this.text(raw.slice(i));
      i = this.updatepos(i, n);
    }
    this.rawdata = raw.slice(i);
  }

  private parseReference(i: number, end: boolean): number {
    const raw = this.rawdata;
    const numeric = /^&#(?:[xX][0-9a-fA-F]+|[0-9]+)[^0-9a-fA-F]/.exec(raw.slice(i));
    if (numeric) {
      const body = numeric[0].slice(2, -1);
      this.handle_charref(body);
      return i + numeric[0].length - (numeric[0].endsWith(";") ? 0 : 1);
    }
    const named = /^&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]/.exec(raw.slice(i));
    if (named) {
      this.handle_entityref(named[1]);
      return i + named[0].length - (named[0].endsWith(";") ? 0 : 1);
    }
    if (!end && /^&#?[a-zA-Z0-9]*$/.test(raw.slice(i))) return INCOMPLETE;
    this.handle_data("&");
    return i + 1;
  }

  /** `<tag attr=value ...>` or `<tag .../>`: the index after it, or INCOMPLETE. */
  private parseStartTag(i: number): number {
    const raw = this.rawdata;
    const n = raw.length;
    let k = i + 1;
    while (k < n && !NAME_END.test(raw[k])) k++;
    const tag = raw.slice(i + 1, k).toLowerCase();
    const attrs: PyTuple<unknown>[] = [];
    for (;;) {
      while (k < n && (isSpace(raw[k]) || (raw[k] === "/" && raw[k + 1] !== ">"))) k++;
      if (k >= n) return INCOMPLETE;
      if (raw[k] === ">" || raw.startsWith("/>", k)) break;
      const nameStart = k;
      k++;
      while (k < n && !/[\t\n\r\f />=]/.test(raw[k])) k++;
      const name = raw.slice(nameStart, k).toLowerCase();
      let j = k;
      while (j < n && isSpace(raw[j])) j++;
      let value: string | null = null;
      if (raw[j] === "=") {
        while (j < n && raw[j] === "=") j++;
        while (j < n && isSpace(raw[j])) j++;
        if (j >= n) return INCOMPLETE;
        const q = raw[j];
        if (q === '"' || q === "'") {
          const close = raw.indexOf(q, j + 1);
          if (close < 0) return INCOMPLETE;
          value = raw.slice(j + 1, close);
          k = close + 1;
        } else {
          let e = j;
          while (e < n && !isSpace(raw[e]) && raw[e] !== ">") e++;
          value = raw.slice(j, e);
          k = e;
        }
        if (value) value = unescapeHtml(value);
      }
      attrs.push(PyTuple.fromArray([name, value]));
    }
    const selfClosing = raw.startsWith("/>", k);
    const endpos = k + (selfClosing ? 2 : 1);
    this.starttagText = raw.slice(i, endpos);
    this.lasttag = tag;
    const list = PyList.fromArray(attrs);
    if (selfClosing) this.handle_startendtag(tag, list);
    else {
      this.handle_starttag(tag, list);
      if (CDATA_CONTENT_ELEMENTS.has(tag)) this.set_cdata_mode(tag);
    }
    return endpos;
  }

  /** `</tag>`: the index after it, or INCOMPLETE. */
  private parseEndTag(i: number): number {
    const raw = this.rawdata;
    const close = raw.indexOf(">", i + 2);
    if (close < 0) return INCOMPLETE;
    // (spaces before the name are allowed: `</ x>` ends x)
    let start = i + 2;
    while (isSpace(raw[start])) start++;
    if (!isLetter(raw[start])) {
      // `</>` is dropped; `</1>` and the like are comments in HTML5.
      if (raw[i + 2] !== ">") this.handle_comment(raw.slice(i + 2, close));
      return close + 1;
    }
    let k = start;
    while (k < raw.length && !NAME_END.test(raw[k])) k++;
    const tag = raw.slice(start, k).toLowerCase();
    if (this.cdata_elem !== null && tag !== this.cdata_elem) {
      this.handle_data(raw.slice(i, close + 1));
      return close + 1;
    }
    this.handle_endtag(tag);
    this.clear_cdata_mode();
    return close + 1;
  }

  private parseComment(i: number): number {
    const end = this.rawdata.indexOf("-->", i + 4);
    if (end < 0) return INCOMPLETE;
    this.handle_comment(this.rawdata.slice(i + 4, end));
    return end + 3;
  }

  private parseDeclaration(i: number): number {
    const raw = this.rawdata;
    if (raw.startsWith("<![", i)) {
      // A marked section, reported whole to unknown_decl: `<![CDATA[...]]>` ("CDATA[..."), and
      // the conditional-comment kind `<![if x]>` ("if x"), which ends at the first `]>`.
      const keyword = /^[a-zA-Z]*/.exec(raw.slice(i + 3))![0].toLowerCase();
      const close = ["cdata", "temp", "ignore", "include", "rcdata"].includes(keyword) ? "]]>" : "]>";
      return this.parseUntil(i, 3, close, (s) => this.unknown_decl(s));
    }
    if (/^<!doctype/i.test(raw.slice(i, i + 9))) return this.parseUntil(i, 2, ">", (s) => this.handle_decl(s));
    // Anything else after `<!` is a bogus comment.
    return this.parseUntil(i, 2, ">", (s) => this.handle_comment(s));
  }

  private parseUntil(i: number, skip: number, close: string, report: (s: string) => unknown): number {
    const end = this.rawdata.indexOf(close, i + skip);
    if (end < 0) return INCOMPLETE;
    report(this.rawdata.slice(i + skip, end));
    return end + close.length;
  }
}
