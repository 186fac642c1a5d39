import { parseArgs } from 'node:util';
import { z } from 'zod';
import { consumers, queuesOf, type ConsumerName } from '@docflow/contracts';
import { checked, JSON_OPTION, strictArgs, type CliContext } from './cli-context';
import { EXIT, GatewayError, UsageError } from './cli-errors';
import type { DeadLetter } from './gateway-client';
import { cell } from './results-table';

const deadLetterId = z.string().regex(/^[a-f0-9]{32}$/, 'expected 32 hex digits');
const limitArg = z.coerce.number().int().min(1, 'at least 1').max(500, 'at most 500');
/** The most one `--all` replays: what one listing returns. */
const REPLAY_ALL_LIMIT = 500;

/** A consumer by its name (`ocr`) or any of its queues (`docflow.ocr.dlq`). */
export function consumerOf(queue: string): ConsumerName {
  for (const { name } of consumers) {
    const q = queuesOf(name);
    if (queue === name || queue === q.work || queue === q.deadLetter || q.retry.includes(queue))
      return name;
  }
  throw new UsageError(
    `--queue: no consumer "${queue}"; one of ${consumers.map((c) => c.name).join(', ')}`,
  );
}

/** `docflow dlq list|replay|delete` (admin key). */
export async function dlqCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    ...strictArgs(argv),
    options: {
      ...JSON_OPTION,
      queue: { type: 'string' },
      limit: { type: 'string' },
      all: { type: 'boolean' },
    },
  });
  const [verb, ...ids] = positionals;
  const stage = values.queue === undefined ? undefined : consumerOf(values.queue);
  switch (verb) {
    case 'list': {
      if (ids.length > 0) throw new UsageError('dlq list takes no ids');
      const limit =
        values.limit === undefined ? undefined : checked(limitArg, values.limit, '--limit');
      const items = await ctx.gateway('admin').deadLetters({
        ...(stage ? { stage } : {}),
        ...(limit ? { limit } : {}),
      });
      ctx.print(deadLettersText(items), { items });
      return EXIT.ok;
    }
    case 'replay': {
      if ((values.all === true) === ids.length > 0)
        throw new UsageError('dlq replay: name dead-letter ids, or --all (not both)');
      const client = ctx.gateway('admin');
      const chosen = values.all
        ? (await client.deadLetters({ ...(stage ? { stage } : {}), limit: REPLAY_ALL_LIMIT })).map(
            (d) => d.id,
          )
        : ids.map((id) => checked(deadLetterId, id, `dlq replay: ${id}`));
      const replayed: DeadLetter[] = [];
      const failed: { id: string; error: string; message: string }[] = [];
      for (const id of chosen) {
        try {
          replayed.push(await client.replayDeadLetter(id));
        } catch (err) {
          // one unknown id does not stop the others; the gateway failing does
          if (!(err instanceof GatewayError && err.status === 404)) throw err;
          failed.push({ id, error: err.code, message: err.message });
        }
      }
      const lines = [
        ...replayed.map(
          (d) =>
            `replayed ${d.id} onto ${queuesOf(d.consumer as ConsumerName).work} (${d.eventType ?? 'not an event'})`,
        ),
        ...failed.map((f) => `not replayed ${f.id}: ${f.message}`),
        ...(values.all && chosen.length === 0 ? ['no dead letters to replay'] : []),
        ...(values.all && chosen.length === REPLAY_ALL_LIMIT
          ? [`replayed the first ${REPLAY_ALL_LIMIT}; run it again for the rest`]
          : []),
      ];
      ctx.print(lines.join('\n'), { replayed: replayed.map((d) => d.id), failed });
      return failed.length > 0 ? EXIT.failed : EXIT.ok;
    }
    case 'delete': {
      if (ids.length !== 1) throw new UsageError('dlq delete: name one dead-letter id');
      const id = checked(deadLetterId, ids[0], 'dlq delete: the id');
      await ctx.gateway('admin').deleteDeadLetter(id);
      ctx.print(`deleted ${id}`, { deleted: id });
      return EXIT.ok;
    }
    default:
      throw new UsageError(verb ? `unknown command "dlq ${verb}"` : 'dlq: list, replay or delete?');
  }
}

/** One line per dead letter: when, which consumer, why, what event of which document. */
export function deadLettersText(items: readonly DeadLetter[]): string {
  if (items.length === 0) return 'no dead letters';
  const header = `${cell('id', 32)} ${cell('dead-lettered at', 24)} ${cell('consumer', 10)} ${cell('reason', 18)} ${cell('error', 18)} ${cell('retries', 7)} ${cell('replays', 7)} ${cell('event', 24)} ${cell('document', 36)} last error`;
  return [
    header,
    ...items.map(
      (d) =>
        `${d.id} ${cell(d.deadLetteredAt, 24)} ${cell(d.consumer, 10)} ${cell(d.reason, 18)} ${cell(d.errorCode ?? '-', 18)} ${cell(String(d.retries), 7)} ${cell(String(d.replays), 7)} ${cell(d.eventType ?? '-', 24)} ${cell(d.documentId ?? '-', 36)} ${(d.lastError ?? '-').slice(0, 80)}`,
    ),
  ].join('\n');
}
