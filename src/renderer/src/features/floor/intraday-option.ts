import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CHANNELS, type Channel, type FloorSnapshot, type IntervalPoint } from '../../../../shared/api';
import { formatHourMinute, formatPercent } from '../../../../shared/format';
import { CHANNEL_LABEL } from './channels';
import { SL_TARGET } from './status';

export type IntradayOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

/** Colors come from the theme's CSS variables, so the chart follows the light/dark toggle. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  target: string;
  channels: Record<Channel, string>;
}

/** A day of 15-minute intervals is 96; more than this many categories are unreadable on a wall. */
const MAX_INTERVALS = 96;

/**
 * The interval starts to plot: every interval from the business-day start to now, so quiet intervals
 * show as gaps in time rather than disappearing, anchored on the engine's own interval boundaries.
 */
export function intervalStarts(s: Pick<FloorSnapshot, 'now' | 'center' | 'intervals'>): number[] {
  const step = s.intervals.minutes * 60_000;
  const starts = new Set(s.intervals.points.map((p) => p.start));
  if (step > 0) {
    const anchor = s.intervals.points.length > 0 ? s.intervals.points[0].start : s.center.dayStart;
    const from = Math.max(s.center.dayStart, s.now - 24 * 3600_000);
    let t = anchor + Math.ceil((from - anchor) / step) * step;
    if (t > from) t -= step; // the interval that contains the day start
    for (; t <= s.now; t += step) starts.add(t);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  return sorted.slice(Math.max(0, sorted.length - MAX_INTERVALS));
}

/** Name of the service-level line, in the legend and the tooltip. */
export const SL_SERIES = 'SL all channels';

/**
 * Service level across channels for one interval, with the engine's definition applied to the channels'
 * summed parts: answered within T / (answered + abandoned - short abandons). Null when nothing left a queue.
 */
export function combinedServiceLevel(points: (IntervalPoint | undefined)[]): number | null {
  let within = 0;
  let resolved = 0;
  for (const p of points) {
    if (!p) continue;
    within += p.answeredWithinThreshold;
    resolved += p.answered + p.abandoned - p.shortAbandoned;
  }
  return resolved > 0 ? within / resolved : null;
}

/**
 * Bars: contacts offered per interval, stacked by channel (left axis). Line: service level across
 * channels (right axis, 0-100 %), with the target as a dashed rule. One line keeps the chart readable from
 * across the room; four per-channel lines crossed each other on every quiet interval. Each channel's own
 * level is in the tooltip.
 */
export function intradayOption(s: Pick<FloorSnapshot, 'now' | 'center' | 'intervals'>, colors: ChartColors): IntradayOption {
  const starts = intervalStarts(s);
  const index = new Map(starts.map((t, i) => [t, i]));
  const byChannel = new Map<Channel, (IntervalPoint | undefined)[]>(CHANNELS.map((c) => [c, Array.from({ length: starts.length }, () => undefined)]));
  for (const p of s.intervals.points) {
    const i = index.get(p.start);
    const row = byChannel.get(p.channel);
    if (i !== undefined && row) row[i] = p;
  }
  const tz = s.center.timeZone;
  const step = s.intervals.minutes * 60_000;
  const axisText = { color: colors.muted, fontSize: 16 };
  const combined = starts.map((_, i) => combinedServiceLevel(CHANNELS.map((c) => byChannel.get(c)![i])));

  const bars: BarSeriesOption[] = CHANNELS.map((c) => ({
    type: 'bar',
    name: CHANNEL_LABEL[c],
    stack: 'offered',
    yAxisIndex: 0,
    itemStyle: { color: colors.channels[c] },
    barMaxWidth: 28,
    emphasis: { disabled: true },
    data: byChannel.get(c)!.map((p) => p?.offered ?? 0),
  }));
  const line: LineSeriesOption = {
    type: 'line',
    name: SL_SERIES,
    yAxisIndex: 1,
    itemStyle: { color: colors.text, borderColor: colors.surface, borderWidth: 2 },
    lineStyle: { width: 3, color: colors.text },
    symbol: 'circle',
    symbolSize: 8,
    connectNulls: false,
    emphasis: { disabled: true },
    data: combined.map((v) => (v == null ? null : Math.round(v * 1000) / 10)),
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: colors.target, type: 'dashed', width: 2 },
      // the rule's label sat on the bars and the line; the panel's title names the target instead
      label: { show: false },
      data: [{ yAxis: SL_TARGET * 100 }],
    },
  };

  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: colors.text, fontSize: 16 },
    grid: { left: 64, right: 72, top: 56, bottom: 40 },
    legend: {
      top: 0,
      left: 'center',
      textStyle: { color: colors.text, fontSize: 17 },
      itemWidth: 22,
      itemHeight: 14,
      data: [...CHANNELS.map((c) => CHANNEL_LABEL[c]), SL_SERIES],
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: colors.surface,
      borderColor: colors.grid,
      textStyle: { color: colors.text, fontSize: 15 },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const i = list[0]?.dataIndex ?? 0;
        const t = starts[i];
        const head = `${formatHourMinute(t, tz)}–${formatHourMinute(t + step, tz)}`;
        const rows = CHANNELS.map((c) => {
          const p = byChannel.get(c)![i];
          return `${CHANNEL_LABEL[c]}: ${p?.offered ?? 0} offered · SL ${formatPercent(p?.serviceLevel)}`;
        });
        return [head, `${SL_SERIES}: ${formatPercent(combined[i])} (≈)`, ...rows].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: starts.map((t) => formatHourMinute(t, tz)),
      axisLabel: { ...axisText, hideOverlap: true },
      axisLine: { lineStyle: { color: colors.grid } },
      axisTick: { alignWithLabel: true, lineStyle: { color: colors.grid } },
    },
    yAxis: [
      {
        type: 'value',
        name: 'Offered',
        nameTextStyle: axisText,
        minInterval: 1,
        axisLabel: axisText,
        splitLine: { lineStyle: { color: colors.grid } },
      },
      {
        type: 'value',
        name: 'SL',
        nameTextStyle: axisText,
        min: 0,
        max: 100,
        interval: 20,
        axisLabel: { ...axisText, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [...bars, line],
  };
}
