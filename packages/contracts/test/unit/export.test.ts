import Ajv2020 from 'ajv/dist/2020';
import AjvDraft7 from 'ajv';
import specs from '@asyncapi/specs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildAsyncApi,
  buildTopology,
  consumers,
  eventCatalog,
  eventJsonSchema,
  eventTypes,
  exportFiles,
  queuesOf,
  replaceGeneratedBlock,
  topologyMarkdown,
} from '@docflow/contracts';
import { version as contractsVersion } from '../../package.json';
import { sampleEvents } from './samples';

describe('contracts export', () => {
  test('when every event is exported as JSON Schema 2020-12, then each schema compiles and accepts a valid event and rejects a broken one', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i).addFormat('date-time', true);
    for (const type of eventTypes) {
      const validate = ajv.compile(eventJsonSchema(type));
      const sample = sampleEvents[type];
      expect({ type, valid: validate(sample), errors: validate.errors }).toMatchObject({
        type,
        valid: true,
      });
      expect(validate({ ...sample, payload: 'nope' })).toBe(false);
    }
  });

  test('when the AsyncAPI document is built, then it validates against the official AsyncAPI 3.0.0 schema', () => {
    const ajv = new AjvDraft7({
      strict: false,
      allErrors: true,
      validateFormats: false,
      meta: false,
      validateSchema: false,
    });
    const schema = (specs as unknown as { schemas: Record<string, object> }).schemas['3.0.0']!;
    const validate = ajv.compile(schema);
    const doc = buildAsyncApi('0.0.0-test');

    const ok = validate(doc);

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(Object.keys(doc.channels as object)).toHaveLength(eventTypes.length);
  });

  test('when the export is written, then it has one schema per event, the AsyncAPI document and the topology', () => {
    const files = Object.keys(exportFiles('1.0.0'));
    expect(files).toEqual(
      expect.arrayContaining([
        'asyncapi.json',
        'topology.json',
        'topology.md',
        ...eventTypes.map((t) => `events/${t}.schema.json`),
      ]),
    );
  });
});

describe('contracts topology', () => {
  test('when the topology is built, then every consumed event has a work queue bound to it and every consumer a dead-letter queue', () => {
    const topology = buildTopology();
    const queueNames = new Set(topology.queues.map((q) => q.name));
    for (const consumer of consumers) {
      const q = queuesOf(consumer.name);
      expect(queueNames.has(q.work) && queueNames.has(q.deadLetter)).toBe(true);
      for (const type of consumer.consumes) {
        expect(topology.bindings).toContainEqual({
          exchange: 'docflow.events',
          queue: q.work,
          routingKey: type,
        });
      }
    }
    expect(new Set(topology.queues.map((q) => q.name)).size).toBe(topology.queues.length);
  });

  test('when an event is produced by a consumer, then some consumer or the tracker consumes it', () => {
    const consumed = new Set(consumers.flatMap((c) => c.consumes));
    for (const type of consumers.flatMap((c) => c.produces)) expect(consumed.has(type)).toBe(true);
  });

  test('when an envelope misses its documentId on a document event, then the schema rejects it', () => {
    const { documentId: _omit, ...withoutDocument } = sampleEvents['document.received'] as Record<
      string,
      unknown
    >;
    expect(eventCatalog['document.received'].schema.safeParse(withoutDocument).success).toBe(false);
    expect(
      eventCatalog['document.received'].schema.safeParse(sampleEvents['document.received']).success,
    ).toBe(true);
  });
});

describe('committed contract docs', () => {
  const root = join(__dirname, '../../../..');

  test('when the contracts change, then docs/contracts and the topology block of docs/architecture.md are regenerated (npm run contracts:export)', () => {
    for (const [path, content] of Object.entries(exportFiles(contractsVersion))) {
      const file = join(root, 'docs/contracts', path);
      expect({
        file,
        upToDate: existsSync(file) && readFileSync(file, 'utf8') === content,
      }).toEqual({ file, upToDate: true });
    }
    const architecture = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    expect(replaceGeneratedBlock(architecture, 'topology', topologyMarkdown())).toBe(architecture);
  });
});
