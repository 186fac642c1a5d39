/**
 * Loaded into a service process with `node --require` (through NODE_OPTIONS) by the end-to-end
 * bench's trace run; never by the services themselves. It records every MongoDB command the process
 * sends (driver command monitoring: `monitorCommands: true`, `commandStarted` / `commandSucceeded` /
 * `commandFailed`) together with the step that sent it: the consumer and event being handled (the
 * runtime's `StageConsumer`), or the HTTP request. The records are written, as concatenated BSON
 * documents, to `$DOCFLOW_BENCH_TRACE_FILE` when the process exits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import {
  BSON,
  MongoClient,
  type CommandFailedEvent,
  type CommandStartedEvent,
  type CommandSucceededEvent,
} from 'mongodb';
import { HEADERS, StageConsumer } from '@docflow/platform';
import { replyCount, type TraceStep } from './trace-record';

const file = process.env.DOCFLOW_BENCH_TRACE_FILE;
const steps = new AsyncLocalStorage<TraceStep>();
const records: Uint8Array[] = [];
let nextStep = 1;
const now = (): number => performance.timeOrigin + performance.now();

function documentIdOf(content: Buffer): string | undefined {
  try {
    const id = (JSON.parse(content.toString('utf8')) as { documentId?: unknown }).documentId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function traceConsumers(): void {
  type Handle = (channel: unknown, msg: ConsumeLike) => Promise<void>;
  interface ConsumeLike {
    content: Buffer;
    fields: { routingKey: string };
    properties: { headers?: Record<string, unknown> };
  }
  const proto = StageConsumer.prototype as unknown as { handle?: Handle; name: string };
  const original = proto.handle;
  if (typeof original !== 'function') {
    process.stderr.write(
      'command trace: StageConsumer has no handle(); commands stay unattributed\n',
    );
    return;
  }
  proto.handle = function (this: { name: string }, channel, msg) {
    const routingKey = msg.properties.headers?.[HEADERS.originalRoutingKey];
    const documentId = documentIdOf(msg.content);
    const step: TraceStep = {
      id: nextStep++,
      lane: this.name,
      event: typeof routingKey === 'string' ? routingKey : msg.fields.routingKey,
      ...(documentId ? { documentId } : {}),
    };
    return steps.run(step, () => original.call(this, channel, msg));
  };
}

function traceHttp(): void {
  const emit = Server.prototype.emit as (
    this: Server,
    event: string,
    ...args: unknown[]
  ) => boolean;
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    return steps.run({ id: nextStep++, lane: 'http' }, () => emit.call(this, event, ...args));
  } as typeof Server.prototype.emit;
}

function traceClients(): void {
  const connect = MongoClient.prototype.connect;
  const traced = new WeakSet<MongoClient>();
  MongoClient.prototype.connect = function (this: MongoClient) {
    if (!traced.has(this)) {
      traced.add(this);
      (this as unknown as { monitorCommands: boolean }).monitorCommands = true;
      this.on('commandStarted', (e: CommandStartedEvent) => {
        const step = steps.getStore();
        records.push(
          BSON.serialize({
            k: 's',
            rid: e.requestId,
            t: now(),
            name: e.commandName,
            cmd: e.command,
            ...(step ? { step } : {}),
          }),
        );
      });
      this.on('commandSucceeded', (e: CommandSucceededEvent) => {
        const reply = e.reply as {
          cursor?: { id?: unknown };
          writeErrors?: { code?: number }[];
        };
        const cursor = reply.cursor?.id;
        const writeError = reply.writeErrors?.[0]?.code;
        const n = replyCount(e.reply);
        records.push(
          BSON.serialize({
            k: 'e',
            rid: e.requestId,
            t: now(),
            ...(cursor !== undefined && String(cursor) !== '0' ? { cursor: String(cursor) } : {}),
            ...(writeError !== undefined ? { code: writeError } : {}),
            ...(n !== undefined ? { n } : {}),
          }),
        );
      });
      this.on('commandFailed', (e: CommandFailedEvent) => {
        const code = (e.failure as { code?: number }).code;
        records.push(
          BSON.serialize({ k: 'e', rid: e.requestId, t: now(), code: code ?? -1, failed: true }),
        );
      });
    }
    return connect.call(this);
  } as typeof connect;
}

if (file) {
  traceConsumers();
  traceHttp();
  traceClients();
  process.on('exit', () => writeFileSync(file, Buffer.concat(records)));
}
