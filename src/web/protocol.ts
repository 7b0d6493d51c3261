// Messages between the page and its two workers (compiler.worker.ts, runner.worker.ts).

import type { Diagnostic, PySyntaxError } from "../index.js";
import type { ProgramSource } from "../runtime/run.js";

export type { Diagnostic, PySyntaxError };

/** One file of the program the page holds (a tab): a plain name such as `helpers.py`. */
export interface ProgramFile {
  name: string;
  source: string;
}

/** page → compiler worker */
export type CompilerRequest =
  /** Translate `active` (one of `files`; the first file is the script that runs, the others are modules it may import). */
  | { type: "translate"; id: number; files: ProgramFile[]; active: string; format: boolean }
  /** Compile the program for a run: the first file as the script, in `dir`, with the modules it imports. */
  | { type: "compile"; id: number; files: ProgramFile[]; dir: string };

/** compiler worker → page */
export type CompilerResponse =
  | { type: "ready" }
  | {
      type: "translated";
      id: number;
      /** The file translated. */
      file: string;
      code: string;
      /** For each line of `code`, its Python line (0: none). */
      map: number[];
      /** The JavaScript the runner runs (`$rt` holds the runtime's modules), and its line map. */
      js: string;
      jsMap: number[];
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
      /** The runnable program (the script and the modules it imports); null when it does not compile. */
      program: Omit<ProgramSource, "source" | "path" | "pythonVersion"> | null;
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
  /** The program waits in input() (or another read of stdin) for a line. */
  | { type: "input-request" }
  | { type: "exit"; code: number; ms: number; internalError: string | null };
