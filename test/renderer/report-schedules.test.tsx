// @vitest-environment happy-dom
/**
 * The schedules on the Reports screen: listed with the cron in words and the next run in the center's zone; a new
 * schedule's form sends what was typed and shows each refusal next to its field; the run log per schedule with the
 * mail's outcome; Remove after a confirmation; the SMTP form never shows a password and keeps it when left empty.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportRunView, ReportScheduleView, SmtpSettingsView } from '../../src/shared/api-reports';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { SchedulesPanel } from '../../src/renderer/src/features/reports/schedules-panel';
import { fakeClient, FakeRefusal, type Handlers } from './fake-client';

const ZONE = 'Asia/Jerusalem';
const weekly: ReportScheduleView = {
  name: 'weekly review',
  cron: '0 6 * * 1',
  description: 'Mondays at 06:00',
  period: 'last-week',
  formats: ['pdf', 'xlsx'],
  scope: { channels: [], queues: [] },
  agents: true,
  folder: '/srv/reports',
  recipients: ['manager@example.com'],
  keep: 8,
  settleMinutes: 60,
  // Monday 9 March 2026, 07:00 in Jerusalem (UTC+2)
  nextRunAt: Date.UTC(2026, 2, 9, 5, 0),
  lastRun: null,
};
const runs: ReportRunView[] = [
  { dueAt: Date.UTC(2026, 2, 2, 4, 0), finishedAt: Date.UTC(2026, 2, 2, 5, 1), status: 'done', error: null, folder: '/srv/reports/weekly review/2026-W09', mailStatus: 'failed', mailError: 'smtp.example.com:587: Invalid login: 535', mailedAt: Date.UTC(2026, 2, 2, 5, 1) },
  { dueAt: Date.UTC(2026, 1, 23, 4, 0), finishedAt: null, status: 'failed', error: 'EACCES: permission denied', folder: null, mailStatus: null, mailError: null, mailedAt: null },
];
const smtp: SmtpSettingsView = { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'reports', passwordSet: true, from: 'floor@example.com', updatedAt: Date.UTC(2026, 2, 1, 10, 0) };

function renderPanel(handlers: Handlers = {}, runtime: 'desktop' | 'browser' = 'browser') {
  const fake = fakeClient({ 'reports/schedules': () => ({ timeZone: ZONE, schedules: [weekly] }), 'reports/smtp-get': () => smtp, 'reports/runs': () => runs, ...handlers }, { runtime });
  render(
    <ClientProvider client={fake.client}>
      <SchedulesPanel formats={['csv', 'xlsx', 'pdf']} runtime={runtime} />
    </ClientProvider>,
  );
  return fake;
}
afterEach(cleanup);

describe('the schedules on the Reports screen', () => {
  it("lists each schedule: when in words, what, where and to whom, the next run in the center's zone", async () => {
    renderPanel();
    const row = await screen.findByTestId('schedule-row');
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(cells.slice(0, 6)).toEqual(['weekly review', 'Mondays at 06:000 6 * * 1', 'Last weekPDF, XLSX', '/srv/reportsmanager@example.com', '9 Mar 2026, 07:00', 'Not run yet']);
    expect(screen.getByTestId('report-schedules').textContent).toContain(`times in ${ZONE}`);
  });

  it('adds a schedule: sends what was typed, shows each refusal next to its field, then lists it', async () => {
    let refuse = true;
    const fake = renderPanel({
      'reports/schedule-add': () => {
        if (refuse) throw new FakeRefusal('invalid-args', 'reports/schedule-add: invalid', [{ path: 'folder', message: 'a full path of a folder on the host' }, { path: 'recipients.1', message: '"nobody" is not a mail address like name@example.com' }]);
        return weekly;
      },
    });
    await screen.findByTestId('schedule-row');
    fireEvent.click(screen.getByTestId('schedule-new'));
    expect(screen.getByTestId('schedule-form').textContent).toContain('A full path on the host machine, where Floorboard runs: not on this computer.');
    fireEvent.change(screen.getByTestId('schedule-name'), { target: { value: ' monthly ' } });
    fireEvent.click(screen.getByText('the 1st of each month at 06:00'));
    fireEvent.change(screen.getByTestId('schedule-period'), { target: { value: 'last-month' } });
    fireEvent.click(screen.getByTestId('schedule-format-xlsx')); // pdf and xlsx ticked: xlsx off
    fireEvent.change(screen.getByTestId('schedule-folder'), { target: { value: 'reports' } });
    fireEvent.change(screen.getByTestId('schedule-recipients'), { target: { value: 'boss@example.com, nobody' } });
    await act(async () => fireEvent.click(screen.getByTestId('schedule-add')));
    expect(fake.callsOf('reports/schedule-add').map((c) => c.args)).toEqual([{ name: 'monthly', cron: '0 6 1 * *', period: 'last-month', formats: ['pdf'], agents: true, folder: 'reports', keep: 8, settleMinutes: 60, recipients: ['boss@example.com', 'nobody'] }]);
    expect(screen.getByTestId('schedule-error-folder').textContent).toContain('a full path of a folder on the host');
    expect(screen.getByTestId('schedule-error-recipients').textContent).toContain('"nobody" is not a mail address');
    expect(screen.getByTestId('schedule-folder').getAttribute('aria-invalid')).toBe('true');
    refuse = false;
    fireEvent.change(screen.getByTestId('schedule-keep'), { target: { value: 'all' } });
    await act(async () => fireEvent.click(screen.getByTestId('schedule-add')));
    expect(screen.getByTestId('schedule-error-keep').textContent).toContain('a whole number');
    expect(fake.callsOf('reports/schedule-add')).toHaveLength(1); // not sent
    fireEvent.change(screen.getByTestId('schedule-keep'), { target: { value: '4' } });
    await act(async () => fireEvent.click(screen.getByTestId('schedule-add')));
    expect(fake.callsOf('reports/schedule-add')).toHaveLength(2);
    await waitFor(() => expect(screen.queryByTestId('schedule-form')).toBeNull());
    expect(fake.callsOf('reports/schedules').length).toBeGreaterThanOrEqual(2);
  });

  it("opens a schedule's run log: due times in the center's zone, the files' outcome, the mail's and its error", async () => {
    const fake = renderPanel();
    await screen.findByTestId('schedule-row');
    await act(async () => fireEvent.click(screen.getByTestId('schedule-runs-button')));
    expect(fake.callsOf('reports/runs').map((c) => c.args)).toEqual([{ name: 'weekly review', limit: 10 }]);
    const rows = within(await screen.findByTestId('schedule-runs')).getAllByTestId('schedule-run');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['2 Mar 2026, 06:00', 'Written', 'Failed: sent again at the next runsmtp.example.com:587: Invalid login: 535', '/srv/reports/weekly review/2026-W09'],
      ['23 Feb 2026, 06:00', 'Failed', '—', 'EACCES: permission denied'],
    ]);
  });

  it('removes a schedule after a confirmation in place', async () => {
    const fake = renderPanel({ 'reports/schedule-remove': ({ name }) => ({ removed: name }) });
    await screen.findByTestId('schedule-row');
    fireEvent.click(screen.getByTestId('schedule-remove'));
    expect(fake.callsOf('reports/schedule-remove')).toHaveLength(0);
    await act(async () => fireEvent.click(screen.getByTestId('schedule-remove-confirm')));
    expect(fake.callsOf('reports/schedule-remove').map((c) => c.args)).toEqual([{ name: 'weekly review' }]);
  });

  it('saves the SMTP server: the stored password is never shown, and an empty field keeps it', async () => {
    const fake = renderPanel({ 'reports/smtp-set': () => ({ ...smtp, host: 'mail.example.com' }) });
    const password = (await screen.findByTestId('smtp-password')) as HTMLInputElement;
    expect(password.value).toBe('');
    expect(password.placeholder).toBe('set: empty keeps it');
    fireEvent.change(screen.getByTestId('smtp-host'), { target: { value: 'mail.example.com' } });
    await act(async () => fireEvent.click(screen.getByTestId('smtp-save')));
    expect(fake.callsOf('reports/smtp-set').map((c) => c.args)).toEqual([{ host: 'mail.example.com', port: 587, security: 'starttls', user: 'reports', from: 'floor@example.com' }]);
  });
});
