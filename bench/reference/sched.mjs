// The floor for tsyncio's design (design.md §3, §6): a minimal generator scheduler in plain Node.
// Coroutines are generators, `await` is `yield*`, a Future yields itself once while pending, a Task
// steps its generator from a ring-buffer ready queue, timers sit in a (when, seq) binary heap.
// No Python semantics (no cancellation, contexts, reprs, keyword arguments): only the scheduling.

class Ring {
  constructor() { this.b = new Array(1024); this.h = 0; this.n = 0; this.m = 1023; }
  push(x) {
    if (this.n > this.m) { const o = this.b, b = new Array(o.length * 2); for (let k = 0; k < this.n; k++) b[k] = o[(this.h + k) & this.m]; this.b = b; this.h = 0; this.m = b.length - 1; }
    this.b[(this.h + this.n++) & this.m] = x;
  }
  shift() { const x = this.b[this.h]; this.b[this.h] = undefined; this.h = (this.h + 1) & this.m; this.n--; return x; }
}

const ready = new Ring(); // pairs: (target with .run(arg), arg)
const timers = []; // binary heap of [when, seq, fut]
let seq = 0;
const clock = () => performance.now() / 1000;
const cell = new Int32Array(new SharedArrayBuffer(4));
const later = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

export class Future {
  constructor() { this.done = false; this.value = undefined; this.cb = null; this.cbs = null; }
  add(t) { if (this.done) { ready.push(t); ready.push(this); } else if (this.cb === null) this.cb = t; else (this.cbs ??= []).push(t); }
  resolve(v) {
    this.done = true; this.value = v;
    if (this.cb !== null) { ready.push(this.cb); ready.push(this); if (this.cbs !== null) for (const t of this.cbs) { ready.push(t); ready.push(this); } }
  }
  *[Symbol.iterator]() { if (!this.done) yield this; return this.value; }
}

export class Task extends Future {
  constructor(gen) { super(); this.gen = gen; ready.push(this); ready.push(null); }
  run() {
    const r = this.gen.next();
    if (r.done) this.resolve(r.value);
    else if (r.value === null) { ready.push(this); ready.push(null); }
    else r.value.add(this);
  }
}

export function* sleep(d) {
  if (d <= 0) { yield null; return; }
  const f = new Future();
  const item = [clock() + d, seq++, f];
  let i = timers.push(item) - 1;
  while (i > 0) { const p = (i - 1) >> 1; if (!later(timers[p], item)) break; timers[i] = timers[p]; i = p; }
  timers[i] = item;
  yield* f;
}

function popTimer() {
  const top = timers[0], last = timers.pop();
  if (timers.length > 0) {
    let i = 0; const n = timers.length;
    for (;;) { let c = 2 * i + 1; if (c >= n) break; if (c + 1 < n && later(timers[c], timers[c + 1])) c++; if (!later(last, timers[c])) break; timers[i] = timers[c]; i = c; }
    timers[i] = last;
  }
  return top;
}

export function run(gen) {
  const main = new Task(gen);
  while (!main.done) {
    if (ready.n === 0 && timers.length > 0) { const dt = timers[0][0] - clock(); if (dt > 0) Atomics.wait(cell, 0, 0, dt * 1000); }
    const now = clock();
    while (timers.length > 0 && timers[0][0] <= now) { ready.push(popTimer()[2]); ready.push(undefined); }
    for (let n = ready.n >> 1; n > 0; n--) { const t = ready.shift(), a = ready.shift(); if (a === undefined) t.resolve(null); else t.run(a); }
  }
  return main.value;
}

export function gather(gens) {
  const out = new Future(), tasks = gens.map((g) => new Task(g));
  let left = tasks.length;
  const counter = { run() { if (--left === 0) out.resolve(tasks.map((t) => t.value)); } };
  for (const t of tasks) t.add(counter);
  return out;
}

export class Queue {
  constructor(max = 0) { this.max = max; this.items = new Ring(); this.getters = new Ring(); this.putters = new Ring(); }
  *put(x) {
    while (this.max > 0 && this.items.n >= this.max) { const f = new Future(); this.putters.push(f); yield* f; }
    this.items.push(x);
    if (this.getters.n > 0) this.getters.shift().resolve(null);
  }
  *get() {
    while (this.items.n === 0) { const f = new Future(); this.getters.push(f); yield* f; }
    const x = this.items.shift();
    if (this.putters.n > 0) this.putters.shift().resolve(null);
    return x;
  }
}

export class Lock {
  constructor() { this.locked = false; this.waiters = new Ring(); }
  *acquire() {
    if (!this.locked && this.waiters.n === 0) { this.locked = true; return; }
    const f = new Future(); this.waiters.push(f); yield* f; this.waiters.shift(); this.locked = true;
  }
  // Like asyncio.Lock: the woken waiter stays first in line until it runs (no barging).
  release() { this.locked = false; if (this.waiters.n > 0) { const f = this.waiters.b[this.waiters.h]; if (!f.done) f.resolve(null); } }
}
