/**
 * The PDF's heat maps: per channel, each local day (rows) by 30-minute interval (columns, from the first to the last
 * interval with a contact in the period), the cell's colour the interval's service level judged by the tiers of the
 * channel's service-level standard, and its label the contacts offered. ECharts' server-side SVG, as the day chart.
 * A cell with contacts but no service level (only short abandons or contacts still waiting) is grey; an interval
 * without a contact is left blank. Colours are the console's tones (theme.css, light): below expected the alert
 * colour, expected the warning amber, desired and delight two greens; each tier is also named in the legend.
 */
import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import { GridComponent, VisualMapPiecewiseComponent, type GridComponentOption, type VisualMapComponentOption } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { DateTime } from 'luxon';
import { CHANNELS, type Channel } from '../../shared/api';
import type { Tier } from '../../shared/standards';
import { CHANNEL_LABEL, dayLabel } from './pdf-chart';
import type { Report } from './report-model';

use([HeatmapChart, GridComponent, VisualMapPiecewiseComponent, SVGRenderer]);

type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | VisualMapComponentOption>;

const COLORS = { breach: '#c2410c', expected: '#e69f00', desired: '#5db795', delight: '#007a5a', none: '#c3ccd7', text: '#0d1319', muted: '#46505d', white: '#ffffff' };
/** Bands for a channel no service-level standard judges: plain percentages, no tier named. */
const PLAIN: Record<Tier, number> = { expected: 0.6, desired: 0.8, delight: 0.9 };

const ROW_HEIGHT = 22;
const CHROME_HEIGHT = 86;

export interface HeatmapChartSpec {
  channel: Channel;
  title: string;
  option: HeatmapOption;
  /** Points: the rows and the axes and legend around them. */
  height: number;
  /** Each cell's label (the contacts offered), drawn over the chart by the PDF itself: see heatmapLabels. */
  cells: { x: number; y: number; text: string; color: string }[];
  columns: number;
  rows: number;
}

/** The grid's margins in the chart (points, as drawn): the labels are placed by them. */
const GRID = { left: 70, right: 8, top: 34, bottom: 26 };

/**
 * The cells' labels at their places in a chart drawn at (x, y) and `width` wide: 1,300 labels a channel cost
 * svg-to-pdfkit 0.5 s a week of four channels, as text in the PDF a few milliseconds.
 */
export function heatmapLabels(h: HeatmapChartSpec, x: number, y: number, width: number): { cx: number; cy: number; text: string; color: string }[] {
  const cellWidth = (width - GRID.left - GRID.right) / h.columns;
  const cellHeight = (h.height - GRID.top - GRID.bottom) / h.rows;
  return h.cells.map((c) => ({ cx: x + GRID.left + (c.x + 0.5) * cellWidth, cy: y + GRID.top + (c.y + 0.5) * cellHeight, text: c.text, color: c.color }));
}

function periodDays(r: Report): string[] {
  const days: string[] = [];
  const zone = r.period.timeZone;
  for (let d = DateTime.fromMillis(r.period.from, { zone }); d.toMillis() < r.period.to; d = d.plus({ days: 1 })) days.push(d.toFormat('yyyy-MM-dd'));
  return days;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function heatmapOf(r: Report, channel: Channel, days: string[]): HeatmapChartSpec | null {
  const rows = r.intervals.filter((i) => i.channel === channel && i.offered > 0);
  if (rows.length === 0) return null;
  const first = Math.min(...rows.map((i) => minutesOf(i.start)));
  const last = Math.max(...rows.map((i) => minutesOf(i.start)));
  const starts = Array.from({ length: (last - first) / 30 + 1 }, (_, k) => hhmm(first + 30 * k));
  const judged = r.standards.serviceLevelTiers[channel];
  const t = judged?.tiers ?? PLAIN;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const tierOf = (sl: number): keyof typeof COLORS => (sl >= t.delight ? 'delight' : sl >= t.desired ? 'desired' : sl >= t.expected ? 'expected' : 'breach');
  const words = judged ? { breach: 'below expected', expected: 'expected', desired: 'desired', delight: 'delight' } : { breach: '', expected: '', desired: '', delight: '' };
  const band = (label: string, from: number, to: number | null) => `${label ? `${label}: ` : ''}${to === null ? `${pct(from)}% and more` : from === 0 ? `under ${pct(to)}%` : `${pct(from)}–${pct(to)}%`}`;
  const data = rows.map((i) => ({ value: [starts.indexOf(i.start), days.indexOf(i.day), i.serviceLevel === null ? -1 : pct(i.serviceLevel)], offered: i.offered }));
  const cells = rows.map((i) => {
    const tone = i.serviceLevel === null ? 'none' : tierOf(i.serviceLevel);
    return { x: starts.indexOf(i.start), y: days.indexOf(i.day), text: String(i.offered), color: tone === 'expected' || tone === 'none' || tone === 'desired' ? COLORS.text : COLORS.white };
  });
  const axisText = { color: COLORS.muted, fontSize: 9 };
  const option: HeatmapOption = {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: COLORS.text, fontFamily: 'Noto Sans' },
    grid: GRID,
    xAxis: { type: 'category', data: starts, axisLabel: { ...axisText, interval: 1 }, axisTick: { show: false }, axisLine: { show: false }, splitArea: { show: false } },
    yAxis: { type: 'category', data: days.map(dayLabel), inverse: true, axisLabel: { ...axisText, fontSize: 10 }, axisTick: { show: false }, axisLine: { show: false } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      top: 0,
      left: 'center',
      itemWidth: 14,
      itemHeight: 10,
      itemGap: 20,
      textStyle: { color: COLORS.text, fontSize: 9 },
      pieces: [
        { lt: 0, color: COLORS.none, label: 'no level: short abandons or waiting only' },
        { gte: 0, lt: pct(t.expected), color: COLORS.breach, label: band(words.breach, 0, t.expected) },
        { gte: pct(t.expected), lt: pct(t.desired), color: COLORS.expected, label: band(words.expected, t.expected, t.desired) },
        { gte: pct(t.desired), lt: pct(t.delight), color: COLORS.desired, label: band(words.desired, t.desired, t.delight) },
        { gte: pct(t.delight), color: COLORS.delight, label: band(words.delight, t.delight, null) },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: COLORS.white, borderWidth: 1 },
        label: { show: false },
      },
    ],
  };
  const by = judged ? `judged by “${judged.standard}”` : 'no service-level standard judges this channel: plain bands';
  return { channel, title: `${CHANNEL_LABEL[channel]}: contacts offered and service level by day and 30 minutes (${by})`, option, height: days.length * ROW_HEIGHT + CHROME_HEIGHT, cells, columns: starts.length, rows: days.length };
}

/** One heat map per channel with contacts in the period, in the channels' order. */
export function heatmapCharts(r: Report): HeatmapChartSpec[] {
  const days = periodDays(r);
  return CHANNELS.map((c) => heatmapOf(r, c, days)).filter((h): h is HeatmapChartSpec => h !== null);
}
