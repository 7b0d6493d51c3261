// email.utils' address lists (RFC 2822 as CPython 3.12.1's lenient parser reads them): a scanner
// over the text that yields (display name, address) pairs. Comments `(...)` are kept aside as the
// name of an address that has no phrase; a phrase without `<...>` or `@` is taken as the address.
// CPython: Lib/email/_parseaddr.py (behaviour observed, not transliterated).

const SPECIALS = '()<>@,:;."[]';
/** What ends an atom inside an address, and inside a display name (where '.' is a letter). */
const ATOM_ENDS = SPECIALS + " \t\r\n";
const PHRASE_ENDS = ATOM_ENDS.replace(".", "");

export type Address = [name: string, address: string];

class AddressScanner {
  private pos = 0;
  private comments: string[] = [];
  constructor(private readonly text: string) {}

  all(): Address[] {
    const out: Address[] = [];
    while (this.pos < this.text.length) {
      const found = this.address();
      if (found.length) out.push(...found);
      else out.push(["", ""]);
    }
    return out;
  }

  private get ch(): string {
    return this.text[this.pos];
  }

  /** Skips blanks and line breaks, keeping comments; returns the blanks skipped (not the breaks). */
  private skip(): string {
    let blanks = "";
    while (this.pos < this.text.length) {
      const c = this.ch;
      if (c === " " || c === "\t") {
        blanks += c;
        this.pos++;
      } else if (c === "\r" || c === "\n") this.pos++;
      else if (c === "(") this.comments.push(this.comment());
      else break;
    }
    return blanks;
  }

  /** The text between `open` and one of `ends` (backslash escapes the next character). */
  private delimited(open: string, ends: string, nestedComments: boolean): string {
    if (this.ch !== open) return "";
    let out = "";
    let escaped = false;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.ch;
      if (escaped) {
        out += c;
        escaped = false;
      } else if (ends.includes(c)) {
        this.pos++;
        break;
      } else if (nestedComments && c === "(") {
        out += this.comment();
        continue;
      } else if (c === "\\") escaped = true;
      else out += c;
      this.pos++;
    }
    return out;
  }

  private comment(): string {
    return this.delimited("(", ")\r", true);
  }

  private quoted(): string {
    return this.delimited('"', '"\r', false);
  }

  private atom(ends: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && !ends.includes(this.ch)) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Words of a display name: atoms (dots allowed) and quoted strings, comments set aside. */
  private phrase(): string[] {
    const words: string[] = [];
    while (this.pos < this.text.length) {
      const c = this.ch;
      if (c === " " || c === "\t" || c === "\n") this.pos++;
      else if (c === '"') words.push(this.quoted());
      else if (c === "(") this.comments.push(this.comment());
      else if (PHRASE_ENDS.includes(c)) break;
      else words.push(this.atom(PHRASE_ENDS));
    }
    return words;
  }

  /** One address (or a group's addresses), and the comma after it. */
  private address(): Address[] {
    this.comments = [];
    this.skip();
    const start = this.pos;
    const startComments = this.comments;
    const words = this.phrase();
    this.skip();
    let found: Address[] = [];
    if (this.pos >= this.text.length) {
      if (words.length) found = [[this.comments.join(" "), words[0]]];
    } else if (this.ch === "." || this.ch === "@") {
      // An addr-spec after all (`user@host`, `first.last@host`): read again from the start.
      this.pos = start;
      this.comments = startComments;
      const spec = this.addrSpec();
      found = [[this.comments.join(" "), spec]];
    } else if (this.ch === ":") {
      // A group (`team: a@b, c@d;`): its members.
      this.pos++;
      while (this.pos < this.text.length) {
        this.skip();
        if ((this.ch as string) === ";") {
          this.pos++;
          break;
        }
        found.push(...this.address());
      }
    } else if (this.ch === "<") {
      const spec = this.routeAddr();
      // (the comments read so far follow the name in parentheses)
      const comments = this.comments.length ? ` (${this.comments.join(" ")})` : "";
      found = [[words.join(" ") + comments, spec]];
    } else if (words.length) {
      found = [[this.comments.join(" "), words[0]]];
    } else if (SPECIALS.includes(this.ch)) this.pos++;
    this.skip();
    if (this.pos < this.text.length && this.ch === ",") this.pos++;
    return found;
  }

  /** `<[@route:]local@domain>`: the address inside the angle brackets. */
  private routeAddr(): string {
    this.pos++;
    this.skip();
    let spec = "";
    let route = false;
    while (this.pos < this.text.length) {
      if (route) {
        this.domain();
        route = false;
      } else if (this.ch === ">") {
        this.pos++;
        break;
      } else if (this.ch === "@") {
        this.pos++;
        route = true;
      } else if (this.ch === ":") this.pos++;
      else {
        spec = this.addrSpec();
        this.pos++;
        break;
      }
      this.skip();
    }
    return spec;
  }

  /** `local-part@domain`, blanks between its dotted words dropped, quoted words kept quoted. */
  private addrSpec(): string {
    const parts: string[] = [];
    const dropTrailingBlank = () => {
      if (parts.length && !parts[parts.length - 1].trim()) parts.pop();
    };
    this.skip();
    while (this.pos < this.text.length) {
      let keepBlank = true;
      const c = this.ch;
      if (c === ".") {
        dropTrailingBlank();
        parts.push(".");
        this.pos++;
        keepBlank = false;
      } else if (c === '"') parts.push(`"${quote(this.quoted())}"`);
      else if (ATOM_ENDS.includes(c)) {
        dropTrailingBlank();
        break;
      } else parts.push(this.atom(ATOM_ENDS));
      const blanks = this.skip();
      if (keepBlank && blanks) parts.push(blanks);
    }
    if (this.pos >= this.text.length || this.ch !== "@") return parts.join("");
    this.pos++;
    this.skip();
    const domain = this.domain();
    return domain ? parts.join("") + "@" + domain : "";
  }

  private domain(): string {
    let out = "";
    while (this.pos < this.text.length) {
      const c = this.ch;
      if (c === " " || c === "\t") this.pos++;
      else if (c === "(") this.comments.push(this.comment());
      else if (c === "[") out += `[${this.delimited("[", "]\r", false)}]`;
      else if (c === ".") {
        this.pos++;
        out += ".";
      } else if (c === "@")
        return ""; // a second '@': no valid domain
      else if (ATOM_ENDS.includes(c)) break;
      else out += this.atom(ATOM_ENDS);
    }
    return out;
  }
}

/** The (name, address) pairs of an address list's text. */
export function parseAddressList(text: string): Address[] {
  return new AddressScanner(text).all();
}

/** email.utils.quote: backslashes and double quotes escaped. */
export function quote(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
