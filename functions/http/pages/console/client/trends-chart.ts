import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { dateLabel } from './format';
import { lang } from './state';
import type { UnitTrend } from './trends-data';

/** Line colours that stay apart for most colour vision (Okabe–Ito, then darker tones). */
export const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7a5c00',
  '#6a3d9a',
  '#b15928',
  '#33a02c',
];
const OVERALL_COLOUR = '#1a1a1a';
const HEIGHT = 320;

/**
 * The rates as lines with uPlot: the overall rate thick and dark, each unit shown in its colour.
 * uPlot styles its elements through element.style (the CSSOM), which the console's CSP allows;
 * its stylesheet comes with console.css from this origin. The chart is an image to assistive
 * technology: its numbers are in the tables beside it (trends.ts).
 */
export function TrendChart(p: {
  dates: readonly string[];
  overall: UnitTrend;
  lines: readonly { trend: UnitTrend; colour: string }[];
  overallLabel: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || p.dates.length === 0) return;
    const l = lang.value;
    const xs = p.dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const shortDate = (s: number) =>
      new Intl.DateTimeFormat(l === 'id' ? 'id-ID' : 'en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(s * 1000));
    const pct = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} %`);
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      // Dates are calendar days: no browser zone may shift them.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [
        // Ticks on whole days only: a day, two, a week, two weeks, a month apart.
        {
          incrs: [1, 2, 7, 14, 28].map((n) => n * 86_400),
          values: (_u, splits) => splits.map(shortDate),
        },
        { values: (_u, splits) => splits.map((v) => `${v} %`), size: 56 },
      ],
      series: [
        {
          label: l === 'id' ? 'Tanggal' : 'Date',
          value: (_u, v) => (v === null ? '–' : dateLabel(isoOf(v), l)),
        },
        {
          label: p.overallLabel,
          stroke: OVERALL_COLOUR,
          width: 3,
          value: (_u, v) => pct(v),
          points: { show: true },
        },
        ...p.lines.map(({ trend, colour }) => ({
          label: trend.unit,
          stroke: colour,
          width: 2,
          value: (_u: uPlot, v: number | null) => pct(v),
          points: { show: true },
        })),
      ],
    };
    const data: uPlot.AlignedData = [
      xs,
      p.overall.rates.map((r) => r),
      ...p.lines.map(({ trend }) => trend.rates.map((r) => r)),
    ];
    const chart = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [p.dates, p.overall, p.lines, lang.value]);
  return h('div', { ref: box, class: 'chart', role: 'img', 'aria-label': p.label });
}

function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
