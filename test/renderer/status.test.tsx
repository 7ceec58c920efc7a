// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { judgeStatus } from '../../src/renderer/src/features/floor/status';

const judge = (serviceLevel: number | null, overThreshold = false, hasTraffic = true) =>
  judgeStatus({ serviceLevel, overThreshold, hasTraffic });

describe('judgeStatus', () => {
  it('is on target at 80 % and above', () => {
    expect(judge(0.8)).toEqual({ status: 'ok', icon: '✓', text: 'on target' });
    expect(judge(0.95).status).toBe('ok');
  });
  it('is at risk between 70 % and 80 %, or when someone waits beyond the threshold', () => {
    expect(judge(0.75)).toEqual({ status: 'warn', icon: '▲', text: 'at risk' });
    expect(judge(0.7).status).toBe('warn');
    expect(judge(0.9, true).status).toBe('warn');
    expect(judge(null, true).status).toBe('warn');
  });
  it('is below target under 70 %, whatever the waits', () => {
    expect(judge(0.69)).toEqual({ status: 'alert', icon: '✖', text: 'below target' });
    expect(judge(0.2, true).status).toBe('alert');
  });
  it('judges the percentage the tile shows, so "80%" is never "at risk" on service level alone', () => {
    expect(judge(0.796).status).toBe('ok');
    expect(judge(0.794).status).toBe('warn');
    expect(judge(0.6951).status).toBe('warn');
    expect(judge(0.6949).status).toBe('alert');
  });
  it('judges by the channel standard\'s tiers when it has them: below expected is an alert, below desired at risk', () => {
    const targets = { expected: 0.85, desired: 0.9 };
    expect(judgeStatus({ serviceLevel: 0.8, overThreshold: false, hasTraffic: true, targets }).status).toBe('alert');
    expect(judgeStatus({ serviceLevel: 0.87, overThreshold: false, hasTraffic: true, targets }).status).toBe('warn');
    expect(judgeStatus({ serviceLevel: 0.9, overThreshold: false, hasTraffic: true, targets }).status).toBe('ok');
    expect(judgeStatus({ serviceLevel: 0.3, overThreshold: false, hasTraffic: true, targets: { expected: 0, desired: 0.001 } }).status).toBe('ok');
  });
  it('is idle without a service level', () => {
    expect(judge(null, false, false)).toEqual({ status: 'idle', icon: '○', text: 'idle' });
    expect(judge(null, false, true)).toEqual({ status: 'idle', icon: '○', text: 'no SL yet' });
  });
});
