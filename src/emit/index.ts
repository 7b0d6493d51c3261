// The emit stage: IR → TypeScript for people (prettier-formatted) or JavaScript for running.

import type { Stmt } from "../ir/nodes.js";
import { JsFastPaths } from "./js-fast-paths.js";
import { printProgram, type Printed } from "./print.js";

export { formatTypeScript } from "./format.js";
export type { Printed } from "./print.js";

export function emitTypeScript(body: Stmt[]): Printed {
  return printProgram(body, { mode: "ts" });
}

/**
 * JavaScript for the in-process runner: runtime imports become reads from `$rt`, the module table
 * the runner passes in, so no module loader or TypeScript compiler is needed at run time; the
 * program's own modules come from `$local(name)` (the runner's table of translated modules).
 * Operators get inline int fast paths first (js-fast-paths.ts): the TypeScript keeps the plain calls.
 */
export function emitJavaScript(body: Stmt[]): Printed {
  return printProgram(body, {
    mode: "js",
    fastPaths: JsFastPaths.of(body),
    jsImport: (from, spec) => {
      if (spec.localModule) return `const ${spec.default} = $local(${JSON.stringify(spec.localModule)});`;
      const source = `$rt[${JSON.stringify(from)}]`;
      if (spec.namespace) return `const ${spec.namespace} = ${source};`;
      const names = (spec.named ?? []).map((n) => (n.alias && n.alias !== n.name ? `${n.name}: ${n.alias}` : n.name));
      return `const { ${names.join(", ")} } = ${source};`;
    },
  });
}
