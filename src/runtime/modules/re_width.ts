// re: the width (shortest and longest match, in characters) of a piece of a Python pattern, for the
// rule that a look-behind must match a fixed width. Python checks it (re.error "look-behind
// requires fixed-width pattern"); JS accepts any look-behind, so the check is made here. The
// pattern has already been parsed by re.ts's translator, so it is well formed.

/** [min, max] of `cps[from..to)` (max may be Infinity); null when a backreference makes it unknown. */
export function patternWidth(cps: string[], from: number, to: number, verbose: boolean): [number, number] | null {
  let i = from;
  let unknown = false;

  /** The index just past the `)` that closes the group opened at `open`. */
  const groupEnd = (open: number): number => {
    let depth = 0;
    for (let k = open; k < to; k++) {
      const c = cps[k];
      if (c === "\\") k++;
      else if (c === "[") k = classEnd(k) - 1;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return k + 1;
    }
    return to;
  };

  /** The index just past the `]` that closes the class opened at `open`. */
  const classEnd = (open: number): number => {
    let k = open + 1;
    if (cps[k] === "^") k++;
    if (cps[k] === "]") k++; // a leading ] is a member
    for (; k < to; k++) {
      if (cps[k] === "\\") k++;
      else if (cps[k] === "]") return k + 1;
    }
    return to;
  };

  /** One atom's width; advances i past it. */
  const atom = (): [number, number] => {
    const c = cps[i];
    if (c === "(") {
      const end = groupEnd(i);
      const inner = i + 1;
      i = end;
      if (cps[inner] !== "?") return alternation(inner, end - 1);
      const kind = cps[inner + 1];
      if (kind === "=" || kind === "!" || kind === "#") return [0, 0];
      if (kind === "<" && (cps[inner + 2] === "=" || cps[inner + 2] === "!")) return [0, 0];
      if (kind === "P" && cps[inner + 2] === "=") {
        unknown = true;
        return [0, 0];
      }
      if (kind === "P" && cps[inner + 2] === "<") {
        let k = inner + 3;
        while (cps[k] !== ">") k++;
        return alternation(k + 1, end - 1);
      }
      // (?:...), (?flags:...), (?flags-flags:...)
      let k = inner + 1;
      while (k < end - 1 && cps[k] !== ":" && cps[k] !== ")") k++;
      return cps[k] === ":" ? alternation(k + 1, end - 1) : [0, 0];
    }
    if (c === "[") {
      i = classEnd(i);
      return [1, 1];
    }
    if (c === "\\") {
      const e = cps[i + 1];
      i += 2;
      if (e === "b" || e === "B" || e === "A" || e === "Z") return [0, 0];
      if (/[1-9]/.test(e) && !(/[0-7]/.test(e) && /[0-7]/.test(cps[i] ?? "") && /[0-7]/.test(cps[i + 1] ?? ""))) {
        unknown = true;
        if (/[0-9]/.test(cps[i] ?? "")) i++;
        return [0, 0];
      }
      const digits = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      if (digits) i += digits;
      else if (/[0-7]/.test(e)) for (let n = 0; n < 2 && /[0-7]/.test(cps[i] ?? ""); n++) i++; // \0oo, \ooo
      return [1, 1];
    }
    i++;
    return c === "^" || c === "$" ? [0, 0] : [1, 1];
  };

  /** A quantifier after an atom, as [min, max] repeats, or null. Advances i past it. */
  const quantifier = (): [number, number] | null => {
    const c = cps[i];
    let q: [number, number] | null = null;
    if (c === "*") q = [0, Infinity];
    else if (c === "+") q = [1, Infinity];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(cps.slice(i, Math.min(to, i + 40)).join(""));
      if (m && (m[1] || m[2])) {
        const lo = m[1] ? Number(m[1]) : 0;
        q = [lo, m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo];
        i += m[0].length - 1;
      }
    }
    if (q === null) return null;
    i++;
    if (cps[i] === "?") i++; // lazy
    return q;
  };

  const skipVerbose = () => {
    while (verbose && i < to && (/\s/.test(cps[i]) || cps[i] === "#")) {
      if (cps[i] === "#") while (i < to && cps[i] !== "\n") i++;
      else i++;
    }
  };

  /** `a|b|...` from i up to `end`. */
  function alternation(start: number, end: number): [number, number] {
    const saved = i;
    i = start;
    let lo = Infinity;
    let hi = 0;
    for (;;) {
      let seqLo = 0;
      let seqHi = 0;
      for (skipVerbose(); i < end && cps[i] !== "|"; skipVerbose()) {
        const [a, b] = atom();
        skipVerbose();
        const q = quantifier();
        seqLo += q ? a * q[0] : a;
        seqHi += q ? (b === 0 ? 0 : b * q[1]) : b;
      }
      lo = Math.min(lo, seqLo);
      hi = Math.max(hi, seqHi);
      if (cps[i] !== "|" || i >= end) break;
      i++;
    }
    i = saved;
    return [lo, hi];
  }

  const width = alternation(from, to);
  return unknown ? null : width;
}
