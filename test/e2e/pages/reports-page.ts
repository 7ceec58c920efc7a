/**
 * The Reports screen in an end-to-end test: the form (period, scope, formats), the preview, the export's progress
 * and its files, each a download from the host; the schedules (add, list, run log, remove).
 */
import type { Download, Locator } from '@playwright/test';
import { ConsolePage } from './console-page';

export type PeriodChoice = 'last-week' | 'this-week' | 'last-month' | 'custom';

export class ReportsPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('reports');
  }

  async choosePeriod(period: PeriodChoice, dates?: { from: string; to: string }): Promise<void> {
    await this.page.getByTestId(`report-period-${period}`).check();
    if (dates) {
      await this.page.getByTestId('report-from').fill(dates.from);
      await this.page.getByTestId('report-to').fill(dates.to);
    }
  }

  async setFormat(format: string, on: boolean): Promise<void> {
    await this.page.getByTestId(`report-format-${format}`).setChecked(on);
  }

  async preview(): Promise<void> {
    await this.page.getByTestId('report-preview-button').click();
  }

  async export(): Promise<void> {
    await this.page.getByTestId('report-export').click();
  }

  navEntry(): Locator {
    return this.page.getByTestId('nav-reports');
  }

  get summary(): Locator {
    return this.page.getByTestId('report-summary');
  }

  get job(): Locator {
    return this.page.getByTestId('report-job');
  }

  get progress(): Locator {
    return this.page.getByTestId('report-progress');
  }

  get files(): Locator {
    return this.page.getByTestId('report-file');
  }

  fieldError(field: 'from' | 'to' | 'period' | 'formats' | 'scope' | 'form'): Locator {
    return this.page.getByTestId(`report-error-${field}`);
  }

  /** Click a listed file's link and wait for the browser's download of it. */
  async download(name: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator(`[data-testid="report-file"][data-file="${name}"] a`).click()]);
    return download;
  }

  get schedules(): Locator {
    return this.page.getByTestId('report-schedules');
  }

  scheduleRow(name: string): Locator {
    return this.page.locator(`[data-testid="schedule-row"][data-schedule="${name}"]`);
  }

  /** Opens the new-schedule form, fills what is given, and sends it. */
  async addSchedule(s: { name: string; cron?: string; folder: string; recipients?: string }): Promise<void> {
    await this.page.getByTestId('schedule-new').click();
    await this.page.getByTestId('schedule-name').fill(s.name);
    if (s.cron) await this.page.getByTestId('schedule-cron').fill(s.cron);
    await this.page.getByTestId('schedule-folder').fill(s.folder);
    if (s.recipients) await this.page.getByTestId('schedule-recipients').fill(s.recipients);
    await this.page.getByTestId('schedule-add').click();
  }

  scheduleError(field: string): Locator {
    return this.page.getByTestId(`schedule-error-${field}`);
  }

  async removeSchedule(name: string): Promise<void> {
    await this.scheduleRow(name).getByTestId('schedule-remove').click();
    await this.scheduleRow(name).getByTestId('schedule-remove-confirm').click();
  }
}
