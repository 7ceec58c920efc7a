/**
 * The Standards screen in an end-to-end test: the matrix and its cells, the editor, the drill-down, the what-if
 * rows, the staffing table, the business-hours calendars and the alerts panel with its badge.
 */
import type { Locator } from '@playwright/test';
import type { Channel } from '../../../src/shared/api';
import type { StandardResult } from '../../../src/shared/standards';
import { ConsolePage } from './console-page';

/** The tone a tile takes from a standard's status (src/renderer/src/features/standards/standard-look.ts). */
const TONE: Record<string, string> = { breach: 'alert', expected: 'warn', desired: 'ok', delight: 'ok' };
const WORST_FIRST: readonly string[] = ['breach', 'expected', 'desired', 'delight'] satisfies StandardResult['status'][];

export class StandardsPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('standards');
  }

  get matrix(): Locator {
    return this.page.getByTestId('standards-matrix');
  }

  /** "Standards in force: version N...": a save changes it, a refused one does not. */
  get matrixCaption(): Locator {
    return this.matrix.locator('caption');
  }

  /** A cell of the matrix: a standard on the center, a channel or a queue (its key). */
  cell(standardId: string, key: string): Locator {
    return this.page.getByTestId(`cell-${standardId}-${key}`);
  }

  cellFigure(cell: Locator): Locator {
    return cell.locator('.cell__figure');
  }

  /** The tone the channel's tile must take: that of its weakest standard measured in the matrix. */
  async weakestTone(channel: Channel): Promise<string> {
    const statuses = await this.page.locator(`[data-testid^="cell-"][data-testid$="-${channel}"]`).evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status') ?? ''));
    const measured = statuses.filter((s) => s !== 'no-data');
    return TONE[measured.sort((a, b) => WORST_FIRST.indexOf(a) - WORST_FIRST.indexOf(b))[0]] ?? 'idle';
  }

  get saved(): Locator {
    return this.page.getByTestId('standards-saved');
  }

  get saveError(): Locator {
    return this.page.getByTestId('standards-save-error');
  }

  /** Open a standard's editor; returns it. */
  async edit(standardId: string): Promise<Locator> {
    await this.page.getByTestId(`edit-${standardId}`).click();
    return this.editor(standardId);
  }

  editor(standardId: string): Locator {
    return this.page.getByTestId(`editor-${standardId}`);
  }

  /** Type a standard's three tiers (expected, desired, delight) into its open editor. */
  async fillTiers(editor: Locator, tiers: readonly [string, string, string]): Promise<void> {
    await editor.getByTestId('tier-expected').fill(tiers[0]);
    await editor.getByTestId('tier-desired').fill(tiers[1]);
    await editor.getByTestId('tier-delight').fill(tiers[2]);
  }

  /** The error said next to a field of the editor ("options.thresholdSeconds", "tiers.expected"). */
  fieldError(editor: Locator, path: string): Locator {
    return editor.getByTestId(`standard-error-${path}`);
  }

  get drillPanel(): Locator {
    return this.page.getByTestId('drill-panel');
  }

  /** Open the drill-down behind a cell. */
  async drill(cell: Locator): Promise<void> {
    await cell.getByRole('button').click();
  }

  get drillIntervalRows(): Locator {
    return this.page.getByTestId('drill-intervals').locator('tbody tr');
  }

  get drillContacts(): Locator {
    return this.page.getByTestId('drill-contacts');
  }

  get drillContactRows(): Locator {
    return this.drillContacts.locator('tbody tr');
  }

  /** A what-if row: "today" or "last-7-days", on a channel. */
  whatIf(period: 'today' | 'last-7-days', channel: Channel): Locator {
    return this.page.getByTestId(`what-if-${period}-${channel}`);
  }

  get staffingTable(): Locator {
    return this.page.getByTestId('staffing-intervals');
  }

  /** The staffed / required cell of a channel's interval (its start, epoch ms). */
  staffingCell(channel: Channel, start: number): Locator {
    return this.page.getByTestId(`staffing-${channel}-${start}`);
  }

  /** A business-hours calendar's time-zone field, its save button and its error. */
  calendarZone(calendarId: string): { field: Locator; save: Locator; error: Locator } {
    return {
      field: this.page.getByTestId(`zone-${calendarId}`),
      save: this.page.getByTestId(`save-zone-${calendarId}`),
      error: this.page.getByTestId(`zone-error-${calendarId}`),
    };
  }

  /** Alerts listed on the screen (the badge excluded), optionally those whose text holds `text`. */
  alerts(text?: string): Locator {
    const listed = this.page.locator('[data-testid^="alert-"]:not([data-testid^="alert-badge"])');
    return text === undefined ? listed : listed.filter({ hasText: text });
  }

  get alertBadge(): Locator {
    return this.page.getByTestId('alert-badge');
  }

  get acknowledgeButtons(): Locator {
    return this.page.locator('[data-testid^="ack-"]');
  }
}
