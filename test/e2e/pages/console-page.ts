/**
 * What every screen of the console shares in an end-to-end test: the page, the host's URL, the typed API of
 * the same host, and the navigation between screens. Page objects give locators, values and actions; the specs
 * hold every expectation.
 */
import type { Page } from '@playwright/test';
import { HostApi } from './host-api';

export type View = 'floor' | 'standards' | 'feeds';

export class ConsolePage {
  readonly api: HostApi;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.api = new HostApi(baseUrl);
  }

  /** Load the console on a screen (by its URL hash, as a bookmark would). */
  async open(view: View): Promise<void> {
    await this.page.goto(view === 'floor' ? this.baseUrl : `${this.baseUrl}#/${view}`);
  }

  /** Switch screens with the console's own navigation, as a supervisor does. */
  async navigate(view: View): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
  }
}
