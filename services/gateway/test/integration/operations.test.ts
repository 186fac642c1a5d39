import { consumers, queuesOf } from '@docflow/contracts';
import {
  BREAKER_BOARD_COLLECTION,
  BREAKER_STALE_MS,
  HEADERS,
  createBreaker,
  createBreakerBoard,
  createLogger,
  createMetrics,
} from '@docflow/platform';
import { waitFor } from '@docflow/testing';
import { connect } from 'amqplib';
import { routesOf } from '../../src/http/route-list';
import { validateOpenApi } from '../support/validate-openapi';
import { ADMIN_KEY, call, form, stageEvent, startHarness, type Harness } from '../support/harness';

describe('gateway operations: pipeline, health, dead letters, API document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('gateway-operations');
  });
  afterAll(() => h.stop());

  it('when the pipeline is asked for, then every consumer of the topology is listed with live queue numbers', async () => {
    const { key } = await h.tenant();
    const res = await call(h, 'GET', '/v1/pipeline', { key });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('management');
    expect(res.body.stages.map((s: { name: string }) => s.name)).toEqual(
      consumers.map((c) => c.name),
    );
    const tracker = res.body.stages.find((s: { name: string }) => s.name === 'tracker');
    expect(tracker.queue).toMatchObject({ name: queuesOf('tracker').work, consumers: 1 });
    const scanner = res.body.stages.find((s: { name: string }) => s.name === 'scanner');
    expect(scanner).toMatchObject({ consumes: ['document.received'], queue: { consumers: 0 } });
    expect(scanner.produces).toContain('document.scanned');
  });

  it('when processes report circuit breakers, then the pipeline lists the live ones, a tenant only shared ones and its own', async () => {
    const owner = await h.tenant();
    const other = await h.tenant();
    const logger = createLogger({ service: 'test', level: 'silent' });
    const scanner = createBreakerBoard(h.ctx.db, { service: 'scanner', logger, replica: 's1' });
    const publisher = createBreakerBoard(h.ctx.db, { service: 'publisher', logger, replica: 'p1' });
    const metrics = createMetrics('test');
    const { breaker: clamd } = createBreaker('clamd', async () => 'ok', metrics, {
      board: scanner,
    });
    const { breaker: hook } = createBreaker('webhook:e1', async () => 'ok', metrics, {
      board: publisher,
      owner: { tenantId: owner.id },
    });
    clamd.open();
    // a row of a process that died long ago is not shown
    await h.ctx.db.collection(BREAKER_BOARD_COLLECTION).insertOne({
      _id: 'gone/clamd' as never,
      service: 'scanner',
      breaker: 'clamd',
      replica: 'gone',
      state: 'open',
      since: new Date(0),
      reportedAt: new Date(Date.now() - 10 * BREAKER_STALE_MS),
    });
    const names = (body: { breakers: { name: string; state: string; replica: string }[] }) =>
      body.breakers.map((b) => `${b.replica}/${b.name}=${b.state}`).sort();

    const admin = await waitFor(
      async () => {
        const r = await call(h, 'GET', '/v1/pipeline', { key: ADMIN_KEY });
        return names(r.body).includes('s1/clamd=open') ? r.body : null;
      },
      10_000,
      'the open clamd breaker',
    );
    expect(names(admin)).toEqual(['p1/webhook:e1=closed', 's1/clamd=open']);
    const own = (await call(h, 'GET', '/v1/pipeline', { key: owner.key })).body;
    expect(names(own)).toEqual(['p1/webhook:e1=closed', 's1/clamd=open']);
    const stranger = (await call(h, 'GET', '/v1/pipeline', { key: other.key })).body;
    expect(names(stranger)).toEqual(['s1/clamd=open']);

    // a clean stop takes a process's breakers off the board
    await Promise.all([scanner.stop(), publisher.stop()]);
    expect((await call(h, 'GET', '/v1/pipeline', { key: ADMIN_KEY })).body.breakers).toEqual([]);
    clamd.shutdown();
    hook.shutdown();
  });

  it('when stage services are not running, then health is 503 and names them, with the gateway itself up', async () => {
    const { key } = await h.tenant();
    const res = await waitFor(
      async () => {
        const r = await call(h, 'GET', '/v1/health', { key });
        return r.body.services?.gateway?.ok ? r : null;
      },
      15_000,
      'gateway healthy',
    );
    expect(res.status).toBe(503);
    expect(res.body.checks).toEqual({ broker: { ok: true }, database: { ok: true } });
    expect(res.body.services.gateway).toMatchObject({ ok: true, consumers: 1 });
    expect(res.body.services.scanner).toMatchObject({ ok: false, consumers: 0 });
    const ready = await call(h, 'GET', '/readyz');
    expect(ready.status).toBe(200);
  });

  it('when a message is dead-lettered, then the admin lists it, replays it onto its queue, and deletes another', async () => {
    const { id: tenantId, key } = await h.tenant();
    const up = await call(h, 'POST', '/v1/documents', {
      key,
      body: form([{ filename: 'a.pdf', content: '%PDF-1.4 dl' }]),
    });
    const doc = { id: up.body.documents[0].id as string, tenantId };
    // a tracker message that failed for good, as the runtime dead-letters it
    const event = stageEvent(doc, 'document.scanned', {
      blob: { bucket: 'blobs', id: doc.id },
      detectedType: 'pdf',
      mimeType: 'application/pdf',
      sizeBytes: 11,
      sha256: 'e'.repeat(64),
      antivirus: { status: 'clean' },
    });
    const model = await connect(h.ctx.amqpUrl);
    const channel = await model.createConfirmChannel();
    const deadLetter = (body: Buffer, code: string) =>
      channel.sendToQueue(queuesOf('tracker').deadLetter, body, {
        persistent: true,
        headers: {
          [HEADERS.reason]: 'retries_exhausted',
          [HEADERS.errorCode]: code,
          [HEADERS.lastError]: 'database was away',
          [HEADERS.retries]: 5,
          [HEADERS.deadLetteredAt]: new Date().toISOString(),
          [HEADERS.originalRoutingKey]: 'document.scanned',
        },
      });
    deadLetter(Buffer.from(JSON.stringify(event)), 'DB_DOWN');
    deadLetter(Buffer.from('not json at all'), 'MESSAGE_NOT_JSON');
    await channel.waitForConfirms();
    await model.close();

    expect((await call(h, 'GET', '/v1/dead-letters', { key })).status).toBe(401);
    const listed = await waitFor(
      async () => {
        const res = await call(h, 'GET', '/v1/dead-letters?stage=tracker', { key: ADMIN_KEY });
        return res.body.items.length === 2 ? res.body.items : null;
      },
      15_000,
      'two stored dead letters',
    );
    const item = listed.find((d: { errorCode: string }) => d.errorCode === 'DB_DOWN');
    expect(item).toMatchObject({
      consumer: 'tracker',
      reason: 'retries_exhausted',
      retries: 5,
      documentId: doc.id,
      eventType: 'document.scanned',
    });
    expect(item.event.eventId).toBe(event.eventId);

    const replay = await call(h, 'POST', `/v1/dead-letters/${item.id}/replay`, { key: ADMIN_KEY });
    expect(replay.status).toBe(200);
    await waitFor(
      async () =>
        (await call(h, 'GET', `/v1/documents/${doc.id}`, { key })).body.status === 'scanned',
      15_000,
      'replayed event applied',
    );

    const other = listed.find((d: { errorCode: string }) => d.errorCode === 'MESSAGE_NOT_JSON');
    expect(other.event).toBe('not json at all');
    expect(
      (await call(h, 'DELETE', `/v1/dead-letters/${other.id}`, { key: ADMIN_KEY })).status,
    ).toBe(204);
    expect(
      (await call(h, 'DELETE', `/v1/dead-letters/${other.id}`, { key: ADMIN_KEY })).status,
    ).toBe(404);
    expect((await call(h, 'GET', '/v1/dead-letters', { key: ADMIN_KEY })).body.items).toEqual([]);
  });

  it('when /docs/json is fetched, then it is a valid OpenAPI document listing every API route', async () => {
    const res = await call(h, 'GET', '/docs/json');
    expect(res.status).toBe(200);
    expect(() => validateOpenApi(res.body)).not.toThrow();
    expect(() =>
      validateOpenApi({ ...res.body, paths: { '/x': { get: { responses: 'no' } } } }),
    ).toThrow(/invalid OpenAPI/);
    const documented = new Set(
      Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, ops]) =>
          Object.keys(ops).map(
            (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
      ),
    );
    const routes = routesOf(h.gateway.app).filter((r) => r.includes(' /v1/'));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) expect(documented).toContain(route);
    expect((await fetch(`${h.url}/docs`)).status).toBeLessThan(400);
  });

  it('when metrics are scraped, then HTTP RED metrics and the runtime metrics are there', async () => {
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(
      /docflow_http_requests_total\{method="GET",route="\/v1\/pipeline",status="200"[^}]*\} \d+/,
    );
    expect(text).toContain('docflow_http_request_duration_seconds_bucket');
    expect(text).toContain('docflow_broker_connected');
  });
});
