import type { DocType } from '@docflow/contracts';
import { buildVocabulary, featurize, type FeatureConfig } from './features';
import { fromModelFile, toModelFile, type Classifier } from './model-file';
import {
  DEFAULT_TRAIN,
  fitTemperature,
  logits,
  rng,
  trainSoftmax,
  type TrainOptions,
} from './softmax-regression';

export interface LabelledText {
  docType: DocType;
  text: string;
  /**
   * Where the example comes from (a country): calibration holds whole groups out, so the
   * temperature is fitted on documents unlike any its model was trained on.
   */
  group?: string;
}

const CALIBRATION_FOLDS = 3;

/**
 * The calibration fold of each example: groups dealt round-robin over the folds (sorted, so each
 * fold mixes languages when group names start with one), or without groups a random 20 % in fold 0.
 */
function calibrationFolds(examples: LabelledText[], random: () => number): number[] {
  const groups = [...new Set(examples.flatMap((e) => (e.group ? [e.group] : [])))].sort();
  if (groups.length >= CALIBRATION_FOLDS) {
    const fold = new Map(groups.map((g, i) => [g, i % CALIBRATION_FOLDS]));
    return examples.map((e) => (e.group ? fold.get(e.group)! : -1));
  }
  return examples.map(() => (random() < 0.2 ? 0 : -1));
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
 * Trains the base model. The calibration temperature is fitted on out-of-fold predictions: one
 * model per fold, trained without that fold's groups (countries), predicts them — so confidence
 * is calibrated on documents of countries, vocabularies and habits the model never saw, as real
 * documents will be (a random 80/20 split is in-distribution and makes every answer look sure).
 * Then the model is refit on everything and keeps that temperature.
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
  const folds = calibrationFolds(examples, rng(options.seed + 1));
  const outOfFold: { z: Float64Array; y: number }[] = [];
  for (const fold of new Set(folds.filter((f) => f >= 0))) {
    const held = data.filter((_, i) => folds[i] === fold);
    const model = trainSoftmax(
      DOC_TYPES,
      dims,
      data.filter((_, i) => folds[i] !== fold),
      options,
    );
    for (const d of held) outOfFold.push({ z: logits(model, d.x), y: d.y });
  }
  const temperature = outOfFold.length > 0 ? fitTemperature(outOfFold) : 1;
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
