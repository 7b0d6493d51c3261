// asyncio.constants: the tuning values CPython's asyncio names (Lib/asyncio/constants.py), for a
// program that reads them or sets them (CPython's sendfile tests lower the fallback's read size).
// tsyncio's transports keep their own copies of the ones they use.
import { AttributeError } from "../builtins/exceptions.js";

export let LOG_THRESHOLD_FOR_CONNLOST_WRITES: unknown = 5n;
export let ACCEPT_RETRY_DELAY: unknown = 1n;
export let DEBUG_STACK_DEPTH: unknown = 10n;
export let SSL_HANDSHAKE_TIMEOUT: unknown = 60.0;
export let SSL_SHUTDOWN_TIMEOUT: unknown = 30.0;
export let SENDFILE_FALLBACK_READBUFFER_SIZE: unknown = 1024n * 256n;
export let FLOW_CONTROL_HIGH_WATER_SSL_READ: unknown = 256n;
export let FLOW_CONTROL_HIGH_WATER_SSL_WRITE: unknown = 512n;
export let THREAD_JOIN_TIMEOUT: unknown = 300n;

// `constants.NAME = value` (setattr on the module): the live export is rebound.
const setters: Record<string, (v: unknown) => void> = {
  LOG_THRESHOLD_FOR_CONNLOST_WRITES: (v) => (LOG_THRESHOLD_FOR_CONNLOST_WRITES = v),
  ACCEPT_RETRY_DELAY: (v) => (ACCEPT_RETRY_DELAY = v),
  DEBUG_STACK_DEPTH: (v) => (DEBUG_STACK_DEPTH = v),
  SSL_HANDSHAKE_TIMEOUT: (v) => (SSL_HANDSHAKE_TIMEOUT = v),
  SSL_SHUTDOWN_TIMEOUT: (v) => (SSL_SHUTDOWN_TIMEOUT = v),
  SENDFILE_FALLBACK_READBUFFER_SIZE: (v) => (SENDFILE_FALLBACK_READBUFFER_SIZE = v),
  FLOW_CONTROL_HIGH_WATER_SSL_READ: (v) => (FLOW_CONTROL_HIGH_WATER_SSL_READ = v),
  FLOW_CONTROL_HIGH_WATER_SSL_WRITE: (v) => (FLOW_CONTROL_HIGH_WATER_SSL_WRITE = v),
  THREAD_JOIN_TIMEOUT: (v) => (THREAD_JOIN_TIMEOUT = v),
};

export function __setattr__(name: string, value: unknown): void {
  const set = setters[name];
  if (set === undefined) throw new AttributeError(`tsyncio: module 'asyncio.constants' has no attribute '${name}' to set`);
  set(value);
}
