/**
 * The report's charts: ECharts rendered on the server to an SVG string (its SSR mode: no DOM, no canvas), drawn into
 * the PDF as vectors by svg-to-pdfkit. The options follow the wallboard's intraday chart (features/floor/
 * intraday-option.ts): offered as bars stacked by channel in the channels' colours, service level as a dark line
 * on a 0-100 % right axis; the colours are the light theme's (src/renderer/src/styles/theme.css), since paper is
 * white. No animation, so the SVG is the same for the same report.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import SVGtoPDF from 'svg-to-pdfkit';
import { CHANNELS, type Channel } from '../../shared/api';
import { formatDate } from '../../shared/format';
import type { Report } from './report-model';
import { fontName } from './pdf-text';

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

type DayChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

/** The light theme's colours (theme.css): --text, --text-muted, --border and --ch-*. */
const PAPER_COLORS = {
  text: '#0d1319',
  muted: '#46505d',
  grid: '#c3ccd7',
  surface: '#ffffff',
  channels: { voice: '#0072b2', chat: '#e69f00', email: '#009e73', message: '#cc79a7' } as Record<Channel, string>,
};

export const CHANNEL_LABEL: Record<Channel, string> = { voice: 'Voice', chat: 'Chat', email: 'Email', message: 'Messaging' };

/** A day "1999-02-07" as the app writes dates: "Sun 7 Feb". */
export const dayLabel = (day: string): string => formatDate(Date.parse(`${day}T12:00:00Z`), 'UTC');

/**
 * Offered per day (bars stacked by channel) and service level per day (a line per channel: the report holds each
 * channel's own level, and summing the parts across channels would assume one formula and one threshold).
 */
export function dayChartOption(report: Report): DayChartOption {
  const days = [...new Set(report.days.map((d) => d.day))].sort();
  const channels = CHANNELS.filter((c) => report.days.some((d) => d.channel === c));
  const row = (c: Channel, day: string) => report.days.find((d) => d.channel === c && d.day === day);
  const axisText = { color: PAPER_COLORS.muted, fontSize: 11 };
  const slName = (c: Channel) => (channels.length === 1 ? 'Service level' : `SL ${CHANNEL_LABEL[c]}`);
  const bars: BarSeriesOption[] = channels.map((c) => ({
    type: 'bar',
    name: `Offered ${CHANNEL_LABEL[c]}`,
    stack: 'offered',
    yAxisIndex: 0,
    barMaxWidth: 48,
    itemStyle: { color: PAPER_COLORS.channels[c] },
    data: days.map((d) => row(c, d)?.offered ?? 0),
  }));
  const lines: LineSeriesOption[] = channels.map((c) => ({
    type: 'line',
    name: slName(c),
    yAxisIndex: 1,
    symbol: 'circle',
    symbolSize: 7,
    // one channel: the wallboard's dark line; several: each in its channel's colour, dashed apart from the bars
    lineStyle: { width: 2.5, color: channels.length === 1 ? PAPER_COLORS.text : PAPER_COLORS.channels[c], type: channels.length === 1 ? 'solid' : 'dashed' },
    itemStyle: { color: channels.length === 1 ? PAPER_COLORS.text : PAPER_COLORS.channels[c], borderColor: PAPER_COLORS.surface, borderWidth: 1.5 },
    label: { show: true, position: 'top', color: PAPER_COLORS.text, fontSize: 10, backgroundColor: PAPER_COLORS.surface, padding: [1, 3], borderRadius: 2, formatter: (p) => (typeof p.value === 'number' ? `${p.value.toFixed(0)}%` : '') },
    data: days.map((d) => {
      const sl = row(c, d)?.serviceLevel;
      return sl == null ? null : Math.round(sl * 1000) / 10;
    }),
  }));
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: PAPER_COLORS.text, fontSize: 11, fontFamily: 'Noto Sans' },
    // the legend under the chart, clear of the axes' names above it
    grid: { left: 56, right: 56, top: 34, bottom: 62 },
    legend: { bottom: 0, left: 'center', textStyle: { color: PAPER_COLORS.text, fontSize: 11 }, itemWidth: 18, itemHeight: 10 },
    xAxis: { type: 'category', data: days.map(dayLabel), axisLabel: { ...axisText, fontSize: 9.5, interval: 0, lineHeight: 13, formatter: (v: string) => v.replace(' ', '\n') }, axisLine: { lineStyle: { color: PAPER_COLORS.grid } }, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: 'Offered', nameTextStyle: axisText, minInterval: 1, axisLabel: axisText, splitLine: { lineStyle: { color: PAPER_COLORS.grid, width: 0.5 } } },
      { type: 'value', name: 'Service level', nameTextStyle: axisText, min: 0, max: 100, interval: 20, axisLabel: { ...axisText, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [...bars, ...lines],
  };
}

/** An ECharts option as an SVG string of the given size (points: the SVG's user units are drawn as points). */
export function chartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws the SVG at (x, y), its text in the report's Latin font. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, width: number, height: number): void {
  SVGtoPDF(doc, svg, x, y, { width, height, assumePt: true, fontCallback: (_family: string, bold: boolean) => fontName('latin', bold ? 'bold' : 'regular') });
}
