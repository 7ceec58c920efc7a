/**
 * Access in an end-to-end test: the admin's Access screen (the token table, the form, the link shown once), and
 * what any page shows of its session (the header badge, the sign-in screen, the navigation it is given).
 */
import type { Locator } from '@playwright/test';
import { ConsolePage } from './console-page';

export class AccessPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('access');
  }

  get tokenRows(): Locator {
    return this.page.getByTestId('token-row');
  }

  tokenRow(name: string): Locator {
    return this.page.locator(`[data-testid="token-row"][data-token="${name}"]`);
  }

  /** Fill the form and make a token; the link it answers is shown once (see `newTokenLink`). */
  async createToken(name: string, options: { days?: number; names?: boolean } = {}): Promise<void> {
    await this.page.getByTestId('token-name').fill(name);
    await this.page.getByTestId('token-days').fill(options.days === undefined ? '' : String(options.days));
    if (options.names) await this.page.getByTestId('token-names').check();
    await this.page.getByTestId('create-token').click();
  }

  get newToken(): Locator {
    return this.page.getByTestId('new-token');
  }

  async newTokenLink(): Promise<string> {
    return this.page.getByTestId('new-token-link').inputValue();
  }

  /** Revoke from the token's row, through its confirmation. */
  async revoke(name: string): Promise<void> {
    await this.page.getByTestId(`revoke-${name}`).click();
    await this.page.getByTestId(`confirm-revoke-${name}`).click();
  }

  get sessionBadge(): Locator {
    return this.page.getByTestId('session-badge');
  }

  /** The screen a page shows when the host refuses it; its data-reason is not-signed-in or access-ended. */
  get signIn(): Locator {
    return this.page.getByTestId('sign-in');
  }

  navEntry(view: 'floor' | 'standards' | 'feeds' | 'access'): Locator {
    return this.page.getByTestId(`nav-${view}`);
  }
}
