// A compiler diagnostic: something in the Python source that tsyncio cannot translate faithfully.
// Positions are 1-based lines and 1-based character columns (what an editor shows).

export type Severity = "error" | "warning";

import type { Code } from "./codes.js";

export interface Diagnostic {
  /** Stable code (the table in codes.ts): TSY1xxx syntax and unsupported syntax, TSY2xxx async semantics, TSY3xxx runtime API. */
  code: Code;
  severity: Severity;
  message: string;
  lineno: number;
  col: number;
  endLineno?: number;
  endCol?: number;
  /** What to do instead, when there is a known way. */
  hint?: string;
}

/** Thrown by the lowering for a construct it cannot translate; collected, never shown as a JS stack. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.code}: ${diagnostic.message}`);
  }
}
