import type { SparseVector } from './features';

/** Multinomial logistic regression over hashed sparse features (weights: class-major). */
export interface LinearModel {
  classes: string[];
  dims: number;
  /** classes.length × dims, class-major. */
  weights: Float32Array;
  bias: Float32Array;
  /** Temperature applied to the logits before the softmax (calibration). */
  temperature: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 strength; with `prior`, pulls weights towards the prior's instead of zero. */
  l2: number;
  seed: number;
  prior?: LinearModel;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, learningRate: 0.5, l2: 1e-6, seed: 7 };

export function logits(model: LinearModel, x: SparseVector): Float64Array {
  const k = model.classes.length;
  const out = new Float64Array(k);
  for (let c = 0; c < k; c += 1) {
    let s = model.bias[c]!;
    const offset = c * model.dims;
    for (let j = 0; j < x.indices.length; j += 1)
      s += model.weights[offset + x.indices[j]!]! * x.values[j]!;
    out[c] = s;
  }
  return out;
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v / temperature);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i += 1) {
    out[i] = Math.exp(z[i]! / temperature - max);
    sum += out[i]!;
  }
  for (let i = 0; i < z.length; i += 1) out[i]! /= sum;
  return out;
}

export function predictProba(model: LinearModel, x: SparseVector): Float64Array {
  return softmax(logits(model, x), model.temperature);
}

/** A small deterministic PRNG (mulberry32) so training is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains by stochastic gradient descent on the cross-entropy, with a decaying step and L2 applied
 * lazily to the touched weights. With a prior model, starts from its weights and regularises
 * towards them (used to adapt the base model to one tenant's corrections).
 */
export function trainSoftmax(
  classes: string[],
  dims: number,
  data: { x: SparseVector; y: number }[],
  options: TrainOptions = DEFAULT_TRAIN,
): LinearModel {
  const k = classes.length;
  const weights = options.prior
    ? Float32Array.from(options.prior.weights)
    : new Float32Array(k * dims);
  const bias = options.prior ? Float32Array.from(options.prior.bias) : new Float32Array(k);
  const prior = options.prior?.weights;
  const model: LinearModel = { classes, dims, weights, bias, temperature: 1 };
  const random = rng(options.seed);
  const order = data.map((_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { x, y } = data[index]!;
      const lr = options.learningRate / (1 + step * 1e-4);
      step += 1;
      const p = softmax(logits(model, x));
      for (let c = 0; c < k; c += 1) {
        const g = p[c]! - (c === y ? 1 : 0);
        bias[c]! -= lr * g * 0.1;
        const offset = c * dims;
        for (let j = 0; j < x.indices.length; j += 1) {
          const w = offset + x.indices[j]!;
          const anchor = prior ? prior[w]! : 0;
          weights[w]! -= lr * (g * x.values[j]! + options.l2 * (weights[w]! - anchor));
        }
      }
    }
  }
  return model;
}

/** Picks the temperature minimising the negative log-likelihood of held-out logits. */
export function fitTemperature(z: { z: Float64Array; y: number }[]): number {
  let best = { t: 1, nll: Infinity };
  for (let t = 0.05; t <= 5; t *= 1.1) {
    let nll = 0;
    for (const d of z) nll -= Math.log(Math.max(softmax(d.z, t)[d.y]!, 1e-12));
    if (nll < best.nll) best = { t, nll };
  }
  return best.t;
}
