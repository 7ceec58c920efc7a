// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentRow } from '../../src/shared/api';
import { AgentTable } from '../../src/renderer/src/features/floor/agent-table';
import { agent, NOW } from './fixtures';

// happy-dom does no layout: give every element a 600 px box so the virtualizer has a viewport to fill.
const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterAll(() => {
  if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
});
afterEach(cleanup);

const agents: AgentRow[] = [
  agent('a1', { name: 'Carol', state: 'not-ready', reason: 'Lunch', since: NOW - 754_000 }),
  agent('a2', { name: 'alice', state: 'on-contact', since: NOW - 45_000, contacts: [{ id: 'c-9', channel: 'chat', queue: 'Web Chat' }, { id: 'c-12', channel: 'chat', queue: 'Web Chat' }, { id: 'sim-42-20260303-c1205', channel: 'message', queue: 'SMS' }], channels: ['chat', 'voice'] }),
  agent('a3', { name: 'Bob', state: 'available', since: NOW - 3_723_000, channels: ['email', 'message'] }),
  agent('a4', { name: 'Dave', state: 'after-contact-work', since: NOW - 5_000, contacts: [] }),
];

const names = () => screen.getAllByTestId('agent-row').map((r) => within(r).getByText((_, el) => el?.getAttribute('data-column') === 'name').textContent);
const header = (name: RegExp) => screen.getByRole('columnheader', { name });

describe('AgentTable', () => {
  it('groups by state, longest in state first, before any header is clicked', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    expect(names()).toEqual(['Bob', 'alice', 'Dave', 'Carol']);
  });

  it('sorts by name when the Name header is clicked, and reverses on the second click', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    const name = header(/name/i);
    expect(name.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(name);
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['alice', 'Bob', 'Carol', 'Dave']);
    fireEvent.click(name);
    expect(name.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Dave', 'Carol', 'Bob', 'alice']);
    expect(header(/^state/i).getAttribute('aria-sort')).toBe('none');
  });

  it('sorts by time in state, longest first on the first click', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    fireEvent.click(header(/in state/i));
    expect(header(/in state/i).getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Bob', 'Carol', 'alice', 'Dave']);
  });

  it('shows time in state from the snapshot clock, state as text, reason and contacts', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    const carol = screen.getAllByTestId('agent-row').find((r) => r.getAttribute('data-agent-id') === 'a1')!;
    const cell = (col: string) => carol.querySelector(`[data-column="${col}"]`)!.textContent;
    expect(cell('state')).toBe('■ Not ready');
    expect(cell('reason')).toBe('Lunch');
    expect(cell('timeInState')).toBe('12m 34s');
    expect(cell('contacts')).toBe('—');
    const alice = screen.getAllByTestId('agent-row').find((r) => r.getAttribute('data-agent-id') === 'a2')!;
    expect(alice.querySelector('[data-column="contacts"]')!.textContent).toBe('Web Chat ×2, SMS'); // by queue: no raw ids, cut or not
    expect(alice.querySelector('[data-column="channels"]')!.textContent).toBe('Chat · Voice');
    expect(alice.querySelector('[data-column="timeInState"]')!.textContent).toBe('45s');
  });

  it('filters by free text over name, state, reason, queue and channel', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    const box = screen.getByTestId('agent-filter');
    fireEvent.change(box, { target: { value: 'lunch' } });
    expect(names()).toEqual(['Carol']);
    fireEvent.change(box, { target: { value: 'web chat' } });
    expect(names()).toEqual(['alice']);
    fireEvent.change(box, { target: { value: 'wrap' } });
    expect(names()).toEqual(['Dave']);
    // channels, as stored and as shown: Bob takes email and messaging ("Msg" in the channel column)
    fireEvent.change(box, { target: { value: 'messaging' } });
    expect(names()).toEqual(['Bob']);
    fireEvent.change(box, { target: { value: 'email' } });
    expect(names()).toEqual(['Bob']);
    // states, as shown
    fireEvent.change(box, { target: { value: 'not ready' } });
    expect(names()).toEqual(['Carol']);
    fireEvent.change(box, { target: { value: 'nobody' } });
    expect(screen.queryAllByTestId('agent-row')).toHaveLength(0);
    expect(screen.getByTestId('agent-count').textContent).toBe('0 of 4 agents');
  });

  it('filters by state', () => {
    render(<AgentTable agents={agents} now={NOW} />);
    fireEvent.change(screen.getByTestId('agent-state-filter'), { target: { value: 'available' } });
    expect(names()).toEqual(['Bob']);
    expect(screen.getByTestId('agent-count').textContent).toBe('1 of 4 agents');
  });

  it('folds offline agents away until asked, and shows them when the Offline state is chosen', () => {
    const roster = [...agents, agent('a5', { name: 'Erin', state: 'offline' }), agent('a6', { name: 'Frank', state: 'offline' })];
    render(<AgentTable agents={roster} now={NOW} />);
    expect(names()).not.toContain('Erin');
    expect(screen.getByTestId('agent-count').textContent).toBe('4 of 6 agents');
    const toggle = screen.getByTestId('agent-offline-toggle');
    expect(toggle.textContent).toBe('Show 2 offline');
    fireEvent.click(toggle);
    expect(names()).toEqual(expect.arrayContaining(['Erin', 'Frank']));
    expect(screen.getByTestId('agent-offline-toggle').textContent).toBe('Hide offline');
    fireEvent.click(screen.getByTestId('agent-offline-toggle'));
    // the Offline state lists them, with no toggle to fold them
    fireEvent.change(screen.getByTestId('agent-state-filter'), { target: { value: 'offline' } });
    expect(names().sort()).toEqual(['Erin', 'Frank']);
    expect(screen.queryByTestId('agent-offline-toggle')).toBeNull();
  });

  it('keeps only the visible rows of 2,000 agents in the DOM', () => {
    const many = Array.from({ length: 2000 }, (_, i) => agent(`x${i}`, { name: `Agent ${String(i).padStart(4, '0')}` }));
    render(<AgentTable agents={many} now={NOW} />);
    const rows = screen.getAllByTestId('agent-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByTestId('agent-count').textContent).toBe('2,000 of 2,000 agents');
  });
});
