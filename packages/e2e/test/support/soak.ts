import { randomInt } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS, percentile } from '@docflow/documents';
import { EICAR } from '@docflow/testing';

/** What a soak needs of a running pipeline. */
export interface SoakTarget {
  db: Db;
  api(
    method: string,
    path: string,
    key: string,
    body?: BodyInit | object,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  adminKey: string;
  /**
   * Documents settled so far by outcome, cheaply (the gateway's metrics). Without it, progress is
   * an aggregation over the documents, whose cost grows with them (on FerretDB each poll reads
   * every record).
   */
  settledByOutcome?(): Promise<Record<string, number>>;
}

export interface SoakOptions {
  docs: number;
  /** Offered rate, documents per second (uploads are paced, not bursted). */
  rate: number;
  /** Uploads in flight at once. */
  concurrency?: number;
  /** Give up when no document settles for this long. */
  stallMs?: number;
  onProgress?(progress: SoakProgress): void;
}

export interface SoakProgress {
  elapsedMs: number;
  submitted: number;
  refused: number;
  settled: number;
  byStatus: Record<string, number>;
}

export interface SoakReport {
  docs: number;
  rate: number;
  submitted: number;
  /** Uploads the gateway refused for good (anything but 202 after retries), by status code. */
  refused: Record<string, number>;
  byStatus: Record<string, number>;
  /** Published documents and destination-record rows (one set per published document). */
  published: number;
  documentsWithRecords: number;
  recordRows: number;
  durationMs: number;
  documentsPerSecond: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  /** Every way the counts do not add up; empty when the run is clean. */
  mismatches: string[];
}

const RECORD_COLLECTIONS = [
  COLLECTIONS.invoices,
  COLLECTIONS.expenses,
  COLLECTIONS.bankTransactions,
  COLLECTIONS.archive,
];
const FINAL = ['published', 'needs_review', 'rejected', 'failed', 'cancelled'];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;
const amount = () => (randomInt(1_000, 900_000) / 100).toFixed(2);
const day = () =>
  `2026-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
const VENDORS = [
  'Northwind Traders',
  'Acme Supplies',
  'Papelería Sol',
  'Ferretería Andina',
  'Blue Harbor Logistics',
  'Café del Puerto',
];

/** A small text document of a random kind; about 1 in 100 is the antivirus test file. */
export function soakDocument(n: number): { name: string; content: string; type: string } {
  const vendor = pick(VENDORS);
  const kind = randomInt(100);
  if (kind === 0) return { name: `eicar-${n}.txt`, content: EICAR, type: 'text/plain' };
  if (kind < 35)
    return {
      name: `invoice-${n}.txt`,
      type: 'text/plain',
      content: `INVOICE\nInvoice number: INV-${n}\nInvoice date: ${day()}\nFrom: ${vendor} Ltd, VAT GB${randomInt(100_000_000, 999_999_999)}\nBill to: Contoso GmbH\n\nDescription            Qty   Price\nConsulting services      ${randomInt(1, 20)}   ${amount()}\n\nSubtotal: ${amount()} EUR\nVAT 20%: ${amount()} EUR\nTotal due: ${amount()} EUR\nPayment terms: 30 days\n`,
    };
  if (kind < 55)
    return {
      name: `factura-${n}.txt`,
      type: 'text/plain',
      content: `FACTURA\nNúmero de factura: F-${n}\nFecha de emisión: ${day()}\nEmisor: ${vendor} S.L., NIF B${randomInt(10_000_000, 99_999_999)}\nCliente: Industrias Norte S.A.\n\nConcepto: servicios de mantenimiento\nBase imponible: ${amount()} €\nIVA 21%: ${amount()} €\nTotal a pagar: ${amount()} €\nForma de pago: transferencia\n`,
    };
  if (kind < 75)
    return {
      name: `receipt-${n}.txt`,
      type: 'text/plain',
      content: `${vendor.toUpperCase()}\nRECEIPT\nDate: ${day()} 12:${randomInt(10, 59)}\n2 x Coffee        7.00\n1 x Sandwich      6.50\nTOTAL             ${amount()}\nPaid by card **** ${randomInt(1000, 9999)}\nThank you for your visit\n`,
    };
  if (kind < 90) {
    const rows = Array.from(
      { length: randomInt(3, 12) },
      (_, i) => `${day()},Card payment ${vendor} ${i},-${amount()},${amount()}`,
    );
    return {
      name: `statement-${n}.csv`,
      type: 'text/csv',
      content: `Date,Description,Amount,Balance\n${rows.join('\n')}\n`,
    };
  }
  return {
    name: `notes-${n}.txt`,
    type: 'text/plain',
    content: `Meeting notes ${day()}\nAttendees: ${vendor}, finance team\n- Review the quarterly plan\n- Follow up on open items (${randomInt(1, 9)})\n`,
  };
}

/**
 * Uploads `docs` small documents at a bounded rate to a new tenant, waits until every accepted one
 * reaches a final state, then checks the counts: submitted = published + needs_review + rejected,
 * one set of destination records per published document and none for the others, no document
 * in two record collections.
 */
export async function runSoak(target: SoakTarget, options: SoakOptions): Promise<SoakReport> {
  const { docs, rate } = options;
  const concurrency = options.concurrency ?? 8;
  const stallMs = options.stallMs ?? 120_000;
  const tenant = await target.api('POST', '/v1/tenants', target.adminKey, {
    name: `Soak ${new Date().toISOString()}`,
    rateLimit: 1_000_000,
  });
  if (tenant.status !== 201) throw new Error(`creating the soak tenant answered ${tenant.status}`);
  const tenantId: string = tenant.body.tenant.id;
  const key: string = tenant.body.apiKey.key;
  const documents = target.db.collection(COLLECTIONS.documents);

  const started = Date.now();
  let submitted = 0;
  const refused: Record<string, number> = {};
  let next = 0;
  const upload = async (n: number): Promise<void> => {
    const doc = soakDocument(n);
    for (let attempt = 0; ; attempt += 1) {
      const form = new FormData();
      form.append('file', new Blob([doc.content], { type: doc.type }), doc.name);
      const answer = await target
        .api('POST', '/v1/documents', key, form)
        .catch(() => ({ status: 0, body: null }));
      if (answer.status === 202) {
        submitted += 1;
        return;
      }
      const transient = answer.status === 0 || answer.status === 429 || answer.status >= 500;
      if (!transient || attempt >= 5) {
        refused[answer.status] = (refused[answer.status] ?? 0) + 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  };
  // paced: upload n starts no earlier than n / rate seconds after the start
  const worker = async () => {
    for (;;) {
      const n = next++;
      if (n >= docs) return;
      const due = started + (n * 1000) / rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      await upload(n);
    }
  };
  const uploading = Promise.all(Array.from({ length: concurrency }, worker));
  let uploadsDone = false;
  void uploading.then(() => (uploadsDone = true));

  const statusCounts = async (): Promise<Record<string, number>> => {
    const rows = await documents
      .aggregate<{ _id: string; n: number }>([
        { $match: { tenantId } },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ])
      .toArray();
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  };
  // the tracker's counts cover the whole pipeline: what was settled before this run is left out
  const cheap = target.settledByOutcome?.bind(target);
  const before = cheap ? await cheap() : {};
  const settledSinceStart = async (): Promise<Record<string, number>> => {
    const now = await cheap!();
    return Object.fromEntries(
      Object.entries(now).map(([outcome, n]) => [outcome, n - (before[outcome] ?? 0)]),
    );
  };
  let byStatus: Record<string, number> = {};
  let lastSettled = -1;
  let lastChange = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    byStatus = cheap ? await settledSinceStart() : await statusCounts();
    let settled = FINAL.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
    // the cheap count says done: confirm from the records before stopping
    if (cheap && uploadsDone && settled >= submitted) {
      byStatus = await statusCounts();
      settled = FINAL.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
    }
    const refusedCount = Object.values(refused).reduce((a, b) => a + b, 0);
    options.onProgress?.({
      elapsedMs: Date.now() - started,
      submitted,
      refused: refusedCount,
      settled,
      byStatus,
    });
    if (settled !== lastSettled) {
      lastSettled = settled;
      lastChange = Date.now();
    }
    if (uploadsDone && settled >= submitted) break;
    if (Date.now() - lastChange > stallMs) break;
  }
  await uploading;
  const durationMs = Date.now() - started;

  // the checks
  const mismatches: string[] = [];
  const rows = await documents
    .find({ tenantId }, { projection: { status: 1, createdAt: 1, finishedAt: 1, records: 1 } })
    .toArray();
  byStatus = {};
  for (const row of rows)
    byStatus[row.status as string] = (byStatus[row.status as string] ?? 0) + 1;
  const count = (s: string) => byStatus[s] ?? 0;
  if (rows.length !== submitted)
    mismatches.push(`${submitted} uploads accepted but ${rows.length} documents stored`);
  const accounted = count('published') + count('needs_review') + count('rejected');
  if (accounted !== submitted)
    mismatches.push(
      `submitted ${submitted} ≠ published ${count('published')} + needs_review ${count('needs_review')} + rejected ${count('rejected')} (others: ${JSON.stringify(byStatus)})`,
    );
  const expectedRows = new Map<string, number>();
  for (const row of rows)
    if (row.status === 'published')
      expectedRows.set(String(row._id), Array.isArray(row.records) ? row.records.length : 0);
  const seen = new Map<string, { collection: string; rows: number }>();
  let recordRows = 0;
  for (const collection of RECORD_COLLECTIONS) {
    const found = await target.db
      .collection(collection)
      .find({ tenantId }, { projection: { documentId: 1 } })
      .toArray();
    recordRows += found.length;
    for (const record of found) {
      const id = String(record.documentId);
      const entry = seen.get(id);
      if (entry && entry.collection !== collection)
        mismatches.push(`document ${id} has records in ${entry.collection} and ${collection}`);
      seen.set(id, { collection, rows: (entry?.rows ?? 0) + 1 });
    }
  }
  for (const [id, { rows: n }] of seen) {
    const expected = expectedRows.get(id);
    if (expected === undefined) mismatches.push(`document ${id} has records but is not published`);
    else if (expected !== n)
      mismatches.push(`document ${id} lists ${expected} records but ${n} rows exist (duplicates?)`);
  }
  for (const id of expectedRows.keys())
    if (!seen.has(id)) mismatches.push(`published document ${id} has no records`);

  const latencies = rows
    .filter((r) => FINAL.includes(r.status as string) && r.finishedAt)
    .map((r) => (r.finishedAt as Date).getTime() - (r.createdAt as Date).getTime())
    .sort((a, b) => a - b);
  return {
    docs,
    rate,
    submitted,
    refused,
    byStatus,
    published: count('published'),
    documentsWithRecords: seen.size,
    recordRows,
    durationMs,
    documentsPerSecond: Math.round((submitted / (durationMs / 1000)) * 10) / 10,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
    },
    mismatches: mismatches.slice(0, 50),
  };
}
