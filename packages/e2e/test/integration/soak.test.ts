import { READY_TIMEOUT_MS } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { runSoak } from '../support/soak';

/** The CI-sized soak; `npm run soak` runs the full 10,000 documents with the same checks. */
describe('soak: many small documents through the whole pipeline at a bounded rate', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ name: 'e2e-soak' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('when 300 documents are offered at 15/s, then the counts add up exactly: every one settled, one record set per published document, no duplicates', async () => {
    const report = await runSoak(
      {
        db: pipeline.ctx.db,
        api: pipeline.api,
        adminKey: pipeline.adminKey,
        settledByOutcome: pipeline.settledByOutcome,
      },
      { docs: 300, rate: 15 },
    );
    expect(report.refused).toEqual({});
    expect(report.submitted).toBe(300);
    expect(report.mismatches).toEqual([]);
    expect(report.published).toBeGreaterThan(0);
    expect(report.documentsWithRecords).toBe(report.published);
  }, 600_000);
});
