import { describe, expect, it } from 'vitest';
import type { StandardResult } from '../../src/shared/standards';
import { formatFigure, fromField, hoursLabel, toField } from '../../src/renderer/src/features/standards/standard-look';
import { standardsVerdict } from '../../src/renderer/src/features/standards/standards-verdict';

const result = (status: StandardResult['status']): StandardResult => ({
  standardId: 's', key: 'voice', channel: 'voice', queue: null, figure: status === 'no-data' ? null : 0.5, status,
  attainment: null, basis: '', volume: 1, windowStart: 0, windowEnd: 1,
});

describe('standards on screen', () => {
  it('a tile takes the state of its weakest measured standard, in words and an icon', () => {
    expect(standardsVerdict([result('delight'), result('expected'), result('desired')])).toEqual({ status: 'warn', icon: '▲', text: 'below target', cause: result('expected') });
    expect(standardsVerdict([result('delight'), result('breach')])).toEqual({ status: 'alert', icon: '✖', text: 'below expected', cause: result('breach') });
    expect(standardsVerdict([result('delight'), result('no-data')])).toEqual({ status: 'ok', icon: '★', text: 'delight', cause: null });
    expect(standardsVerdict([result('no-data')])).toEqual({ status: 'idle', icon: '○', text: 'no standard measured', cause: null });
  });

  it('shows figures in their unit, and edits shares in percent', () => {
    expect(formatFigure(0.8456, 'share')).toBe('84.6%');
    expect(formatFigure(12.44, 'seconds')).toBe('12s');
    expect(formatFigure(300, 'seconds')).toBe('5m 00s');
    expect(formatFigure(86_400, 'seconds')).toBe('24h 00m');
    expect(formatFigure(2, 'agents')).toBe('+2');
    expect(formatFigure(null, 'share')).toBe('—');
    expect(toField(0.8, 'share')).toBe('80');
    expect(toField(0.055, 'share')).toBe('5.5');
    expect(fromField('80', 'share')).toBe(0.8);
    expect(fromField('20', 'seconds')).toBe(20);
  });
});

describe('published hours on a tile', () => {
  it('say open until the next change, or closed until the next opening, in the center zone', () => {
    expect(hoursLabel({ open: true, nextChange: Date.UTC(2026, 2, 4, 20, 0), calendar: 'Voice' }, 'Europe/London')).toBe('Open until Wed 20:00');
    expect(hoursLabel({ open: false, nextChange: Date.UTC(2026, 2, 5, 9, 0), calendar: 'Email' }, 'Europe/Paris')).toBe('Closed · opens Thu 10:00');
    expect(hoursLabel({ open: true, nextChange: null, calendar: null }, 'UTC')).toBeNull();
  });
});
