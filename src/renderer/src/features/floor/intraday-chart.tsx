import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FloorSnapshot } from '../../../../shared/api';
import { useTheme } from '../theme/theme-context';
import { formatPercent } from '../../../../shared/format';
import { stepTip } from './chart-keys';
import { intervalStarts, intradayOption, type ChartColors } from './intraday-option';
import { SL_TARGET } from './status';

// Only what this chart draws: keeps the renderer bundle far smaller than the full echarts build.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

function readChartColors(el: Element): ChartColors {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--text-muted'),
    grid: v('--border'),
    surface: v('--surface'),
    target: v('--text-muted'),
    channels: { voice: v('--ch-voice'), chat: v('--ch-chat'), email: v('--ch-email'), message: v('--ch-message') },
  };
}

type ChartInput = Pick<FloorSnapshot, 'now' | 'center' | 'intervals'>;

export function IntradayChart({ snapshot }: { snapshot: ChartInput }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const tipRef = useRef<number | null>(null);
  const { theme } = useTheme();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = echarts.init(host, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  // The grid runs to "now", so the option is rebuilt on every snapshot; a day is at most 96 x 8 points.
  const { now, center, intervals } = snapshot;
  useEffect(() => {
    const chart = chartRef.current;
    const host = hostRef.current;
    if (!chart || !host) return;
    chart.setOption(intradayOption({ now, center, intervals }, readChartColors(host)));
  }, [now, center, intervals, theme]);

  const showTip = (index: number | null) => {
    tipRef.current = index;
    if (index !== null) chartRef.current?.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const index = stepTip(tipRef.current, e.key, intervalStarts({ now, center, intervals }).length);
    if (index === null) return;
    e.preventDefault();
    showTip(index);
  };

  return (
    <section className="panel intraday" aria-label="Intraday volume and service level">
      <h2 className="panel__title">
        Today by {intervals.minutes}-minute interval <span className="panel__hint">bars: offered · line: SL · dashed: {formatPercent(SL_TARGET)} target</span>
      </h2>
      <div
        className="intraday__chart"
        ref={hostRef}
        data-testid="intraday-chart"
        tabIndex={0}
        role="img"
        aria-label="Chart of today's intervals: left and right arrows read each interval's figures"
        onKeyDown={onKeyDown}
        onFocus={() => showTip(tipRef.current ?? stepTip(null, 'End', intervalStarts({ now, center, intervals }).length))}
        onBlur={() => {
          tipRef.current = null;
          chartRef.current?.dispatchAction({ type: 'hideTip' });
        }}
      />
    </section>
  );
}
