// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessTokenView } from '../../src/shared/api';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { AccessView } from '../../src/renderer/src/features/access/access-view';
import { NewToken } from '../../src/renderer/src/features/access/new-token';
import { fakeClient, FakeRefusal, type Handlers } from './fake-client';
import { snapshot } from './fixtures';

/** The browser's clock in these tests: 2026-03-10 14:30:00 UTC, 14:30 in London (the fixtures' center zone, GMT). */
const WALL = Date.UTC(2026, 2, 10, 14, 30, 0);
const DAY = 86_400_000;

const wall1: AccessTokenView = { name: 'wall 1', names: false, createdAt: WALL - 3 * DAY, expiresAt: WALL + 27 * DAY, lastUsedAt: WALL - 5 * 60_000, board: null };
const manager: AccessTokenView = { name: 'ops manager', names: true, createdAt: WALL - DAY / 2, expiresAt: null, lastUsedAt: null, board: null };

function renderAccess(handlers: Handlers = {}) {
  const fake = fakeClient({ 'access/tokens': () => [wall1, manager], ...handlers });
  render(
    <ClientProvider client={fake.client}>
      <AccessView snapshot={snapshot()} connection="live" receivedAt={WALL} />
    </ClientProvider>,
  );
  return fake;
}

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(WALL);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the Access screen', () => {
  it('lists the tokens newest first: agents by name or pseudonyms, times relative and in the center zone', async () => {
    renderAccess();
    const rows = await screen.findAllByTestId('token-row');
    expect(rows.map((r) => r.getAttribute('data-token'))).toEqual(['ops manager', 'wall 1']);
    const wall = within(rows[1]);
    expect(rows[1].querySelector('[data-column="names"]')!.textContent).toBe('pseudonyms (“Agent 12”)');
    expect(rows[0].querySelector('[data-column="names"]')!.textContent).toBe('by name');
    // created 3 days before 14:30 on Tue 10 Mar: 7 Mar 2026, 14:30 London time
    expect(wall.getByTestId('token-created').textContent).toBe('3 days ago7 Mar 2026, 14:30');
    expect(wall.getByTestId('token-expires').textContent).toBe('in 27 days6 Apr 2026, 15:30'); // BST from 29 Mar: +1 h
    expect(wall.getByTestId('token-last-used').textContent).toBe('5m ago10 Mar 2026, 14:25');
    expect(within(rows[0]).getByTestId('token-expires').textContent).toBe('never');
    expect(within(rows[0]).getByTestId('token-last-used').textContent).toBe('never used');
    expect(screen.getByTestId('access-explain').textContent).toMatch(/read only.*pseudonyms/);
  });

  it('makes a token and shows it once; the list has it, and Done hides it for good', async () => {
    const made = { token: 'fbv_secret123', view: { name: 'wall 2', names: true, createdAt: WALL, expiresAt: WALL + 30 * DAY, lastUsedAt: null, board: null } };
    const fake = renderAccess({ 'access/create-token': () => made });
    await screen.findAllByTestId('token-row');
    fill('token-name', ' wall 2 ');
    fill('token-days', '30');
    fireEvent.click(screen.getByTestId('token-names'));
    await act(async () => fireEvent.click(screen.getByTestId('create-token')));
    expect(fake.callsOf('access/create-token').map((c) => c.args)).toEqual([{ name: 'wall 2', names: true, expiresDays: 30 }]);
    const shown = screen.getByTestId('new-token');
    expect((within(shown).getByTestId('new-token-link') as HTMLInputElement).value).toContain('fbv_secret123');
    expect(shown.textContent).toContain('shown this once');
    expect(screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token'))).toContain('wall 2');
    expect((screen.getByTestId('token-name') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('new-token-done'));
    expect(screen.queryByTestId('new-token')).toBeNull();
    expect(document.body.textContent).not.toContain('fbv_secret123');
  });

  it('leaves expiry out for "never" and shows the host refusals next to their field', async () => {
    let answer: () => never = () => {
      throw new FakeRefusal('invalid-args', 'access/create-token: invalid arguments', [{ path: 'expiresDays', message: 'Too big: expected number to be <=3650' }]);
    };
    const fake = renderAccess({ 'access/create-token': () => answer() });
    await screen.findAllByTestId('token-row');
    fill('token-name', 'wall 3');
    fill('token-days', '5000');
    await act(async () => fireEvent.click(screen.getByTestId('create-token')));
    expect(screen.getByTestId('token-error-expiresDays').textContent).toContain('expected number to be <=3650');
    expect(screen.getByTestId('token-days').getAttribute('aria-invalid')).toBe('true');

    answer = () => {
      throw new FakeRefusal('refused', 'a token named "wall 3" exists already: revoke it first, or choose another name');
    };
    fill('token-days', '');
    await act(async () => fireEvent.click(screen.getByTestId('create-token')));
    expect(fake.callsOf('access/create-token')[1].args).toEqual({ name: 'wall 3', names: false });
    expect(screen.getByTestId('token-error-name').textContent).toContain('exists already');
    expect(screen.queryByTestId('token-error-expiresDays')).toBeNull();
    expect(screen.queryByTestId('new-token')).toBeNull();

    fill('token-days', 'a week');
    await act(async () => fireEvent.click(screen.getByTestId('create-token')));
    expect(screen.getByTestId('token-error-expiresDays').textContent).toContain('whole number of days');
    expect(fake.callsOf('access/create-token')).toHaveLength(2); // not sent
  });

  it('revokes a token only after the confirmation', async () => {
    const fake = renderAccess({ 'access/revoke-token': ({ name }) => ({ revoked: name }) });
    await screen.findAllByTestId('token-row');
    fireEvent.click(screen.getByTestId('revoke-wall 1'));
    expect(fake.callsOf('access/revoke-token')).toHaveLength(0);
    expect(screen.getByRole('group', { name: 'Revoke wall 1?' }).textContent).toContain('lose the floor within seconds');
    await act(async () => fireEvent.click(screen.getByTestId('confirm-revoke-wall 1')));
    expect(fake.callsOf('access/revoke-token').map((c) => c.args)).toEqual([{ name: 'wall 1' }]);
    expect(screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token'))).toEqual(['ops manager']);
  });
});

describe('the new token panel', () => {
  it('links to the host that served the page; the desktop app (file://) shows the token alone', () => {
    const view = { name: 'wall 2', names: false, createdAt: WALL, expiresAt: null, lastUsedAt: null, board: null };
    render(<NewToken token="fbv_abc" view={view} origin="http://10.0.0.5:8080" onDone={() => {}} />);
    expect((screen.getByTestId('new-token-link') as HTMLInputElement).value).toBe('http://10.0.0.5:8080/?token=fbv_abc');
    cleanup();
    render(<NewToken token="fbv_abc" view={view} origin="file://" onDone={() => {}} />);
    expect((screen.getByTestId('new-token-link') as HTMLInputElement).value).toBe('fbv_abc');
  });
});
