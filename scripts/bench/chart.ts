// A grouped bar chart as a standalone SVG string, for bench/chart.svg: no chart library, no script, no external
// font; a white background so it reads the same on a light and a dark README. Text labels carry every value, so
// the picture is never the only place a number is (the same numbers are in bench/RESULTS.md).

export interface ChartSeries {
  label: string;
  /** Fill colour; chosen dark enough for white value labels not to be needed (labels sit above the bars). */
  color: string;
}

/** A bar's value, a short word shown instead of a bar (`'out of memory'`), or `null` for a slot left empty. */
export type ChartValue = number | string | null;

export interface ChartPanel {
  title: string;
  /** Appended to every value label, e.g. `' s'`. */
  unit: string;
  series: readonly ChartSeries[];
  /** One group per x position (e.g. `N = 200`); `values[i]` belongs to `series[i]`. */
  groups: ReadonlyArray<{ label: string; values: readonly ChartValue[] }>;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` intervals up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function panelSvg(panel: ChartPanel, x0: number, y0: number, width: number, height: number): string {
  const top = y0 + 34;
  const bottom = y0 + height - 28;
  const left = x0 + 44;
  const right = x0 + width - 8;
  const numbers = panel.groups.flatMap((g) => g.values.filter((v): v is number => typeof v === 'number'));
  const step = niceStep(Math.max(...numbers, 0));
  const max = step * Math.max(1, Math.ceil(Math.max(...numbers, 0) / step));
  const y = (value: number) => bottom - ((bottom - top) * value) / max;
  const parts: string[] = [
    `<text x="${x0 + width / 2}" y="${y0 + 16}" text-anchor="middle" font-size="14" font-weight="600">${escape(panel.title)}</text>`,
  ];
  for (let tick = 0; tick <= max + step / 1000; tick += step) {
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="${tick === 0 ? '#444' : '#ddd'}"/>`,
      `<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#555">${escape(step >= 1 ? tick.toFixed(0) : format(tick))}</text>`,
    );
  }
  const groupWidth = (right - left) / Math.max(1, panel.groups.length);
  const barWidth = Math.min(46, (groupWidth - 24) / Math.max(1, panel.series.length));
  panel.groups.forEach((group, g) => {
    const start = left + g * groupWidth + (groupWidth - barWidth * panel.series.length) / 2;
    parts.push(
      `<text x="${(left + (g + 0.5) * groupWidth).toFixed(1)}" y="${bottom + 18}" text-anchor="middle" font-size="12">${escape(group.label)}</text>`,
    );
    group.values.forEach((value, s) => {
      const x = start + s * barWidth;
      const middle = (x + barWidth / 2).toFixed(1);
      if (typeof value === 'number') {
        const h = bottom - y(value);
        parts.push(
          `<rect x="${(x + 2).toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${panel.series[s]!.color}"><title>${escape(`${panel.series[s]!.label}, ${group.label}: ${format(value)}${panel.unit}`)}</title></rect>`,
          `<text x="${middle}" y="${(y(value) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${escape(format(value))}</text>`,
        );
      } else if (typeof value === 'string') {
        parts.push(
          `<text transform="translate(${middle} ${bottom - 6}) rotate(-90)" font-size="10" fill="#a00">${escape(value)}</text>`,
        );
      }
    });
  });
  return parts.join('\n');
}

/** Panels side by side under one title, with one legend for every series that appears. */
export function groupedBarChart(title: string, panels: readonly ChartPanel[], note = ''): string {
  const panelWidth = 380;
  const panelHeight = 260;
  const width = panelWidth * panels.length + 20;
  const legend = [...new Map(panels.flatMap((p) => p.series).map((s) => [s.label, s])).values()];
  const height = panelHeight + 66 + (note ? 20 : 0);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escape(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="700">${escape(title)}</text>`,
  ];
  panels.forEach((panel, i) => parts.push(panelSvg(panel, 10 + i * panelWidth, 34, panelWidth, panelHeight)));
  let x = 20;
  const legendY = 34 + panelHeight + 22;
  for (const series of legend) {
    parts.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${series.color}"/>`,
      `<text x="${x + 17}" y="${legendY}" font-size="12">${escape(series.label)}</text>`,
    );
    x += 34 + series.label.length * 6.5;
  }
  if (note) parts.push(`<text x="20" y="${legendY + 22}" font-size="11" fill="#555">${escape(note)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
