// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportJob, ReportPreview } from '../../src/shared/api';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { ReportsView } from '../../src/renderer/src/features/reports/reports-view';
import { fakeClient, FakeRefusal, type Handlers } from './fake-client';
import { snapshot } from './fixtures';

const figures = { offered: 120, answered: 100, abandoned: 20, shortAbandoned: 5, answeredWithinThreshold: 80, abandonedWithinThreshold: 3, waiting: 0, leftOtherwise: 0, serviceLevel: 80 / 115, asaSeconds: 21.4, abandonRate: 15 / 115, longestWaitSeconds: 300, firstResponses: 0, avgFirstResponseSeconds: null, handled: 96, ahtSeconds: 245, csatAnswers: 0, csat: null, npsAnswers: 0, nps: null, resolved: 0, fcr: null, staffedSeconds: null, occupancy: null, notReadyShare: null };
const period = { label: '2026-W10', from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 9), timeZone: 'Europe/London' };
const preview: ReportPreview = { period, empty: false, center: figures, channels: [{ ...figures, channel: 'voice' }], formats: ['csv', 'xlsx'] };
const running: ReportJob = { id: 'job1', state: 'running', progress: 0.5, stage: 'writing csv', period, formats: ['csv'], files: [], folder: null, error: null, startedAt: 0, finishedAt: null, expiresAt: null };
const done: ReportJob = { ...running, state: 'done', progress: 1, stage: 'done', files: [{ name: 'queues.csv', bytes: 2048 }, { name: 'report.xlsx', bytes: 9000 }], finishedAt: 1, expiresAt: 2 };

function renderReports(handlers: Handlers = {}, runtime: 'desktop' | 'browser' = 'browser') {
  const fake = fakeClient({ 'reports/preview': () => preview, ...handlers }, { runtime });
  render(
    <ClientProvider client={fake.client}>
      <ReportsView snapshot={snapshot()} connection="live" receivedAt={0} />
    </ClientProvider>,
  );
  return fake;
}
afterEach(cleanup);

describe('the Reports screen', () => {
  it("previews last week at once: the period in the center's zone and the summary, center then each channel", async () => {
    const fake = renderReports();
    await screen.findByTestId('report-summary');
    expect(fake.callsOf('reports/preview').map((c) => c.args)).toEqual([{ period: { preset: 'last-week' } }]);
    expect(screen.getByTestId('report-bounds').textContent).toBe('2 Mar 2026, 00:00 – 9 Mar 2026, 00:00 (Europe/London)');
    const center = screen.getAllByTestId('report-row')[0];
    // SL 80 / 115 = 69.6 %; abandon rate 15 / 115 = 13.0 %; ASA 21.4 s; AHT 245 s = 4m 05s
    expect([...center.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['120', '100', '70%', '21s', '13%', '4m 05s']);
    expect(screen.getAllByTestId('report-row').map((r) => r.getAttribute('data-row'))).toEqual(['center', 'voice']);
    // the formats the host writes, CSV ticked
    expect((screen.getByTestId('report-format-csv') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('report-format-xlsx') as HTMLInputElement).checked).toBe(false);
  });

  it('sends custom dates and a scope, and shows the refusal next to the end day', async () => {
    const refusal = new FakeRefusal('invalid-args', 'reports/export: invalid', [{ path: 'period.to', message: 'the end day must be after the first day (2026-03-09)' }]);
    const f2 = renderReports({ 'reports/export': () => { throw refusal; } });
    await screen.findByTestId('report-summary');
    fireEvent.click(screen.getByTestId('report-period-custom'));
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-03-09' } });
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-03-02' } });
    fireEvent.click(screen.getByTestId('report-channel-chat'));
    fireEvent.click(screen.getByTestId('report-agents')); // privacy: no agents in the files
    await act(async () => fireEvent.click(screen.getByTestId('report-export')));
    expect(f2.callsOf('reports/export').map((c) => c.args)).toEqual([{ period: { from: '2026-03-09', to: '2026-03-02' }, formats: ['csv'], agents: false, scope: { channels: ['chat'], queues: [] } }]);
    expect(screen.getByTestId('report-error-to').textContent).toContain('the end day must be after the first day');
    expect(screen.getByTestId('report-to').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('report-job')).toBeNull();
  });

  it('exports with a progress bar and Cancel, then lists the files as downloads from the host', async () => {
    let answer = running;
    const fake = renderReports({ 'reports/export': () => running, 'reports/job': () => answer });
    await screen.findByTestId('report-summary');
    await act(async () => fireEvent.click(screen.getByTestId('report-export')));
    expect(screen.getByTestId('report-progress').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByTestId('report-stage').textContent).toBe('50% · writing csv');
    expect(screen.getByTestId('report-cancel')).toBeTruthy();
    answer = done;
    await waitFor(() => expect(screen.getByTestId('report-job').getAttribute('data-state')).toBe('done'));
    expect(fake.callsOf('reports/job').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('report-cancel')).toBeNull();
    const links = within(screen.getByTestId('report-files')).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/reports/job1/queues.csv', '/reports/job1/report.xlsx']);
    expect(screen.getByTestId('report-files').textContent).toContain('2 KB');
    expect(screen.queryByTestId('report-reveal')).toBeNull();
  });

  it('cancels a running export', async () => {
    const fake = renderReports({ 'reports/export': () => running, 'reports/job': () => running, 'reports/cancel': () => ({ ...running, state: 'cancelled', stage: 'cancelled' }) });
    await screen.findByTestId('report-summary');
    await act(async () => fireEvent.click(screen.getByTestId('report-export')));
    await act(async () => fireEvent.click(screen.getByTestId('report-cancel')));
    expect(fake.callsOf('reports/cancel').map((c) => c.args)).toEqual([{ id: 'job1' }]);
    expect(screen.getByTestId('report-stage').textContent).toBe('Cancelled');
  });

  it('in the desktop app, shows the folder and "Show in folder" by the job alone', async () => {
    const fake = renderReports({ 'reports/export': () => ({ ...done, folder: '/home/sup/Documents/Floorboard reports/2026-W10' }), 'reports/reveal': () => ({ shown: 'x' }) }, 'desktop');
    await screen.findByTestId('report-summary');
    await act(async () => fireEvent.click(screen.getByTestId('report-export')));
    expect(screen.getByTestId('report-folder').textContent).toContain('Documents/Floorboard reports/2026-W10');
    expect(within(screen.getByTestId('report-files')).queryAllByRole('link')).toHaveLength(0);
    await act(async () => fireEvent.click(screen.getByTestId('report-reveal')));
    expect(fake.callsOf('reports/reveal').map((c) => c.args)).toEqual([{ id: 'job1' }]);
  });
});
