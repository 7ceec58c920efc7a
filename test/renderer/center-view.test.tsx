// @vitest-environment happy-dom
/** The Center screen (issue 15, point 0): the center's settings read, changed ones sent, refusals by their field. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CenterSettingsView } from '../../src/shared/api';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { CenterView } from '../../src/renderer/src/features/center/center-view';
import { fakeClient, FakeRefusal, type Handlers } from './fake-client';
import { snapshot } from './fixtures';

const inUse = { name: 'North', timeZone: 'Europe/London', resetHour: 0, weekStart: 'monday' as const };
const view = (over: Partial<CenterSettingsView> = {}): CenterSettingsView => ({ inUse, stored: { ...inUse }, overridden: [], pending: [], ...over });

function renderCenter(handlers: Handlers = {}) {
  const fake = fakeClient({ 'center/get': () => view(), ...handlers });
  render(
    <ClientProvider client={fake.client}>
      <CenterView snapshot={snapshot()} connection="live" receivedAt={Date.now()} />
    </ClientProvider>,
  );
  return fake;
}

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
afterEach(cleanup);

describe('the Center screen', () => {
  it('shows the stored settings and sends only what changed; a pending restart is said plainly', async () => {
    const fake = renderCenter({ 'center/set': (change) => view({ stored: { ...inUse, ...change }, pending: ['timeZone', 'weekStart'] }) });
    expect(((await screen.findByTestId('center-name')) as HTMLInputElement).value).toBe('North');
    expect((screen.getByTestId('center-time-zone') as HTMLInputElement).value).toBe('Europe/London');
    fill('center-time-zone', 'Asia/Jerusalem');
    fill('center-week-start', 'sunday');
    fireEvent.click(screen.getByTestId('center-save'));
    expect(await screen.findByTestId('center-saved')).toBeTruthy();
    expect(fake.callsOf('center/set').map((c) => c.args)).toEqual([{ timeZone: 'Asia/Jerusalem', weekStart: 'sunday' }]);
    expect(screen.getByTestId('center-restart').textContent).toBe('Saved, and applied when Floorboard next starts (the desktop app, or the host’s serve): time zone Asia/Jerusalem (now Europe/London), week starts on Sunday (now Monday).');
  });

  it('shows a refused setting next to its field and keeps what was typed', async () => {
    renderCenter({
      'center/set': () => {
        throw new FakeRefusal('invalid-args', 'center/set: bad', [{ path: 'timeZone', message: 'unknown time zone "Mars/Olympus"' }]);
      },
    });
    await screen.findByTestId('center-name');
    fill('center-time-zone', 'Mars/Olympus');
    fireEvent.click(screen.getByTestId('center-save'));
    expect((await screen.findByTestId('center-error-timeZone')).textContent).toMatch(/unknown time zone "Mars\/Olympus"/);
    expect(screen.getByTestId('center-time-zone').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('center-time-zone') as HTMLInputElement).value).toBe('Mars/Olympus');
    expect(screen.queryByTestId('center-saved')).toBeNull();
  });

  it('names the setting a command-line flag holds for this run', async () => {
    renderCenter({ 'center/get': () => view({ inUse: { ...inUse, timeZone: 'UTC' }, overridden: ['timeZone'] }) });
    await screen.findByTestId('center-name');
    expect(screen.getByTestId('center-form').textContent).toMatch(/This run uses UTC, set by a command-line flag/);
  });
});
