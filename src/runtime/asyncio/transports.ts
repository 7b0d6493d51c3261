// Transport base classes (CPython: Lib/asyncio/transports.py): the names programs subclass and check
// with isinstance; the working transports (sockets, datagrams, pipes, subprocesses) extend them.
import { NotImplementedError, PyObject } from "./_compat.js";

export class BaseTransport extends PyObject {
  get_extra_info(_name: unknown, dflt: unknown = null): unknown {
    return dflt;
  }
  is_closing(): boolean {
    throw new NotImplementedError();
  }
  close(): void {
    throw new NotImplementedError();
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
