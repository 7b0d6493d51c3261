// The benchmarks of bench/programs/*.py written by hand against sched.mjs (the same work, the same
// checksums): node bench/reference/run.mjs NAME N
import { Future, Task, Lock, Queue, gather, run, sleep } from "./sched.mjs";

const programs = {
  spawn(N) {
    function* worker(i) { yield* sleep(0); return i; }
    return run((function* () {
      const gens = []; for (let i = 0; i < N; i++) gens.push(worker(i));
      const results = yield* gather(gens);
      let total = 0; for (const r of results) total += r;
      return `spawn ${N} ${total}`;
    })());
  },
  pingpong(N) {
    function* ping(toPong, toPing) { let total = 0; for (let i = 0; i < N; i++) { yield* toPong.put(i); total += yield* toPing.get(); } return total; }
    function* pong(toPong, toPing) { for (let i = 0; i < N; i++) { const v = yield* toPong.get(); yield* toPing.put(v + 1); } }
    return run((function* () {
      const a = new Queue(), b = new Queue();
      const p = new Task(pong(a, b));
      const total = yield* ping(a, b);
      yield* p;
      return `pingpong ${N} ${total}`;
    })());
  },
  chain(N) {
    function* down(d) { if (d === 0) return 1; return (yield* down(d - 1)) + 1; }
    return run((function* () {
      let total = 0; for (let i = 0; i < N; i++) total += yield* down(50);
      return `chain ${N} ${total}`;
    })());
  },
  timers(N) {
    function* sleeper(i, d) { yield* sleep(d); return i; }
    return run((function* () {
      let s = 42; const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
      const gens = []; for (let i = 0; i < N; i++) gens.push(sleeper(i, rand() * 0.05));
      const results = yield* gather(gens);
      let total = 0; for (const r of results) total += r;
      return `timers ${N} ${total}`;
    })());
  },
  pending(N) {
    function* sleeper(i) { yield* sleep(0.5); return i; }
    return run((function* () {
      const tasks = []; for (let i = 0; i < N; i++) tasks.push(new Task(sleeper(i)));
      let total = 0; for (const t of tasks) total += yield* t;
      return `pending ${N} ${total}`;
    })());
  },
  prodcons(N) {
    function* producer(q, start, count) { for (let i = start; i < start + count; i++) yield* q.put(i); }
    function* consumer(q) { let total = 0; for (;;) { const item = yield* q.get(); if (item === null) return total; total += item; } }
    return run((function* () {
      const q = new Queue(100), per = Math.floor(N / 4);
      const consumers = [0, 1, 2, 3].map(() => new Task(consumer(q)));
      yield* gather([0, 1, 2, 3].map((k) => producer(q, k * per, per)));
      for (let k = 0; k < 4; k++) yield* q.put(null);
      let total = 0; for (const c of consumers) total += yield* c;
      return `prodcons ${N} ${total}`;
    })());
  },
  lock(N) {
    const state = [0];
    function* contender(lock, k) { for (let r = 0; r < 100; r++) { yield* lock.acquire(); try { state[0] += k; yield* sleep(0); } finally { lock.release(); } } }
    return run((function* () {
      const lock = new Lock();
      yield* gather(Array.from({ length: N }, (_, k) => contender(lock, k)));
      return `lock ${N} ${state[0]}`;
    })());
  },
};

const [name, n] = process.argv.slice(2);
console.log(programs[name](Number(n)));
