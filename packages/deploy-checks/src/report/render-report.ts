import { escapeHtml, formatValue } from './format';
import type { DashboardResult, PanelResult, ReportData } from './collect-report';
import { PALETTE, lineChart } from './svg-chart';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1f2328; background: #f6f7f9; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
.meta { color: #59636e; margin: 0 0 4px; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(580px, 1fr)); gap: 12px; }
.panel { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 12px; }
.panel h3 { font-size: 14px; margin: 0 0 6px; }
svg text { font-size: 10px; fill: #59636e; } svg .grid { stroke: #eaeef2; }
svg path { fill: none; stroke-width: 1.5; }
.legend { list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; columns: 2; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
.stats { display: flex; flex-wrap: wrap; gap: 16px; padding: 8px 0; }
.stat b { display: block; font-size: 28px; } .stat span { color: #59636e; }
.empty { color: #8c959f; font-style: italic; } .error { color: #c4162a; }
details { font-size: 12px; color: #59636e; } code { word-break: break-all; }
`;

const time = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19);

function legend(panel: PanelResult): string {
  const items = panel.series.map((s, i) => {
    const last = [...s.points].reverse().find((p) => Number.isFinite(p[1]));
    const value = last ? ` (last ${formatValue(last[1], panel.unit)})` : '';
    return `<li><i style="background:${PALETTE[i % PALETTE.length]}"></i>${escapeHtml(s.name)}${escapeHtml(value)}</li>`;
  });
  return `<ul class="legend">${items.join('')}</ul>`;
}

function stats(panel: PanelResult): string {
  const items = panel.series.map((s) => {
    const value = s.points[s.points.length - 1]?.[1] ?? NaN;
    return `<div class="stat"><b>${escapeHtml(formatValue(value, panel.unit))}</b><span>${escapeHtml(s.name)}</span></div>`;
  });
  return `<div class="stats">${items.join('')}</div>`;
}

function renderPanel(panel: PanelResult, range: { start: number; end: number }): string {
  const hasData = panel.series.some((s) => s.points.some((p) => Number.isFinite(p[1])));
  let body: string;
  if (panel.errors.length > 0)
    body = panel.errors.map((e) => `<p class="error">${escapeHtml(e)}</p>`).join('');
  else if (!hasData) body = '<p class="empty">no data in this range</p>';
  else if (panel.type === 'stat') body = stats(panel);
  else body = lineChart(panel.series, range, panel.unit) + legend(panel);
  const queries = panel.queries.map((q) => `<code>${escapeHtml(q)}</code>`).join('<br>');
  return (
    `<section class="panel"><h3>${escapeHtml(panel.title)}</h3>${body}` +
    `<details><summary>PromQL</summary>${queries}</details></section>`
  );
}

function renderDashboard(dashboard: DashboardResult, range: { start: number; end: number }) {
  const variables = Object.entries(dashboard.variables)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return (
    `<h2>${escapeHtml(dashboard.title)}</h2>` +
    `<p class="meta">${escapeHtml(dashboard.file)}${variables ? ` · ${escapeHtml(variables)}` : ''}</p>` +
    `<div class="panels">${dashboard.panels.map((p) => renderPanel(p, range)).join('')}</div>`
  );
}

/** One self-contained HTML page: a section per dashboard, inline SVG charts, stat panels as numbers. */
export function renderReport(data: ReportData, about: string): string {
  const range = { start: data.start, end: data.end };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>docflow dashboards</title>
<style>${STYLE}</style>
</head>
<body>
<h1>docflow dashboards</h1>
<p class="meta">${escapeHtml(time(data.start))} – ${escapeHtml(time(data.end))} UTC, step ${data.step} s. ${escapeHtml(about)}</p>
${data.dashboards.map((d) => renderDashboard(d, range)).join('\n')}
</body>
</html>
`;
}
