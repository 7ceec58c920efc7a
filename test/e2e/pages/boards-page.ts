/**
 * The Boards screen in an end-to-end test: the boards table, the open board's editor and preview, the screens
 * and the pairing form.
 */
import type { Locator } from '@playwright/test';
import { ConsolePage } from './console-page';

export class BoardsPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('boards');
  }

  boardRow(name: string): Locator {
    return this.page.locator(`[data-testid="board-row"][data-board="${name}"]`);
  }

  screenRow(name: string): Locator {
    return this.page.locator(`[data-testid="screen-row"][data-screen="${name}"]`);
  }

  get editor(): Locator {
    return this.page.getByTestId('board-editor');
  }

  get saved(): Locator {
    return this.page.getByTestId('board-saved');
  }

  get preview(): Locator {
    return this.page.getByTestId('board-preview');
  }

  get yaml(): Locator {
    return this.page.getByTestId('board-yaml');
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByTestId('board-title').fill(title);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('board-save').click();
  }

  async pair(code: string, board: string, screen: string): Promise<void> {
    await this.page.getByTestId('pair-code').fill(code);
    await this.page.getByTestId('pair-board').selectOption(board);
    await this.page.getByTestId('pair-screen').fill(screen);
    await this.page.getByTestId('pair-submit').click();
  }

  get pairCodeError(): Locator {
    return this.page.getByTestId('pair-error-code');
  }

  async revokeScreen(name: string): Promise<void> {
    await this.page.getByTestId(`revoke-${name}`).click();
    await this.page.getByTestId(`confirm-revoke-${name}`).click();
  }
}
