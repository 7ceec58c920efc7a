/**
 * The Electron shell's desktop notifications of alerts, through a stand-in for Electron's Notification (the
 * Electron binary is not on CI machines): what each says, one summary for a burst, a click handled, the app icon.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import { MAX_SEPARATE, notifyAlerts, type NotificationLike } from '../../src/main/notifications';
import type { AlertView } from '../../src/shared/standards';

const alert = (id: number, standardName: string, key: string, basis: string): AlertView => ({
  id, standardId: `s${id}`, standardName, key, channel: null, queue: null, breachStartedAt: 0, firedAt: 0,
  resolvedAt: null, acknowledgedAt: null, snoozedUntil: null, figure: 0.5, basis,
});

function fakeNotifications() {
  const shown: (NotificationConstructorOptions & { click: () => void })[] = [];
  const create = (options: NotificationConstructorOptions): NotificationLike => {
    let click = () => {};
    return {
      on: (_event, listener) => (click = listener),
      show: () => shown.push({ ...options, click: () => click() }),
    };
  };
  return { shown, create };
}

describe('alert notifications', () => {
  it('says which standard is below expected, on which column, with the figure behind it; a click opens the console', () => {
    const { shown, create } = fakeNotifications();
    let clicks = 0;
    const n = notifyAlerts(
      [alert(1, 'Voice: 80 % answered within 20 s', 'voice', '11 answered within 20.0 s of 20 offered'), alert(2, 'Wait p90', 'queue:Billing', '90th percentile of 14 waits')],
      create,
      () => clicks++,
    );
    expect(n).toBe(2);
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Below expected: Voice: 80 % answered within 20 s', body: 'Voice: 11 answered within 20.0 s of 20 offered' },
      { title: 'Below expected: Wait p90', body: 'Queue Billing: 90th percentile of 14 waits' },
    ]);
    shown[1].click();
    expect(clicks).toBe(1);
  });

  it(`makes one summary of more than ${MAX_SEPARATE} alerts at once, and nothing of none`, () => {
    const { shown, create } = fakeNotifications();
    const burst = ['voice', 'chat', 'email', 'message', 'center'].map((k, i) => alert(i, `Standard ${i}`, k, 'basis'));
    expect(notifyAlerts(burst, create, () => {})).toBe(1);
    expect(shown[0]).toMatchObject({
      title: '5 standards below expected',
      body: 'Standard 0 (Voice); Standard 1 (Chat); Standard 2 (Email) and 2 more. Open Floorboard to acknowledge.',
    });
    expect(notifyAlerts([], create, () => {})).toBe(0);
    expect(shown).toHaveLength(1);
  });

  it('shows the app icon, a PNG that is there, on each notification and on the summary', () => {
    const { shown, create } = fakeNotifications();
    notifyAlerts([alert(1, 'A', 'voice', 'b')], create, () => {});
    notifyAlerts(['voice', 'chat', 'email', 'message'].map((k, i) => alert(i, `S${i}`, k, 'b')), create, () => {});
    expect(shown).toHaveLength(2);
    for (const { icon } of shown) {
      expect(icon).toMatch(/[/\\]resources[/\\]icon\.png$/);
      expect(existsSync(icon as string)).toBe(true);
      // the PNG signature: a file Electron's nativeImage can read, not an SVG renamed
      expect(readFileSync(icon as string).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
  });
});
