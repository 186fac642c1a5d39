import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BASE_MODEL_PATH, DEFAULT_FEATURES, classifyText, trainBaseModel } from '@docflow/model';
import { loadCorpus } from './load-corpus';
import { writeJson } from './write-json';

/**
 * `npm run train`: trains the base model on corpus/train.jsonl and writes it to the model package
 * (packages/model/model/base-model.json).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const train = loadCorpus('train');
  const test = loadCorpus('test');
  // calibration holds whole countries out (see trainBaseModel)
  const trained = trainBaseModel(
    train.map((d) => ({ docType: d.docType, text: d.text, group: `${d.lang}:${d.country}` })),
    DEFAULT_FEATURES,
  );
  const correct = test.filter((d) => classifyText(trained, d.text).docType === d.docType).length;
  // Metrics are attached after the fact: the version hash covers weights and config, not metrics.
  const model = {
    ...trained,
    file: {
      ...trained.file,
      metrics: {
        ...trained.file.metrics,
        heldOutAccuracy: Math.round((correct / test.length) * 10_000) / 10_000,
        heldOutDocuments: test.length,
        corpus: 'packages/corpus/corpus (npm run corpus)',
      },
    },
  };
  mkdirSync(dirname(BASE_MODEL_PATH), { recursive: true });
  await writeJson(BASE_MODEL_PATH, model.file);
  process.stdout.write(
    `model ${model.version}: ${train.length} training documents, held-out accuracy ${(correct / test.length) * 100}% ` +
      `(temperature ${model.linear.temperature.toFixed(3)}), ${Date.now() - started} ms\n`,
  );
}

void main();
