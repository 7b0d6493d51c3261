// Expected values recorded from CPython 3.12.
import { describe, expect, it } from "vitest";
import * as R from "../../src/runtime/internal.js";
import * as random from "../../src/runtime/modules/random.js";
import * as time from "../../src/runtime/modules/time.js";
import * as sys from "../../src/runtime/modules/sys.js";
import * as math from "../../src/runtime/modules/math.js";
import * as contextvars from "../../src/runtime/modules/contextvars.js";
import * as functools from "../../src/runtime/modules/functools.js";
import * as itertools from "../../src/runtime/modules/itertools.js";
import { deque, defaultdict, Counter, namedtuple, OrderedDict } from "../../src/runtime/modules/collections.js";
import { setHost, createDefaultHost, host } from "../../src/runtime/host.js";

const { PyList, PyTuple, kw, repr } = R;
const L = (...a: unknown[]) => PyList.fromArray(a);
const T = (...a: unknown[]) => PyTuple.fromArray(a);

describe("random (MT19937, CPython sequences)", () => {
  it("uniform after seed(211)", () => {
    random.seed(211n);
    const xs = L(...Array.from({ length: 10 }, () => random.uniform(0.1, 1.0)));
    expect(repr(xs)).toBe(
      "[0.6084063777449125, 0.7667020448884668, 0.11889751912855434, 0.8948974179542551, 0.6688786923391653, 0.6868880318732585, 0.8608404491602999, 0.4086307109309174, 0.8192960353508532, 0.7097971527168432]",
    );
  });
  it("seed(0) methods", () => {
    random.seed(0n);
    expect(random.random()).toBe(0.8444218515250481);
    expect(random.randint(1n, 100n)).toBe(98n);
    expect(random.choice("abcdef")).toBe("d");
    expect(random.getrandbits(70n)).toBe(1130027559504484052788n);
    expect(random.randrange(0n, 100n, 7n)).toBe(56n);
    const l = R.list(R.range(10n));
    random.shuffle(l);
    expect(repr(l)).toBe("[8, 0, 5, 1, 9, 2, 3, 4, 6, 7]");
    expect(repr(random.sample(R.range(100n), 5n))).toBe("[36, 17, 96, 12, 79]");
    expect(repr(random.sample(R.range(10n), 8n))).toBe("[4, 8, 2, 7, 0, 5, 6, 1]");
    expect(random.gauss(0, 1)).toBe(-0.8692660017264446);
    expect(random.gauss(5n, 2n)).toBe(4.31401972529675);
  });
  it("other seeds", () => {
    random.seed(-12345678901234567890n);
    expect(random.random()).toBe(0.5120180983871961);
    random.seed("hello");
    expect(random.random()).toBe(0.3537754404730722);
    random.seed(1.5);
    expect(random.random()).toBe(0.551763726942059);
    random.seed(42n);
    expect(repr(random.choices("abc", kw({ k: 5n })))).toBe("['b', 'a', 'a', 'a', 'c']");
    expect(repr(random.choices("abc", L(1n, 2n, 3n), kw({ k: 5n })))).toBe("['c', 'c', 'a', 'b', 'a']");
    expect(random.triangular()).toBe(0.3306342199497833);
    expect(random.expovariate(2n)).toBe(0.3519577639330767);
    random.seed(7n);
    expect(random.sample(R.range(10000n), 30n).slice(0, 5).join(",")).toBe("5305,2471,6468,791,1186");
  });
});

describe("time", () => {
  it("gmtime / strftime", () => {
    const t = time.gmtime(1700000000n);
    expect(repr(t)).toBe("time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20, tm_wday=1, tm_yday=318, tm_isdst=0)");
    expect(time.strftime("%X %H %M %S %Y %m %d %a %b %p %c %x %j %A %B %I %y %Z %z %%", t)).toBe(
      "22:13:20 22 13 20 2023 11 14 Tue Nov PM Tue Nov 14 22:13:20 2023 11/14/23 318 Tuesday November 10 23 GMT +0000 %",
    );
    expect(time.asctime(t)).toBe("Tue Nov 14 22:13:20 2023");
  });
  it("virtual sleep", () => {
    setHost({ write: () => {}, virtualTime: true });
    try {
      const t0 = time.monotonic();
      const w0 = time.time();
      time.sleep(5n);
      // A virtual wake-up lands 1 µs after its deadline, as a real clock's always lands a little late;
      // each clock read that finds the clock unmoved moves it on (the wall-clock read above by 2 µs).
      expect(time.monotonic() - t0).toBeCloseTo(5.000003, 9);
      expect(Math.round(time.time() - w0)).toBe(5);
      expect(host.virtualTime).toBe(true);
    } finally {
      setHost(createDefaultHost());
    }
  });
});

describe("sys and math", () => {
  it("sys", () => {
    expect(repr(sys.version_info)).toBe("sys.version_info(major=3, minor=12, micro=1, releaselevel='final', serial=0)");
    expect(R.ge(sys.version_info, T(3n, 8n))).toBe(true);
    expect(sys.maxsize).toBe(9223372036854775807n);
    expect(
      R.typeName(
        R.toPyException(
          (() => {
            try {
              sys.exit(2n);
            } catch (e) {
              return e;
            }
          })(),
        ),
      ),
    ).toBe("SystemExit");
  });
  it("math", () => {
    expect(math.floor(2.5)).toBe(2n);
    expect(math.log(8n, 2n)).toBe(3.0);
    expect(math.log(10n ** 400n)).toBe(921.0340371976182);
    expect(math.factorial(20n)).toBe(2432902008176640000n);
    expect(math.fsum(L(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1))).toBe(1.0);
    expect(math.isqrt(17n)).toBe(4n);
    expect(repr(math.frexp(8.0))).toBe("(0.5, 4)");
    expect(repr(math.modf(-2.5))).toBe("(-0.5, -2.0)");
    expect(math.gcd(12n, 18n)).toBe(6n);
    expect(math.comb(10n, 3n)).toBe(120n);
    expect(() => math.sqrt(-1n)).toThrow("math domain error");
  });
});

describe("contextvars", () => {
  it("get/set/reset and Context.run", () => {
    const v = new contextvars.ContextVar("x", kw({ default: 1n }));
    expect(v.get()).toBe(1n);
    const t = v.set(5n);
    expect(v.get()).toBe(5n);
    const ctx = contextvars.copy_context();
    ctx.run(() => {
      v.set(7n);
      expect(v.get()).toBe(7n);
    });
    expect(v.get()).toBe(5n);
    expect(ctx.get(v)).toBe(7n);
    v.reset(t);
    expect(v.get()).toBe(1n);
    expect(() => v.reset(t)).toThrow(/has already been used once/);
    const w = new contextvars.ContextVar("y");
    expect(
      repr(
        R.toPyException(
          (() => {
            try {
              w.get();
            } catch (e) {
              return e;
            }
          })(),
        ),
      ),
    ).toMatch(/^LookupError\(<ContextVar name='y' at 0x/);
  });
});

describe("collections / functools / itertools", () => {
  it("collections", () => {
    const d = new deque(L(1n, 2n, 3n), kw({ maxlen: 5n }));
    d.appendleft(0n);
    d.rotate(1n);
    expect(repr(d)).toBe("deque([3, 0, 1, 2], maxlen=5)");
    const dd = new defaultdict(R.list);
    R.callm(R.getitem(dd, "a"), "append", 1n);
    expect(repr(dd)).toBe("defaultdict(<class 'list'>, {'a': [1]})");
    const c = new Counter("abracadabra");
    expect(repr(c)).toBe("Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})");
    expect(repr(c.most_common(2n))).toBe("[('a', 5), ('b', 2)]");
    const P = namedtuple("P", "x y");
    const p = R.call(P, 1n, 2n);
    expect(repr(p)).toBe("P(x=1, y=2)");
    expect(repr(p._replace(kw({ x: 5n })))).toBe("P(x=5, y=2)");
    expect(R.isinstance(p, R.tuple)).toBe(true);
    const od = new OrderedDict(kw({ a: 1n }));
    R.setitem(od, "b", 2n);
    expect(repr(od)).toBe("OrderedDict({'a': 1, 'b': 2})");
  });
  it("functools and itertools", () => {
    expect(functools.reduce((a: bigint, b: bigint) => a + b, L(1n, 2n, 3n))).toBe(6n);
    expect(repr(new functools.partial(R.max, 5n))).toBe("functools.partial(<built-in function max>, 5)");
    const fib: any = functools.lru_cache(null)((n: bigint): bigint => (n < 2n ? n : fib(n - 1n) + fib(n - 2n)));
    expect(fib(80n)).toBe(23416728348467685n);
    expect(repr(fib.cache_info())).toBe("CacheInfo(hits=78, misses=81, maxsize=None, currsize=81)");
    expect(repr(R.list(itertools.product("ab", kw({ repeat: 2n }))))).toBe("[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]");
    expect(repr(R.list(itertools.combinations("abc", 2n)))).toBe("[('a', 'b'), ('a', 'c'), ('b', 'c')]");
    expect(repr(R.list(itertools.permutations(L(1n, 2n, 3n), 2n)))).toBe("[(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]");
    expect(repr(R.list(itertools.islice(itertools.count(5n, 2n), 3n)))).toBe("[5, 7, 9]");
    expect(repr(R.list(itertools.zip_longest("ab", "c", kw({ fillvalue: "-" }))))).toBe("[('a', 'c'), ('b', '-')]");
  });
});
