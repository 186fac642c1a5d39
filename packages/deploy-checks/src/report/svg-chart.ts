import { escapeHtml, formatValue } from './format';

export interface ChartSeries {
  name: string;
  /** [unix seconds, value]; NaN or missing steps break the line. */
  points: [number, number][];
}

export const PALETTE = [
  '#3274d9',
  '#e0752d',
  '#56a64b',
  '#c4162a',
  '#8f3bb8',
  '#f2cc0c',
  '#1f9e9e',
  '#a35f2f',
  '#7a7a7a',
  '#d44a9a',
];

const W = 560;
const H = 200;
const M = { left: 64, right: 12, top: 10, bottom: 24 };

const clock = (t: number) => new Date(t * 1000).toISOString().slice(11, 19);

/** Round tick values for a [min, max] span (about four of them). */
function ticks(min: number, max: number): number[] {
  const top = max > min ? max : min + 1;
  const raw = (top - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  const out = [Math.floor(min / step) * step];
  while (out[out.length - 1]! < top - step * 1e-9) out.push(out[out.length - 1]! + step);
  return out;
}

/** A self-contained SVG line chart: time on x, the panel's unit on y, one colour per series. */
export function lineChart(
  series: readonly ChartSeries[],
  range: { start: number; end: number },
  unit?: string,
): string {
  const values = series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  const yTicks = ticks(Math.min(0, ...values), Math.max(...values, 0));
  const yMin = yTicks[0] ?? 0;
  const yMax = yTicks[yTicks.length - 1] ?? 1;
  const x = (t: number) =>
    M.left + ((t - range.start) / (range.end - range.start || 1)) * (W - M.left - M.right);
  const y = (v: number) =>
    H - M.bottom - ((v - yMin) / (yMax - yMin || 1)) * (H - M.top - M.bottom);
  const step = series[0] && series[0].points.length > 1 ? inferStep(series[0].points) : 0;

  const grid = yTicks
    .map(
      (v) =>
        `<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>` +
        `<text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${escapeHtml(formatValue(v, unit))}</text>`,
    )
    .join('');
  const xLabels = [0, 0.5, 1]
    .map((f) => range.start + f * (range.end - range.start))
    .map(
      (t, i) =>
        `<text x="${x(t)}" y="${H - 6}" text-anchor="${['start', 'middle', 'end'][i]}">${clock(t)}</text>`,
    )
    .join('');
  const lines = series
    .map((s, i) => {
      let d = '';
      let previous: number | undefined;
      for (const [t, v] of s.points) {
        if (!Number.isFinite(v)) {
          previous = undefined;
          continue;
        }
        const gap = previous === undefined || (step > 0 && t - previous > step * 1.5);
        d += `${gap ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
        previous = t;
      }
      const colour = PALETTE[i % PALETTE.length];
      return d
        ? `<path d="${d}" stroke="${colour}"><title>${escapeHtml(s.name)}</title></path>`
        : '';
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" xmlns="http://www.w3.org/2000/svg">` +
    `${grid}${xLabels}<g class="lines">${lines}</g></svg>`
  );
}

function inferStep(points: [number, number][]): number {
  let step = Infinity;
  for (let i = 1; i < points.length; i++) step = Math.min(step, points[i]![0] - points[i - 1]![0]);
  return Number.isFinite(step) ? step : 0;
}
