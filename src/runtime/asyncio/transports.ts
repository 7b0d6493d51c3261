// Transport base classes (CPython: Lib/asyncio/transports.py): the names programs subclass and check
// with isinstance; the working transports (sockets, datagrams, pipes, subprocesses) extend them.
import { NotImplementedError, PyDict, PyObject } from "./_compat.js";

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
    this._extra = extra === null || extra === undefined ? {} : (extra as Record<string, unknown> | PyDict);
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
export class ReadTransport extends BaseTransport {}
export class WriteTransport extends BaseTransport {}
export class Transport extends ReadTransport {}
export class DatagramTransport extends BaseTransport {}
export class SubprocessTransport extends BaseTransport {}
for (const c of [BaseTransport, ReadTransport, WriteTransport, Transport, DatagramTransport, SubprocessTransport]) {
  Object.defineProperty(c, "__module__", { value: "asyncio.transports", configurable: true });
}
