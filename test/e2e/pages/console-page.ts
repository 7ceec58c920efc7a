/**
 * What every screen of the console shares in an end-to-end test: the page, the host's URL, the typed API of
 * the same host, and the navigation between screens. Page objects give locators, values and actions; the specs
 * hold every expectation.
 */
import type { Page } from '@playwright/test';
import { HostApi } from './host-api';

export type View = 'floor' | 'standards' | 'feeds' | 'reports' | 'access' | 'boards' | 'center';

/** The host a page is opened on: its address and the admin secret (or a viewer token) it signs in with. */
export interface SignIn {
  url: string;
  adminSecret: string;
}

export class ConsolePage {
  readonly api: HostApi;
  readonly baseUrl: string;

  constructor(
    readonly page: Page,
    readonly host: SignIn,
  ) {
    this.baseUrl = host.url;
    this.api = new HostApi(host.url, host.adminSecret);
  }

  /**
   * Load the console on a screen (by its URL hash, as a bookmark would), signed in by the login link (`?token=`):
   * the host trades it for the session cookie and drops it from the address.
   */
  async open(view: View): Promise<void> {
    const login = `${this.baseUrl}?token=${encodeURIComponent(this.host.adminSecret)}`;
    await this.page.goto(view === 'floor' ? login : `${login}#/${view}`);
  }

  /** Switch screens with the console's own navigation, as a supervisor does. */
  async navigate(view: View): Promise<void> {
    await this.page.getByTestId(`nav-${view}`).click();
  }
}
