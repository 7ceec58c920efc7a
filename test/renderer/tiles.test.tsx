// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelTile } from '../../src/renderer/src/features/floor/channel-tile';
import { QueueTile } from '../../src/renderer/src/features/floor/queue-tile';
import { channelLive, noAgents, queueLive, snapshot } from './fixtures';

afterEach(cleanup);

const text = (root: HTMLElement, testId: string) => within(root).getByTestId(testId).textContent;

describe('ChannelTile', () => {
  it('lets the keyboard reach each figure\'s explanation, not the mouse only', () => {
    const s = snapshot();
    render(<ChannelTile channel="voice" live={s.channels[0]} queues={s.queues} />);
    const sl = screen.getByTestId('metric-sl').closest('.metric')!;
    expect(sl.getAttribute('tabindex')).toBe('0');
    expect(sl.getAttribute('data-explain')).toMatch(/^Service level today/);
    expect(sl.getAttribute('aria-description')).toBe(sl.getAttribute('data-explain'));
    // a figure with nothing to explain takes no stop in the tab order
    expect(screen.getByTestId('metric-waiting').closest('.metric')!.hasAttribute('tabindex')).toBe(false);
  });

  it('says how many wait when the channel is closed, and nothing more when none do', () => {
    const s = snapshot();
    render(<ChannelTile channel="voice" live={s.channels[0]} queues={s.queues} hours="Closed · opens Mon 08:00" />);
    // the fixture's voice channel has 3 waiting
    expect(text(screen.getByTestId('channel-tile-voice'), 'channel-hours')).toBe('Closed · opens Mon 08:00 · after hours: 3 waiting');
    cleanup();
    render(<ChannelTile channel="voice" live={{ ...s.channels[0], waitingNow: 0 }} queues={s.queues} hours="Closed · opens Mon 08:00" />);
    expect(screen.queryByTestId('after-hours')).toBeNull();
    cleanup();
    render(<ChannelTile channel="voice" live={s.channels[0]} queues={s.queues} hours="Open until 20:00" />);
    expect(screen.queryByTestId('after-hours')).toBeNull();
  });

  it('shows the channel figures and "on target" for the fixture voice channel', () => {
    const s = snapshot();
    render(<ChannelTile channel="voice" live={s.channels[0]} queues={s.queues} />);
    const tile = screen.getByTestId('channel-tile-voice');
    expect(tile.getAttribute('data-status')).toBe('ok');
    expect(text(tile, 'status')).toBe('✓ on target');
    expect(text(tile, 'metric-waiting')).toBe('3');
    expect(text(tile, 'metric-longest-wait')).toBe('15s');
    expect(text(tile, 'metric-sl')).toBe('82%');
    expect(tile.textContent).toContain('SL 82% · T 20s');
    expect(text(tile, 'metric-asa')).toBe('12s');
    expect(text(tile, 'metric-abandon')).toBe('4%');
    expect(text(tile, 'metric-offered')).toBe('1,234');
    expect(text(tile, 'channel-agents')).toBe('Agents 5 available · 8 on contact · 2 wrap-up');
    // voice has no first-response figure
    expect(within(tile).queryByTestId('metric-first-response')).toBeNull();
  });

  it('is "at risk" when the oldest waiting contact passed its queue threshold, even with SL on target', () => {
    const q = queueLive('Billing', 'voice', { serviceLevel: 0.9, offered: 10, waitingNow: 1, longestWaitNowSeconds: 21 });
    const live = channelLive('voice', { serviceLevel: 0.9, offered: 10, waitingNow: 1, longestWaitNowSeconds: 21 });
    render(<ChannelTile channel="voice" live={live} queues={[q]} />);
    const tile = screen.getByTestId('channel-tile-voice');
    expect(tile.getAttribute('data-status')).toBe('warn');
    expect(text(tile, 'status')).toBe('▲ at risk');
    expect(text(tile, 'metric-longest-wait')).toBe('21s');
  });

  it('is "below target" under 70 %', () => {
    const q = queueLive('Web Chat', 'chat', { serviceLevel: 0.5, offered: 40 });
    const live = channelLive('chat', { serviceLevel: 0.5, offered: 40, avgFirstResponseSeconds: 187 });
    render(<ChannelTile channel="chat" live={live} queues={[q]} />);
    const tile = screen.getByTestId('channel-tile-chat');
    expect(tile.getAttribute('data-status')).toBe('alert');
    expect(text(tile, 'status')).toBe('✖ below target');
    expect(tile.textContent).toContain('SL 50% · T 1m');
    expect(text(tile, 'metric-first-response')).toBe('3m 07s');
  });

  it('renders null metrics as "—"', () => {
    const q = queueLive('Email Support', 'email');
    render(<ChannelTile channel="email" live={channelLive('email')} queues={[q]} />);
    const tile = screen.getByTestId('channel-tile-email');
    expect(text(tile, 'metric-sl')).toBe('—');
    expect(text(tile, 'metric-asa')).toBe('—');
    expect(text(tile, 'metric-abandon')).toBe('—');
    expect(text(tile, 'metric-first-response')).toBe('—');
    expect(text(tile, 'metric-waiting')).toBe('0');
    expect(text(tile, 'metric-offered')).toBe('0');
    expect(tile.getAttribute('data-status')).toBe('idle');
    expect(text(tile, 'status')).toBe('○ idle');
  });

  it('says "no queues" for a channel without queues', () => {
    render(<ChannelTile channel="message" live={channelLive('message', { queues: 0, agents: noAgents() })} queues={[]} />);
    const tile = screen.getByTestId('channel-tile-message');
    expect(tile.getAttribute('data-status')).toBe('idle');
    expect(text(tile, 'status')).toBe('○ no queues');
    expect(tile.textContent).toContain('No queues on this channel');
    expect(within(tile).queryByTestId('metric-sl')).toBeNull();
  });

  it('labels a range of thresholds when a channel mixes them', () => {
    const queues = [queueLive('A', 'chat', { thresholdSeconds: 30 }), queueLive('B', 'chat', { thresholdSeconds: 90 })];
    render(<ChannelTile channel="chat" live={channelLive('chat', { queues: 2 })} queues={queues} />);
    expect(screen.getByTestId('channel-tile-chat').textContent).toContain('T 30s–1m 30s');
  });
});

describe('QueueTile', () => {
  it('shows the queue figures and judges its own threshold', () => {
    const q = queueLive('Tech Support', 'voice', {
      offered: 200,
      waitingNow: 7,
      longestWaitNowSeconds: 95,
      serviceLevel: 0.74,
      asaSeconds: 31,
      abandonRate: 0.123,
    });
    render(<QueueTile queue={q} />);
    const tile = screen.getByTestId('queue-tile-Tech Support');
    expect(tile.getAttribute('data-status')).toBe('warn');
    expect(text(tile, 'status')).toBe('▲ at risk');
    expect(text(tile, 'metric-waiting')).toBe('7');
    expect(text(tile, 'metric-longest-wait')).toBe('1m 35s');
    expect(text(tile, 'metric-sl')).toBe('74%');
    expect(text(tile, 'metric-asa')).toBe('31s');
    expect(text(tile, 'metric-abandon')).toBe('12%');
    expect(text(tile, 'metric-offered')).toBe('200');
    expect(tile.textContent).toContain('T 20s');
  });
});
