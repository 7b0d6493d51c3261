// The compiler worker: Python → TypeScript (for display, prettier-formatted) and Python →
// JavaScript (for the runner). Loaded off the main thread so typing never waits for it; prettier
// is a separate chunk that format.ts imports on first use.

import { compileToJs, formatSyntaxError, renderDiagnostic, transpile } from "../index.js";
import { formatTypeScript } from "../emit/format.js";
import type { CompilerRequest, CompilerResponse } from "./protocol.js";

const scope = self as unknown as {
  postMessage(message: CompilerResponse): void;
  onmessage: ((e: MessageEvent<CompilerRequest>) => void) | null;
};

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function handle(req: CompilerRequest): Promise<CompilerResponse> {
  if (req.type === "translate") {
    const t0 = performance.now();
    try {
      const r = await transpile(req.source, { filename: req.filename });
      return {
        type: "translated",
        id: req.id,
        code: r.code,
        diagnostics: r.diagnostics,
        syntaxError: r.syntaxError,
        internalError: null,
        ms: performance.now() - t0,
      };
    } catch (e) {
      return {
        type: "translated", id: req.id, code: "", diagnostics: [], syntaxError: null,
        internalError: errorText(e), ms: performance.now() - t0,
      };
    }
  }
  try {
    const r = compileToJs(req.source, { filename: req.filename });
    let report = "";
    if (r.syntaxError) report = formatSyntaxError(r.syntaxError);
    else for (const d of r.diagnostics) if (d.severity === "error") report += renderDiagnostic(d, req.filename, req.source);
    if (report && !report.endsWith("\n")) report += "\n";
    return {
      type: "compiled", id: req.id, js: r.js, lineMap: r.lineMap, diagnostics: r.diagnostics,
      syntaxError: r.syntaxError, report, internalError: null,
    };
  } catch (e) {
    return {
      type: "compiled", id: req.id, js: "", lineMap: [], diagnostics: [], syntaxError: null, report: "",
      internalError: errorText(e),
    };
  }
}

// Requests are handled one at a time, in order.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(async () => scope.postMessage(await handle(req)));
};
scope.postMessage({ type: "ready" });
// Warm prettier up while the person is still reading the page.
void formatTypeScript("").catch(() => {});
