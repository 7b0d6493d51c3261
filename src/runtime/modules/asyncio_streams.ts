// asyncio.streams: `from asyncio.streams import StreamReader, StreamWriter`.
export {
  StreamReader,
  StreamWriter,
  StreamReaderProtocol,
  open_connection,
  start_server,
  open_unix_connection,
  start_unix_server,
} from "../asyncio/streams.js";
