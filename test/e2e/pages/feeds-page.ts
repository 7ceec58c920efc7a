/**
 * The Feeds screen in an end-to-end test: each feed's row and figures, the form that adds one, the quarantine
 * list, and the import panel with the progress values it showed while it ran.
 */
import type { Locator } from '@playwright/test';
import type { FeedFormat } from '../../../src/shared/api';
import { ConsolePage } from './console-page';

/** A feed row's cells, by the prefix of their test id (feed-accepted-<name>...). */
export type FeedCell = 'state' | 'accepted' | 'quarantined' | 'ignored' | 'rejected' | 'source';

export class FeedsPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('feeds');
  }

  row(feed: string): Locator {
    return this.page.getByTestId(`feed-row-${feed}`);
  }

  get rows(): Locator {
    return this.page.locator('[data-testid^="feed-row-"]');
  }

  cell(feed: string, cell: FeedCell): Locator {
    return this.page.getByTestId(`feed-${cell}-${feed}`);
  }

  /** Fill the add-feed form with what is given (the rest is left as it is) and submit it. */
  async addFeed(draft: { name?: string; path?: string; format?: FeedFormat }): Promise<void> {
    if (draft.name !== undefined) await this.page.getByTestId('feed-name').fill(draft.name);
    if (draft.path !== undefined) await this.page.getByTestId('feed-path').fill(draft.path);
    if (draft.format !== undefined) await this.page.getByTestId('feed-format').selectOption(draft.format);
    await this.page.getByTestId('feed-add').click();
  }

  /** The error said next to a field of the add-feed form. */
  formError(field: 'name' | 'path' | 'token' | 'heartbeat'): Locator {
    return this.page.getByTestId(`feed-${field}-error`);
  }

  async pause(feed: string): Promise<void> {
    await this.page.getByTestId(`feed-pause-${feed}`).click();
  }

  async resume(feed: string): Promise<void> {
    await this.page.getByTestId(`feed-resume-${feed}`).click();
  }

  /** Remove a feed, confirming when asked. */
  async remove(feed: string): Promise<void> {
    await this.page.getByTestId(`feed-remove-${feed}`).click();
    await this.page.getByTestId(`feed-remove-confirm-${feed}`).click();
  }

  /** Open a feed's quarantined lines (its count is the link); returns the list. */
  async openQuarantine(feed: string): Promise<Locator> {
    await this.cell(feed, 'quarantined').click();
    return this.quarantineList;
  }

  get quarantineList(): Locator {
    return this.page.getByTestId('quarantine-list');
  }

  get quarantineEntries(): Locator {
    return this.quarantineList.getByTestId('quarantine-entry');
  }

  /** The quarantined line at a position of its source. */
  quarantineEntry(position: number): Locator {
    return this.quarantineList.locator(`[data-testid="quarantine-entry"][data-position="${position}"]`);
  }

  /** Choose a file to import, its format and (CSV) its column mapping. */
  async chooseImport(file: string, format: FeedFormat, mapping?: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(file);
    await this.page.getByTestId('import-format').selectOption(format);
    if (mapping !== undefined) await this.page.getByTestId('import-mapping').selectOption(mapping);
  }

  /** From now on, record every value the import's progress bar shows (read back by progressSeen). */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(`{
      const seen = (window.progressSeen = []);
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"]');
        const v = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen.at(-1) !== v) seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }`);
  }

  /** The progress values recorded since recordProgress, in the order shown. */
  async progressSeen(): Promise<number[]> {
    const seen: unknown = await this.page.evaluate('window.progressSeen');
    return Array.isArray(seen) ? seen.map(Number) : [];
  }

  async startImport(): Promise<void> {
    await this.page.getByTestId('import-start').click();
  }

  /** The import's summary and its figures (lines, accepted, quarantined, ignored-kinds). */
  get importSummary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  importFigure(figure: 'lines' | 'accepted' | 'quarantined' | 'ignored-kinds'): Locator {
    return this.page.getByTestId(`import-${figure}`);
  }
}
