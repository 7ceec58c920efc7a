/**
 * Seeded randomness for the simulator. The core may not use Math.random(): a simulated floor must replay
 * exactly from its seed, so every draw comes from an sfc32 generator (small, fast, passes PractRand) whose
 * state is derived from the seed and a stream name. Separate streams (one per queue, one per agent and day)
 * keep draws independent of each other: a routing change does not reshuffle the arrivals.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Lognormal with the given mean (not median) and log-space spread sigma. */
  lognormal(mean: number, sigma: number): number;
}

/** murmur3's 32-bit finalizer: a cheap, well-mixing bijection on uint32. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const seedView = new DataView(new ArrayBuffer(8));

/** Hash any finite number (integers and fractions alike) and a stream name to a 32-bit seed. */
export function deriveSeed(seed: number, stream: string): number {
  seedView.setFloat64(0, seed);
  let h = fmix32(seedView.getUint32(0) ^ 0x9e3779b9);
  h = fmix32(h ^ seedView.getUint32(4));
  for (let i = 0; i < stream.length; i++) h = fmix32(Math.imul(h ^ stream.charCodeAt(i), 0x01000193));
  return fmix32(h ^ stream.length);
}

/** A uniform in [0, 1) that is a pure function of its inputs (for per-day factors that need no stream). */
export function hashUniform(seed: number, key: string): number {
  return deriveSeed(seed, key) / 4294967296;
}

export function createRandom(seed32: number): Random {
  // sfc32 state seeded through a splitmix-style sequence so nearby seeds give unrelated streams.
  let s = seed32 >>> 0;
  const word = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    return fmix32(s);
  };
  let a = word();
  let b = word();
  let c = word();
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;
  const normal = (): number => {
    // 1 - next() is in (0, 1], so the log is finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    exponential: (mean) => -mean * Math.log(1 - next()),
    normal,
    lognormal: (mean, sigma) => Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * normal()),
  };
}
