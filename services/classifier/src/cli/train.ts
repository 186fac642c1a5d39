import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { classifyText } from '../domain/model/classify-text';
import { DEFAULT_FEATURES } from '../domain/model/features';
import { trainBaseModel } from '../domain/model/train-model';
import { loadCorpus } from './load-corpus';
import { modelPath } from './paths';
import { writeJson } from './write-json';

/** `npm run train`: trains the base model on corpus/train.jsonl and writes model/base-model.json. */
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
        corpus: 'services/classifier/corpus (npm run corpus -w services/classifier)',
      },
    },
  };
  mkdirSync(dirname(modelPath), { recursive: true });
  await writeJson(modelPath, model.file);
  process.stdout.write(
    `model ${model.version}: ${train.length} training documents, held-out accuracy ${(correct / test.length) * 100}% ` +
      `(temperature ${model.linear.temperature.toFixed(3)}), ${Date.now() - started} ms\n`,
  );
}

void main();
