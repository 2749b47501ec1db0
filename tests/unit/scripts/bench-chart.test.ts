// The benchmark's SVG chart (scripts/bench/chart.ts): round axis steps, one bar per number, a word where a
// build failed, every label escaped.
import { describe, expect, it } from 'vitest';
import { groupedBarChart, niceStep } from '../../../scripts/bench/chart.ts';

describe('niceStep', () => {
  it.each([
    [80, 20],
    [63.9, 20],
    [136, 50],
    [9, 2.5],
    [1, 0.25],
    [0, 1],
  ])('max %d gives a step of %d', (max, step) => expect(niceStep(max)).toBe(step));
});

describe('groupedBarChart', () => {
  const svg = groupedBarChart('Build <time> & weight', [
    {
      title: 'Build (s)',
      unit: ' s',
      series: [
        { label: 'site', color: '#1f5fbf' },
        { label: 'peer', color: '#2e8b57' },
      ],
      groups: [
        { label: 'N = 200', values: [21.6, 63.9] },
        { label: 'N = 2000', values: [250, 'out of memory'] },
      ],
    },
  ]);

  it('is a standalone, labelled SVG with a background', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="chart-title">/,
    );
    expect(svg).toContain('<title id="chart-title">Build &lt;time&gt; &amp; weight</title>');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"/>');
    expect(svg).not.toMatch(/<script|href=/);
  });

  it('draws one bar per number, labelled with its value, and the word for a failed build', () => {
    expect(svg.match(/<rect x=[^>]*fill="#1f5fbf"><title>/g)).toHaveLength(2);
    expect(svg.match(/<rect x=[^>]*fill="#2e8b57"><title>/g)).toHaveLength(1);
    for (const label of ['21.6', '63.9', '250']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>out of memory</text>');
    expect(svg).toContain('<title>site, N = 2000: 250 s</title>');
  });

  it('scales bars to the axis: a value twice as large is drawn twice as tall', () => {
    const heights = [...svg.matchAll(/<rect x=[^>]* height="([\d.]+)" fill="#1f5fbf">/g)].map((m) => Number(m[1]));
    expect(heights[1]! / heights[0]!).toBeCloseTo(250 / 21.6, 1);
  });
});
