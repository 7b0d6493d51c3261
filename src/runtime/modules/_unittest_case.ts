// unittest.case: TestCase (assert methods with CPython's failure messages, setUp/tearDown, class
// fixtures, cleanups, subTest, skips and expected failures) and the skip decorators.
// Behaviour and messages follow CPython 3.12's Lib/unittest/case.py; the code is this runtime's.
import { AssertionError, BaseException, KeyboardInterrupt, TypeError, ValueError, caughtException } from "../builtins/exceptions.js";
import { PyObject, KwArgs, popKw, className, classModule, classQualname } from "../builtins/object.js";
import { PyDict, PyList, PySetBase, PyTuple } from "../builtins/collections.js";
import { repr, str } from "../builtins/repr.js";
import { call, callm, contains, eq, ge, gt, le, lt, sub, toIterable, truthy, typeName } from "../builtins/ops.js";
import { abs, isinstance, len, round } from "../builtins/functions.js";
import { pformat } from "./pprint.js";
import { ndiffLines } from "./difflib.js";
import { compile as reCompile } from "./re.js";
import {
  AssertLogsContext,
  AssertRaisesContext,
  AssertWarnsContext,
  DIFF_THRESHOLD,
  SkipTest,
  ShouldStop,
  commonShortenRepr,
  safe_repr,
  splitlines,
} from "./_unittest_util.js";
export { SkipTest, skip, skipIf, skipUnless, expectedFailure, safe_repr } from "./_unittest_util.js";

type Fn = (...a: any[]) => any;

// ───────────── the outcome of one test ─────────────

export interface TestResultLike {
  addSuccess(test: unknown): unknown;
  addError(test: unknown, err: BaseException): unknown;
  addFailure(test: unknown, err: BaseException): unknown;
  addSkip(test: unknown, reason: string): unknown;
  addExpectedFailure(test: unknown, err: BaseException): unknown;
  addUnexpectedSuccess(test: unknown): unknown;
  addSubTest(test: unknown, subtest: unknown, err: BaseException | null): unknown;
  startTest(test: unknown): unknown;
  stopTest(test: unknown): unknown;
  failfast?: boolean;
  shouldStop?: boolean;
}

/** Where the runtime called into the test: a failure's traceback starts below these frames. */
export function markFramesBelow(exc: BaseException, below: string): void {
  if (!Object.prototype.hasOwnProperty.call(exc, "__frames_below__")) {
    Object.defineProperty(exc, "__frames_below__", { value: below, configurable: true, writable: true });
  }
}

class Outcome {
  success = true;
  expectingFailure = false;
  expectedFailure: BaseException | null = null;
  constructor(public result: TestResultLike) {}

  /** Runs one part of a test (setUp, the method, tearDown, a cleanup, a subtest) and records how it ended. */
  part(testCase: any, fn: () => void, subTest = false): void {
    const old = this.success;
    this.success = true;
    const below = new Error().stack ?? "";
    try {
      fn();
      if (subTest && this.success) this.result.addSubTest(testCase.test_case, testCase, null);
    } catch (e) {
      this.handle(testCase, e, subTest, below);
    } finally {
      this.success = this.success && old;
    }
  }

  handle(testCase: any, e: unknown, subTest: boolean, below: string): void {
    const exc = caughtException(e);
    if (exc instanceof KeyboardInterrupt) throw exc;
    markFramesBelow(exc, below);
    if (exc instanceof SkipTest) {
      this.success = false;
      addSkip(this.result, testCase, str(exc));
    } else if (exc instanceof ShouldStop) {
      // a subtest already reported it
    } else if (this.expectingFailure) {
      this.expectedFailure = exc;
    } else {
      this.success = false;
      if (subTest) this.result.addSubTest(testCase.test_case, testCase, exc);
      else addErrorOrFailure(this.result, testCase, exc);
    }
  }
}

function addSkip(result: TestResultLike, test: unknown, reason: string): void {
  result.addSkip(test, reason);
}

function addErrorOrFailure(result: TestResultLike, test: any, exc: BaseException): void {
  if (isinstance(exc, test.failureException)) result.addFailure(test, exc);
  else result.addError(test, exc);
}

/** A subtest as the result sees it: `test_x (__main__.T.test_x) (i=1)`. */
export class _SubTest extends PyObject {
  declare test_case: any;
  declare _message: unknown;
  declare params: [string, unknown][];
  declare failureException: unknown;
  __init__(testCase: any, message: unknown, params: [string, unknown][]): void {
    this.test_case = testCase;
    this._message = message;
    this.params = params;
    this.failureException = testCase.failureException;
  }
  _subDescription(): string {
    const parts: string[] = [];
    if (this._message !== NO_MESSAGE) parts.push(`[${str(this._message)}]`);
    if (this.params.length) parts.push(`(${this.params.map(([k, v]) => `${k}=${repr(v)}`).join(", ")})`);
    return parts.join(" ") || "(<subtest>)";
  }
  id(): string {
    return `${this.test_case.id()} ${this._subDescription()}`;
  }
  shortDescription(): unknown {
    return this.test_case.shortDescription();
  }
  __str__(): string {
    return `${str(this.test_case)} ${this._subDescription()}`;
  }
}
const NO_MESSAGE = Symbol("no subtest message");

/** `with self.subTest(msg, **params):` */
class SubTestContext extends PyObject {
  declare owner: TestCase;
  declare sub: _SubTest | null;
  declare parent: _SubTest | null;
  declare oldSuccess: boolean;
  declare below: string;
  __init__(owner: TestCase, message: unknown, params: Record<string, unknown>): void {
    this.owner = owner;
    this.parent = owner._subtest;
    const outcome = owner._outcome;
    if (!outcome) {
      this.sub = null;
      return;
    }
    const inherited = this.parent ? this.parent.params.filter(([k]) => !(k in params)) : [];
    this.sub = new _SubTest(owner, message, [...Object.entries(params), ...inherited]);
  }
  __enter__(): null {
    if (!this.sub) return null;
    this.owner._subtest = this.sub;
    const outcome = this.owner._outcome!;
    this.oldSuccess = outcome.success;
    outcome.success = true;
    this.below = new Error().stack ?? "";
    return null;
  }
  __exit__(_t: unknown, exc: unknown, _tb: unknown): boolean {
    if (!this.sub) return false;
    const outcome = this.owner._outcome!;
    try {
      if (exc !== null && exc !== undefined) {
        outcome.handle(this.sub, exc, true, this.below);
      } else if (outcome.success) {
        outcome.result.addSubTest(this.owner, this.sub, null);
      }
      const success = outcome.success;
      outcome.success = outcome.success && this.oldSuccess;
      if (!success) {
        if (outcome.result.failfast) throw new ShouldStop();
      } else if (outcome.expectedFailure) {
        throw new ShouldStop();
      }
      return true;
    } finally {
      this.owner._subtest = this.parent;
    }
  }
}

// ───────────── TestCase ─────────────

type ClassSkip = { __unittest_skip__?: boolean; __unittest_skip_why__?: string };

/** Every TestCase subclass the program defines, in definition order (unittest.main loads from it). */
export const _definedTestCases: Function[] = [];

export class TestCase extends PyObject {
  declare _testMethodName: string;
  declare _testMethodDoc: unknown;
  declare _cleanups: [unknown, unknown[], Record<string, unknown> | null][];
  declare _outcome: Outcome | null;
  declare _subtest: _SubTest | null;
  static failureException: unknown = AssertionError;
  static longMessage = true;
  static maxDiff: unknown = 80n * 8n;
  static _classSetupFailed = false;
  static _class_cleanups: [unknown, unknown[], Record<string, unknown> | null][] = [];
  static __module__ = "unittest.case";

  /** A subclass defined by the program registers itself (define_class's hook). */
  static __define__(cls: Function): void {
    _definedTestCases.push(cls);
    if (!Object.prototype.hasOwnProperty.call(cls, "_class_cleanups"))
      Object.defineProperty(cls, "_class_cleanups", { value: [], writable: true, configurable: true });
  }

  __init__(methodName: unknown = "runTest"): void {
    const name = methodName instanceof KwArgs ? ((methodName.kw.methodName as string) ?? "runTest") : (methodName as string);
    this._testMethodName = name;
    this._outcome = null;
    this._subtest = null;
    this._cleanups = [];
    const method = (this as any)[name];
    if (typeof method !== "function") {
      if (name !== "runTest") throw new ValueError(`no such test method in ${repr(this.constructor)}: ${name}`);
      this._testMethodDoc = null;
    } else {
      this._testMethodDoc = method.__doc__ ?? null;
    }
  }

  get failureException(): unknown {
    return (this.constructor as any).failureException;
  }
  get longMessage(): unknown {
    return Object.prototype.hasOwnProperty.call(this, "_longMessage") ? (this as any)._longMessage : (this.constructor as any).longMessage;
  }
  set longMessage(v: unknown) {
    Object.defineProperty(this, "_longMessage", { value: v, writable: true, configurable: true });
  }
  get maxDiff(): unknown {
    return Object.prototype.hasOwnProperty.call(this, "_maxDiff") ? (this as any)._maxDiff : (this.constructor as any).maxDiff;
  }
  set maxDiff(v: unknown) {
    Object.defineProperty(this, "_maxDiff", { value: v, writable: true, configurable: true });
  }

  setUp(): unknown {
    return null;
  }
  tearDown(): unknown {
    return null;
  }
  static setUpClass(): unknown {
    return null;
  }
  static tearDownClass(): unknown {
    return null;
  }

  addCleanup(fn: unknown, ...args: unknown[]): null {
    const k = popKw(args);
    this._cleanups.push([fn, args, k]);
    return null;
  }
  static addClassCleanup(fn: unknown, ...args: unknown[]): null {
    const k = popKw(args);
    (this as unknown as typeof TestCase)._class_cleanups.push([fn, args, k]);
    return null;
  }
  enterContext(cm: any): unknown {
    const result = cm.__enter__();
    this.addCleanup(() => cm.__exit__(null, null, null));
    return result;
  }

  id(): string {
    const c = this.constructor;
    return `${classModule(c)}.${classQualname(c)}.${this._testMethodName}`;
  }
  shortDescription(): string | null {
    const doc = this._testMethodDoc;
    if (typeof doc !== "string") return null;
    return doc.trim().split("\n")[0].trim() || null;
  }
  countTestCases(): bigint {
    return 1n;
  }
  defaultTestResult(): unknown {
    return new (resultFactory!())();
  }
  __str__(): string {
    const c = this.constructor;
    return `${this._testMethodName} (${classModule(c)}.${classQualname(c)}.${this._testMethodName})`;
  }
  __repr__(): string {
    const c = this.constructor;
    return `<${classModule(c)}.${classQualname(c)} testMethod=${this._testMethodName}>`;
  }
  __eq__(o: unknown): boolean {
    return o instanceof TestCase && o.constructor === this.constructor && o._testMethodName === this._testMethodName;
  }
  __hash__(): bigint {
    return 0n;
  }
  __call__(...args: unknown[]): unknown {
    return this.run(...(args as [TestResultLike?]));
  }

  /** Calls setUp (asyncSetUp in the async subclass). */
  _callSetUp(): void {
    this.setUp();
  }
  _callTestMethod(method: Fn): void {
    const r = method.call(this);
    if (r !== null && r !== undefined) {
      const kind = typeName(r);
      if (kind === "coroutine" || kind === "generator") {
        warnNonNone(this, `It is deprecated to return a value that is not None from a test case (${repr(method)})`);
      }
    }
  }
  _callTearDown(): void {
    this.tearDown();
  }
  _callCleanup(fn: unknown, args: unknown[], k: Record<string, unknown> | null): void {
    k ? call(fn, ...args, new KwArgs(k)) : call(fn, ...args);
  }

  run(result: TestResultLike | null = null): unknown {
    const own = result === null || result === undefined;
    const r: TestResultLike & { startTestRun?: Fn; stopTestRun?: Fn } = own ? (this.defaultTestResult() as any) : result;
    if (own) r.startTestRun?.();
    try {
      const method = (this as any)[this._testMethodName] as Fn & ClassSkip & { __unittest_expecting_failure__?: boolean };
      const cls = this.constructor as ClassSkip;
      if (cls.__unittest_skip__ || method.__unittest_skip__) {
        addSkip(r, this, cls.__unittest_skip_why__ || method.__unittest_skip_why__ || "");
        return r;
      }
      r.startTest(this);
      const expecting = !!((this as any).__unittest_expecting_failure__ || method.__unittest_expecting_failure__);
      const outcome = new Outcome(r);
      this._outcome = outcome;
      try {
        this._runParts(outcome, method, expecting);
        if (outcome.success) {
          if (expecting) {
            if (outcome.expectedFailure) r.addExpectedFailure(this, outcome.expectedFailure);
            else r.addUnexpectedSuccess(this);
          } else {
            r.addSuccess(this);
          }
        }
        return r;
      } finally {
        this._outcome = null;
      }
    } finally {
      r.stopTest(this);
      if (own) r.stopTestRun?.();
    }
  }

  /** setUp, the test, tearDown and the cleanups, each recorded in the outcome. */
  _runParts(outcome: Outcome, method: Fn, expecting: boolean): void {
    outcome.part(this, () => this._callSetUp());
    if (outcome.success) {
      outcome.expectingFailure = expecting;
      outcome.part(this, () => this._callTestMethod(method));
      outcome.expectingFailure = false;
      outcome.part(this, () => this._callTearDown());
    }
    this.doCleanups();
  }

  doCleanups(): boolean {
    const outcome = this._outcome ?? new Outcome(new (resultFactory!())() as TestResultLike);
    while (this._cleanups.length) {
      const [fn, args, k] = this._cleanups.pop()!;
      outcome.part(this, () => this._callCleanup(fn, args, k));
    }
    return outcome.success;
  }

  static doClassCleanups(): void {
    const cls = this as unknown as typeof TestCase & { tearDown_exceptions: PyList<unknown> };
    cls.tearDown_exceptions = new PyList();
    while (cls._class_cleanups.length) {
      const [fn, args, k] = cls._class_cleanups.pop()!;
      try {
        k ? call(fn, ...args, new KwArgs(k)) : call(fn, ...args);
      } catch (e) {
        cls.tearDown_exceptions.push(caughtException(e));
      }
    }
  }

  skipTest(reason: unknown): never {
    throw new SkipTest(reason);
  }

  subTest(...args: unknown[]): SubTestContext {
    const k = popKw(args) ?? {};
    const msg = args.length ? args[0] : "msg" in k ? k.msg : NO_MESSAGE;
    const params = { ...k };
    delete params.msg;
    return new SubTestContext(this, msg, params);
  }

  // ───── messages ─────

  _formatMessage(msg: unknown, standardMsg: string): string {
    if (!truthy(this.longMessage)) return msg !== null && msg !== undefined && truthy(msg) ? str(msg) : standardMsg;
    if (msg === null || msg === undefined) return standardMsg;
    return `${standardMsg} : ${str(msg)}`;
  }

  _truncateMessage(message: string, diff: string): string {
    const maxDiff = this.maxDiff;
    if (maxDiff === null || maxDiff === undefined || diff.length <= Number(maxDiff)) return message + diff;
    return message + `\nDiff is ${diff.length} characters long. Set self.maxDiff to None to see it.`;
  }

  fail(msg: unknown = null): never {
    throw call(this.failureException, msg);
  }

  // ───── assertions ─────

  assertTrue(expr: unknown, msg: unknown = null): void {
    if (!truthy(expr)) this.fail(this._formatMessage(msg, `${safe_repr(expr)} is not true`));
  }
  assertFalse(expr: unknown, msg: unknown = null): void {
    if (truthy(expr)) this.fail(this._formatMessage(msg, `${safe_repr(expr)} is not false`));
  }

  assertEqual(first: unknown, second: unknown, msg: unknown = null): void {
    this._equalityFunc(first, second).call(this, first, second, msg);
  }

  /** The type-specific comparison CPython picks when both values have the same type. */
  _equalityFunc(first: unknown, second: unknown): (this: TestCase, a: any, b: any, msg: unknown) => void {
    const same = (first as any)?.constructor === (second as any)?.constructor && typeof first === typeof second;
    if (same) {
      if (typeof first === "string") return this.assertMultiLineEqual;
      const c = (first as any)?.constructor;
      if (c === PyDict) return this.assertDictEqual;
      if (c === PyList) return this.assertListEqual;
      if (c === PyTuple) return this.assertTupleEqual;
      if (first instanceof PySetBase && (c.name === "PySet" || c.name === "PyFrozenSet")) return this.assertSetEqual;
      const own = ((this as any)._type_equality_funcs as Map<unknown, unknown> | undefined)?.get(c);
      if (own)
        return typeof own === "string"
          ? (this as any)[own]
          : function (this: TestCase, a: unknown, b: unknown, m: unknown) {
              call(own, a, b, m);
            };
    }
    return this._baseAssertEqual;
  }

  addTypeEqualityFunc(typeobj: unknown, fn: unknown): null {
    if (!(this as any)._type_equality_funcs) Object.defineProperty(this, "_type_equality_funcs", { value: new Map(), configurable: true });
    (this as any)._type_equality_funcs.set(typeobj, fn);
    return null;
  }

  _baseAssertEqual(first: unknown, second: unknown, msg: unknown = null): void {
    if (!eq(first, second)) {
      const [a, b] = commonShortenRepr(first, second);
      this.fail(this._formatMessage(msg, `${a} != ${b}`));
    }
  }

  assertNotEqual(first: unknown, second: unknown, msg: unknown = null): void {
    if (eq(first, second)) this.fail(this._formatMessage(msg, `${safe_repr(first)} == ${safe_repr(second)}`));
  }

  assertMultiLineEqual(first: unknown, second: unknown, msg: unknown = null): void {
    if (typeof first !== "string") this.fail(this._formatMessage(msg, "First argument is not a string"));
    if (typeof second !== "string") this.fail(this._formatMessage(msg, "Second argument is not a string"));
    const a = first as string;
    const b = second as string;
    if (a === b) return;
    if (a.length > DIFF_THRESHOLD || b.length > DIFF_THRESHOLD) this._baseAssertEqual(a, b, msg);
    let ap = a;
    let bp = b;
    if (a && b) {
      if (!a.endsWith("\n") || !b.endsWith("\n")) {
        ap += "\n";
        bp += "\n";
      }
    } else if (b && !b.endsWith("\n")) bp += "\n";
    else if (a && !a.endsWith("\n")) ap += "\n";
    const [ra, rb] = commonShortenRepr(a, b);
    const diff = "\n" + ndiffLines(splitlines(ap, true), splitlines(bp, true)).join("");
    this.fail(this._formatMessage(msg, this._truncateMessage(`${ra} != ${rb}`, diff)));
  }

  assertSequenceEqual(seq1: any, seq2: any, msg: unknown = null, seq_type: any = null): void {
    let typeName_ = "sequence";
    if (seq_type !== null && seq_type !== undefined) {
      typeName_ = seq_type.__name__ ?? className(seq_type);
      if (!isinstance(seq1, seq_type)) this.fail(this._formatMessage(msg, `First sequence is not a ${typeName_}: ${safe_repr(seq1)}`));
      if (!isinstance(seq2, seq_type)) this.fail(this._formatMessage(msg, `Second sequence is not a ${typeName_}: ${safe_repr(seq2)}`));
    }
    let differing: string;
    let len1 = 0;
    let len2 = 0;
    try {
      len1 = Number(len(seq1));
    } catch {
      differing = `First ${typeName_} has no length.    Non-sequence?`;
    }
    try {
      len2 = Number(len(seq2));
    } catch {
      differing ??= `Second ${typeName_} has no length.    Non-sequence?`;
    }
    if (differing! === undefined) {
      if (eq(seq1, seq2)) return;
      const cap = typeName_.charAt(0).toUpperCase() + typeName_.slice(1).toLowerCase();
      differing = `${cap}s differ: ${commonShortenRepr(seq1, seq2).join(" != ")}\n`;
      const a = Array.from(toIterable(seq1));
      const b = Array.from(toIterable(seq2));
      let found = false;
      for (let i = 0; i < Math.min(len1, len2); i++) {
        if (!eq(a[i], b[i])) {
          const [x, y] = commonShortenRepr(a[i], b[i]);
          differing += `\nFirst differing element ${i}:\n${x}\n${y}\n`;
          found = true;
          break;
        }
      }
      if (!found && len1 === len2 && (seq_type === null || seq_type === undefined) && seq1?.constructor !== seq2?.constructor) return;
      if (len1 > len2) {
        differing += `\nFirst ${typeName_} contains ${len1 - len2} additional elements.\n`;
        differing += `First extra element ${len2}:\n${safe_repr(a[len2])}\n`;
      } else if (len1 < len2) {
        differing += `\nSecond ${typeName_} contains ${len2 - len1} additional elements.\n`;
        differing += `First extra element ${len1}:\n${safe_repr(b[len1])}\n`;
      }
    }
    const diff = "\n" + ndiffLines(splitlines(pformat(seq1), false), splitlines(pformat(seq2), false)).join("\n");
    this.fail(this._formatMessage(msg, this._truncateMessage(differing!, diff)));
  }
  assertListEqual(list1: unknown, list2: unknown, msg: unknown = null): void {
    this.assertSequenceEqual(list1, list2, msg, LIST_TYPE);
  }
  assertTupleEqual(tuple1: unknown, tuple2: unknown, msg: unknown = null): void {
    this.assertSequenceEqual(tuple1, tuple2, msg, TUPLE_TYPE);
  }

  assertSetEqual(set1: any, set2: any, msg: unknown = null): void {
    let d1: unknown[];
    let d2: unknown[];
    try {
      d1 = [...toIterable(callm(set1, "difference", set2))];
    } catch (e) {
      const exc = caughtException(e);
      if (exc instanceof TypeError) this.fail(`invalid type when attempting set difference: ${str(exc)}`);
      this.fail(`first argument does not support set difference: ${str(exc)}`);
    }
    try {
      d2 = [...toIterable(callm(set2, "difference", set1))];
    } catch (e) {
      const exc = caughtException(e);
      if (exc instanceof TypeError) this.fail(`invalid type when attempting set difference: ${str(exc)}`);
      this.fail(`second argument does not support set difference: ${str(exc)}`);
    }
    if (!d1.length && !d2.length) return;
    const lines: string[] = [];
    if (d1.length) lines.push("Items in the first set but not the second:", ...d1.map((x) => repr(x)));
    if (d2.length) lines.push("Items in the second set but not the first:", ...d2.map((x) => repr(x)));
    this.fail(this._formatMessage(msg, lines.join("\n")));
  }

  assertDictEqual(d1: unknown, d2: unknown, msg: unknown = null): void {
    if (!(d1 instanceof PyDict)) this.fail(this._formatMessage(msg, "First argument is not a dictionary"));
    if (!(d2 instanceof PyDict)) this.fail(this._formatMessage(msg, "Second argument is not a dictionary"));
    if (eq(d1, d2)) return;
    const standard = commonShortenRepr(d1, d2).join(" != ");
    const diff = "\n" + ndiffLines(splitlines(pformat(d1), false), splitlines(pformat(d2), false)).join("\n");
    this.fail(this._formatMessage(msg, this._truncateMessage(standard, diff)));
  }

  assertCountEqual(first: unknown, second: unknown, msg: unknown = null): void {
    const a = [...toIterable(first)];
    const b = [...toIterable(second)];
    // Counted by Python equality (works for unhashable elements too, as CPython's fallback does).
    const count = (xs: unknown[]): [unknown, number][] => {
      const out: [unknown, number][] = [];
      for (const x of xs) {
        const entry = out.find(([y]) => eq(x, y));
        if (entry) entry[1]++;
        else out.push([x, 1]);
      }
      return out;
    };
    const ca = count(a);
    const cb = count(b);
    const diffs: [number, number, unknown][] = [];
    for (const [elem, n] of ca) {
      const m = cb.find(([y]) => eq(elem, y))?.[1] ?? 0;
      if (n !== m) diffs.push([n, m, elem]);
    }
    for (const [elem, m] of cb) if (!ca.some(([y]) => eq(elem, y))) diffs.push([0, m, elem]);
    if (!diffs.length) return;
    const lines = diffs.map(([n, m, e]) => `First has ${n}, Second has ${m}:  ${repr(e)}`);
    this.fail(this._formatMessage(msg, this._truncateMessage("Element counts were not equal:\n", lines.join("\n"))));
  }

  assertAlmostEqual(first: unknown, second: unknown, ...rest: unknown[]): void {
    const k = popKw(rest) ?? {};
    let places = rest[0] ?? k.places ?? null;
    const msg = rest[1] ?? k.msg ?? null;
    const delta = rest[2] ?? k.delta ?? null;
    if (eq(first, second)) return;
    if (delta !== null && places !== null) throw new TypeError("specify delta or places not both");
    const diff = abs(sub(first, second));
    let standard: string;
    if (delta !== null) {
      if (le(diff, delta)) return;
      standard = `${safe_repr(first)} != ${safe_repr(second)} within ${safe_repr(delta)} delta (${safe_repr(diff)} difference)`;
    } else {
      places ??= 7n;
      if (eq(round(diff, places), 0n)) return;
      standard = `${safe_repr(first)} != ${safe_repr(second)} within ${repr(places)} places (${safe_repr(diff)} difference)`;
    }
    this.fail(this._formatMessage(msg, standard));
  }

  assertNotAlmostEqual(first: unknown, second: unknown, ...rest: unknown[]): void {
    const k = popKw(rest) ?? {};
    let places = rest[0] ?? k.places ?? null;
    const msg = rest[1] ?? k.msg ?? null;
    const delta = rest[2] ?? k.delta ?? null;
    if (delta !== null && places !== null) throw new TypeError("specify delta or places not both");
    const diff = abs(sub(first, second));
    let standard: string;
    if (delta !== null) {
      if (!eq(first, second) && gt(diff, delta)) return;
      standard = `${safe_repr(first)} == ${safe_repr(second)} within ${safe_repr(delta)} delta (${safe_repr(diff)} difference)`;
    } else {
      places ??= 7n;
      if (!eq(first, second) && !eq(round(diff, places), 0n)) return;
      standard = `${safe_repr(first)} == ${safe_repr(second)} within ${repr(places)} places`;
    }
    this.fail(this._formatMessage(msg, standard));
  }

  assertIs(expr1: unknown, expr2: unknown, msg: unknown = null): void {
    if (!identical(expr1, expr2)) this.fail(this._formatMessage(msg, `${safe_repr(expr1)} is not ${safe_repr(expr2)}`));
  }
  assertIsNot(expr1: unknown, expr2: unknown, msg: unknown = null): void {
    if (identical(expr1, expr2)) this.fail(this._formatMessage(msg, `unexpectedly identical: ${safe_repr(expr1)}`));
  }
  assertIsNone(obj: unknown, msg: unknown = null): void {
    if (obj !== null && obj !== undefined) this.fail(this._formatMessage(msg, `${safe_repr(obj)} is not None`));
  }
  assertIsNotNone(obj: unknown, msg: unknown = null): void {
    if (obj === null || obj === undefined) this.fail(this._formatMessage(msg, "unexpectedly None"));
  }
  assertIn(member: unknown, container: unknown, msg: unknown = null): void {
    if (!contains(container, member)) this.fail(this._formatMessage(msg, `${safe_repr(member)} not found in ${safe_repr(container)}`));
  }
  assertNotIn(member: unknown, container: unknown, msg: unknown = null): void {
    if (contains(container, member)) this.fail(this._formatMessage(msg, `${safe_repr(member)} unexpectedly found in ${safe_repr(container)}`));
  }
  assertIsInstance(obj: unknown, cls: unknown, msg: unknown = null): void {
    if (!isinstance(obj, cls)) this.fail(this._formatMessage(msg, `${safe_repr(obj)} is not an instance of ${repr(cls)}`));
  }
  assertNotIsInstance(obj: unknown, cls: unknown, msg: unknown = null): void {
    if (isinstance(obj, cls)) this.fail(this._formatMessage(msg, `${safe_repr(obj)} is an instance of ${repr(cls)}`));
  }
  assertGreater(a: unknown, b: unknown, msg: unknown = null): void {
    if (!gt(a, b)) this.fail(this._formatMessage(msg, `${safe_repr(a)} not greater than ${safe_repr(b)}`));
  }
  assertGreaterEqual(a: unknown, b: unknown, msg: unknown = null): void {
    if (!ge(a, b)) this.fail(this._formatMessage(msg, `${safe_repr(a)} not greater than or equal to ${safe_repr(b)}`));
  }
  assertLess(a: unknown, b: unknown, msg: unknown = null): void {
    if (!lt(a, b)) this.fail(this._formatMessage(msg, `${safe_repr(a)} not less than ${safe_repr(b)}`));
  }
  assertLessEqual(a: unknown, b: unknown, msg: unknown = null): void {
    if (!le(a, b)) this.fail(this._formatMessage(msg, `${safe_repr(a)} not less than or equal to ${safe_repr(b)}`));
  }
  assertRegex(text: unknown, expected_regex: unknown, msg: unknown = null): void {
    const re: any = typeof expected_regex === "string" ? reCompile(expected_regex) : expected_regex;
    if (re.search(text) === null) this.fail(this._formatMessage(msg, `Regex didn't match: ${repr(re.pattern)} not found in ${repr(text)}`));
  }
  assertNotRegex(text: unknown, unexpected_regex: unknown, msg: unknown = null): void {
    const re: any = typeof unexpected_regex === "string" ? reCompile(unexpected_regex) : unexpected_regex;
    const m = re.search(text);
    if (m !== null) {
      const matched = (text as string).slice(Number(m.start()), Number(m.end()));
      this.fail(this._formatMessage(msg, `Regex matched: ${repr(matched)} matches ${repr(re.pattern)} in ${repr(text)}`));
    }
  }

  assertRaises(expected: unknown, ...args: unknown[]): unknown {
    return new AssertRaisesContext(expected, this).handle(args, "assertRaises");
  }
  assertRaisesRegex(expected: unknown, expected_regex: unknown, ...args: unknown[]): unknown {
    return new AssertRaisesContext(expected, this, expected_regex).handle(args, "assertRaisesRegex");
  }
  assertWarns(expected: unknown, ...args: unknown[]): unknown {
    return new AssertWarnsContext(expected, this).handle(args, "assertWarns");
  }
  assertWarnsRegex(expected: unknown, expected_regex: unknown, ...args: unknown[]): unknown {
    return new AssertWarnsContext(expected, this, expected_regex).handle(args, "assertWarnsRegex");
  }
  assertLogs(...args: unknown[]): unknown {
    const k = popKw(args) ?? {};
    return new AssertLogsContext(this, args[0] ?? k.logger ?? null, args[1] ?? k.level ?? null, false);
  }
  assertNoLogs(...args: unknown[]): unknown {
    const k = popKw(args) ?? {};
    return new AssertLogsContext(this, args[0] ?? k.logger ?? null, args[1] ?? k.level ?? null, true);
  }
}

const LIST_TYPE = PyList;
const TUPLE_TYPE = PyTuple;
Object.defineProperty(TestCase.prototype, "__unittest_expecting_failure__", { value: false, writable: true, configurable: true });

function identical(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return a === b;
}

let warnHook: ((test: TestCase, message: string) => void) | null = null;
function warnNonNone(test: TestCase, message: string): void {
  warnHook?.(test, message);
}
export function _set_nonnone_warning(f: typeof warnHook): void {
  warnHook = f;
}

/** The default TestResult class (set by the result module, which imports this one). */
let resultFactory: (() => new () => unknown) | null = null;
export function _set_result_factory(f: () => new () => unknown): void {
  resultFactory = f;
}

/** A test that is a plain function: `FunctionTestCase(testFunc, setUp=None, tearDown=None)`. */
export class FunctionTestCase extends TestCase {
  declare _testFunc: Fn;
  declare _setUpFunc: unknown;
  declare _tearDownFunc: unknown;
  __init__(testFunc: unknown, ...rest: unknown[]): void {
    const k = popKw(rest) ?? {};
    super.__init__();
    this._testFunc = testFunc as Fn;
    this._setUpFunc = rest[0] ?? k.setUp ?? null;
    this._tearDownFunc = rest[1] ?? k.tearDown ?? null;
    this._testMethodDoc = (testFunc as { __doc__?: unknown }).__doc__ ?? null;
  }
  setUp(): unknown {
    return this._setUpFunc ? call(this._setUpFunc) : null;
  }
  tearDown(): unknown {
    return this._tearDownFunc ? call(this._tearDownFunc) : null;
  }
  runTest(): unknown {
    return call(this._testFunc);
  }
  id(): string {
    return (this._testFunc as { __name__?: string }).__name__ ?? this._testFunc.name;
  }
  __str__(): string {
    return `${classModule(this.constructor)}.${classQualname(this.constructor)} (${this.id()})`;
  }
}
Object.defineProperty(FunctionTestCase, "__module__", { value: "unittest.case", writable: true, configurable: true });
