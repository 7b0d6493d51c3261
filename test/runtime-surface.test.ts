// The public runtime surface (tsyncio/runtime, src/runtime/index.ts): Python's builtins under their
// Python names, the helpers emitted code calls, and the classes of Python values; nothing else.
// Internals live in tsyncio/runtime/internal. A name added to the public entry must be added here
// (and to docs/architecture.md), so an internal cannot leak back by accident.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as publicEntry from "../src/runtime/index.js";
import * as internalEntry from "../src/runtime/internal.js";
import { RUNTIME_NAMES } from "../src/lower/runtime-classes.js";

/** CPython 3.12's `[n for n in dir(builtins) if not n.startswith("_")]`. */
const CPYTHON_BUILTINS = new Set(
  `ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
  BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError
  ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError
  Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit
  IOError ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError
  KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented
  NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
  RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration
  SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError
  UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
  Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr
  classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float format
  frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license list locals
  map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr
  slice sorted staticmethod str sum super tuple type vars zip`.split(/\s+/),
);

/** Helpers for Python's operators and statements, called by emitted code (and usable by hand). */
const HELPERS = `add sub mul truediv floordiv mod matmul lshift rshift bitand bitor bitxor neg pos invert iadd isub
  imul itruediv ifloordiv imod ipow imatmul ilshift irshift iand ior ixor eq ne lt le gt ge is_ is_not not_ truthy
  contains not_contains getitem setitem delitem getslice add_slice setslice call callm callm_checked callv callv_method yield_from iter_temporary for_iterable kw bytes_literal mod_tuple pystr
  multiple_bases star_bases super_method`.split(/\s+/);

/** The classes of Python values, for annotations and hand-written code. */
const VALUE_CLASSES = `PyObject KwArgs PyList PyTuple PyDict PyDictView PySet PyFrozenSet PyRange PySlice PyBytes
  PyByteArray PyMemoryView ListSubclassRoot DictSubclassRoot SetSubclassRoot
  IntSubclassRoot FloatSubclassRoot StrSubclassRoot TupleSubclassRoot`.split(/\s+/);

const exported = Object.keys(publicEntry).sort();

describe("the public runtime surface (tsyncio/runtime)", () => {
  it("exports only Python's builtins, the emitted code's helpers and the value classes", () => {
    const pinned = new Set([...HELPERS, ...VALUE_CLASSES]);
    expect(exported.filter((n) => !CPYTHON_BUILTINS.has(n) && !pinned.has(n))).toEqual([]);
    expect([...pinned].filter((n) => !exported.includes(n))).toEqual([]);
  });

  it("keeps Python's builtins that the runtime implements (a removal would break translated programs)", () => {
    const builtins = exported.filter((n) => CPYTHON_BUILTINS.has(n));
    // The CPython builtins that are not runtime exports: the compiler handles them (None, super,
    // property, ...), program.ts provides them (aiter, anext), or tsyncio does not support them.
    const elsewhere = [...CPYTHON_BUILTINS].filter((n) => !builtins.includes(n)).sort();
    expect(elsewhere).toEqual("False None True aiter anext compile copyright credits eval exec help license locals super".split(" "));
  });

  it("is what the compiler's table lists for tsyncio/runtime (regenerate: node scripts/gen-runtime-classes.mjs)", () => {
    expect(RUNTIME_NAMES["tsyncio/runtime"]!.split(" ")).toEqual(exported);
  });

  it("leaves the host and the machinery to tsyncio/runtime/internal, which package.json exports", () => {
    for (const n of ["setHost", "createDefaultHost", "blockingSleep", "sortInPlace", "toPyException", "hashNum", "typeName", "reprActive"]) {
      expect(n in publicEntry, n).toBe(false);
      expect(n in internalEntry, n).toBe(true);
    }
    for (const n of exported) expect((internalEntry as Record<string, unknown>)[n]).toBe((publicEntry as Record<string, unknown>)[n]);
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8"));
    expect(pkg.exports["./runtime/internal"].default).toBe("./dist/runtime/internal.js");
  });
});
