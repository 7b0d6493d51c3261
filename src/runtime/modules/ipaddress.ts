// ipaddress: IPv4 and IPv6 addresses, networks and interfaces (an address with its network), made
// from strings, ints, packed bytes or (address, prefix) tuples; their text forms, the special
// ranges (is_private, is_loopback, ...), comparisons, hosts and subnets. Behaviour, messages and
// the special-range tables follow CPython 3.12.1's documentation and results.
import { PyList, PyTuple } from "../builtins/collections.js";
import { PyObject } from "../builtins/object.js";
import { AttributeError, IndexError, TypeError, ValueError } from "../builtins/exceptions.js";
import { NotImplemented, truthy, toIterable, typeName } from "../builtins/protocol.js";
import { format, hash, sorted } from "../builtins/functions.js";
import { repr, str } from "../builtins/repr.js";
import { PyBytes, bytesData } from "../builtins/bytes.js";
import { bindArgs } from "../builtins/hostfs.js";

export const IPV4LENGTH = 32n;
export const IPV6LENGTH = 128n;

export class AddressValueError extends ValueError {
  static __module__ = "ipaddress";
}
export class NetmaskValueError extends ValueError {
  static __module__ = "ipaddress";
}

/** What differs between the two versions. */
interface Family {
  version: 4 | 6;
  bits: number;
  allOnes: bigint;
  /** The address of a string (no '/', no scope). */
  parse(s: string): bigint;
  /** The canonical (compressed) text of an address. */
  text(ip: bigint): string;
  Address: new (a: unknown) => _BaseAddress;
  Network: new (a: unknown, strict?: unknown) => _BaseNetwork;
}

const isInt = (x: unknown): x is bigint | boolean => typeof x === "bigint" || typeof x === "boolean";
const isBytes = (x: unknown) => x instanceof Uint8Array;
const toBig = (x: bigint | boolean) => (typeof x === "boolean" ? (x ? 1n : 0n) : x);

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}
/** The number of zero bits at the right of N (at most BITS). */
function trailingZeros(n: bigint, bits: number): number {
  if (n === 0n) return bits;
  return Math.min(bits, bitLength(~n & (n - 1n)));
}

// ───────────── IPv4 text ─────────────

function parseOctet(s: string): bigint {
  if (!s) throw new ValueError("Empty octet not permitted");
  if (!/^[0-9]+$/.test(s)) throw new ValueError(`Only decimal digits permitted in ${repr(s)}`);
  if (s.length > 3) throw new ValueError(`At most 3 characters permitted in ${repr(s)}`);
  if (s !== "0" && s[0] === "0") throw new ValueError(`Leading zeros are not permitted in ${repr(s)}`);
  const n = Number(s);
  if (n > 255) throw new ValueError(`Octet ${n} (> 255) not permitted`);
  return BigInt(n);
}

function parseV4(s: string): bigint {
  if (!s) throw new AddressValueError("Address cannot be empty");
  const octets = s.split(".");
  if (octets.length !== 4) throw new AddressValueError(`Expected 4 octets in ${repr(s)}`);
  try {
    return octets.reduce((acc, o) => (acc << 8n) | parseOctet(o), 0n);
  } catch (e) {
    if (e instanceof ValueError) throw new AddressValueError(`${str(e)} in ${repr(s)}`);
    throw e;
  }
}

const textV4 = (ip: bigint) => [24n, 16n, 8n, 0n].map((sh) => String((ip >> sh) & 255n)).join(".");

// ───────────── IPv6 text ─────────────

function parseHextet(s: string): bigint {
  if (!/^[0-9A-Fa-f]*$/.test(s)) throw new ValueError(`Only hex digits permitted in ${repr(s)}`);
  if (s.length > 4) throw new ValueError(`At most 4 characters permitted in ${repr(s)}`);
  if (!s) throw new ValueError("invalid literal for int() with base 16: ''");
  return BigInt(`0x${s}`);
}

function parseV6(s: string): bigint {
  if (!s) throw new AddressValueError("Address cannot be empty");
  const parts = s.split(":");
  if (parts.length < 3) throw new AddressValueError(`At least 3 parts expected in ${repr(s)}`);
  if (parts[parts.length - 1].includes(".")) {
    let v4: bigint;
    try {
      v4 = parseV4(parts.pop()!);
    } catch (e) {
      if (e instanceof AddressValueError) throw new AddressValueError(`${str(e)} in ${repr(s)}`);
      throw e;
    }
    parts.push(((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
  }
  if (parts.length > 9) throw new AddressValueError(`At most 8 colons permitted in ${repr(s)}`);
  let skip: number | null = null;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i]) continue;
    if (skip !== null) throw new AddressValueError(`At most one '::' permitted in ${repr(s)}`);
    skip = i;
  }
  let hi: number;
  let lo: number;
  let skipped: number;
  if (skip !== null) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (!parts[0] && --hi) throw new AddressValueError(`Leading ':' only permitted as part of '::' in ${repr(s)}`);
    if (!parts[parts.length - 1] && --lo) throw new AddressValueError(`Trailing ':' only permitted as part of '::' in ${repr(s)}`);
    skipped = 8 - (hi + lo);
    if (skipped < 1) throw new AddressValueError(`Expected at most 7 other parts with '::' in ${repr(s)}`);
  } else {
    if (parts.length !== 8) throw new AddressValueError(`Exactly 8 parts expected without '::' in ${repr(s)}`);
    if (!parts[0]) throw new AddressValueError(`Leading ':' only permitted as part of '::' in ${repr(s)}`);
    if (!parts[7]) throw new AddressValueError(`Trailing ':' only permitted as part of '::' in ${repr(s)}`);
    [hi, lo, skipped] = [8, 0, 0];
  }
  try {
    let ip = 0n;
    for (let i = 0; i < hi; i++) ip = (ip << 16n) | parseHextet(parts[i]);
    ip <<= BigInt(16 * skipped);
    for (let i = parts.length - lo; i < parts.length; i++) ip = (ip << 16n) | parseHextet(parts[i]);
    return ip;
  } catch (e) {
    if (e instanceof ValueError) throw new AddressValueError(`${str(e)} in ${repr(s)}`);
    throw e;
  }
}

const hextets = (ip: bigint) => Array.from({ length: 8 }, (_, i) => (ip >> BigInt(112 - 16 * i)) & 0xffffn);

/** RFC 5952 text: the longest run (the first of equals) of two or more zero hextets becomes '::'. */
function textV6(ip: bigint): string {
  if (ip > (1n << 128n) - 1n) throw new ValueError("IPv6 address is too large");
  const parts = hextets(ip).map((h) => h.toString(16));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (parts[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && parts[j] === "0") j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  if (bestLen < 2) return parts.join(":");
  const head = parts.slice(0, best).join(":");
  const tail = parts.slice(best + bestLen).join(":");
  return `${head}::${tail}`;
}

const explodedV6 = (ip: bigint) =>
  hextets(ip)
    .map((h) => h.toString(16).padStart(4, "0"))
    .join(":");

// ───────────── the shared base ─────────────

const familyOf = (x: object): Family => (x.constructor as unknown as { FAMILY: Family }).FAMILY;

/** A netmask argument: a prefix length (int or digits) or, for IPv4, a netmask or hostmask. */
function makeNetmask(fam: Family, arg: unknown): bigint {
  const invalid = () => new NetmaskValueError(`${repr(arg)} is not a valid netmask`);
  let prefix: number;
  if (isInt(arg)) {
    const n = toBig(arg);
    if (n < 0n || n > BigInt(fam.bits)) throw invalid();
    prefix = Number(n);
  } else {
    const s = str(arg);
    if (/^[0-9]+$/.test(s)) {
      prefix = Number(s);
      if (prefix > fam.bits) throw invalid();
    } else if (fam.version === 6) {
      throw invalid();
    } else {
      let ip: bigint;
      try {
        ip = fam.parse(s);
      } catch (e) {
        if (e instanceof AddressValueError) throw invalid();
        throw e;
      }
      const p = prefixOf(fam, ip) ?? prefixOf(fam, ip ^ fam.allOnes);
      if (p === null) throw invalid();
      prefix = p;
    }
  }
  return BigInt(prefix);
}

/** The prefix length of a netmask, or null when its ones and zeros mix. */
function prefixOf(fam: Family, ip: bigint): number | null {
  const zeros = trailingZeros(ip, fam.bits);
  const prefix = fam.bits - zeros;
  return ip >> BigInt(zeros) === (1n << BigInt(prefix)) - 1n ? prefix : null;
}

const maskOf = (fam: Family, prefix: bigint) => fam.allOnes ^ (fam.allOnes >> prefix);

/** An address's int from what its constructor was given. */
function addressInt(fam: Family, address: unknown): { ip: bigint; scope: string | null } {
  if (isInt(address)) {
    const n = toBig(address);
    if (n < 0n) throw new AddressValueError(`${n} (< 0) is not permitted as an IPv${fam.version} address`);
    if (n > fam.allOnes) throw new AddressValueError(`${n} (>= 2**${fam.bits}) is not permitted as an IPv${fam.version} address`);
    return { ip: n, scope: null };
  }
  if (isBytes(address)) {
    const data = bytesData(address)!;
    if (data.length !== fam.bits / 8) {
      throw new AddressValueError(`${repr(address)} (len ${data.length} != ${fam.bits / 8}) is not permitted as an IPv${fam.version} address`);
    }
    return { ip: data.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n), scope: null };
  }
  let s = str(address);
  if (s.includes("/")) throw new AddressValueError(`Unexpected '/' in ${repr(address)}`);
  let scope: string | null = null;
  if (fam.version === 6) {
    const at = s.indexOf("%");
    if (at >= 0) {
      scope = s.slice(at + 1);
      if (!scope || scope.includes("%")) throw new AddressValueError(`Invalid IPv6 address: "${repr(s)}"`);
      s = s.slice(0, at);
    }
  }
  return { ip: fam.parse(s), scope };
}

/** A network's or interface's (address, mask) from its argument. */
function splitAddrPrefix(fam: Family, address: unknown): [unknown, unknown] {
  if (isInt(address) || isBytes(address)) return [address, BigInt(fam.bits)];
  let parts: unknown[];
  if (address instanceof PyTuple) parts = [...address];
  else {
    parts = str(address).split("/");
    if (parts.length > 2) throw new AddressValueError(`Only one '/' permitted in ${repr(address)}`);
  }
  return parts.length > 1 ? [parts[0], parts[1]] : [parts[0], BigInt(fam.bits)];
}

export class _IPAddressBase extends PyObject {
  get version(): bigint {
    return BigInt(familyOf(this).version);
  }
  get max_prefixlen(): bigint {
    return BigInt(familyOf(this).bits);
  }
  get compressed(): string {
    return str(this);
  }
  get exploded(): string {
    return str(this);
  }
  get reverse_pointer(): string {
    if (familyOf(this).version === 4) return `${str(this).split(".").reverse().join(".")}.in-addr.arpa`;
    return `${[...this.exploded.split("").reverse().join("").replace(/:/g, "")].join(".")}.ip6.arpa`;
  }
  __repr__(): string {
    return `${(this.constructor as { name: string }).name}(${repr(str(this))})`;
  }
}

/** `x` is an address or network of the other version: CPython's message. */
function sameVersion(a: _IPAddressBase, b: _IPAddressBase): void {
  if (familyOf(a).version !== familyOf(b).version) throw new TypeError(`${str(a)} and ${str(b)} are not of the same version`);
}

// ───────────── addresses ─────────────

export class _BaseAddress extends _IPAddressBase {
  declare _ip: bigint;
  declare _scope_id: string | null;
  __init__(address?: unknown): void {
    const { ip, scope } = addressInt(familyOf(this), address);
    this._ip = ip;
    if (familyOf(this).version === 6) this._scope_id = scope;
  }
  __int__(): bigint {
    return this._ip;
  }
  __index__(): bigint {
    return this._ip;
  }
  __str__(): string {
    const text = familyOf(this).text(this._ip);
    return this._scope_id ? `${text}%${this._scope_id}` : text;
  }
  __hash__(): bigint {
    return hash(PyTuple.of<unknown>(this._ip, this._scope_id ?? null));
  }
  __eq__(other: unknown): unknown {
    if (!(other instanceof _BaseAddress)) return other instanceof _IPAddressBase ? false : NotImplemented;
    if (this._ip !== other._ip || familyOf(this).version !== familyOf(other).version) return false;
    return familyOf(this).version === 4 || (this._scope_id ?? null) === (other._scope_id ?? null);
  }
  __ne__(other: unknown): unknown {
    const r = this.__eq__(other);
    return r === NotImplemented ? r : !r;
  }
  __lt__(other: unknown): unknown {
    if (!(other instanceof _BaseAddress)) return NotImplemented;
    sameVersion(this, other);
    return this._ip < other._ip;
  }
  __le__(other: unknown): unknown {
    const lt = this.__lt__(other);
    return lt === NotImplemented ? lt : lt || this.__eq__(other);
  }
  __gt__(other: unknown): unknown {
    const le = this.__le__(other);
    return le === NotImplemented ? le : !le;
  }
  __ge__(other: unknown): unknown {
    const lt = this.__lt__(other);
    return lt === NotImplemented ? lt : !lt;
  }
  __add__(other: unknown): unknown {
    if (!isInt(other)) return NotImplemented;
    return new (familyOf(this).Address)(this._ip + toBig(other));
  }
  __sub__(other: unknown): unknown {
    if (!isInt(other)) return NotImplemented;
    return new (familyOf(this).Address)(this._ip - toBig(other));
  }
  __format__(spec: unknown): string {
    const fmt = String(spec);
    if (!fmt || fmt.endsWith("s")) return format(str(this), fmt);
    const m = /^(#?)(_?)([xbnX])$/.exec(fmt);
    if (!m) throw new TypeError(`unsupported format string passed to ${(this.constructor as { name: string }).name}.__format__`);
    const fam = familyOf(this);
    let [, alternate, grouping, base] = m;
    if (base === "n") base = fam.version === 4 ? "b" : "x";
    let pad = base === "b" ? fam.bits : fam.bits / 4;
    if (grouping) pad += pad / 4 - 1;
    if (alternate) pad += 2;
    return format(this._ip, `${alternate}0${pad}${grouping}${base}`);
  }
  get packed(): PyBytes {
    const fam = familyOf(this);
    return packed(this._ip, fam.bits / 8);
  }
  /** Whether the address is in NET (one of the special-range tables). */
  protected inNet(net: string): boolean {
    return network(familyOf(this), net).has(this._ip);
  }
  get is_multicast(): boolean {
    return this.inNet(familyOf(this).version === 4 ? "224.0.0.0/4" : "ff00::/8");
  }
  get is_link_local(): boolean {
    return this.inNet(familyOf(this).version === 4 ? "169.254.0.0/16" : "fe80::/10");
  }
  get is_reserved(): boolean {
    const fam = familyOf(this);
    if (fam.version === 4) return this.inNet("240.0.0.0/4");
    return V6_RESERVED.some((n) => this.inNet(n));
  }
  get is_private(): boolean {
    const fam = familyOf(this);
    if (fam.version === 6) {
      const v4 = (this as unknown as { ipv4_mapped: _BaseAddress | null }).ipv4_mapped;
      if (v4 !== null) return v4.is_private;
    }
    return (fam.version === 4 ? V4_PRIVATE : V6_PRIVATE).some((n) => this.inNet(n));
  }
  get is_global(): boolean {
    if (familyOf(this).version === 4 && this.inNet("100.64.0.0/10")) return false;
    return !this.is_private;
  }
  get is_unspecified(): boolean {
    return this._ip === 0n;
  }
  get is_loopback(): boolean {
    return familyOf(this).version === 4 ? this.inNet("127.0.0.0/8") : this._ip === 1n;
  }
}

/** The IPv6-only properties (on IPv6Address and, through it, IPv6Interface). */
const V6_PROPERTIES = {
  get scope_id(): unknown {
    return (this as unknown as _BaseAddress)._scope_id ?? null;
  },
  get is_site_local(): boolean {
    return network(V6, "fec0::/10").has((this as unknown as _BaseAddress)._ip);
  },
  get ipv4_mapped(): unknown {
    const ip = (this as unknown as _BaseAddress)._ip;
    return ip >> 32n !== 0xffffn ? null : new IPv4Address(ip & 0xffffffffn);
  },
  get teredo(): unknown {
    const ip = (this as unknown as _BaseAddress)._ip;
    if (ip >> 96n !== 0x20010000n) return null;
    return PyTuple.of(new IPv4Address((ip >> 64n) & 0xffffffffn), new IPv4Address(~ip & 0xffffffffn));
  },
  get sixtofour(): unknown {
    const ip = (this as unknown as _BaseAddress)._ip;
    return ip >> 112n !== 0x2002n ? null : new IPv4Address((ip >> 80n) & 0xffffffffn);
  },
};
function packed(ip: bigint, n: number): PyBytes {
  const out = new PyBytes(n);
  for (let i = n - 1; i >= 0; i--, ip >>= 8n) out[i] = Number(ip & 255n);
  return out;
}

export class IPv4Address extends _BaseAddress {
  static __module__ = "ipaddress";
}
export class IPv6Address extends _BaseAddress {
  get exploded(): string {
    return explodedV6(this._ip);
  }
  static __module__ = "ipaddress";
}
Object.defineProperties(IPv6Address.prototype, Object.getOwnPropertyDescriptors(V6_PROPERTIES));

// ───────────── interfaces ─────────────

/** What IPv4Interface and IPv6Interface add to their address class. */
function interfaceInit(self: _BaseAddress & { network: _BaseNetwork; netmask: unknown; _prefixlen: bigint }, address: unknown): void {
  const fam = familyOf(self);
  const [addr, mask] = splitAddrPrefix(fam, address);
  _BaseAddress.prototype.__init__.call(self, addr);
  self.network = new fam.Network(PyTuple.of(addr, mask), false);
  self.netmask = self.network.netmask;
  self._prefixlen = self.network._prefixlen;
}

const INTERFACE_METHODS = {
  __str__(this: any): string {
    return `${_BaseAddress.prototype.__str__.call(this)}/${this._prefixlen}`;
  },
  __eq__(this: any, other: unknown): unknown {
    const same = _BaseAddress.prototype.__eq__.call(this, other);
    if (same === NotImplemented || !same) return same;
    return other instanceof _BaseAddress && "network" in other ? this.network.__eq__((other as any).network) === true : false;
  },
  __lt__(this: any, other: unknown): unknown {
    const less = _BaseAddress.prototype.__lt__.call(this, other);
    if (less === NotImplemented) return less;
    if (!(other instanceof _BaseAddress && "network" in other)) return false;
    const net = (other as any).network;
    return this.network.__lt__(net) === true || (this.network.__eq__(net) === true && (less as boolean));
  },
  __hash__(this: any): bigint {
    return hash(PyTuple.of<unknown>(this._ip, this._prefixlen, this.network.network_address._ip));
  },
};
const INTERFACE_PROPERTIES = {
  get hostmask(): unknown {
    return (this as any).network.hostmask;
  },
  get ip(): unknown {
    return new (familyOf(this).Address)((this as any)._ip);
  },
  get with_prefixlen(): string {
    return `${familyOf(this).text((this as any)._ip)}/${(this as any)._prefixlen}`;
  },
  get with_netmask(): string {
    return `${familyOf(this).text((this as any)._ip)}/${str((this as any).netmask)}`;
  },
  get with_hostmask(): string {
    return `${familyOf(this).text((this as any)._ip)}/${str((this as any).hostmask)}`;
  },
};

export class IPv4Interface extends IPv4Address {
  declare network: _BaseNetwork;
  declare netmask: unknown;
  declare _prefixlen: bigint;
  __init__(address?: unknown): void {
    interfaceInit(this, address);
  }
  static __module__ = "ipaddress";
}
export class IPv6Interface extends IPv6Address {
  declare network: _BaseNetwork;
  declare netmask: unknown;
  declare _prefixlen: bigint;
  __init__(address?: unknown): void {
    interfaceInit(this, address);
  }
  get exploded(): string {
    return `${explodedV6(this._ip)}/${this._prefixlen}`;
  }
  get is_unspecified(): boolean {
    return this._ip === 0n && this.network.is_unspecified;
  }
  get is_loopback(): boolean {
    return this._ip === 1n && this.network.is_loopback;
  }
  static __module__ = "ipaddress";
}
for (const cls of [IPv4Interface, IPv6Interface]) {
  Object.assign(cls.prototype, INTERFACE_METHODS);
  Object.defineProperties(cls.prototype, Object.getOwnPropertyDescriptors(INTERFACE_PROPERTIES));
}

// ───────────── networks ─────────────

export class _BaseNetwork extends _IPAddressBase {
  declare network_address: _BaseAddress;
  declare netmask: _BaseAddress;
  declare _prefixlen: bigint;
  __init__(...args: unknown[]): void {
    const a = bindArgs("__init__", args, ["address", "strict"], { strict: true });
    const fam = familyOf(this);
    const [addr, mask] = splitAddrPrefix(fam, a.address);
    this.network_address = new fam.Address(addr);
    this._prefixlen = makeNetmask(fam, mask);
    this.netmask = new fam.Address(maskOf(fam, this._prefixlen));
    const ip = this.network_address._ip;
    if ((ip & this.netmask._ip) !== ip) {
      if (truthy(a.strict)) throw new ValueError(`${str(this)} has host bits set`);
      this.network_address = new fam.Address(ip & this.netmask._ip);
    }
    if (this._prefixlen === BigInt(fam.bits)) {
      const only = new fam.Address(addr);
      Object.defineProperty(this, "hosts", { value: () => PyList.fromArray([only]), writable: true, configurable: true });
    }
  }
  /** Whether the int IP is in the network. */
  has(ip: bigint): boolean {
    return (ip & this.netmask._ip) === this.network_address._ip;
  }
  __str__(): string {
    return `${str(this.network_address)}/${this._prefixlen}`;
  }
  get exploded(): string {
    return familyOf(this).version === 4 ? str(this) : `${explodedV6(this.network_address._ip)}/${this._prefixlen}`;
  }
  get prefixlen(): bigint {
    return this._prefixlen;
  }
  get broadcast_address(): _BaseAddress {
    return new (familyOf(this).Address)(this.network_address._ip | this.hostmaskInt());
  }
  private hostmaskInt(): bigint {
    return this.netmask._ip ^ familyOf(this).allOnes;
  }
  get hostmask(): _BaseAddress {
    return new (familyOf(this).Address)(this.hostmaskInt());
  }
  get num_addresses(): bigint {
    return this.hostmaskInt() + 1n;
  }
  get with_prefixlen(): string {
    return `${str(this.network_address)}/${this._prefixlen}`;
  }
  get with_netmask(): string {
    return `${str(this.network_address)}/${str(this.netmask)}`;
  }
  get with_hostmask(): string {
    return `${str(this.network_address)}/${str(this.hostmask)}`;
  }
  *__iter__(): Generator<_BaseAddress> {
    const Address = familyOf(this).Address;
    const last = this.network_address._ip | this.hostmaskInt();
    for (let x = this.network_address._ip; x <= last; x++) yield new Address(x);
  }
  /** hosts(): every address but the network's (and, in IPv4, the broadcast); all of a /31's. */
  *hosts(): Generator<_BaseAddress> {
    const fam = familyOf(this);
    const Address = fam.Address;
    const first = this.network_address._ip;
    const last = first | this.hostmaskInt();
    const all = this._prefixlen === BigInt(fam.bits - 1); // (a /31's or /127's hosts are both its addresses)
    const end = fam.version === 4 && !all ? last - 1n : last;
    for (let x = all ? first : first + 1n; x <= end; x++) yield new Address(x);
  }
  __getitem__(n: unknown): _BaseAddress {
    const i = toBig(n as bigint);
    const first = this.network_address._ip;
    const last = first | this.hostmaskInt();
    const Address = familyOf(this).Address;
    if (i >= 0n) {
      if (first + i > last) throw new IndexError("address out of range");
      return new Address(first + i);
    }
    if (last + i + 1n < first) throw new IndexError("address out of range");
    return new Address(last + i + 1n);
  }
  __contains__(other: unknown): boolean {
    if (!(other instanceof _IPAddressBase)) throw new AttributeError(`'${typeName(other)}' object has no attribute '_version'`);
    if (familyOf(other).version !== familyOf(this).version || other instanceof _BaseNetwork) return false;
    return this.has((other as _BaseAddress)._ip);
  }
  __eq__(other: unknown): unknown {
    if (!(other instanceof _BaseNetwork)) return NotImplemented;
    return (
      familyOf(this).version === familyOf(other).version && this.network_address._ip === other.network_address._ip && this.netmask._ip === other.netmask._ip
    );
  }
  __ne__(other: unknown): unknown {
    const r = this.__eq__(other);
    return r === NotImplemented ? r : !r;
  }
  __hash__(): bigint {
    return hash(this.network_address._ip ^ this.netmask._ip);
  }
  __lt__(other: unknown): unknown {
    if (!(other instanceof _BaseNetwork)) return NotImplemented;
    sameVersion(this, other);
    if (this.network_address._ip !== other.network_address._ip) return this.network_address._ip < other.network_address._ip;
    return this.netmask._ip < other.netmask._ip;
  }
  __le__(other: unknown): unknown {
    const lt = this.__lt__(other);
    return lt === NotImplemented ? lt : lt || this.__eq__(other);
  }
  __gt__(other: unknown): unknown {
    const le = this.__le__(other);
    return le === NotImplemented ? le : !le;
  }
  __ge__(other: unknown): unknown {
    const lt = this.__lt__(other);
    return lt === NotImplemented ? lt : !lt;
  }
  overlaps(other: _BaseNetwork): boolean {
    return (
      this.__contains__(other.network_address) ||
      this.__contains__(other.broadcast_address) ||
      other.__contains__(this.network_address) ||
      other.__contains__(this.broadcast_address)
    );
  }
  compare_networks(other: _BaseNetwork): bigint {
    if (familyOf(this).version !== familyOf(other).version) throw new TypeError(`${str(this)} and ${str(other)} are not of the same type`);
    const a = this.network_address._ip;
    const b = other.network_address._ip;
    if (a !== b) return a < b ? -1n : 1n;
    if (this.netmask._ip !== other.netmask._ip) return this.netmask._ip < other.netmask._ip ? -1n : 1n;
    return 0n;
  }
  *subnets(...args: unknown[]): Generator<_BaseNetwork> {
    const a = bindArgs("subnets", args, ["prefixlen_diff", "new_prefix"], { prefixlen_diff: 1n, new_prefix: null });
    const fam = familyOf(this);
    if (this._prefixlen === BigInt(fam.bits)) {
      yield this;
      return;
    }
    let diff = toBig(a.prefixlen_diff as bigint);
    if (a.new_prefix !== null && a.new_prefix !== undefined) {
      const np = toBig(a.new_prefix as bigint);
      if (np < this._prefixlen) throw new ValueError("new prefix must be longer");
      if (diff !== 1n) throw new ValueError("cannot set prefixlen_diff and new_prefix");
      diff = np - this._prefixlen;
    }
    if (diff < 0n) throw new ValueError("prefix length diff must be > 0");
    const newPrefix = this._prefixlen + diff;
    if (newPrefix > BigInt(fam.bits)) throw new ValueError(`prefix length diff ${newPrefix} is invalid for netblock ${str(this)}`);
    const end = this.network_address._ip | this.hostmaskInt();
    const step = (this.hostmaskInt() + 1n) >> diff;
    const Network = this.constructor as new (a: unknown) => _BaseNetwork;
    for (let x = this.network_address._ip; x <= end; x += step) yield new Network(PyTuple.of<unknown>(x, newPrefix));
  }
  supernet(...args: unknown[]): _BaseNetwork {
    const a = bindArgs("supernet", args, ["prefixlen_diff", "new_prefix"], { prefixlen_diff: 1n, new_prefix: null });
    if (this._prefixlen === 0n) return this;
    let diff = toBig(a.prefixlen_diff as bigint);
    if (a.new_prefix !== null && a.new_prefix !== undefined) {
      const np = toBig(a.new_prefix as bigint);
      if (np > this._prefixlen) throw new ValueError("new prefix must be shorter");
      if (diff !== 1n) throw new ValueError("cannot set prefixlen_diff and new_prefix");
      diff = this._prefixlen - np;
    }
    const newPrefix = this._prefixlen - diff;
    if (newPrefix < 0n) throw new ValueError(`current prefixlen is ${this._prefixlen}, cannot have a prefixlen_diff of ${diff}`);
    const Network = this.constructor as new (a: unknown) => _BaseNetwork;
    return new Network(PyTuple.of<unknown>(this.network_address._ip & (this.netmask._ip << diff), newPrefix));
  }
  subnet_of(other: unknown): boolean {
    return isSubnet(this, other);
  }
  supernet_of(other: unknown): boolean {
    return isSubnet(other, this);
  }
  *address_exclude(other: unknown): Generator<_BaseNetwork> {
    if (!(other instanceof _IPAddressBase)) throw new AttributeError(`'${typeName(other)}' object has no attribute '_version'`);
    sameVersion(this, other);
    if (!(other instanceof _BaseNetwork)) throw new TypeError(`${str(other)} is not a network object`);
    if (!other.subnet_of(this)) throw new ValueError(`${str(other)} not contained in ${str(this)}`);
    if (other.__eq__(this) === true) return;
    const Network = other.constructor as new (a: unknown) => _BaseNetwork;
    const target = new Network(`${str(other.network_address)}/${other._prefixlen}`);
    let [s1, s2] = [...this.subnets()];
    while (s1.__eq__(target) !== true && s2.__eq__(target) !== true) {
      if (target.subnet_of(s1)) {
        yield s2;
        [s1, s2] = [...s1.subnets()];
      } else {
        yield s1;
        [s1, s2] = [...s2.subnets()];
      }
    }
    yield s1.__eq__(target) === true ? s2 : s1;
  }
  /** Both ends of the network in the address's special range. */
  private both(test: (a: _BaseAddress) => boolean): boolean {
    return test(this.network_address) && test(this.broadcast_address);
  }
  get is_multicast(): boolean {
    return this.both((a) => a.is_multicast);
  }
  get is_reserved(): boolean {
    return this.both((a) => a.is_reserved);
  }
  get is_link_local(): boolean {
    return this.both((a) => a.is_link_local);
  }
  get is_unspecified(): boolean {
    return this.both((a) => a.is_unspecified);
  }
  get is_loopback(): boolean {
    return this.both((a) => a.is_loopback);
  }
  get is_private(): boolean {
    const fam = familyOf(this);
    return (fam.version === 4 ? V4_PRIVATE : V6_PRIVATE).some((n) => {
      const net = network(fam, n);
      return net.has(this.network_address._ip) && net.has(this.broadcast_address._ip);
    });
  }
  get is_global(): boolean {
    const fam = familyOf(this);
    if (fam.version === 4) {
      const shared = network(fam, "100.64.0.0/10");
      if (shared.has(this.network_address._ip) && shared.has(this.broadcast_address._ip)) return false;
    }
    return !this.is_private;
  }
}

function isSubnet(a: unknown, b: unknown): boolean {
  if (!(a instanceof _BaseNetwork && b instanceof _BaseNetwork)) {
    if (a instanceof _IPAddressBase && b instanceof _IPAddressBase) sameVersion(a, b);
    throw new TypeError(`Unable to test subnet containment between ${str(a)} and ${str(b)}`);
  }
  sameVersion(a, b);
  return b.network_address._ip <= a.network_address._ip && b.broadcast_address._ip >= a.broadcast_address._ip;
}

export class IPv4Network extends _BaseNetwork {
  static __module__ = "ipaddress";
}
export class IPv6Network extends _BaseNetwork {
  get is_site_local(): boolean {
    return (
      (this.network_address as unknown as { is_site_local: boolean }).is_site_local &&
      (this.broadcast_address as unknown as { is_site_local: boolean }).is_site_local
    );
  }
  static __module__ = "ipaddress";
}

const V4: Family = { version: 4, bits: 32, allOnes: (1n << 32n) - 1n, parse: parseV4, text: textV4, Address: IPv4Address, Network: IPv4Network };
const V6: Family = { version: 6, bits: 128, allOnes: (1n << 128n) - 1n, parse: parseV6, text: textV6, Address: IPv6Address, Network: IPv6Network };
for (const cls of [IPv4Address, IPv4Interface, IPv4Network]) Object.defineProperty(cls, "FAMILY", { value: V4 });
for (const cls of [IPv6Address, IPv6Interface, IPv6Network]) Object.defineProperty(cls, "FAMILY", { value: V6 });

// The special ranges (IANA's registries, as CPython 3.12.1 lists them).
const V4_PRIVATE = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/29",
  "192.0.0.170/31",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "240.0.0.0/4",
  "255.255.255.255/32",
];
const V6_PRIVATE = ["::1/128", "::/128", "::ffff:0:0/96", "100::/64", "2001::/23", "2001:2::/48", "2001:db8::/32", "2001:10::/28", "fc00::/7", "fe80::/10"];
const V6_RESERVED = [
  "::/8",
  "100::/8",
  "200::/7",
  "400::/6",
  "800::/5",
  "1000::/4",
  "4000::/3",
  "6000::/3",
  "8000::/3",
  "a000::/3",
  "c000::/3",
  "e000::/4",
  "f000::/5",
  "f800::/6",
  "fe00::/9",
];

/** A special range's network (made once). */
const ranges = new Map<string, { has(ip: bigint): boolean }>();
function network(fam: Family, text: string): { has(ip: bigint): boolean } {
  let net = ranges.get(text);
  if (!net) {
    const [addr, prefix] = text.split("/");
    const mask = maskOf(fam, BigInt(prefix));
    const base = fam.parse(addr);
    net = { has: (ip: bigint) => (ip & mask) === base };
    ranges.set(text, net);
  }
  return net;
}

// ───────────── functions ─────────────

/** Tries IPv4 then IPv6; neither: ValueError naming WHAT. */
function either<T>(make: (fam: Family) => T, address: unknown, what: string): T {
  for (const fam of [V4, V6]) {
    try {
      return make(fam);
    } catch (e) {
      if (!(e instanceof AddressValueError || e instanceof NetmaskValueError)) throw e;
    }
  }
  throw new ValueError(`${repr(address)} does not appear to be an IPv4 or IPv6 ${what}`);
}

export function ip_address(address: unknown): _BaseAddress {
  return either((fam) => new fam.Address(address), address, "address");
}
export function ip_network(...args: unknown[]): _BaseNetwork {
  const a = bindArgs("ip_network", args, ["address", "strict"], { strict: true });
  return either((fam) => new fam.Network(a.address, a.strict), a.address, "network");
}
export function ip_interface(address: unknown): _BaseAddress {
  return either((fam) => (fam.version === 4 ? new IPv4Interface(address) : new IPv6Interface(address)), address, "interface");
}

function intToPacked(address: unknown, n: number, version: number): PyBytes {
  const ip = toBig(address as bigint);
  if (ip < 0n || ip >= 1n << BigInt(8 * n)) throw new ValueError(`Address negative or too large for IPv${version}`);
  return packed(ip, n);
}
export function v4_int_to_packed(address: unknown): PyBytes {
  return intToPacked(address, 4, 4);
}
export function v6_int_to_packed(address: unknown): PyBytes {
  return intToPacked(address, 16, 6);
}

/** The fewest networks covering first..last. */
export function* summarize_address_range(first: unknown, last: unknown): Generator<_BaseNetwork> {
  if (!(first instanceof _BaseAddress && last instanceof _BaseAddress)) throw new TypeError("first and last must be IP addresses, not networks");
  sameVersion(first, last);
  if (first._ip > last._ip) throw new ValueError("last IP address must be greater than first");
  const fam = familyOf(first);
  let lo = first._ip;
  const hi = last._ip;
  while (lo <= hi) {
    const nbits = Math.min(trailingZeros(lo, fam.bits), bitLength(hi - lo + 1n) - 1);
    yield new fam.Network(PyTuple.of<unknown>(lo, BigInt(fam.bits - nbits)));
    lo += 1n << BigInt(nbits);
    if (lo - 1n === fam.allOnes) break;
  }
}

/** The addresses and networks given, merged into the fewest networks. */
export function* collapse_addresses(addresses: unknown): Generator<_BaseNetwork> {
  const ips: _BaseAddress[] = [];
  const nets: _BaseNetwork[] = [];
  const check = (list: _IPAddressBase[], x: _IPAddressBase) => {
    if (list.length && familyOf(list[list.length - 1]).version !== familyOf(x).version) {
      throw new TypeError(`${str(x)} and ${str(list[list.length - 1])} are not of the same version`);
    }
  };
  for (const x of toIterable(addresses)) {
    if (x instanceof _BaseAddress) {
      check(ips, x);
      ips.push(x);
    } else if (x instanceof _BaseNetwork && x._prefixlen === BigInt(familyOf(x).bits)) {
      check(ips, x);
      ips.push(x.network_address);
    } else if (x instanceof _BaseNetwork) {
      check(nets, x);
      nets.push(x);
    } else throw new AttributeError(`'${typeName(x)}' object has no attribute '_prefixlen'`);
  }
  // distinct addresses in order, then runs of consecutive ones summarized
  const unique = [...new Map(ips.map((ip) => [`${familyOf(ip).version}:${ip._ip}`, ip])).values()].sort((a, b) => (a._ip < b._ip ? -1 : a._ip > b._ip ? 1 : 0));
  const merged: _BaseNetwork[] = [];
  for (let i = 0; i < unique.length;) {
    let j = i;
    while (j + 1 < unique.length && unique[j + 1]._ip === unique[j]._ip + 1n) j++;
    merged.push(...summarize_address_range(unique[i], unique[j]));
    i = j + 1;
  }
  yield* collapseNetworks([...merged, ...nets]);
}

/** Sibling networks merged into their supernet until none pair up, then covered ones dropped. */
function* collapseNetworks(networks: _BaseNetwork[]): Generator<_BaseNetwork> {
  const todo = [...networks];
  const bySupernet = new Map<string, _BaseNetwork>();
  while (todo.length) {
    const net = todo.pop()!;
    const sup = net.supernet();
    const key = `${familyOf(sup).version}:${str(sup)}`;
    const existing = bySupernet.get(key);
    if (existing === undefined) bySupernet.set(key, net);
    else if (existing.__eq__(net) !== true) {
      bySupernet.delete(key);
      todo.push(sup);
    }
  }
  let last: _BaseNetwork | null = null;
  for (const net of sorted(PyList.fromArray([...bySupernet.values()])) as Iterable<_BaseNetwork>) {
    if (last !== null && last.broadcast_address._ip >= net.broadcast_address._ip) continue;
    yield net;
    last = net;
  }
}

export function get_mixed_type_key(obj: unknown): unknown {
  if (obj instanceof _BaseNetwork) return PyTuple.of<unknown>(BigInt(familyOf(obj).version), obj.network_address, obj.netmask);
  if (obj instanceof _BaseAddress) return PyTuple.of<unknown>(BigInt(familyOf(obj).version), obj);
  return NotImplemented;
}
