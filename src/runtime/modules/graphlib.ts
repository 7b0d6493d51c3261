// graphlib: TopologicalSorter (nodes added with their predecessors, then handed out in groups
// whose predecessors are done, or all at once by static_order) and CycleError. The order nodes
// come out in (first added first, successors as they become ready) and the messages are CPython
// 3.12's.
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { PyObject, popKw } from "../builtins/object.js";
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { call, getattr } from "../builtins/ops.js";
import { toIterable } from "../builtins/protocol.js";
import { repr } from "../builtins/repr.js";
import { GenericAlias } from "./_type_alias.js";

export class CycleError extends ValueError {
  static __module__ = "graphlib";
}

/** A node's count of predecessors not yet done, or what happened to it. */
const PASSED_OUT = -1;
const DONE = -2;

interface NodeInfo {
  node: unknown;
  npredecessors: number;
  successors: unknown[];
}

export class TopologicalSorter extends PyObject {
  declare _node2info: PyDict<unknown, NodeInfo>;
  declare _ready_nodes: unknown[] | null;
  declare _npassedout: number;
  declare _nfinished: number;

  __init__(...args: unknown[]): null {
    const kw = popKw(args) ?? {};
    if (args.length > 1) throw new TypeError(`TopologicalSorter.__init__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
    const graph = args.length ? args[0] : "graph" in kw ? kw.graph : null;
    this._node2info = new PyDict();
    this._ready_nodes = null;
    this._npassedout = 0;
    this._nfinished = 0;
    if (graph !== null && graph !== undefined) {
      for (const pair of toIterable(call(getattr(graph, "items")))) {
        const [node, predecessors] = [...toIterable(pair)];
        this.add(node, ...toIterable(predecessors));
      }
    }
    return null;
  }

  private info(node: unknown): NodeInfo {
    let result = this._node2info.get(node) as NodeInfo | null;
    if (result === null) {
      result = { node, npredecessors: 0, successors: [] };
      this._node2info.__setitem__(node, result);
    }
    return result;
  }

  add(node: unknown, ...predecessors: unknown[]): null {
    if (this._ready_nodes !== null) throw new ValueError("Nodes cannot be added after a call to prepare()");
    const info = this.info(node);
    info.npredecessors += predecessors.length;
    for (const pred of predecessors) this.info(pred).successors.push(node);
    return null;
  }

  prepare(): null {
    if (this._ready_nodes !== null) throw new ValueError("cannot prepare() more than once");
    this._ready_nodes = [...(this._node2info.values() as Iterable<NodeInfo>)].filter((i) => i.npredecessors === 0).map((i) => i.node);
    const cycle = this.findCycle();
    if (cycle) throw new CycleError("nodes are in a cycle", PyList.fromArray(cycle));
    return null;
  }

  private ready(): unknown[] {
    if (this._ready_nodes === null) throw new ValueError("prepare() must be called first");
    return this._ready_nodes;
  }

  get_ready(): PyTuple<unknown> {
    const ready = this.ready();
    const result = PyTuple.fromArray([...ready]);
    for (const node of result) this._node2info.__getitem__(node).npredecessors = PASSED_OUT;
    ready.length = 0;
    this._npassedout += result.length;
    return result;
  }

  is_active(): boolean {
    const ready = this.ready();
    return this._nfinished < this._npassedout || ready.length > 0;
  }
  __bool__(): boolean {
    return this.is_active();
  }

  done(...nodes: unknown[]): null {
    const ready = this.ready();
    for (const node of nodes) {
      const info = this._node2info.get(node) as NodeInfo | null;
      if (info === null) throw new ValueError(`node ${repr(node)} was not added using add()`);
      if (info.npredecessors >= 0) throw new ValueError(`node ${repr(node)} was not passed out (still not ready)`);
      if (info.npredecessors === DONE) throw new ValueError(`node ${repr(node)} was already marked done`);
      info.npredecessors = DONE;
      for (const successor of info.successors) {
        const s = this._node2info.__getitem__(successor);
        if (--s.npredecessors === 0) ready.push(successor);
      }
      this._nfinished++;
    }
    return null;
  }

  /** A cycle (its nodes, the first repeated at the end) found by a depth-first walk, or null. */
  private findCycle(): unknown[] | null {
    const seen = new PyDict<unknown, true>();
    for (const start of this._node2info.keys() as Iterable<unknown>) {
      if (seen.__contains__(start)) continue;
      const stack: unknown[] = [];
      const next: number[] = []; // the next successor to visit, per stack entry
      const stackIndex = new PyDict<unknown, number>();
      let node = start;
      for (;;) {
        if (seen.__contains__(node)) {
          if (stackIndex.__contains__(node)) return [...stack.slice(stackIndex.__getitem__(node)), node];
        } else {
          seen.__setitem__(node, true);
          next.push(0);
          stackIndex.__setitem__(node, stack.length);
          stack.push(node);
        }
        let advanced = false;
        while (stack.length) {
          const successors = this._node2info.__getitem__(stack[stack.length - 1]).successors;
          const i = next[next.length - 1];
          if (i < successors.length) {
            next[next.length - 1] = i + 1;
            node = successors[i];
            advanced = true;
            break;
          }
          stackIndex.__delitem__(stack.pop());
          next.pop();
        }
        if (!advanced) break;
      }
    }
    return null;
  }

  *static_order(): Generator<unknown> {
    this.prepare();
    while (this.is_active()) {
      const group = this.get_ready();
      yield* group;
      this.done(...group);
    }
  }
  static __module__ = "graphlib";
}
// (`TopologicalSorter[str]` in annotations: a types.GenericAlias)
Object.defineProperty(TopologicalSorter, "__class_getitem__", {
  value: (params: unknown) => new GenericAlias(TopologicalSorter, params),
  writable: true,
  configurable: true,
});
