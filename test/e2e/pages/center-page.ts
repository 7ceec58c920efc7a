/** The admin's Center screen in an end-to-end test: the settings form, its save, what it says after. */
import type { Locator } from '@playwright/test';
import { ConsolePage } from './console-page';

export class CenterPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('center');
  }

  field(name: 'name' | 'time-zone' | 'reset-hour' | 'week-start'): Locator {
    return this.page.getByTestId(`center-${name}`);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('center-save').click();
  }

  get saved(): Locator {
    return this.page.getByTestId('center-saved');
  }

  get restartNotice(): Locator {
    return this.page.getByTestId('center-restart');
  }

  fieldError(name: 'name' | 'timeZone' | 'resetHour' | 'weekStart'): Locator {
    return this.page.getByTestId(`center-error-${name}`);
  }
}
