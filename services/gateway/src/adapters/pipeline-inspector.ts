import { consumers, queuesOf, type ConsumerName, type EventType } from '@docflow/contracts';
import { probeQueues, type AmqpConnection } from '@docflow/platform';

export interface QueueDepth {
  name: string;
  ready: number | null;
  unacked: number | null;
  consumers: number | null;
}

export interface StageView {
  name: ConsumerName;
  service: string;
  description: string;
  pipelineStage: boolean;
  consumes: readonly EventType[];
  produces: readonly EventType[];
  queue: QueueDepth;
  retrying: number | null;
  deadLetterQueue: QueueDepth;
}

export interface PipelineInspector {
  /** Every consumer of the contracts' topology with the broker's live numbers. */
  stages(): Promise<{ source: 'management' | 'passive'; stages: StageView[] }>;
}

interface ManagementQueue {
  name: string;
  messages_ready?: number;
  messages_unacknowledged?: number;
  consumers?: number;
}

/**
 * Queue numbers for every consumer of the topology: ready and consumer counts of work and
 * dead-letter queues by passive declares (exact, now); unacked counts and retry queues from the
 * RabbitMQ management API when it is configured (one request), else passive declares too (then
 * unacked is null).
 */
export function createPipelineInspector(deps: {
  connection: AmqpConnection;
  amqpUrl: string;
  managementUrl?: string;
}): PipelineInspector {
  const vhost = decodeURIComponent(new URL(deps.amqpUrl).pathname.slice(1)) || '/';

  const fromManagement = async (url: string): Promise<Map<string, QueueDepth>> => {
    const base = new URL(url);
    const auth = Buffer.from(
      `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`,
    ).toString('base64');
    base.username = '';
    base.password = '';
    const endpoint = new URL(
      `api/queues/${encodeURIComponent(vhost)}?columns=name,messages_ready,messages_unacknowledged,consumers`,
      base.toString().endsWith('/') ? base : `${base.toString()}/`,
    );
    const response = await fetch(endpoint, {
      headers: { authorization: `Basic ${auth}` },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`management API answered ${response.status}`);
    const list = (await response.json()) as ManagementQueue[];
    return new Map(
      list.map((q) => [
        q.name,
        {
          name: q.name,
          ready: q.messages_ready ?? 0,
          unacked: q.messages_unacknowledged ?? 0,
          consumers: q.consumers ?? 0,
        },
      ]),
    );
  };

  const passive = async (names: string[]): Promise<Map<string, QueueDepth>> => {
    const counts = await probeQueues(deps.connection, names);
    return new Map(
      names.map((name) => {
        const c = counts.get(name);
        return [
          name,
          { name, ready: c?.messages ?? null, unacked: null, consumers: c?.consumers ?? null },
        ];
      }),
    );
  };

  return {
    async stages() {
      const all = consumers.map((c) => queuesOf(c.name));
      // Passive declares give exact ready and consumer counts now; the management API (its
      // numbers lag up to its collection interval) adds unacked counts and the retry queues.
      const live = await passive(all.flatMap((q) => [q.work, q.deadLetter]));
      let managed = new Map<string, QueueDepth>();
      let source: 'management' | 'passive' = 'passive';
      if (deps.managementUrl) {
        managed = await fromManagement(deps.managementUrl).catch(() => new Map());
        if (managed.size > 0) source = 'management';
      } else {
        managed = await passive(all.flatMap((q) => [...q.retry]));
      }
      const depth = (name: string): QueueDepth => {
        const exact = live.get(name);
        const stats = managed.get(name);
        return {
          name,
          ready: exact?.ready ?? stats?.ready ?? null,
          unacked: stats?.unacked ?? null,
          consumers: exact?.consumers ?? stats?.consumers ?? null,
        };
      };
      return {
        source,
        stages: consumers.map((c) => {
          const q = queuesOf(c.name);
          const retryDepths = q.retry.map((name) => depth(name).ready);
          return {
            name: c.name,
            service: c.service,
            description: c.description,
            pipelineStage: c.pipelineStage,
            consumes: c.consumes,
            produces: c.produces,
            queue: depth(q.work),
            retrying: retryDepths.some((d) => d === null)
              ? null
              : retryDepths.reduce<number>((sum, d) => sum + (d ?? 0), 0),
            deadLetterQueue: depth(q.deadLetter),
          };
        }),
      };
    },
  };
}
