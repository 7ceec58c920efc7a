// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { combinedServiceLevel, intervalStarts, intradayOption, SL_SERIES, type ChartColors } from '../../src/renderer/src/features/floor/intraday-option';
import { snapshot } from './fixtures';

const colors: ChartColors = {
  text: '#000',
  muted: '#444',
  grid: '#ccc',
  surface: '#fff',
  target: '#444',
  channels: { voice: '#1', chat: '#2', email: '#3', message: '#4' },
};

const Q = 15 * 60_000;
// America/New_York, 2026-03-10 (EDT, UTC-4): the day starts at 04:00 UTC; now is 10:30 local.
const dayStart = Date.UTC(2026, 2, 10, 4, 0, 0);
const s = snapshot({
  center: { name: 'NY', timeZone: 'America/New_York', resetHour: 0, dayStart },
  intervals: {
    minutes: 15,
    points: [
      { start: dayStart + 40 * Q, channel: 'voice', offered: 12, answered: 10, abandoned: 2, shortAbandoned: 0, answeredWithinThreshold: 9, serviceLevel: 0.75 },
      { start: dayStart + 40 * Q, channel: 'chat', offered: 5, answered: 5, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 5, serviceLevel: 1 },
      { start: dayStart + 41 * Q, channel: 'voice', offered: 20, answered: 0, abandoned: 1, shortAbandoned: 1, answeredWithinThreshold: 0, serviceLevel: null },
    ],
  },
});

describe('intradayOption', () => {
  it('plots every interval from the day start to now, quiet ones included', () => {
    const starts = intervalStarts(s);
    expect(starts[0]).toBe(dayStart);
    expect(starts.at(-1)).toBe(dayStart + 42 * Q); // 10:30 local is the 43rd interval
    expect(starts).toHaveLength(43);
  });

  it('labels the time axis in the center time zone', () => {
    const option = intradayOption(s, colors);
    const axis = option.xAxis as { data: string[] };
    expect(axis.data[0]).toBe('00:00');
    expect(axis.data[40]).toBe('10:00');
    expect(axis.data.at(-1)).toBe('10:30');
  });

  it('stacks offered per channel as bars and draws one service-level line in percent on the right axis', () => {
    const series = intradayOption(s, colors).series as (BarSeriesOption | LineSeriesOption)[];
    const bar = (name: string) => series.find((x) => x.type === 'bar' && x.name === name)!;
    expect(series.filter((x) => x.type === 'bar').map((x) => x.name)).toEqual(['Voice', 'Chat', 'Email', 'Messaging']);
    expect(bar('Voice').stack).toBe('offered');
    expect(bar('Voice').itemStyle?.color).toBe('#1');
    expect((bar('Voice').data as number[]).slice(39, 43)).toEqual([0, 12, 20, 0]);
    expect((bar('Chat').data as number[]).slice(39, 43)).toEqual([0, 5, 0, 0]);
    const lines = series.filter((x) => x.type === 'line') as LineSeriesOption[];
    expect(lines.map((l) => l.name)).toEqual([SL_SERIES]);
    expect(lines[0].yAxisIndex).toBe(1);
    // interval 40: voice 75 % over 12 left, chat 100 % over 5 left -> (0.75*12 + 1*5) / 17 = 82.4 %
    expect((lines[0].data as (number | null)[]).slice(39, 43)).toEqual([null, 82.4, null, null]);
  });
});

describe('combinedServiceLevel', () => {
  it('applies the SL definition to the summed parts of every channel, short abandons left out', () => {
    // voice: 5 within T of 8 answered, 2 abandoned of which 1 short -> 5 / 9; chat 30 of 30 -> total 35 / 39
    expect(
      combinedServiceLevel([
        { start: 0, channel: 'voice', offered: 10, answered: 8, abandoned: 2, shortAbandoned: 1, answeredWithinThreshold: 5, serviceLevel: 5 / 9 },
        { start: 0, channel: 'chat', offered: 30, answered: 30, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 30, serviceLevel: 1 },
        { start: 0, channel: 'email', offered: 4, answered: 0, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 0, serviceLevel: null },
        undefined,
      ]),
    ).toBeCloseTo(35 / 39, 12);
    expect(combinedServiceLevel([undefined, { start: 0, channel: 'email', offered: 4, answered: 0, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 0, serviceLevel: null }])).toBeNull();
  });
});

describe('the target rule', () => {
  it('keeps the target rule unlabelled: its label sat on the data', () => {
    const option = intradayOption(s, colors);
    const line = (option.series as LineSeriesOption[]).find((x) => x.name === SL_SERIES)!;
    expect(line.markLine?.label).toEqual({ show: false });
  });
});
