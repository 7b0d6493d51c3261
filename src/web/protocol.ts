// Messages between the page and its two workers (compiler.worker.ts, runner.worker.ts).

import type { CompileResult, Diagnostic, PySyntaxError } from "../index.js";
import type { ProgramSource } from "../runtime/run.js";

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
      /** False for the quick unformatted answer sent while prettier is still loading; the formatted one follows with the same id. */
      formatted: boolean;
    }
  | {
      type: "compiled";
      id: number;
      /** The runnable JavaScript and its maps back to the Python source; null when it does not compile. */
      compiled: Omit<CompileResult, "diagnostics" | "syntaxError"> | null;
      diagnostics: Diagnostic[];
      syntaxError: PySyntaxError | null;
      /** What `tsyncio run` would print to stderr when the program does not compile. */
      report: string;
      internalError: string | null;
    };

/** page → runner worker */
export interface RunRequest {
  type: "run";
  /** The compiled program; its `path` is the absolute path the program sees (`__file__`, tracebacks). */
  program: ProgramSource;
  virtualTime: boolean;
}

/** runner worker → page */
export type RunnerMessage =
  | { type: "ready" }
  /** Output in the order it was written: [fd, text] pairs. */
  | { type: "output"; chunks: [1 | 2, string][]; /** Characters dropped before these (a flood of output). */ dropped: number }
  | { type: "exit"; code: number; ms: number; internalError: string | null };
