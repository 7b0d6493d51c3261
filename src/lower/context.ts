// The state the lowering carries: runtime imports it has used, temporaries it has claimed,
// diagnostics, and the stack of functions being lowered.

import type { UnboundReads } from "./definite-assignment.js";
import type * as py from "../ast/nodes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { UnsupportedError } from "../diagnostics/diagnostic.js";
import type { Stmt } from "../ir/nodes.js";
import type { Scope } from "./scopes.js";

/** JavaScript words a Python name cannot keep as is. */
const JS_RESERVED = new Set(
  `break case catch class const continue debugger default delete do else enum export extends false finally for
  function if import in instanceof new null return super switch this throw true try typeof var void while with
  yield let static implements interface package private protected public await arguments eval undefined NaN
  Infinity constructor prototype`.split(/\s+/),
);

export function safeName(name: string): string {
  return JS_RESERVED.has(name) ? `${name}_` : name;
}

/** Records runtime imports as the lowering uses them (Sucrase's HelperManager), so the output imports exactly what it needs. */
export class RuntimeImports {
  private namespaces = new Map<string, string>(); // specifier → local namespace name
  private named = new Map<string, Map<string, string>>(); // specifier → name → local alias

  constructor(private readonly userNames: ReadonlySet<string>) {}

  /** A compiler-inserted helper: aliased with `$` if the program uses the same identifier. */
  helper(name: string, from: string): string {
    const local = this.userNames.has(name) ? `$${name}` : name;
    this.use(name, local, from);
    return local;
  }

  /** A Python-visible name (a builtin the program calls), imported under its own name. */
  use(name: string, local: string, from: string): string {
    let names = this.named.get(from);
    if (!names) this.named.set(from, (names = new Map()));
    names.set(name, local);
    return local;
  }

  namespace(local: string, from: string): void {
    this.namespaces.set(local, from);
  }

  statements(): Stmt[] {
    const out: Stmt[] = [];
    const specifiers = new Set([...this.named.keys(), ...this.namespaces.keys()].map((k) => (this.named.has(k) ? k : this.namespaces.get(k)!)));
    for (const [local, from] of this.namespaces) out.push({ k: "import", from, namespace: local });
    for (const from of [...specifiers].filter((s) => this.named.has(s)).sort(byRuntimeFirst)) {
      const names = [...this.named.get(from)!].map(([name, alias]) => ({ name, alias })).sort((a, b) => (a.name < b.name ? -1 : 1));
      out.push({ k: "import", from, named: names });
    }
    return out;
  }
}

function byRuntimeFirst(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : 1);
}

export interface LoopContext {
  /** Label that `break` must use (a loop with `else`, or a break out of a `try/finally`-wrapped body). */
  breakLabel?: string;
}

export interface FunctionContext {
  scope: Scope;
  /** The Python name of the receiver (`self`) in a method: it becomes `this`. */
  selfName?: string;
  /** Whether `self` must be reached through a captured `self` variable (inside nested functions). */
  selfAlias?: string;
  isCoroutine: boolean;
  isGenerator: boolean;
  /** Names already declared with let/const in the emitted function. */
  declared: Set<string>;
  /** Temporaries claimed in this function; declared at its top. */
  temps: string[];
  loops: LoopContext[];
  /** Shared by a method and the functions nested in it: set when they need `const self = this`. */
  selfBox?: { used: boolean };
  /** The class the method belongs to, for `super()` and qualnames. */
  className?: string;
  qualname: string;
  /** Temporaries holding the exceptions of the enclosing `except` blocks, innermost last (bare `raise`; "" for except*). */
  handling: string[];
  /** Reads that definite-assignment analysis could not prove bound (set when the body is lowered). */
  unbound?: UnboundReads;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(node: Partial<py.Position> | null | undefined, code: string, message: string, hint?: string): never {
    const d = this.make(node, code, message, hint);
    throw new UnsupportedError(d);
  }

  report(node: Partial<py.Position> | null | undefined, code: string, message: string, hint?: string): void {
    this.list.push(this.make(node, code, message, hint));
  }

  private make(node: Partial<py.Position> | null | undefined, code: string, message: string, hint?: string): Diagnostic {
    return {
      code,
      severity: "error",
      message,
      lineno: node?.lineno ?? 1,
      col: (node?.col_offset ?? 0) + 1,
      endLineno: node?.end_lineno,
      endCol: node?.end_col_offset !== undefined ? node.end_col_offset + 1 : undefined,
      hint,
    };
  }
}
