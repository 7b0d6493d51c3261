// "Did you mean: 'print'?": the closest name CPython 3.12 offers after a NameError or an
// AttributeError. Two printers of CPython compute it, with different rules, and both are seen:
//
//   the interpreter's own report of an uncaught exception   each candidate list on its own (a
//                                                            function's locals, then the globals,
//                                                            then the builtins), lengths in UTF-8
//                                                            bytes, any distance within the bound
//   the traceback module (print_exc, format_exception)       one merged list, lengths in code
//                                                            points, only a distance below the
//                                                            wrong name's length
//
// The distance is Levenshtein's with a substitution that only changes case costing half of any
// other edit. Used by the compiler (a NameError's candidates are known when translating) and by
// the runtime (an AttributeError's are the object's dir()). Imports nothing.

/** Which of CPython's two printers the suggestion is for. */
export type SuggestionRules = "interpreter" | "traceback";

const MOVE_COST = 2;
const CASE_COST = 1;
/** Longer names (after the common prefix and suffix are dropped) are never compared. */
const MAX_STRING_SIZE = 40;
/** A candidate list this long is not searched at all. */
const MAX_CANDIDATES = 750;

const encoder = new TextEncoder();

function units(s: string, rules: SuggestionRules): number[] {
  return rules === "interpreter" ? [...encoder.encode(s)] : [...s].map((c) => c.codePointAt(0)!);
}

/** Cost of turning unit `a` into `b`: nothing, a change of case, or a full edit. */
function substitution(a: number, b: number, rules: SuggestionRules): number {
  if (a === b) return 0;
  if (rules === "interpreter") {
    // (ASCII letters only: the interpreter compares bytes)
    const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
    return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
  }
  const ca = String.fromCodePoint(a);
  const cb = String.fromCodePoint(b);
  return ca.toLowerCase() === cb.toLowerCase() ? CASE_COST : MOVE_COST;
}

/** The edit distance of `a` and `b`, or any number above `max` once it surely exceeds it. */
function distance(a: number[], b: number[], max: number, rules: SuggestionRules): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  let x = a.slice(start, endA);
  let y = b.slice(start, endB);
  if (x.length === 0 || y.length === 0) return MOVE_COST * (x.length + y.length);
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return max + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > max) return max + 1;
  // One row of the table: row[i] is the cost of turning y's prefix read so far into x[0..i].
  const row = x.map((_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let j = 0; j < y.length; j++) {
    let diagonal = j * MOVE_COST;
    result = diagonal;
    let least = Infinity;
    for (let i = 0; i < x.length; i++) {
      const substitute = diagonal + substitution(y[j], x[i], rules);
      diagonal = row[i];
      result = Math.min(Math.min(result, diagonal) + MOVE_COST, substitute);
      row[i] = result;
      if (result < least) least = result;
    }
    if (least > max) return max + 1;
  }
  return result;
}

/**
 * The closest of `candidates` to `wrong` (never `wrong` itself), or null when none is close enough:
 * at most a third of the characters involved changed.
 */
export function closestName(wrong: string, candidates: readonly string[], rules: SuggestionRules): string | null {
  if (rules === "interpreter" ? candidates.length >= MAX_CANDIDATES : candidates.length > MAX_CANDIDATES) return null;
  const w = units(wrong, rules);
  if (rules === "traceback" && w.length > MAX_STRING_SIZE) return null;
  let best: string | null = null;
  let bestDistance = rules === "interpreter" ? Infinity : w.length;
  for (const name of candidates) {
    if (name === wrong) continue;
    const n = units(name, rules);
    const bound = Math.min(Math.floor(((n.length + w.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const d = distance(w, n, bound, rules);
    if (d > bound) continue;
    if (best === null || d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The interpreter's NameError rule: each list in turn (locals, globals, builtins), the first that offers a name. */
export function closestInLists(wrong: string, lists: readonly (readonly string[])[]): string | null {
  for (const list of lists) {
    const found = closestName(wrong, list, "interpreter");
    if (found !== null) return found;
  }
  return null;
}

/** What a NameError or AttributeError's report needs to suggest a name (CPython keeps `name` and `obj` on the exception). */
export interface MissingName {
  name: string;
  /** AttributeError: the object that has no such attribute (its dir() gives the candidates). */
  obj?: unknown;
  /** NameError: the suggestions worked out when translating (the compiler knows the scopes' names). */
  interpreterSuggestion?: string | null;
  tracebackSuggestion?: string | null;
  stdlibModule?: boolean;
  /** NameError in a frame with a `self` parameter: its value (`self.name` is offered first when it exists). */
  self?: { value: unknown };
}

const missingNames = new WeakMap<object, MissingName>();

/** Where a NameError or AttributeError keeps its Python attribute `name` (exceptions.ts). */
export const MISSING_NAME: unique symbol = Symbol("the missing name");

export function noteMissingName(exc: object, missing: MissingName): void {
  missingNames.set(exc, missing);
  (exc as { [MISSING_NAME]?: string })[MISSING_NAME] = missing.name;
}

export function missingNameOf(exc: object): MissingName | undefined {
  return missingNames.get(exc);
}
