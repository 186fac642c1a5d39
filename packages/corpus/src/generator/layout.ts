import type { Random } from './random';

/** Text layout helpers: label/value pairs in several styles, side-by-side blocks, tables. */
export type PairStyle = 'colon' | 'spaces' | 'colon-spaces' | 'dots' | 'tab' | 'dash';

export function pair(label: string, value: string, style: PairStyle, width = 24): string {
  switch (style) {
    case 'colon':
      return `${label}: ${value}`;
    case 'spaces':
      return `${label.padEnd(width)}${value}`;
    case 'colon-spaces':
      return `${`${label}:`.padEnd(width)}${value}`;
    case 'dots':
      return `${label} ${'.'.repeat(Math.max(3, width - label.length))} ${value}`;
    case 'tab':
      return `${label}\t${value}`;
    default:
      return `${label} - ${value}`;
  }
}

export function pickPairStyle(r: Random): PairStyle {
  return r.pick(['colon', 'colon', 'spaces', 'colon-spaces', 'dots', 'tab', 'dash', 'colon']);
}

/** Pairs as one block: one per line, or labels on one row with values beneath, or a grid. */
export function pairsBlock(r: Random, pairs: [string, string][], mode = r.int(0, 3)): string[] {
  if (pairs.length === 0) return [];
  if (mode === 0 || pairs.length === 1) {
    const style = pickPairStyle(r);
    return pairs.map(([l, v]) => pair(l, v, style));
  }
  if (mode === 1) {
    const widths = pairs.map(([l, v]) => Math.max(l.length, v.length) + r.int(3, 6));
    return [
      pairs
        .map(([l], i) => l.padEnd(widths[i]!))
        .join('')
        .trimEnd(),
      pairs
        .map(([, v], i) => v.padEnd(widths[i]!))
        .join('')
        .trimEnd(),
    ];
  }
  if (mode === 2) {
    return pairs.flatMap(([l, v]) => [`${l}${r.chance(0.5) ? ':' : ''}`, v]);
  }
  const style = pickPairStyle(r);
  const out: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pair(pairs[i]![0], pairs[i]![1], style, 16);
    const b = pairs[i + 1] ? pair(pairs[i + 1]![0], pairs[i + 1]![1], style, 16) : '';
    out.push(`${a.padEnd(Math.max(44, a.length + 3))}${b}`.trimEnd());
  }
  return out;
}

export function sideBySide(left: string[], right: string[], width: number): string[] {
  const n = Math.max(left.length, right.length);
  return Array.from({ length: n }, (_, i) =>
    `${(left[i] ?? '').padEnd(width)}${right[i] ?? ''}`.trimEnd(),
  );
}

export type TableStyle = 'spaces' | 'pipes' | 'tabs' | 'boxed';

export function table(
  headers: string[],
  rows: string[][],
  style: TableStyle,
  numericFrom = 1,
): string[] {
  const widths = headers.map(
    (h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)) + 2,
  );
  const cell = (text: string, i: number) =>
    i >= numericFrom ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  switch (style) {
    case 'pipes':
      return [headers, ...rows].map((row) => `| ${row.map((c, i) => cell(c, i)).join(' | ')} |`);
    case 'tabs':
      return [headers, ...rows].map((row) => row.join('\t'));
    case 'boxed': {
      const rule = '-'.repeat(widths.reduce((a, w) => a + w, 0));
      return [
        rule,
        headers.map(cell).join(''),
        rule,
        ...rows.map((row) => row.map(cell).join('')),
        rule,
      ];
    }
    default:
      return [headers, ...rows].map((row) => row.map(cell).join('').trimEnd());
  }
}
