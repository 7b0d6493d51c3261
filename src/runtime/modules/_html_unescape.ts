// html.unescape: named and numeric character references in text, as the HTML5 spec resolves them
// (a named reference without its ';' only for the legacy names, the longest one that fits; numeric
// references to forbidden code points mapped or dropped). Shared by html and html.parser.
import { HTML5_ENTITIES, INVALID_CHARREFS, INVALID_CODEPOINTS } from "./_html_entities_data.js";

const REFERENCE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g;

function resolve(body: string): string {
  if (body[0] === "#") {
    const hex = body[1] === "x" || body[1] === "X";
    const digits = body.slice(hex ? 2 : 1).replace(/;$/, "");
    const code = parseInt(digits, hex ? 16 : 10);
    if (code in INVALID_CHARREFS) return INVALID_CHARREFS[code];
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff || !Number.isFinite(code)) return "\ufffd";
    if (INVALID_CODEPOINTS.has(code)) return "";
    return String.fromCodePoint(code);
  }
  if (Object.prototype.hasOwnProperty.call(HTML5_ENTITIES, body)) return HTML5_ENTITIES[body];
  // A legacy name followed by other letters (`&copy2024`): the longest name that is one.
  for (let n = body.length - 1; n > 1; n--) {
    const prefix = body.slice(0, n);
    if (Object.prototype.hasOwnProperty.call(HTML5_ENTITIES, prefix)) return HTML5_ENTITIES[prefix] + body.slice(n);
  }
  return "&" + body;
}

export function unescapeHtml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(REFERENCE, (_m, body: string) => resolve(body));
}
