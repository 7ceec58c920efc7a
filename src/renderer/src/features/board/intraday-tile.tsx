/**
 * Today's chart on a board: the console's intraday option (floor/intraday-option.ts: offered bars by channel, the
 * service level line, the target rule), its type and margins scaled to the tile's height so the axis reads on a
 * 720p tile and a 4K one, redrawn as the tile resizes. No tooltip: nothing on a board is pointed at.
 */
import { BarChart, LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { CHANNELS, type FloorSnapshot } from '../../../../shared/api';
import type { BoardTile } from '../../../../shared/boards';
import { intradayOption, type ChartColors } from '../floor/intraday-option';
import { BoardTileFrame } from './board-tile-frame';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

function colorsOf(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(`--${name}`).trim();
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, token(`ch-${c}`)])) as ChartColors['channels'];
  return { text: token('text'), muted: token('text-muted'), grid: token('border'), surface: token('surface'), target: token('text-muted'), channels };
}

/**
 * The console's option with every size in proportion to the tile: text about 4 % of its height, or 2.5 % of its
 * width on a narrow (portrait) tile, so the axes and the legend keep their room for the bars.
 */
function boardChartOption(snapshot: Pick<FloorSnapshot, 'now' | 'center' | 'intervals'>, colors: ChartColors, box: { width: number; height: number }) {
  const font = Math.max(12, Math.round(Math.min(box.height * 0.04, box.width * 0.025)));
  const axis = { fontSize: font, color: colors.muted };
  const option = intradayOption(snapshot, colors);
  return {
    ...option,
    tooltip: undefined,
    textStyle: { color: colors.text, fontSize: font },
    grid: { left: font * 4, right: font * 4.5, top: font * 3.4, bottom: font * 2.4 },
    legend: { ...option.legend, textStyle: { color: colors.text, fontSize: font }, itemWidth: font * 1.4, itemHeight: font * 0.9 },
    xAxis: { ...option.xAxis, axisLabel: { ...axis, hideOverlap: true } },
    yAxis: (option.yAxis as object[]).map((y, i) => ({ ...y, nameTextStyle: axis, axisLabel: i === 1 ? { ...axis, formatter: '{value}%' } : axis })),
    series: (option.series as LineSeriesOption[]).map((series) =>
      series.markLine ? { ...series, markLine: { ...series.markLine, label: { ...series.markLine.label, fontSize: font * 0.8 } } } : series,
    ),
  } as typeof option;
}

export function IntradayTile({ snapshot, tile, theme }: { snapshot: FloorSnapshot; tile: BoardTile; theme: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const [box, setBox] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const created = echarts.init(element, null, { renderer: 'canvas' });
    const resized = new ResizeObserver(() => {
      created.resize();
      setBox({ width: element.clientWidth, height: element.clientHeight });
    });
    resized.observe(element);
    setChart(created);
    return () => {
      resized.disconnect();
      created.dispose();
    };
  }, []);

  const { now, center, intervals } = snapshot;
  useEffect(() => {
    if (chart && host.current) chart.setOption(boardChartOption({ now, center, intervals }, colorsOf(host.current), box), true);
  }, [chart, now, center, intervals, box, theme]);

  return (
    <BoardTileFrame tile={tile} title={tile.title ?? `Today by ${intervals.minutes}-minute interval`}>
      <div className="board-chart" ref={host} data-testid="board-intraday" />
    </BoardTileFrame>
  );
}
