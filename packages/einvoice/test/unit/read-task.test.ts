import {
  READ_EINVOICE_TASK_FN,
  READ_EINVOICE_TASK_MODULE,
  type EInvoiceReading,
} from '@docflow/einvoice';
import { GERMAN_INVOICE, ublInvoiceXml } from '@docflow/fixtures';
import { createBudgetRunner, type BudgetRunner } from '@docflow/platform';

describe('reading under the budget runner', () => {
  let runner: BudgetRunner;
  beforeAll(() => {
    runner = createBudgetRunner({
      stage: 'test',
      activity: 'e-invoice reading',
      limits: { timeMs: 20_000, memoryMb: 256 },
      settings: { timeMs: 'TEST_BUDGET_MS', memoryMb: 'TEST_BUDGET_MB' },
    });
  });
  afterAll(() => runner.close());

  it('when an e-invoice is read in a worker, then the reading comes back as plain data', async () => {
    const reading = await runner.run<{ xml: string }, EInvoiceReading>({
      module: READ_EINVOICE_TASK_MODULE,
      fn: READ_EINVOICE_TASK_FN,
      input: { xml: ublInvoiceXml(GERMAN_INVOICE) },
    });
    expect(reading.invoice).toMatchObject({
      syntax: 'ubl',
      number: 'RE-2024-0815',
      totals: { total: 222.65 },
    });
  });

  it('when the XML is refused in the worker, then its error code survives the thread', async () => {
    await expect(
      runner.run({
        module: READ_EINVOICE_TASK_MODULE,
        fn: READ_EINVOICE_TASK_FN,
        input: { xml: '<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>' },
      }),
    ).rejects.toMatchObject({ code: 'XML_DTD_REFUSED' });
  });
});
