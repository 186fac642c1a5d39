export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const round = (v: number) => Number(v.toPrecision(3)).toString();

/** A value in a Grafana unit (the ones docflow's dashboards use), short and readable. */
export function formatValue(value: number, unit?: string): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 's':
      if (value !== 0 && Math.abs(value) < 1) return `${round(value * 1000)} ms`;
      return `${round(value)} s`;
    case 'percentunit':
      return `${round(value * 100)} %`;
    case 'ops':
    case 'reqps':
      return `${round(value)}/s`;
    default:
      return round(value);
  }
}

/** A Grafana legend format (`{{label}} …`) filled from a series' labels. */
export function legendOf(format: string | undefined, labels: Record<string, string>): string {
  if (format)
    return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
  const { __name__: name, ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${name ?? ''}{${pairs.join(', ')}}`;
}
