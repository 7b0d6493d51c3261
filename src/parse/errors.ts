// The syntax error type of the front end, shaped like CPython's SyntaxError attributes.

export interface PySyntaxError {
  /**
   * MemoryError: CPython's parser ran out of stack ("too complex to parse"); RecursionError: its
   * compiler's limit on nesting. No location is shown for either.
   */
  kind: "SyntaxError" | "IndentationError" | "TabError" | "MemoryError" | "RecursionError";
  msg: string;
  filename: string;
  lineno: number;
  /** 1-based column in characters, like CPython's SyntaxError.offset. */
  offset: number;
  end_lineno: number | null;
  end_offset: number | null;
  /** The source line, without its line break. */
  text: string;
}

/**
 * Thrown inside the builder when it meets something CPython's parser rejects; `from`/`to` are
 * offsets into the source. parse() turns it into a PySyntaxError. (Only the first error is
 * reported, as CPython does.)
 */
export class SyntaxErrorAt extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number = from,
    readonly kind: PySyntaxError["kind"] = "SyntaxError",
    /** False when CPython gives no column (offset 0: no caret is shown). */
    readonly column: boolean = true,
  ) {
    super(message);
  }
}
