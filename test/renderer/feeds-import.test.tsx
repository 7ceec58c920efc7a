// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiResult } from '../../src/shared/api';
import { fakeClient } from './fake-client';
import { ClientProvider } from '../../src/renderer/src/api/client-context';
import { ImportPanel } from '../../src/renderer/src/features/feeds/import-panel';
import { lineBatches, type LineBatch } from '../../src/renderer/src/features/feeds/line-batches';

afterEach(cleanup);

type ImportArgs = ApiArgs<'import/lines'>;
type ImportResult = ApiResult<'import/lines'>;


/** Every non-blank line accepted, except lines containing "BAD" (quarantined) and "HB" (ignored as heartbeat). */
function judge(args: ImportArgs): ImportResult {
  const result: ImportResult = { accepted: 0, events: 0, duplicates: 0, quarantined: 0, errors: [], ignored: {} };
  args.lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (line.includes('BAD')) {
      result.quarantined += 1;
      result.errors.push({ position: args.startPosition + i, reason: 'not understood' });
    } else if (line.includes('HB')) result.ignored.heartbeat = (result.ignored.heartbeat ?? 0) + 1;
    else result.accepted += 1;
  });
  return result;
}

function renderImport(handlers: Parameters<typeof fakeClient>[0], batchLines?: number) {
  const fake = fakeClient(handlers);
  const shown: string[] = [];
  render(
    <ClientProvider client={fake.client}>
      <ImportPanel batchLines={batchLines} onShowQuarantine={(s) => shown.push(s)} />
    </ClientProvider>,
  );
  const importCalls = () => fake.calls.filter((c) => c.name === 'import/lines').map((c) => c.args as ImportArgs);
  return { ...fake, shown, importCalls };
}

const choose = (file: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });

async function collect(file: Blob, options: Parameters<typeof lineBatches>[1]): Promise<LineBatch[]> {
  const out: LineBatch[] = [];
  for await (const b of lineBatches(file, options)) out.push(b);
  return out;
}

describe('lineBatches', () => {
  it('numbers lines from 1, strips CR, keeps blank lines, and keeps a last line without newline', async () => {
    const file = new File(['a\r\nb\r\n\r\nd\ne'], 'x.log');
    const batches = await collect(file, { batchLines: 2, chunkBytes: 3 });
    expect(batches.map((b) => [b.startPosition, b.lines])).toEqual([
      [1, ['a', 'b']],
      [3, ['', 'd']],
      [5, ['e']],
    ]);
    expect(batches.at(-1)!.bytesRead).toBe(file.size);
  });

  it('does not make an empty last line of a final newline; drops a BOM; survives characters split across slices', async () => {
    const file = new File(['\uFEFFcafé ☎\n€uro\n'], 'x.log');
    for (const chunkBytes of [1, 2, 5, 1 << 20]) {
      const batches = await collect(file, { batchLines: 10, chunkBytes });
      expect(batches.map((b) => b.lines)).toEqual([['café ☎', '€uro']]);
    }
  });

  it('yields nothing for an empty file', async () => {
    expect(await collect(new File([], 'empty.log'), {})).toEqual([]);
  });
});

describe('ImportPanel', () => {
  it('sends a small file in batches with the right start positions and shows the summary', async () => {
    const { importCalls, shown } = renderImport({ 'import/lines': judge }, 2);
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
    choose(new File(['l1\r\nBAD line\r\n\r\nHB\r\nl5'], 'queue_log.1'));
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'queue_log' } });
    fireEvent.click(screen.getByTestId('import-start'));

    const summary = await screen.findByTestId('import-summary');
    expect(importCalls()).toEqual([
      { source: 'queue_log.1', format: 'queue_log', abandonMapping: { exitWithKey: 'left' }, startPosition: 1, lines: ['l1', 'BAD line'] },
      { source: 'queue_log.1', format: 'queue_log', abandonMapping: { exitWithKey: 'left' }, startPosition: 3, lines: ['', 'HB'] },
      { source: 'queue_log.1', format: 'queue_log', abandonMapping: { exitWithKey: 'left' }, startPosition: 5, lines: ['l5'] },
    ]);
    expect(summary.getAttribute('data-phase')).toBe('done');
    expect(screen.getByTestId('import-lines').textContent).toBe('5');
    expect(screen.getByTestId('import-accepted').textContent).toBe('2');
    expect(screen.getByTestId('import-duplicates').textContent).toBe('0');
    expect(screen.getByTestId('import-quarantined').textContent).toBe('1');
    expect(screen.getByTestId('import-ignored').textContent).toBe('1');
    expect(screen.getByTestId('import-ignored-kinds').textContent).toBe('Ignored by kind: heartbeat 1');
    expect(screen.getByTestId('import-errors').textContent).toBe('line 2 not understood');
    expect(screen.getByTestId('import-seconds').textContent).toMatch(/^\d+\.\d$/);

    fireEvent.click(screen.getByTestId('import-show-quarantine'));
    expect(shown).toEqual(['queue_log.1']);
  });

  it('sends batches of 5,000 lines by default', async () => {
    const { importCalls } = renderImport({ 'import/lines': judge });
    const text = Array.from({ length: 12_001 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    choose(new File([text], 'big.ndjson'));
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'ndjson' } });
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-summary');
    const calls = importCalls();
    expect(calls.map((c) => [c.startPosition, c.lines.length])).toEqual([
      [1, 5000],
      [5001, 5000],
      [10001, 2001],
    ]);
    expect(calls[1].lines[0]).toBe('line 5001');
    expect(calls.every((c) => !('abandonMapping' in c))).toBe(true); // NDJSON has no abandon mapping
    expect(screen.getByTestId('import-accepted').textContent).toBe('12,001');
  });

  it('offers the host’s mappings for CSV and sends the one chosen', async () => {
    const { importCalls } = renderImport({ 'import/lines': judge, 'import/mappings': () => ['anonymous-bank', 'genesys'] });
    expect(screen.queryByTestId('import-mapping')).toBeNull();
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'csv' } });
    const select = (await screen.findByTestId('import-mapping')) as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['anonymous-bank', 'genesys']));
    fireEvent.change(select, { target: { value: 'genesys' } });
    choose(new File(['id,queue\n1,a\n'], 'history.csv'));
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-summary');
    expect(importCalls()).toEqual([{ source: 'history.csv', format: 'csv', mapping: 'genesys', startPosition: 1, lines: ['id,queue', '1,a'] }]);
    expect(screen.queryByTestId('import-exit-with-key')).toBeNull();
    expect(screen.queryByTestId('import-abandon-task.canceled')).toBeNull();
  });

  it('sends the TaskRouter abandon events chosen in every batch', async () => {
    const { importCalls } = renderImport({ 'import/lines': judge }, 2);
    expect(screen.queryByTestId('import-abandon-task.canceled')).toBeNull();
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'taskrouter' } });
    expect(screen.queryByTestId('import-exit-with-key')).toBeNull();
    const box = (trigger: string) => screen.getByTestId(`import-abandon-${trigger}`) as HTMLInputElement;
    expect(screen.getByRole('group', { name: 'Counted as abandoned (task never accepted)' })).toBeTruthy();
    expect([box('task.canceled').checked, box('task.transfer-failed').checked, box('workflow.timeout').checked]).toEqual([true, true, false]);
    fireEvent.click(box('task.canceled'));
    fireEvent.click(box('workflow.timeout'));
    choose(new File(['e1\ne2\ne3\n'], 'events.ndjson'));
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-summary');
    const calls = importCalls();
    expect(calls.map((c) => c.startPosition)).toEqual([1, 3]);
    for (const call of calls) {
      expect(call).toMatchObject({ format: 'taskrouter' });
      expect(call.abandonMapping).toEqual({ abandonOn: ['task.transfer-failed', 'workflow.timeout'] });
    }
  });

  it('sends an empty abandon list when nothing is checked, after saying abandons will be zero', async () => {
    const { importCalls } = renderImport({ 'import/lines': judge });
    fireEvent.change(screen.getByTestId('import-format'), { target: { value: 'taskrouter' } });
    expect(screen.getByTestId('import-abandon-none').textContent).toBe('');
    fireEvent.click(screen.getByTestId('import-abandon-task.canceled'));
    fireEvent.click(screen.getByTestId('import-abandon-task.transfer-failed'));
    expect(screen.getByTestId('import-abandon-none').textContent).toContain('abandons will be zero for this import');
    choose(new File(['e1\n'], 'events.ndjson'));
    fireEvent.click(screen.getByTestId('import-start'));
    await screen.findByTestId('import-summary');
    expect(importCalls()).toEqual([{ source: 'events.ndjson', format: 'taskrouter', abandonMapping: { abandonOn: [] }, startPosition: 1, lines: ['e1'] }]);
  });

  it('sends what EXITWITHKEY counts as in every queue_log batch, locked while importing', async () => {
    const release: (() => void)[] = [];
    const { importCalls } = renderImport(
      {
        'import/lines': (args) =>
          new Promise<ImportResult>((resolve) => {
            release.push(() => resolve(judge(args)));
          }),
      },
      1,
    );
    const select = screen.getByTestId('import-exit-with-key') as HTMLSelectElement;
    expect(screen.getByLabelText('EXITWITHKEY (caller left by a key press) counts as')).toBe(select);
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['left', 'left the queue (as Asterisk)'],
      ['abandoned', 'abandoned'],
    ]);
    expect(select.value).toBe('left');
    fireEvent.change(select, { target: { value: 'abandoned' } });
    choose(new File(['a\nb\n'], 'queue_log'));
    fireEvent.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(release).toHaveLength(1));
    expect(select.disabled).toBe(true);
    await act(async () => release[0]());
    await waitFor(() => expect(release).toHaveLength(2));
    await act(async () => release[1]());
    await screen.findByTestId('import-summary');
    expect(select.disabled).toBe(false);
    expect(importCalls().map((c) => c.abandonMapping)).toEqual([{ exitWithKey: 'abandoned' }, { exitWithKey: 'abandoned' }]);
  });

  it('shows progress while importing and can be cancelled between batches', async () => {
    const release: (() => void)[] = [];
    const { importCalls } = renderImport(
      {
        'import/lines': (args) =>
          new Promise<ImportResult>((resolve) => {
            release.push(() => resolve(judge(args)));
          }),
      },
      1,
    );
    choose(new File(['a\nb\nc\nd\n'], 'slow.log'));
    fireEvent.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(release).toHaveLength(1));
    const progress = screen.getByTestId('import-progress');
    expect(progress.getAttribute('role')).toBe('progressbar');
    expect(progress.getAttribute('aria-valuenow')).toBe('0');

    await act(async () => release[0]());
    await waitFor(() => expect(release).toHaveLength(2));
    expect(Number(screen.getByTestId('import-progress').getAttribute('aria-valuenow'))).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('import-cancel'));
    await act(async () => release[1]());
    const summary = await screen.findByTestId('import-summary');
    expect(summary.getAttribute('data-phase')).toBe('cancelled');
    expect(summary.textContent).toContain('cancelled');
    expect(importCalls()).toHaveLength(2);
    expect(screen.getByTestId('import-accepted').textContent).toBe('2');
  });

  it('stops at the first refused batch and says why, keeping what was imported', async () => {
    let n = 0;
    renderImport(
      {
        'import/lines': (args) => {
          n += 1;
          if (n === 2) throw new Error('database is locked');
          return judge(args);
        },
      },
      2,
    );
    choose(new File(['a\nb\nc\nd\ne\nf\n'], 'x.log'));
    fireEvent.click(screen.getByTestId('import-start'));
    const summary = await screen.findByTestId('import-summary');
    expect(summary.getAttribute('data-phase')).toBe('failed');
    expect(screen.getByTestId('import-error').textContent).toBe('database is locked');
    expect(screen.getByTestId('import-accepted').textContent).toBe('2');
    expect(n).toBe(2);
  });
});
