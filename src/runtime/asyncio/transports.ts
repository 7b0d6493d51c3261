// Transport base classes (CPython: Lib/asyncio/transports.py): the names programs subclass and check
// with isinstance; the working transports (sockets, datagrams, pipes, subprocesses) extend them.
import {
  KeyboardInterrupt,
  NotImplementedError,
  PyDict,
  PyObject,
  PyTuple,
  SystemExit,
  TypeError,
  ValueError,
  callable,
  caughtException,
  repr,
  set_builtin_bases,
  toIterable,
  typeName,
} from "./_compat.js";
import { bytesData, wrapBytes } from "../builtins/bytes.js";
import { _bind, _isNone } from "./_util.js";

/** Set on the prototypes of the runtime's own transports, which keep their protocol in `_protocol`. */
const KEEPS_PROTOCOL = Symbol("keepsProtocol");

/** Gives `classes` (and their subclasses) get_protocol/set_protocol over their `_protocol`. */
export function keepsProtocol(...classes: Function[]): void {
  for (const c of classes) Object.defineProperty(c.prototype, KEEPS_PROTOCOL, { value: true });
}

export class BaseTransport extends PyObject {
  /**
   * CPython's `_extra`: what get_extra_info() answers. The runtime's transports set a record when
   * they are made; a program's subclass passes a dict to `__init__`. Unset: every name is missing.
   */
  declare _extra: Record<string, unknown> | PyDict | null | undefined;
  declare _protocol: unknown;

  __init__(extra: unknown = null): void {
    // A program's transport made without extra has an empty dict, as CPython's (`transport._extra == {}`).
    this._extra = extra === null || extra === undefined ? new PyDict() : (extra as Record<string, unknown> | PyDict);
  }
  get_extra_info(name: unknown, dflt: unknown = null): unknown {
    const extra = this._extra;
    if (extra === null || extra === undefined) return dflt;
    if (extra instanceof PyDict) return extra.get(name, dflt);
    const k = String(name);
    return Object.hasOwn(extra, k) ? extra[k] : dflt;
  }
  is_closing(): boolean {
    throw new NotImplementedError();
  }
  close(): void {
    throw new NotImplementedError();
  }
  get_protocol(): unknown {
    if (!(this as { [KEEPS_PROTOCOL]?: boolean })[KEEPS_PROTOCOL]) throw new NotImplementedError();
    return this._protocol;
  }
  set_protocol(protocol: unknown): void {
    if (!(this as { [KEEPS_PROTOCOL]?: boolean })[KEEPS_PROTOCOL]) throw new NotImplementedError();
    this._protocol = protocol;
  }
}

/** A method of the interface that a concrete transport provides: the base class's raises. */
function abstract(): never {
  throw new NotImplementedError();
}

export class ReadTransport extends BaseTransport {
  is_reading(): boolean {
    return abstract();
  }
  pause_reading(): void {
    abstract();
  }
  resume_reading(): void {
    abstract();
  }
}

/** The methods every writing transport has; Transport takes them too (it is Read and Write). */
export class WriteTransport extends BaseTransport {
  set_write_buffer_limits(..._args: unknown[]): void {
    abstract();
  }
  get_write_buffer_size(): bigint {
    return abstract();
  }
  get_write_buffer_limits(): unknown {
    return abstract();
  }
  write(_data: unknown): void {
    abstract();
  }
  /** The default joins the buffers and writes them once. */
  writelines(list_of_data: unknown): void {
    const parts: Uint8Array[] = [];
    let i = 0;
    for (const d of toIterable(list_of_data)) {
      const b = bytesData(d);
      if (b === null) throw new TypeError(`sequence item ${i}: expected a bytes-like object, ${typeName(d)} found`);
      parts.push(b);
      i++;
    }
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    (this as unknown as { write(d: unknown): unknown }).write(wrapBytes(joined));
  }
  write_eof(): void {
    abstract();
  }
  can_write_eof(): boolean {
    return abstract();
  }
  abort(): void {
    abstract();
  }
}
export class Transport extends ReadTransport {}
// (TS sees the write half too: the methods copied below)
export interface Transport extends WriteTransport {}
for (const name of Object.getOwnPropertyNames(WriteTransport.prototype)) {
  if (name !== "constructor") Object.defineProperty(Transport.prototype, name, Object.getOwnPropertyDescriptor(WriteTransport.prototype, name)!);
}
set_builtin_bases(Transport, ReadTransport, WriteTransport);

export class DatagramTransport extends BaseTransport {
  sendto(_data: unknown, _addr: unknown = null): void {
    abstract();
  }
  abort(): void {
    abstract();
  }
}
export class SubprocessTransport extends BaseTransport {
  get_pid(): bigint | null {
    return abstract();
  }
  get_returncode(): unknown {
    return abstract();
  }
  get_pipe_transport(_fd: unknown): unknown {
    return abstract();
  }
  send_signal(_signal: unknown): void {
    abstract();
  }
  terminate(): void {
    abstract();
  }
  kill(): void {
    abstract();
  }
}

/**
 * The write-buffer limits of a transport and the pause_writing()/resume_writing() calls they
 * decide (CPython's transports._FlowControlMixin): a subclass provides get_write_buffer_size()
 * and calls _maybe_pause_protocol() after buffering, _maybe_resume_protocol() after draining.
 */
export class _FlowControlMixin extends Transport {
  declare _loop: unknown;
  declare _protocol_paused: boolean;
  declare _high_water: bigint;
  declare _low_water: bigint;

  __init__(...args: unknown[]): void {
    const [extra, loop] = _bind("_FlowControlMixin.__init__", args, ["extra", "loop"]);
    super.__init__(extra ?? null);
    // CPython asserts a loop was given; None would fail at the first callback instead.
    this._loop = loop ?? null;
    this._protocol_paused = false;
    this._set_write_buffer_limits();
  }

  private _protocol_call(method: "pause_writing" | "resume_writing"): void {
    try {
      (this._protocol as Record<string, () => unknown>)[method]();
    } catch (e) {
      const exc = caughtException(e);
      if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) throw e;
      const handler = (this._loop as { call_exception_handler?: unknown } | null)?.call_exception_handler;
      if (callable(handler)) {
        (handler as (ctx: PyDict) => void).call(
          this._loop,
          PyDict.fromEntries([
            ["message", `protocol.${method}() failed`],
            ["exception", exc],
            ["transport", this],
            ["protocol", this._protocol],
          ]),
        );
      }
    }
  }

  _maybe_pause_protocol(): void {
    if (this.get_write_buffer_size() <= this._high_water || this._protocol_paused) return;
    this._protocol_paused = true;
    this._protocol_call("pause_writing");
  }

  _maybe_resume_protocol(): void {
    if (!this._protocol_paused || this.get_write_buffer_size() > this._low_water) return;
    this._protocol_paused = false;
    this._protocol_call("resume_writing");
  }

  get_write_buffer_limits(): PyTuple<bigint> {
    return PyTuple.fromArray([this._low_water, this._high_water]);
  }

  _set_write_buffer_limits(...args: unknown[]): void {
    const [h, l] = _bind("_set_write_buffer_limits", args, ["high", "low"]);
    let high = _isNone(h) ? null : BigInt(h as bigint);
    let low = _isNone(l) ? null : BigInt(l as bigint);
    if (high === null) high = low === null ? 64n * 1024n : 4n * low;
    if (low === null) low = high / 4n;
    if (!(high >= low && low >= 0n)) throw new ValueError(`high (${repr(high)}) must be >= low (${repr(low)}) must be >= 0`);
    this._high_water = high;
    this._low_water = low;
  }

  set_write_buffer_limits(...args: unknown[]): void {
    this._set_write_buffer_limits(...args);
    this._maybe_pause_protocol();
  }

  get_write_buffer_size(): bigint {
    return abstract();
  }
}

for (const c of [BaseTransport, ReadTransport, WriteTransport, Transport, DatagramTransport, SubprocessTransport, _FlowControlMixin]) {
  Object.defineProperty(c, "__module__", { value: "asyncio.transports", configurable: true });
}
