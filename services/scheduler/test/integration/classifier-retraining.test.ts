import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '@docflow/documents';
import { createLogger } from '@docflow/platform';
import { createTestContext, repoRoot, type TestContext } from '@docflow/testing';
import { createClassifierRetraining } from '../../src/jobs/classifier-retraining';

const sanity = (name: string) =>
  readFileSync(join(repoRoot, 'packages/corpus/corpus/sanity', `${name}.txt`), 'utf8');

describe('classifier retraining job (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('retraining');
  });
  afterAll(() => ctx.cleanup());

  const run = (params: Record<string, unknown>) =>
    createClassifierRetraining({ db: ctx.db }).run(params, {
      runId: 'r',
      logger: createLogger({ service: 'test', level: 'silent' }),
      signal: new AbortController().signal,
      at: new Date(),
    });

  it('when tenants have review corrections, then each gets a model of its own and only from its own examples', async () => {
    const examples = ctx.db.collection(COLLECTIONS.trainingExamples);
    await examples.insertMany([
      {
        tenantId: 'acme',
        documentId: 'd1',
        docType: 'receipt',
        text: sanity('09-pe-boleta'),
        createdAt: new Date(),
      },
      {
        tenantId: 'acme',
        documentId: 'd2',
        docType: 'receipt',
        text: sanity('03-es-ticket'),
        createdAt: new Date(),
      },
      {
        tenantId: 'globex',
        documentId: 'd3',
        docType: 'contract',
        text: sanity('06-es-contrato'),
        createdAt: new Date(),
      },
    ] as never[]);

    const output = await run({});
    expect(output.tenants).toBe(2);
    const models = await ctx.db.collection(COLLECTIONS.models).find().toArray();
    expect(models.map((m) => m._id).sort()).toEqual(['acme', 'globex']);
    for (const m of models) expect(m.tenantId).toBe(m._id);
    const summary = output.models as { tenantId: string; examples: number }[];
    expect(summary.find((m) => m.tenantId === 'acme')?.examples).toBe(2);
    expect(summary.find((m) => m.tenantId === 'globex')?.examples).toBe(1);

    const only = await run({ tenantId: 'globex' });
    expect((only.models as { tenantId: string }[]).map((m) => m.tenantId)).toEqual(['globex']);
    expect(await run({ tenantId: 'initech' })).toMatchObject({ tenants: 0 });
  });
});
