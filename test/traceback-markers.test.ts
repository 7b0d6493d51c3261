// The markers under a traceback frame's failing expression (`^^^^`, `~~^~~`): the drawing rule,
// the spans the printer records and prettier keeps, the innermost span around a JS position, and
// the standalone source map's copy of them. Expected marker lines are CPython 3.12's (recorded by
// hand from the same lines); the fixtures lang-traceback-markers-*, asyncio-traceback-markers run
// whole programs.
import { describe, expect, it } from "vitest";
import { compileToJs, sourceMapV3, transpile } from "../src/index.js";
import { SpanIndex, frameRange, frameSourceLines } from "../src/runtime/traceback-positions.js";

// [line, col, endLine, endCol, anchor, a, b]: columns in UTF-8 bytes, a and b from col.
const binop = (line: string, expr: string, left: string, right: string) => {
  const col = Buffer.byteLength(line.slice(0, line.indexOf(expr)));
  const end = col + Buffer.byteLength(expr);
  const a = Buffer.byteLength(expr.slice(0, expr.indexOf(left) + left.length));
  const b = Buffer.byteLength(expr.slice(0, expr.lastIndexOf(right)));
  return [1, col, 1, end, 1, a, b];
};
const subscript = (line: string, expr: string, value: string, index: string) => {
  const col = Buffer.byteLength(line.slice(0, line.indexOf(expr)));
  const a = Buffer.byteLength(value);
  const b = Buffer.byteLength(expr.slice(0, expr.lastIndexOf(index) + index.length));
  return [1, col, 1, col + Buffer.byteLength(expr), 2, a, b];
};
const plain = (line: string, expr: string) => {
  const col = Buffer.byteLength(line.slice(0, line.indexOf(expr)));
  return [1, col, 1, col + Buffer.byteLength(expr), 0, 0, 0];
};
const markers = (line: string, range: number[], interpreter = false) => frameSourceLines(line, range, interpreter).markers;

describe("the drawing rule", () => {
  it("marks a binary operation's operator apart from its operands", () => {
    const line = "    x = a / b";
    expect(markers(line, binop(line, "a / b", "a", "b"))).toBe("    ~~^~~");
    const wide = "    run(lambda: a  //  b)";
    expect(markers(wide, binop(wide, "a  //  b", "a", "b"))).toBe("            ~~~^^~~~");
  });

  it("follows each printer on a parenthesised left operand (`(a)+None`)", () => {
    const line = "x = (a)+None";
    const range = binop(line, "(a)+None", "(a", "None");
    // (the traceback module judges the operator's width at the `)`)
    expect(markers(line, range)).toBe("    ~~~^^~~~");
    expect(markers(line, range, true)).toBe("    ~~~^~~~~");
  });

  it("marks a subscript's brackets apart from its value", () => {
    const line = '        return {"a": 1}["k"]';
    expect(markers(line, subscript(line, '{"a": 1}["k"]', '{"a": 1}', '"k"'))).toBe("       ~~~~~~~~^^^^^");
    const spaced = "x = [a]  [4]";
    expect(markers(spaced, subscript(spaced, "[a]  [4]", "[a]", "4"))).toBe("    ~~~~~^^^");
  });

  it("draws nothing under a whole line, unless anchors split it", () => {
    expect(markers("    fail('x')", plain("    fail('x')", "fail('x')"))).toBeNull();
    expect(markers("a / b", binop("a / b", "a / b", "a", "b"))).toBe("~~^~~");
    expect(markers("    total = f(x)", plain("    total = f(x)", "f(x)"))).toBe("        ^^^^");
  });

  it("counts wide characters twice and tabs once", () => {
    const line = 'y = ("日本", x["日本語"])';
    expect(markers(line, subscript(line, 'x["日本語"]', "x", '"日本語"'))).toBe("             ~^^^^^^^^^^");
    const tabbed = '\ty = ("日本", x["日本語"])';
    expect(markers(tabbed, subscript(tabbed, 'x["日本語"]', "x", '"日本語"'))).toBe("             ~^^^^^^^^^^");
  });

  it("marks an expression over several lines to the end of its first line", () => {
    const line = "run(lambda: f(";
    expect(markers(line, [1, 12, 2, 7, 0, 0, 0])).toBe("            ^^");
  });

  it("keeps trailing blanks in the interpreter's format and strips them in the traceback module's", () => {
    const line = "f()  ";
    expect(frameSourceLines(line, plain(line, "f()"), true)).toEqual({ shown: "f()  ", markers: "^^^" });
    expect(frameSourceLines(line, plain(line, "f()"), false)).toEqual({ shown: "f()", markers: null });
    // (the traceback module's offset counts the stripped trailing blanks: CPython 3.12 shifts left)
    const shifted = "    x = a / b   ";
    expect(markers(shifted, binop(shifted, "a / b", "a", "b"))).toBe(" ~~^~~");
  });
});

describe("spans", () => {
  it("the innermost span around a position gives the frame's range; an inlined comprehension's call is no frame, its body the whole comprehension unmarked", () => {
    const outer = { line: 1, col: 0, endLine: 3, endCol: 10, range: [1, 0, 1, 30, 0, 0, 0] };
    const inner = { line: 2, col: 4, endLine: 2, endCol: 12, range: [1, 5, 1, 9, 0, 0, 0] };
    const index = new SpanIndex([inner, outer]);
    expect(index.find(2, 4)).toBe(inner.range);
    expect(index.find(2, 12)).toBe(outer.range);
    expect(index.find(4, 0)).toBeNull();
    expect(frameRange([1, 0, 1, 9, 3, 0, 0])).toBe("none");
    expect(frameRange([1, 0, 1, 9, 4, 0, 0])).toEqual([1, 0, 1, 9, 0, 0, 0]);
  });

  const program = [
    "def get(d, k):",
    "    return d[k] + d.get(k, 0) * len(d)",
    "",
    "async def main(items):",
    "    total = sum([get(items, k) for k in items]) / len(items)",
    "    result = await helper(total)",
    "",
    "async def helper(x):",
    "    return x",
    "",
  ].join("\n");

  /** Each span's output text (its first line's), with the Python text of its range (one-line ranges). */
  const pairs = (code: string, spans: { line: number; col: number; endLine: number; endCol: number; range: readonly number[] }[]) => {
    const out = code.split("\n");
    const py = program.split("\n");
    return spans
      .filter((s) => s.range[0] === s.range[2])
      .map((s) => [out[s.line - 1].slice(s.col, s.line === s.endLine ? s.endCol : undefined), py[s.range[0] - 1].slice(s.range[1], s.range[3])]);
  };

  it("the JavaScript for the runner has a span for each call, subscript, operation and await", () => {
    const r = compileToJs(program, { filename: "prog.py" });
    const found = pairs(r.js, r.spans!);
    expect(found).toContainEqual(["getitem(d, k)", "d[k]"]);
    expect(found).toContainEqual(["len(d)", "len(d)"]);
    expect(found.map(([, py]) => py)).toContain("await helper(total)");
    expect(found.map(([, py]) => py)).toContain("sum([get(items, k) for k in items]) / len(items)");
    // Every span's text starts where its JS does: no marker characters left in the code.
    expect(r.js).not.toMatch(/[\u0004\u0005\u0006]/);
  });

  it("prettier's TypeScript keeps the spans, and the source map carries them", async () => {
    const r = await transpile(program, { filename: "prog.py" });
    expect(r.spans?.length).toBeGreaterThan(5);
    const found = pairs(r.code, r.spans!);
    // (a span ends at its last token: a closing parenthesis may be left out)
    expect(found.some(([ts, py]) => ts.startsWith("getitem(d, k") && py === "d[k]")).toBe(true);
    expect(found.some(([ts, py]) => ts.startsWith("len(d") && py === "len(d)")).toBe(true);
    const map = JSON.parse(sourceMapV3("prog.ts", "prog.py", r.map, program, undefined, r.spans)) as { x_python_spans: number[][] };
    expect(map.x_python_spans.length).toBe(r.spans!.length);
    expect(map.x_python_spans[0].length).toBe(11);
  });
});
