/**
 * Seeded randomness for the bench dataset: the same seed and the same calls give the same rows, ids included,
 * so two runs of a benchmark measure the same data.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A bijection on 32-bit integers (murmur3's finaliser): distinct inputs give distinct outputs. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex32(word: number): string {
  return HEX[word >>> 24] + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[word & 0xff];
}

/** mulberry32, with helpers for the draws the generator needs. */
export class SeededRandom {
  private state: number;
  private idCounter = 0;
  private readonly idSalt: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
    this.idSalt = mix32(seed ^ 0x5bd1e995);
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of a few values by relative weight (a linear scan: for short lists). */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let point = this.next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** `count` distinct sorted draws in [min, max): the instants of a history between two moments. */
  sortedBetween(min: number, max: number, count: number): number[] {
    const draws: number[] = [];
    for (let i = 0; i < count; i++) draws.push(this.between(min, max));
    return draws.sort((a, b) => a - b);
  }

  /**
   * A version-4 UUID. The first 32 bits are a bijection of a per-instance counter, so ids of one instance
   * never collide; the other bits look random, so ids spread over indexes as gen_random_uuid() ones do.
   */
  uuid(): string {
    const counter = this.idCounter++;
    const a = mix32(counter ^ this.idSalt);
    const b = mix32(a + 0x9e3779b9);
    const c = mix32(b ^ 0x7f4a7c15);
    const d = mix32(c + counter);
    const bHex = hex32(((b & 0xffff0fff) | 0x4000) >>> 0);
    const cHex = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
    return `${hex32(a)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex32(d)}`;
  }
}

/**
 * Draws from a long list by weight in constant time (Vose's alias method): which office a task goes to, out
 * of eleven thousand.
 */
export class WeightedPicker<T> {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    const n = items.length;
    if (n === 0 || weights.length !== n) throw new RangeError('A weighted picker needs one weight per item');
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((weight) => (weight * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((value, index) => (value < 1 ? small : large).push(index));
    while (small.length > 0 && large.length > 0) {
      const less = small.pop() as number;
      const more = large.pop() as number;
      this.probability[less] = scaled[less];
      this.alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      (scaled[more] < 1 ? small : large).push(more);
    }
    for (const index of [...small, ...large]) this.probability[index] = 1;
  }

  pick(random: SeededRandom): T {
    const index = Math.floor(random.next() * this.items.length);
    return this.items[random.next() < this.probability[index] ? index : this.alias[index]];
  }
}
