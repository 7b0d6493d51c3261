// The diagnostics of an error fixture (fixtures/errors-*), rendered as `tsyncio` prints them:
// used by test/diagnostics.test.ts and scripts/record-diagnostics.mjs, so both read them the same way.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** TSY3001's hint lists the runtime's modules: kept as a placeholder, so adding a module changes no fixture. */
const HINT = /supported modules: [\w., ]+$/gm;

/**
 * `compiler`: the package's entry (src/index.ts in tests, dist/index.js in scripts).
 * @param {string} dir
 */
export async function renderedDiagnostics(dir, { renderDiagnostic, transpile, translateProgram }) {
  const host = {
    exists: (path) => existsSync(join(dir, path)) && statSync(join(dir, path)).isFile(),
    read: (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : null),
  };
  const units = await translateProgram([{ path: "input.py", main: true }], host, (source, options) => transpile(source, options));
  const out = [];
  for (const u of units) {
    if (u.result?.syntaxError) throw new Error(`${u.path}: a syntax error, not a diagnostic: ${u.result.syntaxError.msg}`);
    for (const d of u.result?.diagnostics ?? []) out.push(renderDiagnostic(d, u.path, u.source ?? ""));
  }
  return out.join("\n").replace(HINT, "supported modules: {the runtime's modules}") + "\n";
}
