// Messages between the page and its two workers (compiler.worker.ts, runner.worker.ts).

import type { Diagnostic, PySyntaxError } from "../index.js";

export type { Diagnostic, PySyntaxError };

/** page → compiler worker */
export type CompilerRequest =
  | { type: "translate"; id: number; source: string; filename: string }
  | { type: "compile"; id: number; source: string; filename: string };

/** compiler worker → page */
export type CompilerResponse =
  | { type: "ready" }
  | {
      type: "translated";
      id: number;
      code: string;
      diagnostics: Diagnostic[];
      syntaxError: PySyntaxError | null;
      /** The compiler itself failed (a bug): its message. */
      internalError: string | null;
      ms: number;
    }
  | {
      type: "compiled";
      id: number;
      js: string;
      lineMap: number[];
      diagnostics: Diagnostic[];
      syntaxError: PySyntaxError | null;
      /** What `tsyncio run` would print to stderr when the program does not compile. */
      report: string;
      internalError: string | null;
    };

/** page → runner worker */
export interface RunRequest {
  type: "run";
  js: string;
  lineMap: number[];
  source: string;
  /** Absolute path the program sees as its script (`__file__`, tracebacks). */
  path: string;
  virtualTime: boolean;
}

/** runner worker → page */
export type RunnerMessage =
  | { type: "ready" }
  /** Output in the order it was written: [fd, text] pairs. */
  | { type: "output"; chunks: [1 | 2, string][] }
  | { type: "exit"; code: number; ms: number; internalError: string | null };
