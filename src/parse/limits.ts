// Checks CPython makes that the grammar does not: NUL bytes in the source, its tokenizer's
// indentation rules (TabError for tabs and spaces that disagree, at most 99 indentation levels)
// and its compiler's limit of 20 statically nested blocks. Learnt from CPython 3.12's behaviour
// (Parser/tokenizer.c's indentation stack, Python/compile.c's CO_MAXBLOCKS).

import type { Tree, SyntaxNode } from "@lezer/common";
import type { Module, Node, Stmt } from "../ast/nodes.js";
import { forEachChildWith } from "../ast/walk.js";
import { indexWithinDepth } from "../ast/node-index.js";
import { SyntaxErrorAt, type PySyntaxError } from "./errors.js";
import type { LineMap } from "./positions.js";
import { EXPRESSION_KINDS, PATTERN_KINDS, STATEMENT_KINDS } from "../ast/kinds.js";

/** "source code cannot contain null bytes", on the NUL's line (its text cut at the NUL), or null. */
export function nullByteError(source: string, lines: LineMap, filename: string): PySyntaxError | null {
  const at = source.indexOf("\0");
  if (at < 0) return null;
  const line = lines.lineIndex(at);
  const text = source.slice(lines.offset(line, 0), at);
  return { kind: "SyntaxError", msg: "source code cannot contain null bytes", filename, lineno: line + 1, offset: 0, end_lineno: null, end_offset: null, text };
}

/**
 * CPython's parser keeps a stack of at most 6000 levels; a run of prefix operators (`not not ...`,
 * `- - ...`) takes one each, so 5967 of them in a statement overflow it: MemoryError "Parser stack
 * overflowed". Checked before parsing (the grammar's parser would take minutes and gigabytes).
 */
const MAX_PREFIX_RUN = 5966;

/**
 * Parsed, a run of 2,999 prefix operators nests 2,999 UnaryOps over an operand, deeper than
 * CPython's compiler goes (see compileDepthError): its RecursionError, reported before parsing
 * (lezer cuts a parse stack that deep into a syntax error).
 */
const MAX_COMPILABLE_PREFIX_RUN = 2998;

export function parserStackError(source: string, lines: LineMap, filename: string): PySyntaxError | null {
  // A run long enough to matter spans more than SAMPLE_STEP characters, all of them operators,
  // blanks or letters of `not`: every SAMPLE_STEP-th character is looked at, and only the stretches
  // of such characters around those samples are counted (any other character ends a run).
  let longest = 0;
  for (let at = 0; at < source.length; at += SAMPLE_STEP) {
    if (!inPrefixRun(source.charCodeAt(at))) continue;
    let from = at;
    while (from > 0 && inPrefixRun(source.charCodeAt(from - 1))) from--;
    let to = at + 1;
    while (to < source.length && inPrefixRun(source.charCodeAt(to))) to++;
    const found = prefixRuns(source, from, to, lines, filename);
    if (typeof found !== "number") return found;
    if (found > longest) longest = found;
    // (the next sample after this stretch: it ends at a character outside any run)
    at = to - (to % SAMPLE_STEP);
  }
  if (longest > MAX_COMPILABLE_PREFIX_RUN)
    return { kind: "RecursionError", msg: COMPILE_DEPTH_MESSAGE, filename, lineno: 1, offset: 0, end_lineno: null, end_offset: null, text: lines.lineText(1) };
  return null;
}

/** Fewer characters than the shortest run parserStackError reports (one character per operator at least). */
const SAMPLE_STEP = 1024;

/** Characters a run of prefix operators is made of: `-+~`, the blanks between them, the letters of `not`. */
function inPrefixRun(c: number): boolean {
  return c === 45 || c === 43 || c === 126 || c === 32 || c === 9 || c === 12 || c === 110 || c === 111 || c === 116;
}

/** The longest run of prefix operators in source[from, to) (a run starts at `from`), or the MemoryError of a run too long. */
function prefixRuns(source: string, from: number, to: number, lines: LineMap, filename: string): number | PySyntaxError {
  let run = 0;
  let longest = 0;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) continue; // spaces between the operators
    if (c === 45 || c === 43 || c === 126)
      run++; // - + ~
    else if (c === 110 && source.startsWith("not", i) && !/[\w]/.test(source[i + 3] ?? "") && !/[\w]/.test(source[i - 1] ?? "")) {
      run++;
      i += 2;
    } else run = 0;
    if (run > longest) longest = run;
    if (run > MAX_PREFIX_RUN) {
      const line = lines.lineIndex(i);
      return {
        kind: "MemoryError",
        msg: "Parser stack overflowed - Python source too complex to parse",
        filename,
        lineno: line + 1,
        offset: 0,
        end_lineno: null,
        end_offset: null,
        text: lines.lineText(line + 1),
      };
    }
  }
  return longest;
}

/** The tokenizer's limit: an indentation stack of at most 100 entries (the first is column 0). */
const MAX_INDENT = 100;
const HUNDRED_SPACES = " ".repeat(MAX_INDENT);

// Nodes that may span lines without making the lines inside them continuation lines.
const LINE_CONTAINERS = new Set([
  "Script",
  "Body",
  "MatchBody",
  "MatchClause",
  "DecoratedStatement",
  "ClassDefinition",
  "FunctionDefinition",
  "IfStatement",
  "TryStatement",
  "WhileStatement",
  "ForStatement",
  "WithStatement",
  "MatchStatement",
]);

/**
 * CPython's indentation rules over the logical lines of a parsed module: each line's indentation
 * is measured with tabs to multiples of 8 and with tabs as 1 column; the two must order the
 * lines the same way (else TabError), and the stack of open levels holds at most 99 indents.
 */
export function checkIndentation(source: string, tree: Tree): void {
  // Without tabs a line's two measures are equal (a space adds one to each, a form feed zeroes
  // both), so they cannot disagree; and 100 open levels need a line indented 100 columns or more,
  // i.e. 100 spaces in a row. A source with neither (most files) has no error here: no line is
  // looked at (the tree look-ups below cost ~2 ms on a 10,000-line module).
  if (source.indexOf("\t") < 0 && source.indexOf(HUNDRED_SPACES) < 0) return;
  const stack: [number, number][] = [[0, 0]];
  for (let start = 0; start < source.length;) {
    const end = source.indexOf("\n", start);
    const next = end < 0 ? source.length : end + 1;
    let col = 0;
    let alt = 0;
    let k = start;
    for (; k < next; k++) {
      const c = source[k];
      if (c === " ") {
        col++;
        alt++;
      } else if (c === "\t") {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === "\f") col = alt = 0;
      else break;
    }
    const first = source[k];
    const blank = k >= next || first === "\n" || first === "\r" || first === "#" || first === "\\";
    const top = stack[stack.length - 1];
    // (a line at the current level changes nothing, whether it continues a statement or not: the
    // tree is looked up only for the lines that indent, dedent or may be an error)
    if (!blank && !(col === top[0] && alt === top[1]) && !continuationLine(tree, start, k)) {
      const tabError = () => new SyntaxErrorAt("inconsistent use of tabs and spaces in indentation", start, start, "TabError");
      if (col === top[0]) {
        if (alt !== top[1]) throw tabError();
      } else if (col > top[0]) {
        if (stack.length >= MAX_INDENT) throw new SyntaxErrorAt("too many levels of indentation", start, start, "IndentationError");
        if (alt <= top[1]) throw tabError();
        stack.push([col, alt]);
      } else {
        while (stack.length > 1 && col < stack[stack.length - 1][0]) stack.pop();
        const now = stack[stack.length - 1];
        // A dedent to no open level is the grammar's error (already reported).
        if (col === now[0] && alt !== now[1]) throw tabError();
      }
    }
    start = next;
  }
}

/** True when the line whose first token is at `first` continues a statement (inside brackets, a string, after `\`). */
function continuationLine(tree: Tree, lineStart: number, first: number): boolean {
  for (let n: SyntaxNode | null = tree.resolveInner(first, 1); n; n = n.parent) {
    if (n.from < lineStart && !LINE_CONTAINERS.has(n.name)) return true;
  }
  return false;
}

/** CPython's compiler keeps at most 20 nested blocks (loops, with, try and its handlers) per code object. */
const MAX_BLOCKS = 20;

/**
 * "too many statically nested blocks" at the statement that opens the 21st block.
 * `bodyNesting`: the most statement lists open inside one another in the module (the builder
 * counts them); one more list adds at most 3 blocks (a handler's body in a try with a finally),
 * so a module nested 6 lists deep or less cannot reach 21, and is not walked.
 */
export function checkStaticBlocks(module: Module, lines: LineMap, bodyNesting = Infinity): void {
  if (bodyNesting * 3 <= MAX_BLOCKS) return;
  const tooMany = (node: Node) => {
    const at = node as unknown as { lineno: number; col_offset: number; end_col_offset: number; end_lineno: number };
    const from = lines.offset(at.lineno - 1, at.col_offset);
    // A compound statement spans lines: CPython's caret runs to the end of its first line.
    const to = from + lines.lineText(at.lineno).length - (from - lines.offset(at.lineno - 1, 0));
    return new SyntaxErrorAt("too many statically nested blocks", from, to);
  };
  const body = (stmts: Stmt[], depth: number) => {
    for (const s of stmts) statement(s, depth);
  };
  const statement = (s: Stmt, depth: number): void => {
    switch (s._type) {
      case "For":
      case "AsyncFor":
      case "While":
        if (depth + 1 > MAX_BLOCKS) throw tooMany(s);
        body(s.body, depth + 1);
        body(s.orelse, depth);
        return;
      case "With":
      case "AsyncWith":
        if (depth + 1 > MAX_BLOCKS) throw tooMany(s);
        body(s.body, depth + 1);
        return;
      case "Try":
      case "TryStar": {
        // try/finally: FINALLY_TRY around everything but the finally body (FINALLY_END);
        // try/except: TRY_EXCEPT around the body, two blocks around each handler's body.
        const fin = s.finalbody.length ? 1 : 0;
        const exc = s.handlers.length ? 1 : 0;
        if (depth + fin + exc > MAX_BLOCKS) throw tooMany(s);
        body(s.body, depth + fin + exc);
        for (const h of s.handlers) {
          if (depth + fin + 2 > MAX_BLOCKS) throw tooMany(h);
          body(h.body, depth + fin + 2);
        }
        body(s.orelse, depth + fin);
        if (fin) {
          if (depth + 1 > MAX_BLOCKS) throw tooMany(s);
          body(s.finalbody, depth + 1);
        }
        return;
      }
      case "If":
        body(s.body, depth);
        body(s.orelse, depth);
        return;
      case "Match":
        for (const c of s.cases) body(c.body, depth);
        return;
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        // Function and class bodies are code objects of their own.
        body(s.body, 0);
        return;
      // (any other statement is a simple one: expressions hold no statements, so no def is in it)
    }
  };
  body(module.body, 0);
}

/**
 * CPython's compiler recurses over the tree and stops at a nesting of 3,000 statements, expressions
 * and patterns (other nodes, such as keywords and comprehensions, do not count), as seen for a
 * script run directly: `x = 1+1+...+1` compiles with 2,999 operands (an Assign, 2,998 BinOps and
 * a Constant), not with 3,000. A flat chain (`a or b or ...`, `a < b < ...`) is one node however
 * long. Counted with a stack of its own, since the tree may be nested deeper than ours allows.
 */
const MAX_COMPILE_DEPTH = 3000;
const COMPILE_DEPTH_MESSAGE = "maximum recursion depth exceeded during compilation";

export function compileDepthError(module: Module, lines: LineMap, filename: string): PySyntaxError | null {
  // (the usual case, no node too deep, found by the walk that also gathers the node index the
  // lowering reads; the walk below finds the node CPython's message names)
  if (indexWithinDepth(module, COUNTED, MAX_COMPILE_DEPTH)) return null;
  // (two parallel stacks, children pushed by forEachChildWith: no pair and no closure per node; the
  // context and operator leaves it leaves out are never counted and have no children)
  const nodes: Node[] = [module];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    const d = COUNTED.has(node._type) ? depth + 1 : depth;
    if (d > MAX_COMPILE_DEPTH) {
      const line = "lineno" in node ? (node as { lineno: number }).lineno : 1;
      return {
        kind: "RecursionError",
        msg: COMPILE_DEPTH_MESSAGE,
        filename,
        lineno: line,
        offset: 0,
        end_lineno: null,
        end_offset: null,
        text: lines.lineText(line),
      };
    }
    forEachChildWith(node, pushChild, nodes, depths);
    // (the children's depth: pushChild left a slot for each)
    for (let i = depths.length - 1; i >= 0 && depths[i] === -1; i--) depths[i] = d;
  }
  return null;
}

function pushChild(child: Node, nodes: Node[], depths: number[]): void {
  nodes.push(child);
  depths.push(-1);
}

const COUNTED: ReadonlySet<string> = new Set([...STATEMENT_KINDS, ...EXPRESSION_KINDS, ...PATTERN_KINDS]);
