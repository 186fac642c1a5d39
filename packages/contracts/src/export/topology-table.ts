import { buildTopology, consumers, queuesOf } from '../topology';

/** The topology as markdown tables, for docs/architecture.md. */
export function topologyMarkdown(): string {
  const topology = buildTopology();
  const lines: string[] = [];
  lines.push('| exchange | type |', '|---|---|');
  for (const e of topology.exchanges) lines.push(`| \`${e.name}\` | ${e.type} |`);
  lines.push(
    '',
    '| consumer | service | consumes | produces | work queue | retry queues | dead-letter queue |',
    '|---|---|---|---|---|---|---|',
  );
  for (const c of consumers) {
    const q = queuesOf(c.name);
    const retry = `\`${q.retry[0]}\` … \`${q.retry[q.retry.length - 1]}\``;
    lines.push(
      `| ${c.name} | ${c.service} | ${c.consumes.join(', ')} | ${c.produces.join(', ') || '—'} | \`${q.work}\` | ${retry} | \`${q.deadLetter}\` |`,
    );
  }
  lines.push('', '| queue | role | arguments |', '|---|---|---|');
  for (const q of topology.queues) {
    const args = Object.entries(q.arguments)
      .map(([k, v]) => `${k}=${v === '' ? '""' : v}`)
      .join(', ');
    lines.push(`| \`${q.name}\` | ${q.role} | ${args} |`);
  }
  return lines.join('\n') + '\n';
}
