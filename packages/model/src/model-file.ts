import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { z } from 'zod';
import { docTypeSchema } from '@docflow/contracts';
import type { FeatureConfig } from './features';
import type { LinearModel } from './softmax-regression';

/** A trained classifier as stored (repo file for the base model, a record for a tenant model). */
export const modelFileSchema = z.object({
  format: z.literal('docflow-classifier/1'),
  version: z.string().min(1),
  trainedAt: z.iso.datetime(),
  classes: z.array(docTypeSchema).min(2),
  features: z.object({
    bits: z.number().int().min(8).max(22),
    charNgramMin: z.number().int().min(1),
    charNgramMax: z.number().int().min(1),
    maxChars: z.number().int().min(100),
  }),
  temperature: z.number().positive(),
  bias: z.array(z.number()),
  /** Per-class scale of the int16-quantised weights. */
  scales: z.array(z.number().positive()),
  /** deflate(int16 little-endian weights, class-major), base64. */
  weights: z.string().min(1),
  /** deflate(bitset of word buckets seen in training), base64: the out-of-distribution guard. */
  vocabulary: z.string().min(1),
  metrics: z.record(z.string(), z.unknown()),
  trainingExamples: z.number().int().min(0),
  baseVersion: z.string().optional(),
});
export type ModelFile = z.infer<typeof modelFileSchema>;

export interface Classifier {
  version: string;
  /** One bit per hash bucket: set when a training word fell in it. */
  vocabulary: Uint8Array;
  features: FeatureConfig;
  linear: LinearModel;
  file: ModelFile;
}

function quantise(model: LinearModel): { scales: number[]; buffer: Buffer } {
  const k = model.classes.length;
  const out = new Int16Array(k * model.dims);
  const scales: number[] = [];
  for (let c = 0; c < k; c += 1) {
    let max = 1e-9;
    for (let i = 0; i < model.dims; i += 1)
      max = Math.max(max, Math.abs(model.weights[c * model.dims + i]!));
    const scale = max / 32767;
    scales.push(scale);
    for (let i = 0; i < model.dims; i += 1) {
      out[c * model.dims + i] = Math.round(model.weights[c * model.dims + i]! / scale);
    }
  }
  return { scales, buffer: Buffer.from(out.buffer) };
}

/** Serialises a model; its version is `<prefix>-<date>-<hash of weights and config>`. */
export function toModelFile(
  linear: LinearModel,
  features: FeatureConfig,
  meta: {
    prefix: string;
    trainedAt: Date;
    metrics: Record<string, unknown>;
    trainingExamples: number;
    baseVersion?: string;
    vocabulary: Uint8Array;
  },
): ModelFile {
  const { scales, buffer } = quantise(linear);
  const hash = createHash('sha256')
    .update(buffer)
    .update(meta.vocabulary)
    .update(JSON.stringify({ features, bias: Array.from(linear.bias), t: linear.temperature }))
    .digest('hex')
    .slice(0, 12);
  const date = meta.trainedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return {
    format: 'docflow-classifier/1',
    version: `${meta.prefix}-${date}-${hash}`,
    trainedAt: meta.trainedAt.toISOString(),
    classes: linear.classes as ModelFile['classes'],
    features,
    temperature: linear.temperature,
    bias: Array.from(linear.bias, (b) => Math.round(b * 1e6) / 1e6),
    scales,
    weights: deflateSync(buffer, { level: 9 }).toString('base64'),
    vocabulary: deflateSync(meta.vocabulary, { level: 9 }).toString('base64'),
    metrics: meta.metrics,
    trainingExamples: meta.trainingExamples,
    ...(meta.baseVersion ? { baseVersion: meta.baseVersion } : {}),
  };
}

/** Validates and expands a stored model. */
export function fromModelFile(input: unknown): Classifier {
  const file = modelFileSchema.parse(input);
  const dims = 1 << file.features.bits;
  const raw = inflateSync(Buffer.from(file.weights, 'base64'));
  const k = file.classes.length;
  if (raw.length !== k * dims * 2 || file.scales.length !== k || file.bias.length !== k) {
    throw new Error(`model ${file.version}: weights do not match ${k} classes × ${dims} buckets`);
  }
  const ints = new Int16Array(raw.buffer, raw.byteOffset, k * dims);
  const weights = new Float32Array(k * dims);
  for (let c = 0; c < k; c += 1) {
    const scale = file.scales[c]!;
    for (let i = 0; i < dims; i += 1) weights[c * dims + i] = ints[c * dims + i]! * scale;
  }
  const vocabulary = new Uint8Array(inflateSync(Buffer.from(file.vocabulary, 'base64')));
  if (vocabulary.length !== dims / 8)
    throw new Error(`model ${file.version}: vocabulary size mismatch`);
  return {
    version: file.version,
    vocabulary,
    features: file.features,
    linear: {
      classes: file.classes,
      dims,
      weights,
      bias: Float32Array.from(file.bias),
      temperature: file.temperature,
    },
    file,
  };
}
