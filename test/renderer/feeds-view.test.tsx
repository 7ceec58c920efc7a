// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedStatus, FloorSnapshot, QuarantineEntry } from '../../src/shared/api';
import { fakeClient, type Handlers } from './fake-client';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { App } from '../../src/renderer/src/app';
import { FeedsView } from '../../src/renderer/src/features/feeds/feeds-view';
import { viewFromHash } from '../../src/renderer/src/features/nav/view-route';
import { NOW, snapshot } from './fixtures';

vi.mock('../../src/renderer/src/features/floor/intraday-chart', () => ({
  IntradayChart: () => <div data-testid="intraday-chart" />,
}));

afterEach(() => {
  cleanup();
  window.location.hash = '';
});


function feed(name: string, over: Partial<FeedStatus> = {}): FeedStatus {
  return {
    name,
    kind: 'file',
    format: 'queue_log',
    path: `/var/log/asterisk/${name}`,
    webhookPath: null,
    heartbeatSeconds: 60,
    mapping: { exitWithKey: 'left' },
    state: 'running',
    message: null,
    lastEventAt: NOW - 12_000,
    eventsPerMinute: 42,
    accepted: 12345,
    duplicates: 7,
    quarantined: 0,
    rejected: 0,
    ignored: {},
    stale: false,
    ...over,
  };
}

const quarantined: QuarantineEntry[] = [
  { source: 'asterisk', position: 17, reason: 'unknown verb FOO', text: '1700000000|1.1|sales|SIP/1|FOO|' + 'x'.repeat(300), at: NOW - 5000 },
  { source: 'asterisk', position: 40, reason: 'not 5 fields', text: 'garbage', at: NOW - 3000 },
];

const renderFeeds = (s: FloorSnapshot, handlers: Handlers = {}) => {
  const fake = fakeClient({ 'quarantine/list': () => [], ...handlers });
  const view = render(
    <ClientProvider client={fake.client}>
      <FeedsView snapshot={s} connection="live" receivedAt={Date.now()} />
    </ClientProvider>,
  );
  return { ...fake, ...view };
};

describe('Feeds table', () => {
  it('shows each feed with its state, source, figures and last event on the center clock', async () => {
    renderFeeds(
      snapshot({
        feeds: [
          feed('asterisk', { ignored: { 'unknown verb RINGNOANSWER': 3, heartbeat: 10 }, quarantined: 2 }),
          feed('twilio', {
            kind: 'webhook',
            format: 'taskrouter',
            path: null,
            webhookPath: '/feeds/twilio',
            mapping: { abandonOn: ['task.canceled', 'task.transfer-failed'] },
            rejected: 4,
            state: 'paused',
            eventsPerMinute: 0.4,
          }),
          feed('connect', { state: 'waiting', message: 'file missing: /data/connect.log', lastEventAt: null, accepted: 0, eventsPerMinute: 0 }),
          feed('broken', { state: 'error', message: 'permission denied' }),
        ],
      }),
    );
    await screen.findByTestId('quarantine-empty');
    const table = screen.getByTestId('feeds-table');
    expect(within(table).getAllByRole('row')).toHaveLength(5); // header + 4 feeds

    expect(screen.getByTestId('feed-state-asterisk').textContent).toBe('● Running');
    expect(screen.getByTestId('feed-state-twilio').textContent).toBe('❚❚ Paused');
    expect(screen.getByTestId('feed-state-connect').textContent).toBe('◌ Waiting');
    expect(screen.getByTestId('feed-state-broken').textContent).toBe('✖ Error');
    expect(screen.getByTestId('feed-message-connect').textContent).toBe('file missing: /data/connect.log');
    expect(screen.getByTestId('feed-message-broken').textContent).toBe('permission denied');
    expect(screen.queryByTestId('feed-message-asterisk')).toBeNull();

    expect(screen.getByTestId('feed-source-asterisk').textContent).toBe('/var/log/asterisk/asterisk');
    expect(screen.getByTestId('feed-source-twilio').textContent).toBe('POST /feeds/twilio');
    // Each feed's abandon mapping, under its source.
    expect(screen.getByTestId('feed-mapping-asterisk').textContent).toBe('EXITWITHKEY: left the queue');
    expect(screen.getByTestId('feed-mapping-twilio').textContent).toBe('abandons: task.canceled, task.transfer-failed');
    expect(screen.getByTestId('feed-last-event-asterisk').textContent).toBe('12s ago');
    expect(screen.getByTestId('feed-last-event-connect').textContent).toBe('never');
    expect(screen.getByTestId('feed-rate-asterisk').textContent).toBe('42');
    expect(screen.getByTestId('feed-rate-twilio').textContent).toBe('0.4');
    expect(screen.getByTestId('feed-accepted-asterisk').textContent).toBe('12,345');
    expect(screen.getByTestId('feed-duplicates-asterisk').textContent).toBe('7');
    expect(screen.getByTestId('feed-quarantined-asterisk').textContent).toBe('⚠ 2');
    expect(screen.getByTestId('feed-rejected-twilio').textContent).toBe('4');
    expect(screen.getByTestId('feed-rejected-asterisk').textContent).toBe('—');

    const ignored = screen.getByTestId('feed-ignored-asterisk');
    expect(ignored.querySelector('summary')!.textContent).toBe('13');
    expect(ignored.querySelector('details')!.getAttribute('title')).toBe('heartbeat: 10\nunknown verb RINGNOANSWER: 3');

    // A paused feed offers Resume, a running one Pause.
    expect(screen.getByTestId('feed-resume-twilio')).toBeTruthy();
    expect(screen.queryByTestId('feed-pause-twilio')).toBeNull();
    expect(screen.getByTestId('feed-pause-asterisk')).toBeTruthy();
  });

  it('warns loudly about a stale feed, in its row and in a banner', async () => {
    renderFeeds(snapshot({ feeds: [feed('asterisk', { stale: true, lastEventAt: NOW - 150_000 }), feed('quiet-ok')] }));
    await screen.findByTestId('quarantine-empty');
    expect(screen.getByTestId('feed-stale-asterisk').textContent).toBe('⚠ STALE no events for 2m');
    expect(screen.queryByTestId('feed-stale-quiet-ok')).toBeNull();
    expect(screen.getByTestId('feed-row-asterisk').getAttribute('data-stale')).toBe('true');
    const banner = screen.getByTestId('feeds-stale-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Feed asterisk is STALE');
  });

  it('updates in real time from pushed snapshots', async () => {
    const fake = fakeClient({ 'floor/snapshot': () => snapshot({ feeds: [feed('asterisk')] }), 'quarantine/list': () => [] });
    window.location.hash = '#/feeds';
    render(
      <ClientProvider client={fake.client}>
        <App />
      </ClientProvider>,
    );
    expect((await screen.findByTestId('feed-state-asterisk')).textContent).toBe('● Running');
    await act(async () => fake.push(snapshot({ now: NOW + 1000, feeds: [feed('asterisk', { state: 'error', message: 'file rotated away', accepted: 12400 })] })));
    expect(screen.getByTestId('feed-state-asterisk').textContent).toBe('✖ Error');
    expect(screen.getByTestId('feed-accepted-asterisk').textContent).toBe('12,400');
    expect(screen.getByTestId('feeds-error-banner').textContent).toContain('asterisk: file rotated away');
  });

  it('pauses with feeds/pause and shows the answer at once, then resumes with feeds/resume', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [feed('asterisk')] }), {
      'feeds/pause': ({ name }) => feed(name, { state: 'paused' }),
      'feeds/resume': ({ name }) => feed(name, { state: 'running' }),
    });
    fireEvent.click(screen.getByTestId('feed-pause-asterisk'));
    await waitFor(() => expect(screen.getByTestId('feed-state-asterisk').textContent).toBe('❚❚ Paused'));
    expect(callsOf('feeds/pause')).toEqual([{ name: 'feeds/pause', args: { name: 'asterisk' } }]);
    fireEvent.click(screen.getByTestId('feed-resume-asterisk'));
    await waitFor(() => expect(screen.getByTestId('feed-state-asterisk').textContent).toBe('● Running'));
    expect(callsOf('feeds/resume')).toEqual([{ name: 'feeds/resume', args: { name: 'asterisk' } }]);
  });

  it('shows an action error in the row', async () => {
    renderFeeds(snapshot({ feeds: [feed('asterisk')] }), {
      'feeds/pause': () => {
        throw new Error('no feed named asterisk');
      },
    });
    fireEvent.click(screen.getByTestId('feed-pause-asterisk'));
    expect((await screen.findByTestId('feed-action-error-asterisk')).textContent).toBe('no feed named asterisk');
    expect(screen.getByTestId('feed-state-asterisk').textContent).toBe('● Running');
  });

  it('removes only after a confirm step', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [feed('asterisk'), feed('other')] }), { 'feeds/remove': ({ name }) => ({ removed: name }) });
    fireEvent.click(screen.getByTestId('feed-remove-asterisk'));
    expect(callsOf('feeds/remove')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('feed-remove-cancel-asterisk'));
    expect(screen.getByTestId('feed-remove-asterisk')).toBeTruthy();
    expect(callsOf('feeds/remove')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('feed-remove-asterisk'));
    fireEvent.click(screen.getByTestId('feed-remove-confirm-asterisk'));
    await waitFor(() => expect(screen.queryByTestId('feed-row-asterisk')).toBeNull());
    expect(callsOf('feeds/remove')).toEqual([{ name: 'feeds/remove', args: { name: 'asterisk' } }]);
    expect(screen.getByTestId('feed-row-other')).toBeTruthy();
  });

  it('lists a feed’s quarantined lines when its count is clicked, raw text expandable', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [feed('asterisk', { quarantined: 1 })] }), {
      'quarantine/list': ({ source }) => (source === 'asterisk' ? quarantined : []),
    });
    await screen.findByTestId('quarantine-empty');
    expect(callsOf('quarantine/list')[0].args).toEqual({ limit: 200 });

    fireEvent.click(screen.getByTestId('feed-quarantined-asterisk'));
    const [entry, short] = await screen.findAllByTestId('quarantine-entry');
    expect(screen.getByTestId('quarantine-count').textContent).toBe('2 lines from asterisk');
    expect(within(short).queryByRole('button')).toBeNull(); // a short line shows whole
    expect(callsOf('quarantine/list').at(-1)!.args).toEqual({ limit: 200, source: 'asterisk' });
    expect(screen.getByTestId('quarantine-list').getAttribute('data-source')).toBe('asterisk');
    expect(entry.textContent).toContain('unknown verb FOO');
    expect(entry.textContent).toContain('17');
    expect(within(entry).getByTestId('quarantine-raw').textContent).toBe(quarantined[0].text);
    const expand = within(entry).getByRole('button', { name: 'Expand' });
    fireEvent.click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    expect(within(entry).getByTestId('quarantine-raw').className).toContain('raw-line--open');
  });

  it('shows each feed’s abandon mapping under its source, nothing for a format without one', async () => {
    renderFeeds(
      snapshot({
        feeds: [
          feed('flex', { kind: 'webhook', format: 'taskrouter', path: null, webhookPath: '/feeds/flex', mapping: { abandonOn: ['task.canceled', 'workflow.timeout'] } }),
          feed('none', { kind: 'webhook', format: 'taskrouter', path: null, webhookPath: '/feeds/none', mapping: { abandonOn: [] } }),
          feed('pbx', { mapping: { exitWithKey: 'abandoned' } }),
          feed('crm', { kind: 'webhook', format: 'ndjson', path: null, webhookPath: '/feeds/crm', mapping: {} }),
        ],
      }),
    );
    await screen.findByTestId('quarantine-empty');
    const flex = screen.getByTestId('feed-mapping-flex');
    expect(flex.textContent).toBe('abandons: task.canceled, workflow.timeout');
    expect(screen.getByTestId('feed-source-flex').parentElement!.contains(flex)).toBe(true);
    expect(screen.getByTestId('feed-mapping-none').textContent).toBe('abandons: none (always zero)');
    expect(screen.getByTestId('feed-mapping-pbx').textContent).toBe('EXITWITHKEY: abandoned');
    expect(screen.queryByTestId('feed-mapping-crm')).toBeNull();
    expect(screen.getByTestId('feed-row-crm')).toBeTruthy();
  });

  it('says so when there are no feeds', async () => {
    renderFeeds(snapshot({ feeds: [], simulated: false }));
    expect(screen.getByTestId('feeds-empty').textContent).toMatch(/^No feeds yet\. Add one below/);
    await screen.findByTestId('quarantine-empty');
  });

  it('says where the figures come from when the floor is the simulated one', async () => {
    renderFeeds(snapshot({ feeds: [], simulated: true }));
    expect(screen.getByTestId('feeds-empty').textContent).toContain('the floor shows the built-in simulated center');
    await screen.findByTestId('quarantine-empty');
  });
});

describe('Add feed form', () => {
  const fill = (values: Record<string, string>) => {
    for (const [testId, value] of Object.entries(values)) fireEvent.change(screen.getByTestId(testId), { target: { value } });
  };

  it('refuses an invalid name with a message next to the field, without calling feeds/add', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), { 'feeds/add': () => feed('x') });
    fill({ 'feed-name': 'bad name!', 'feed-path': '/var/log/q' });
    fireEvent.click(screen.getByTestId('feed-add'));
    const error = await screen.findByTestId('feed-name-error');
    expect(error.textContent).toContain('letters, digits, "-" and "_"');
    expect(screen.getByTestId('feed-name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('feed-name').getAttribute('aria-describedby')).toBe(error.id);
    expect(callsOf('feeds/add')).toHaveLength(0);
  });

  it('requires a path for a file feed and a token for a webhook; refuses a taken name', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [feed('asterisk')] }), { 'feeds/add': () => feed('x') });
    fill({ 'feed-name': 'asterisk' });
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-name-error')).textContent).toContain('already exists');
    expect(screen.getByTestId('feed-path-error').textContent).toContain('path');

    fill({ 'feed-kind': 'webhook', 'feed-name': 'twilio' });
    expect(screen.queryByTestId('feed-path')).toBeNull();
    expect(screen.getByTestId('feed-token').getAttribute('type')).toBe('password');
    expect([...screen.getByTestId('feed-format').querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['taskrouter', 'ndjson']);
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-token-error')).textContent).toContain('Twilio auth token');
    fill({ 'feed-heartbeat': '2' });
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-heartbeat-error')).textContent).toContain('5 to 86400');
    expect(callsOf('feeds/add')).toHaveLength(0);
  });

  it('sends a valid file feed to feeds/add and lists it at once', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), { 'feeds/add': (spec) => feed(spec.name, { path: spec.path ?? null, lastEventAt: null }) });
    fill({ 'feed-name': 'asterisk-main', 'feed-path': '/var/log/asterisk/queue_log', 'feed-heartbeat': '120' });
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-form-added')).textContent).toContain('Feed asterisk-main added');
    expect(callsOf('feeds/add')[0].args).toEqual({
      name: 'asterisk-main',
      kind: 'file',
      format: 'queue_log',
      path: '/var/log/asterisk/queue_log',
      heartbeatSeconds: 120,
      mapping: { exitWithKey: 'left' }, // the default, as Asterisk, written out
    });
    expect(screen.getByTestId('feed-row-asterisk-main')).toBeTruthy();
    expect((screen.getByTestId('feed-name') as HTMLInputElement).value).toBe('');
  });

  it('sends a webhook feed with its token and shows the path to post to', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), {
      'feeds/add': (spec) => feed(spec.name, { kind: 'webhook', format: spec.format, path: null, webhookPath: `/feeds/${spec.name}` }),
    });
    fill({ 'feed-kind': 'webhook', 'feed-format': 'ndjson', 'feed-name': 'crm', 'feed-token': 's3cret' });
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-form-added')).textContent).toContain('senders post to /feeds/crm');
    expect(callsOf('feeds/add')[0].args).toEqual({ name: 'crm', kind: 'webhook', format: 'ndjson', token: 's3cret' });
  });

  it('offers TaskRouter’s abandon events, the Flex Insights two checked, and sends the ones left checked', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), {
      'feeds/add': (spec) => feed(spec.name, { kind: 'webhook', format: spec.format, path: null, webhookPath: `/feeds/${spec.name}`, mapping: spec.mapping ?? {} }),
    });
    expect(screen.queryByTestId('feed-abandon-task.canceled')).toBeNull(); // a queue_log file feed by default
    fill({ 'feed-kind': 'webhook' });
    expect((screen.getByTestId('feed-format') as HTMLSelectElement).value).toBe('taskrouter');
    expect(screen.queryByTestId('feed-exit-with-key')).toBeNull();

    const box = (trigger: string) => screen.getByTestId(`feed-abandon-${trigger}`) as HTMLInputElement;
    const form = screen.getByTestId('feed-form');
    const group = within(form).getByRole('group', { name: 'Counted as abandoned (task never accepted)' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(3);
    expect(box('task.canceled').checked).toBe(true);
    expect(box('task.transfer-failed').checked).toBe(true);
    expect(box('workflow.timeout').checked).toBe(false);
    expect(within(form).getByRole('checkbox', { name: /task\.transfer-failed/ })).toBe(box('task.transfer-failed'));
    expect(screen.getByTestId('feed-abandon-none').textContent).toBe('');

    fireEvent.click(box('task.transfer-failed'));
    expect(box('task.transfer-failed').checked).toBe(false);
    fill({ 'feed-name': 'twilio', 'feed-token': 'auth-token' });
    fireEvent.click(screen.getByTestId('feed-add'));
    expect((await screen.findByTestId('feed-form-added')).textContent).toContain('Feed twilio added');
    expect(callsOf('feeds/add')[0].args).toEqual({ name: 'twilio', kind: 'webhook', format: 'taskrouter', token: 'auth-token', mapping: { abandonOn: ['task.canceled'] } });
    expect(screen.getByTestId('feed-mapping-twilio').textContent).toBe('abandons: task.canceled');
    // The form is back to the defaults for the next feed.
    expect(box('task.transfer-failed').checked).toBe(true);
  });

  it('allows a TaskRouter feed with no abandon event, saying abandons will be zero', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), {
      'feeds/add': (spec) => feed(spec.name, { kind: 'webhook', format: spec.format, path: null, webhookPath: `/feeds/${spec.name}`, mapping: spec.mapping ?? {} }),
    });
    fill({ 'feed-kind': 'webhook', 'feed-name': 'twilio', 'feed-token': 'auth-token' });
    fireEvent.click(screen.getByTestId('feed-abandon-task.canceled'));
    fireEvent.click(screen.getByTestId('feed-abandon-task.transfer-failed'));
    const hint = screen.getByTestId('feed-abandon-none');
    expect(hint.textContent).toContain('abandons will be zero');
    expect(hint.getAttribute('role')).toBe('status');
    expect(within(screen.getByTestId('feed-form')).getByRole('group', { name: 'Counted as abandoned (task never accepted)' }).getAttribute('aria-describedby')).toBe(hint.id);

    // Checking one again clears the hint; a later event joins in the engine's order.
    fireEvent.click(screen.getByTestId('feed-abandon-workflow.timeout'));
    expect(hint.textContent).toBe('');
    fireEvent.click(screen.getByTestId('feed-abandon-task.canceled'));
    fireEvent.click(screen.getByTestId('feed-add'));
    await screen.findByTestId('feed-form-added');
    expect(callsOf('feeds/add')[0].args).toMatchObject({ mapping: { abandonOn: ['task.canceled', 'workflow.timeout'] } });

    fill({ 'feed-name': 'twilio-2', 'feed-token': 'auth-token' });
    fireEvent.click(screen.getByTestId('feed-abandon-task.canceled'));
    fireEvent.click(screen.getByTestId('feed-abandon-task.transfer-failed'));
    fireEvent.click(screen.getByTestId('feed-add'));
    await waitFor(() => expect(callsOf('feeds/add')).toHaveLength(2));
    expect(callsOf('feeds/add')[1].args).toEqual({ name: 'twilio-2', kind: 'webhook', format: 'taskrouter', token: 'auth-token', mapping: { abandonOn: [] } });
  });

  it('asks what EXITWITHKEY counts as for a queue_log feed and sends the choice', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), { 'feeds/add': (spec) => feed(spec.name, { path: spec.path ?? null, mapping: spec.mapping ?? {} }) });
    const select = screen.getByTestId('feed-exit-with-key') as HTMLSelectElement;
    expect(within(screen.getByTestId('feed-form')).getByLabelText('EXITWITHKEY (caller left by a key press) counts as')).toBe(select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['left', 'left the queue (as Asterisk)'],
      ['abandoned', 'abandoned'],
    ]);
    expect(select.value).toBe('left');
    expect(screen.queryByTestId('feed-abandon-task.canceled')).toBeNull();

    fill({ 'feed-name': 'asterisk', 'feed-path': '/var/log/asterisk/queue_log', 'feed-exit-with-key': 'abandoned' });
    fireEvent.click(screen.getByTestId('feed-add'));
    await screen.findByTestId('feed-form-added');
    expect(callsOf('feeds/add')[0].args).toEqual({
      name: 'asterisk',
      kind: 'file',
      format: 'queue_log',
      path: '/var/log/asterisk/queue_log',
      mapping: { exitWithKey: 'abandoned' },
    });
    expect(screen.getByTestId('feed-mapping-asterisk').textContent).toBe('EXITWITHKEY: abandoned');
  });

  it('sends no mapping for an NDJSON file feed', async () => {
    const { callsOf } = renderFeeds(snapshot({ feeds: [] }), { 'feeds/add': (spec) => feed(spec.name, { format: spec.format, path: spec.path ?? null, mapping: {} }) });
    fill({ 'feed-format': 'ndjson' });
    expect(screen.queryByTestId('feed-exit-with-key')).toBeNull();
    expect(screen.queryByTestId('feed-abandon-task.canceled')).toBeNull();
    fill({ 'feed-name': 'crm', 'feed-path': '/data/crm.ndjson' });
    fireEvent.click(screen.getByTestId('feed-add'));
    await screen.findByTestId('feed-form-added');
    expect(callsOf('feeds/add')[0].args).toEqual({ name: 'crm', kind: 'file', format: 'ndjson', path: '/data/crm.ndjson' });
    expect(screen.queryByTestId('feed-mapping-crm')).toBeNull();
  });

  it('shows the engine’s error next to the form', async () => {
    renderFeeds(snapshot({ feeds: [] }), {
      'feeds/add': () => {
        throw new Error('path: no such file or directory');
      },
    });
    fill({ 'feed-name': 'asterisk', 'feed-path': '/nope' });
    fireEvent.click(screen.getByTestId('feed-add'));
    const error = await screen.findByTestId('feed-form-error');
    expect(error.textContent).toContain('path: no such file or directory');
    expect(error.getAttribute('role')).toBe('alert');
  });
});

describe('Navigation', () => {
  it('reads the view from the hash; the floor is the default', () => {
    expect(viewFromHash('')).toBe('floor');
    expect(viewFromHash('#/')).toBe('floor');
    expect(viewFromHash('#/feeds')).toBe('feeds');
    expect(viewFromHash('#feeds/')).toBe('feeds');
    expect(viewFromHash('#/nonsense')).toBe('floor');
  });

  it('shows the floor by default and switches to feeds and back with the hash', async () => {
    const fake = fakeClient({ 'floor/snapshot': () => snapshot({ feeds: [feed('asterisk')] }), 'quarantine/list': () => [] });
    render(
      <ClientProvider client={fake.client}>
        <App />
      </ClientProvider>,
    );
    await screen.findByTestId('channel-tile-voice');
    expect(screen.getByTestId('nav-floor').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-feeds').getAttribute('href')).toBe('#/feeds');

    await act(async () => {
      window.location.hash = '#/feeds';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('feeds-table')).toBeTruthy();
    expect(screen.queryByTestId('channel-tile-voice')).toBeNull();
    expect(screen.getByTestId('nav-feeds').getAttribute('aria-current')).toBe('page');
    // the header stays the same on both screens
    expect(screen.getByTestId('center-clock').textContent).toBe('14:30:00');

    await act(async () => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('channel-tile-voice')).toBeTruthy();
  });
});
