// Protocol base classes. They can be subclassed (their methods do nothing, as in CPython), but no
// transport ever calls them: tsyncio has no sockets or pipes. CPython: Lib/asyncio/protocols.py.
import { PyObject, PyTuple } from "./_compat.js";

export class BaseProtocol extends PyObject {
  connection_made(_transport: unknown): void {}
  connection_lost(_exc: unknown): void {}
  pause_writing(): void {}
  resume_writing(): void {}
}
export class Protocol extends BaseProtocol {
  data_received(_data: unknown): void {}
  eof_received(): void {}
}
export class BufferedProtocol extends BaseProtocol {
  get_buffer(_sizehint: unknown): void {}
  buffer_updated(_nbytes: unknown): void {}
  eof_received(): void {}
}
export class DatagramProtocol extends BaseProtocol {
  datagram_received(_data: unknown, _addr: unknown): void {}
  error_received(_exc: unknown): void {}
}
export class SubprocessProtocol extends BaseProtocol {
  pipe_data_received(_fd: unknown, _data: unknown): void {}
  pipe_connection_lost(_fd: unknown, _exc: unknown): void {}
  process_exited(): void {}
}
for (const c of [BaseProtocol, Protocol, BufferedProtocol, DatagramProtocol, SubprocessProtocol]) {
  Object.defineProperty(c, "__module__", { value: "asyncio.protocols", configurable: true });
  // `__slots__ = ()` as in CPython: a bare protocol instance has no __dict__ (a program's subclass
  // without __slots__ has one).
  Object.defineProperty(c, "__slots__", { value: PyTuple.fromArray([]), configurable: true, writable: true });
}
