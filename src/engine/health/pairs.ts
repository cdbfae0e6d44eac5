/**
 * Interaction weights per member pair, in typed arrays behind an open-addressing
 * hash (linear probing). A pair is touched on almost every message, so this is
 * the analyzer's hottest structure: one object and one Map entry per pair cost
 * several times more time and memory than these columns.
 */
export class PairTable {
  size = 0;
  /** Lower and higher member index of each pair. */
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  /** Weight a→b and b→a, explicit links and temporal adjacency apart. */
  explicitAB = new Float64Array(1024);
  explicitBA = new Float64Array(1024);
  temporalAB = new Float64Array(1024);
  temporalBA = new Float64Array(1024);
  /** First week index with an explicit / temporal link (Infinity = never). */
  firstExplicitWeek = new Float64Array(1024).fill(Infinity);
  firstTemporalWeek = new Float64Array(1024).fill(Infinity);
  /** Hash slots holding pair index + 1 (0 = empty); length is a power of two. */
  private slots = new Int32Array(2048);

  /** Index of the pair {x, y} (x ≠ y), created on first use. */
  index(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const mask = this.slots.length - 1;
    let s = hash(lo, hi) & mask;
    for (;;) {
      const held = this.slots[s]!;
      if (held === 0) break;
      if (this.a[held - 1] === lo && this.b[held - 1] === hi) return held - 1;
      s = (s + 1) & mask;
    }
    const i = this.size++;
    if (i === this.a.length) this.growColumns();
    this.a[i] = lo;
    this.b[i] = hi;
    this.slots[s] = i + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return i;
  }

  private growColumns(): void {
    const n = this.a.length * 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, fill?: number): T => {
      const next = new (old.constructor as new (n: number) => T)(n);
      if (fill !== undefined) next.fill(fill);
      next.set(old);
      return next;
    };
    this.a = grow(this.a);
    this.b = grow(this.b);
    this.explicitAB = grow(this.explicitAB);
    this.explicitBA = grow(this.explicitBA);
    this.temporalAB = grow(this.temporalAB);
    this.temporalBA = grow(this.temporalBA);
    this.firstExplicitWeek = grow(this.firstExplicitWeek, Infinity);
    this.firstTemporalWeek = grow(this.firstTemporalWeek, Infinity);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.size; i++) {
      let s = hash(this.a[i]!, this.b[i]!) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}

function hash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
}
