// asyncio.exceptions: `asyncio.exceptions.TimeoutError`, `from asyncio.exceptions import CancelledError`.
export {
  BrokenBarrierError,
  CancelledError,
  IncompleteReadError,
  InvalidStateError,
  LimitOverrunError,
  SendfileNotAvailableError,
  TimeoutError,
} from "../asyncio/exceptions.js";
