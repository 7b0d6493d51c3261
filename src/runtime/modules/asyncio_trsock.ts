// asyncio.trsock: `asyncio.trsock.TransportSocket`, the socket view that server.sockets and
// get_extra_info("socket") hand out.
export { TransportSocket } from "../asyncio/io_transports.js";
