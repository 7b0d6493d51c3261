// asyncio.transports: `from asyncio import transports`, its base classes and the flow-control mixin.
export { BaseTransport, ReadTransport, WriteTransport, Transport, DatagramTransport, SubprocessTransport, _FlowControlMixin } from "../asyncio/transports.js";
