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

// Prettier is a large chunk: until it has loaded, answer with the unformatted TypeScript first.
let prettierReady = false;
const prettierLoading = formatTypeScript("").then(
  () => void (prettierReady = true),
  () => void (prettierReady = true),
);

async function handle(req: CompilerRequest): Promise<CompilerResponse | null> {
  if (req.type === "translate") {
    const t0 = performance.now();
    try {
      if (!prettierReady) {
        const quick = await transpile(req.source, { filename: req.filename, format: false });
        const answer: CompilerResponse = {
          type: "translated", id: req.id, code: quick.code, diagnostics: quick.diagnostics,
          syntaxError: quick.syntaxError, internalError: null, ms: performance.now() - t0, formatted: !quick.code,
        };
        // Errors need no formatting: that answer is the final one.
        if (!quick.code) return answer;
        scope.postMessage(answer);
        // The formatted answer follows when prettier is there; later requests need not wait for it.
        void prettierLoading.then(async () => {
          const full = await handle(req);
          if (full) scope.postMessage(full);
        });
        return null;
      }
      const r = await transpile(req.source, { filename: req.filename });
      return {
        type: "translated",
        id: req.id,
        code: r.code,
        diagnostics: r.diagnostics,
        syntaxError: r.syntaxError,
        internalError: null,
        ms: performance.now() - t0,
        formatted: true,
      };
    } catch (e) {
      return {
        type: "translated", id: req.id, code: "", diagnostics: [], syntaxError: null,
        internalError: errorText(e), ms: performance.now() - t0, formatted: true,
      };
    }
  }
  try {
    const { diagnostics, syntaxError, ...compiled } = compileToJs(req.source, { filename: req.filename });
    let report = "";
    if (syntaxError) report = formatSyntaxError(syntaxError);
    else for (const d of diagnostics) if (d.severity === "error") report += renderDiagnostic(d, req.filename, req.source);
    if (report && !report.endsWith("\n")) report += "\n";
    return {
      type: "compiled", id: req.id, compiled: compiled.js ? compiled : null, diagnostics, syntaxError, report,
      internalError: null,
    };
  } catch (e) {
    return {
      type: "compiled", id: req.id, compiled: null, diagnostics: [], syntaxError: null, report: "",
      internalError: errorText(e),
    };
  }
}

// Requests are handled one at a time, in order.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const req = e.data;
  queue = queue.then(async () => {
    const answer = await handle(req);
    if (answer) scope.postMessage(answer);
  });
};
scope.postMessage({ type: "ready" });
