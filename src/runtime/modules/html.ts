// html: escape() and unescape(), and the submodule parser (html.parser.HTMLParser).
// CPython: Lib/html/__init__.py (documented behaviour).
import { noteModuleNamespace } from "../builtins/module-files.js";
import { AttributeError, TypeError } from "../builtins/exceptions.js";
import { truthy } from "../builtins/protocol.js";
import { popKw } from "../builtins/object.js";
import { typeName } from "../builtins/ops.js";
import { unescapeHtml } from "./_html_unescape.js";

import * as parserModule from "./html_parser.js";
export { parserModule as parser };
noteModuleNamespace(parserModule, "html.parser");

/** `html.escape(s, quote=True)`: &, < and > (and both quotes unless quote is false) as references. */
export function escape(s: unknown, ...rest: unknown[]): string {
  const kw = popKw(rest) ?? {};
  const quote = rest.length ? rest[0] : "quote" in kw ? kw.quote : true;
  if (typeof s !== "string") throw new AttributeError(`'${typeName(s)}' object has no attribute 'replace'`);
  let out = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (truthy(quote)) out = out.replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  return out;
}

/** `html.unescape(s)`: character references replaced by what they name. */
export function unescape(s: unknown): string {
  if (typeof s !== "string") throw new TypeError(`argument of type '${typeName(s)}' is not iterable`);
  return unescapeHtml(s);
}
