// selectors: DefaultSelector (EpollSelector, as on Linux), SelectSelector, PollSelector over the
// sockets the program made (modules/socket.ts), for programs that run their own loop. Readiness is
// what the socket holds from the I/O kernel, level-triggered as epoll and select() report it:
// readable with data, an EOF or a connection to accept; writable when connected (the kernel takes
// every write). select() first takes what the kernel has delivered, then blocks (as a thread, so
// other threads run) until one registered socket changes or the timeout passes. Only sockets can
// be registered: another file object (sys.stdin, a pipe) is refused with NotImplementedError.
// CPython: Lib/selectors.py (documented behaviour and messages).
import { host } from "../host.js";
import { KeyError, NotImplementedError, RuntimeError, TypeError, ValueError, AttributeError } from "../builtins/exceptions.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { call, callm, ne } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { _bind, _isNone, _toSeconds } from "../asyncio/_util.js";
import { allocFd, freeFd } from "../asyncio/io_util.js";
import { ioPoll } from "../asyncio/io_selector.js";
import { socketsByFd, type Watchable } from "../asyncio/io_watch.js";
import { namedtuple } from "./collections.js";
import { _defineBlocking } from "./threading_sync.js";
import { until_any } from "./socket_threads.js";

export const EVENT_READ = 1n;
export const EVENT_WRITE = 2n;

/** SelectorKey(fileobj, fd, events, data): what register() returns and select() reports. */
export const SelectorKey = namedtuple("SelectorKey", "fileobj fd events data", new KwArgs({ module: "selectors" }));
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type SelectorKey = InstanceType<typeof SelectorKey>;

interface Key {
  fileobj: unknown;
  fd: bigint;
  events: bigint;
  data: unknown;
}

/** The descriptor of a file object: an int, or what its fileno() returns. */
function fileobjToFd(fileobj: unknown): number {
  let fd: unknown;
  if (typeof fileobj === "bigint" || typeof fileobj === "boolean") fd = BigInt(fileobj);
  else {
    try {
      fd = callm(fileobj, "fileno");
    } catch (e) {
      if (e instanceof AttributeError || e instanceof TypeError || e instanceof ValueError) throw new ValueError(`Invalid file object: ${repr(fileobj)}`);
      throw e;
    }
    if (typeof fd !== "bigint") throw new ValueError(`Invalid file object: ${repr(fileobj)}`);
  }
  const n = Number(fd);
  if (n < 0) throw new ValueError(`Invalid file descriptor: ${n}`);
  return n;
}

/** selectors.BaseSelector: the interface (register, unregister, modify, select, close, get_key, get_map). */
export class BaseSelector extends PyObject {
  register(..._args: unknown[]): unknown {
    throw new NotImplementedError();
  }
  unregister(..._args: unknown[]): unknown {
    throw new NotImplementedError();
  }
  select(..._args: unknown[]): unknown {
    throw new NotImplementedError();
  }
  get_map(): unknown {
    throw new NotImplementedError();
  }
  modify(...args: unknown[]): unknown {
    const [fileobj, events, data] = _bind("modify", args, ["fileobj", "events", "data"]);
    this.unregister(fileobj);
    return this.register(fileobj, events, data ?? null);
  }
  close(): null {
    return null;
  }
  get_key(fileobj: unknown): unknown {
    const mapping = this.get_map() as _SelectorMapping | null;
    if (mapping === null) throw new RuntimeError("Selector is closed");
    try {
      return mapping.__getitem__(fileobj);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`${repr(fileobj)} is not registered`);
      throw e;
    }
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): null {
    this.close();
    return null;
  }
}

/** The read-only mapping get_map() returns: file object → key, iterating over descriptors. */
export class _SelectorMapping extends PyObject {
  declare _selector: _BaseSelectorImpl;
  __init__(selector: _BaseSelectorImpl): void {
    this._selector = selector;
  }
  __len__(): bigint {
    return BigInt(this._selector._fd_to_key.size);
  }
  __getitem__(fileobj: unknown): unknown {
    const fd = this._selector._fileobj_lookup(fileobj);
    const key = this._selector._fd_to_key.get(fd);
    if (key === undefined) throw new KeyError(`${repr(fileobj)} is not registered`);
    return key;
  }
  get(fileobj: unknown, dflt: unknown = null): unknown {
    try {
      return this.__getitem__(fileobj);
    } catch (e) {
      if (e instanceof KeyError) return dflt;
      throw e;
    }
  }
  __contains__(fileobj: unknown): boolean {
    try {
      this.__getitem__(fileobj);
      return true;
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
  }
  *__iter__(): Generator<bigint> {
    for (const fd of [...this._selector._fd_to_key.keys()]) yield BigInt(fd);
  }
  keys(): PyList<unknown> {
    return PyList.fromArray([...this._selector._fd_to_key.keys()].map(BigInt));
  }
  values(): PyList<unknown> {
    return PyList.fromArray([...this._selector._fd_to_key.values()]);
  }
  items(): PyList<unknown> {
    return PyList.fromArray([...this._selector._fd_to_key].map(([fd, k]) => PyTuple.fromArray([BigInt(fd), k])));
  }
}

/** What register() and friends share: the table of keys by descriptor. */
export class _BaseSelectorImpl extends BaseSelector {
  declare _fd_to_key: Map<number, Key>;
  declare _map: _SelectorMapping | null;

  __init__(): void {
    this._fd_to_key = new Map();
    this._map = new _SelectorMapping(this);
  }

  /** fileobj's descriptor; a registered file object that no longer has one (closed) is found by identity. */
  _fileobj_lookup(fileobj: unknown): number {
    try {
      return fileobjToFd(fileobj);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      for (const [fd, key] of this._fd_to_key) if (key.fileobj === fileobj) return fd;
      throw e;
    }
  }

  register(...args: unknown[]): unknown {
    const [fileobj, events, data] = _bind("register", args, ["fileobj", "events", "data"]);
    const ev = typeof events === "bigint" || typeof events === "boolean" ? BigInt(events) : null;
    if (ev === null || ev === 0n || (ev & ~(EVENT_READ | EVENT_WRITE)) !== 0n) throw new ValueError(`Invalid events: ${repr(events)}`);
    const fd = this._fileobj_lookup(fileobj);
    const key = call(SelectorKey, fileobj, BigInt(fd), ev, data ?? null) as Key;
    if (this._fd_to_key.has(fd)) throw new KeyError(`${repr(fileobj)} (FD ${fd}) is already registered`);
    this._check_open();
    if (!socketsByFd.has(fd))
      throw new NotImplementedError(
        `selectors: registering ${repr(fileobj)} is not supported by tsyncio (only sockets the program made can be watched, not files, pipes or the terminal)`,
      );
    this._fd_to_key.set(fd, key);
    return key;
  }

  unregister(fileobj: unknown): unknown {
    const fd = (() => {
      try {
        return this._fileobj_lookup(fileobj);
      } catch (e) {
        if (e instanceof ValueError) throw new KeyError(`${repr(fileobj)} is not registered`);
        throw e;
      }
    })();
    const key = this._fd_to_key.get(fd);
    if (key === undefined) throw new KeyError(`${repr(fileobj)} is not registered`);
    this._fd_to_key.delete(fd);
    return key;
  }

  modify(...args: unknown[]): unknown {
    const [fileobj, events, data = null] = _bind("modify", args, ["fileobj", "events", "data"]);
    let key: Key | undefined;
    try {
      key = this._fd_to_key.get(this._fileobj_lookup(fileobj));
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
    }
    if (key === undefined) throw new KeyError(`${repr(fileobj)} is not registered`);
    if (ne(events, key.events)) {
      this.unregister(fileobj);
      return this.register(fileobj, events, data ?? null);
    }
    if (ne(data ?? null, key.data)) {
      const replaced = callm(key, "_replace", new KwArgs({ data: data ?? null })) as Key;
      this._fd_to_key.set(Number(key.fd), replaced);
      return replaced;
    }
    return key;
  }

  get_map(): unknown {
    return this._map;
  }

  close(): null {
    this._fd_to_key.clear();
    this._map = null;
    return null;
  }

  /** The kernel object behind the selector is still open (only epoll's can be closed: select() and poll() keep none). */
  _check_open(): void {}

  /** The registered sockets ready now, with the events each is ready for (registration order). */
  _ready(): PyList<unknown> {
    const out = new PyList<unknown>();
    for (const [fd, key] of this._fd_to_key) {
      const sock = socketsByFd.get(fd);
      if (sock === undefined) continue;
      let mask = 0n;
      if (key.events & EVENT_READ && sock._readable()) mask |= EVENT_READ;
      if (key.events & EVENT_WRITE && sock._writable()) mask |= EVENT_WRITE;
      if (mask !== 0n) out.push(PyTuple.fromArray([key, mask]));
    }
    return out;
  }

  /** select(timeout=None): [(key, events), ...] once a registered socket is ready or the timeout passed. */
  *_select(...args: unknown[]): Generator<any, PyList<unknown>, unknown> {
    const [timeout] = _bind("select", args, ["timeout"]);
    const seconds = _isNone(timeout) ? null : Math.max(0, _toSeconds(timeout));
    this._check_open();
    // What the kernel delivered since the last look (a blocking call put back the rest), after
    // bytes between the program's own sockets landed: CPython's peer is readable at once.
    if (host.io && this._fd_to_key.size > 0) ioPoll((t) => (t as { _wakes_threads?: boolean })._wakes_threads === true, true);
    let ready = this._ready();
    if (ready.length > 0 || seconds === 0) return ready;
    const socks: Watchable[] = [];
    for (const fd of this._fd_to_key.keys()) {
      const s = socketsByFd.get(fd);
      if (s !== undefined) socks.push(s);
    }
    yield* until_any(socks, () => (ready = this._ready()).length > 0, seconds);
    return ready;
  }
}
_defineBlocking(_BaseSelectorImpl, "select", _BaseSelectorImpl.prototype._select);

/** selectors.SelectSelector (select(2)). */
export class SelectSelector extends _BaseSelectorImpl {}

/** selectors.PollSelector (poll(2)). */
export class PollSelector extends _BaseSelectorImpl {}

/** selectors.EpollSelector: holds a descriptor of its own (fileno()), as epoll_create does. */
export class EpollSelector extends _BaseSelectorImpl {
  declare _epoll_fd: number;
  __init__(): void {
    super.__init__();
    this._epoll_fd = allocFd();
  }
  fileno(): bigint {
    return BigInt(this._epoll_fd);
  }
  _check_open(): void {
    if (this._epoll_fd < 0) throw new ValueError("I/O operation on closed epoll object");
  }
  close(): null {
    if (this._epoll_fd >= 0) freeFd(this._epoll_fd);
    this._epoll_fd = -1;
    return super.close();
  }
}

/** The best selector of the platform: epoll on Linux. */
export const DefaultSelector = EpollSelector;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type DefaultSelector = InstanceType<typeof DefaultSelector>;

for (const C of [BaseSelector, _SelectorMapping, _BaseSelectorImpl, SelectSelector, PollSelector, EpollSelector])
  Object.defineProperty(C, "__module__", { value: "selectors" });
