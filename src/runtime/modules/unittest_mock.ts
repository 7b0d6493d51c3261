// unittest.mock: Mock, MagicMock, AsyncMock, NonCallableMock, PropertyMock, patch / patch.object /
// patch.dict (decorators, context managers, start/stop), call, ANY, sentinel, DEFAULT.
//
// A mock is a JS Proxy around a function (so translated code can call it and read any attribute):
// unknown attributes become child mocks, calls are recorded in call_args_list / mock_calls /
// method_calls with CPython's naming, and the assert_* methods raise CPython's messages.
// patch() replaces attributes of objects and of the program's own modules (sys.modules, where the
// main script registers the names its `'__main__.NAME'` strings name); the runtime's modules are
// bound directly by translated code, so patching them raises NotImplementedError instead of
// silently not taking effect.
import { NotImplementedError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { repr } from "../builtins/repr.js";
import { call as invoke, setattr, toIterable, truthy } from "../builtins/ops.js";
import { ANY, DEFAULT, sentinel, call as callRecord, _Call, _CallList, splitArgs } from "./_mock_call.js";
import {
  _set_mock_classes,
  adopt,
  callsRepr,
  configureMock,
  fail,
  failureMessage,
  getReturnValue,
  makeMock,
  mockName,
  reprOf,
  signature,
  specNamesOf,
  stateOf,
  toEffect,
  DELETED,
  _is_mock,
  type State,
} from "./_mock_core.js";

export { _is_mock };

export { ANY, DEFAULT, sentinel };
// (the list type of call_args_list / mock_calls, which tests import by its private name)
export { _CallList } from "./_mock_call.js";
export const call = callRecord;

export class NonCallableMock {
  constructor(...args: unknown[]) {
    return makeMock(new.target, args, { callable: false, isAsync: false, magic: false });
  }
  // `instanceof Function` is false for mocks (their prototype is the class): keep JS methods reachable.
  get __pyrepr__(): () => string {
    const st = stateOf(this);
    return () => reprOf(st);
  }
  __repr__(): string {
    return reprOf(stateOf(this));
  }
  get called(): boolean {
    return stateOf(this).called;
  }
  set called(v: boolean) {
    stateOf(this).called = truthy(v);
  }
  get call_count(): bigint {
    return BigInt(stateOf(this).callCount);
  }
  set call_count(v: bigint) {
    stateOf(this).callCount = Number(v);
  }
  get call_args(): _Call | null {
    return stateOf(this).callArgs;
  }
  get call_args_list(): _CallList {
    return stateOf(this).callArgsList;
  }
  get method_calls(): _CallList {
    return stateOf(this).methodCalls;
  }
  get mock_calls(): _CallList {
    return stateOf(this).mockCalls;
  }
  get return_value(): unknown {
    return getReturnValue(stateOf(this));
  }
  set return_value(v: unknown) {
    const st = stateOf(this);
    if (_is_mock(v)) adopt(st, stateOf(v), null, "()");
    st.returnValue = v;
  }
  get side_effect(): unknown {
    return stateOf(this).sideEffect;
  }
  set side_effect(v: unknown) {
    stateOf(this).sideEffect = toEffect(v);
  }
  get _mock_name(): string | null {
    return stateOf(this).name;
  }
  get _mock_children(): PyDict<string, unknown> {
    return PyDict.fromEntries([...stateOf(this).children.entries()].filter(([, v]) => v !== DELETED));
  }
  configure_mock(...args: unknown[]): null {
    configureMock(this, popKw(args) ?? {});
    return null;
  }
  attach_mock(mock: unknown, attribute: string): null {
    const child = stateOf(mock);
    child.name = child.newName = "";
    child.parent = child.newParent = null;
    setattr(this, attribute, mock);
    return null;
  }
  mock_add_spec(spec: unknown, ..._rest: unknown[]): null {
    const st = stateOf(this);
    const info = specNamesOf(spec);
    st.specNames = info.names;
    st.specClass = info.cls;
    st.specAsyncs = info.asyncs;
    return null;
  }
  reset_mock(...args: unknown[]): null {
    const k = popKw(args) ?? {};
    const st = stateOf(this);
    const seen = new Set<State>();
    const reset = (s: State) => {
      if (seen.has(s)) return;
      seen.add(s);
      s.called = false;
      s.callCount = 0;
      s.callArgs = null;
      s.callArgsList.length = 0;
      s.methodCalls.length = 0;
      s.mockCalls.length = 0;
      s.awaitCount = 0;
      s.awaitArgs = null;
      s.awaitArgsList.length = 0;
      if (truthy(args[0] ?? k.return_value ?? false)) s.returnValue = DEFAULT;
      if (truthy(args[1] ?? k.side_effect ?? false)) s.sideEffect = null;
      for (const c of s.children.values()) if (c !== DELETED) reset(stateOf(c));
      if (_is_mock(s.returnValue) && s.returnValue !== s.proxy) reset(stateOf(s.returnValue));
    };
    reset(st);
    return null;
  }

  // ───── assertions ─────
  assert_not_called(): null {
    const st = stateOf(this);
    if (st.callCount !== 0) fail(`Expected '${mockName(st)}' to not have been called. Called ${st.callCount} times.${callsRepr(st)}`);
    return null;
  }
  assert_called(): null {
    const st = stateOf(this);
    if (st.callCount === 0) fail(`Expected '${mockName(st)}' to have been called.`);
    return null;
  }
  assert_called_once(): null {
    const st = stateOf(this);
    if (st.callCount !== 1) fail(`Expected '${mockName(st)}' to have been called once. Called ${st.callCount} times.${callsRepr(st)}`);
    return null;
  }
  assert_called_with(...all: unknown[]): null {
    const st = stateOf(this);
    const [args, kwargs] = splitArgs(all);
    if (st.callArgs === null) fail(`expected call not found.\nExpected: ${signature(st, args, kwargs)}\n  Actual: not called.`);
    if (!_Call.make([args, kwargs]).__eq__(st.callArgs)) fail(failureMessage(st, args, kwargs, "call", st.callArgs));
    return null;
  }
  assert_called_once_with(...all: unknown[]): null {
    const st = stateOf(this);
    if (st.callCount !== 1) fail(`Expected '${mockName(st)}' to be called once. Called ${st.callCount} times.${callsRepr(st)}`);
    return this.assert_called_with(...all);
  }
  assert_any_call(...all: unknown[]): null {
    const st = stateOf(this);
    const [args, kwargs] = splitArgs(all);
    const expected = _Call.make([args, kwargs]);
    if (!st.callArgsList.some((c) => expected.__eq__(c) === true)) fail(`${signature(st, args, kwargs)} call not found`);
    return null;
  }
  assert_has_calls(calls: unknown, ...rest: unknown[]): null {
    const k = popKw(rest) ?? {};
    const anyOrder = truthy(rest[0] ?? k.any_order ?? false);
    const st = stateOf(this);
    const expected = [...toIterable(calls)];
    if (!anyOrder) {
      if (!st.mockCalls.__contains__(expected)) {
        fail(`Calls not found.\nExpected: ${repr(_CallList.from_(expected))}${callsRepr(st, "  Actual").replace(/\.$/, "")}`);
      }
      return null;
    }
    const all = [...st.mockCalls];
    const notFound: unknown[] = [];
    for (const kall of expected) {
      const i = all.findIndex((c) => (c as _Call).__eq__(kall) === true);
      if (i < 0) notFound.push(kall);
      else all.splice(i, 1);
    }
    if (notFound.length) {
      fail(`${repr(mockName(st))} does not contain all of ${repr(PyTuple.fromArray(notFound))} in its call list, found ${repr(PyList.fromArray(all))} instead`);
    }
    return null;
  }
}
Object.defineProperty(NonCallableMock, "__module__", { value: "unittest.mock", writable: true, configurable: true });

export class Mock extends NonCallableMock {
  constructor(...args: unknown[]) {
    super();
    return makeMock(new.target, args, { callable: true, isAsync: false, magic: false });
  }
}

export class NonCallableMagicMock extends NonCallableMock {
  constructor(...args: unknown[]) {
    super();
    return makeMock(new.target, args, { callable: false, isAsync: false, magic: true });
  }
}

export class MagicMock extends Mock {
  constructor(...args: unknown[]) {
    super();
    return makeMock(new.target, args, { callable: true, isAsync: false, magic: true });
  }
}

export class AsyncMock extends MagicMock {
  constructor(...args: unknown[]) {
    super();
    return makeMock(new.target, args, { callable: true, isAsync: true, magic: true });
  }
  get await_count(): bigint {
    return BigInt(stateOf(this).awaitCount);
  }
  get await_args(): _Call | null {
    return stateOf(this).awaitArgs;
  }
  get await_args_list(): _CallList {
    return stateOf(this).awaitArgsList;
  }
  assert_awaited(): null {
    const st = stateOf(this);
    if (st.awaitCount === 0) fail(`Expected ${mockName(st)} to have been awaited.`);
    return null;
  }
  assert_awaited_once(): null {
    const st = stateOf(this);
    if (st.awaitCount !== 1) fail(`Expected ${mockName(st)} to have been awaited once. Awaited ${st.awaitCount} times.`);
    return null;
  }
  assert_awaited_with(...all: unknown[]): null {
    const st = stateOf(this);
    const [args, kwargs] = splitArgs(all);
    if (st.awaitArgs === null) fail(`Expected await: ${signature(st, args, kwargs)}\nNot awaited`);
    if (!_Call.make([args, kwargs]).__eq__(st.awaitArgs)) fail(failureMessage(st, args, kwargs, "await", st.awaitArgs));
    return null;
  }
  assert_awaited_once_with(...all: unknown[]): null {
    const st = stateOf(this);
    if (st.awaitCount !== 1) fail(`Expected ${mockName(st)} to have been awaited once. Awaited ${st.awaitCount} times.`);
    return this.assert_awaited_with(...all);
  }
  assert_any_await(...all: unknown[]): null {
    const st = stateOf(this);
    const [args, kwargs] = splitArgs(all);
    const expected = _Call.make([args, kwargs]);
    if (!st.awaitArgsList.some((c) => expected.__eq__(c) === true)) fail(`${signature(st, args, kwargs)} await not found`);
    return null;
  }
  assert_has_awaits(calls: unknown, ...rest: unknown[]): null {
    const k = popKw(rest) ?? {};
    const anyOrder = truthy(rest[0] ?? k.any_order ?? false);
    const st = stateOf(this);
    const expected = [...toIterable(calls)];
    if (!anyOrder) {
      if (!st.awaitArgsList.__contains__(expected)) {
        fail(`Awaits not found.\nExpected: ${repr(_CallList.from_(expected))}\nActual: ${repr(st.awaitArgsList)}`);
      }
      return null;
    }
    const all = [...st.awaitArgsList];
    const notFound: unknown[] = [];
    for (const kall of expected) {
      const i = all.findIndex((c) => (c as _Call).__eq__(kall) === true);
      if (i < 0) notFound.push(kall);
      else all.splice(i, 1);
    }
    if (notFound.length) fail(`${repr(PyTuple.fromArray(notFound))} not all found in await list`);
    return null;
  }
  assert_not_awaited(): null {
    const st = stateOf(this);
    if (st.awaitCount !== 0) fail(`Expected ${mockName(st)} to not have been awaited. Awaited ${st.awaitCount} times.`);
    return null;
  }
}

/** A mock used as a property on a class: reading calls it, assigning calls it with the value. */
export class PropertyMock extends Mock {
  constructor(...args: unknown[]) {
    super();
    return makeMock(new.target, args, { callable: true, isAsync: false, magic: false });
  }
  __get__(_obj: unknown, _type: unknown = null): unknown {
    return invoke(this);
  }
  __set__(_obj: unknown, value: unknown): void {
    invoke(this, value);
  }
}
for (const c of [Mock, NonCallableMagicMock, MagicMock, AsyncMock, PropertyMock]) {
  Object.defineProperty(c, "__module__", { value: "unittest.mock", writable: true, configurable: true });
}

export function seal(mock: unknown): null {
  void mock;
  throw new NotImplementedError("unittest.mock.seal is not available in tsyncio's runtime");
}
export function create_autospec(..._args: unknown[]): never {
  throw new NotImplementedError("unittest.mock.create_autospec is not available in tsyncio's runtime; use Mock(spec=...)");
}
export function mock_open(..._args: unknown[]): never {
  throw new NotImplementedError("unittest.mock.mock_open is not available in tsyncio's runtime");
}

_set_mock_classes({ NonCallableMock, Mock, NonCallableMagicMock, MagicMock, AsyncMock, PropertyMock });

export { patch } from "./_mock_patch.js";
