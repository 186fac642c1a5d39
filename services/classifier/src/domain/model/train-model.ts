import type { DocType } from '@docflow/contracts';
import { buildVocabulary, featurize, type FeatureConfig } from './features';
import { fromModelFile, toModelFile, type Classifier } from './model-file';
import {
  DEFAULT_TRAIN,
  fitTemperature,
  rng,
  trainSoftmax,
  type TrainOptions,
} from './softmax-regression';

export interface LabelledText {
  docType: DocType;
  text: string;
}

export const DOC_TYPES: DocType[] = [
  'invoice',
  'receipt',
  'credit_note',
  'bank_statement',
  'contract',
  'payslip',
  'other',
];

/**
 * Trains the base model: fits on 80 % of the examples, picks the calibration temperature on the
 * other 20 %, then refits on everything and keeps that temperature.
 */
export function trainBaseModel(
  examples: LabelledText[],
  features: FeatureConfig,
  options: TrainOptions = DEFAULT_TRAIN,
  trainedAt = new Date(),
  metrics: Record<string, unknown> = {},
): Classifier {
  const dims = 1 << features.bits;
  const data = examples.map((e) => ({
    x: featurize(e.text, features),
    y: DOC_TYPES.indexOf(e.docType),
  }));
  const random = rng(options.seed + 1);
  const calibrationMask = data.map(() => random() < 0.2);
  const fitPart = data.filter((_, i) => !calibrationMask[i]);
  const calibration = data.filter((_, i) => calibrationMask[i]);
  const first = trainSoftmax(DOC_TYPES, dims, fitPart, options);
  const temperature = calibration.length > 0 ? fitTemperature(first, calibration) : 1;
  const model = trainSoftmax(DOC_TYPES, dims, data, options);
  model.temperature = temperature;
  const file = toModelFile(model, features, {
    prefix: 'base',
    trainedAt,
    metrics: { ...metrics, temperature },
    trainingExamples: examples.length,
    vocabulary: buildVocabulary(
      examples.map((e) => e.text),
      features,
    ),
  });
  return fromModelFile(file);
}

/**
 * A tenant's model: the base model adapted with that tenant's reviewed examples only (a few SGD
 * epochs starting from, and regularised towards, the base weights). Pure: the caller decides
 * which examples belong to the tenant; nothing else is read. The scheduler's retraining job calls
 * this with `training_examples` filtered by tenant and stores the result in `classifier_models`.
 */
export function trainTenantModel(
  base: Classifier,
  examples: LabelledText[],
  trainedAt = new Date(),
  options: Partial<TrainOptions> = {},
): Classifier {
  const data = examples
    .filter((e) => base.linear.classes.includes(e.docType))
    .map((e) => ({
      x: featurize(e.text, base.features),
      y: base.linear.classes.indexOf(e.docType),
    }));
  const linear = trainSoftmax(base.linear.classes, base.linear.dims, data, {
    epochs: 8,
    learningRate: 0.3,
    l2: 1e-3,
    seed: 11,
    ...options,
    prior: base.linear,
  });
  linear.temperature = base.linear.temperature;
  const file = toModelFile(linear, base.features, {
    prefix: 'tenant',
    trainedAt,
    metrics: { examples: data.length },
    trainingExamples: data.length,
    baseVersion: base.version,
    vocabulary: mergeVocabulary(
      base.vocabulary,
      buildVocabulary(
        [...examples, ...examples].map((e) => e.text),
        base.features,
      ),
    ),
  });
  return fromModelFile(file);
}

function mergeVocabulary(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((byte, i) => byte | b[i]!);
}
