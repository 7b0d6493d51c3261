// asyncio.events: `from asyncio.events import AbstractEventLoop`.
export {
  AbstractEventLoop,
  AbstractEventLoopPolicy,
  AbstractServer,
  Handle,
  TimerHandle,
  get_event_loop,
  set_event_loop,
  new_event_loop,
  get_running_loop,
  get_event_loop_policy,
  set_event_loop_policy,
} from "../asyncio/events.js";
