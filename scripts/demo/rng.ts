/**
 * Deterministic randomness for the demo generator. mulberry32 works on 32-bit integers
 * (Math.imul), so it never loses precision the way a floating-point LCG does, and the
 * same seed gives byte-identical output on every machine.
 */

/** FNV-1a over a string: turns ids and labels into sub-seeds. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A seed derived from a base seed and any number of labels (unit id, year, purpose). */
  static derive(seed: number, ...labels: (string | number)[]): Rng {
    let h = hashString(String(seed));
    for (const l of labels) h = hashString(`\u0000${l}`, h);
    return new Rng(h);
  }

  /** Next unsigned 32-bit integer (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    if (hi <= lo) return lo;
    return lo + (this.next() % (hi - lo + 1));
  }

  /** True with probability percent/100 (integer percent). */
  chance(percent: number): boolean {
    return this.next() % 100 < percent;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.next() % list.length]!;
  }

  /** A new array with the elements in random order (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[] {
    const out = list.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.next() % (i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }

  /** k distinct elements in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    return this.shuffle(list).slice(0, Math.max(0, Math.min(k, list.length)));
  }

  /** Index chosen with probability proportional to integer weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (total <= 0) return -1;
    let x = this.next() % total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}
