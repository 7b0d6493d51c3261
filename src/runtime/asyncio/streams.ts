// Streams (TCP/Unix sockets): not available in tsyncio — there is no networking.
// CPython: Lib/asyncio/streams.py.
import { PyObject } from "./_compat.js";
import { unsupported } from "./_unsupported.js";
import { markUnsupported } from "../unsupported.js";

const WHY = "no sockets";
export const open_connection = unsupported("asyncio.open_connection()", WHY);
export const start_server = unsupported("asyncio.start_server()", WHY);
export const open_unix_connection = unsupported("asyncio.open_unix_connection()", WHY);
export const start_unix_server = unsupported("asyncio.start_unix_server()", WHY);

/** Only the names exist; constructing one raises NotImplementedError. */
export class StreamReader extends PyObject {
  __init__(): void {
    unsupported("asyncio.StreamReader", WHY)();
  }
}
export class StreamWriter extends PyObject {
  __init__(): void {
    unsupported("asyncio.StreamWriter", WHY)();
  }
}
export class StreamReaderProtocol extends PyObject {
  __init__(): void {
    unsupported("asyncio.StreamReaderProtocol", WHY)();
  }
}
for (const cls of [StreamReader, StreamWriter, StreamReaderProtocol]) markUnsupported(cls, WHY);
