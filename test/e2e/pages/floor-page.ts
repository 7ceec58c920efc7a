/** The floor screen in an end-to-end test: its tiles and their figures, the header clock, the agent table. */
import type { Locator } from '@playwright/test';
import type { Channel } from '../../../src/shared/api';
import { ConsolePage } from './console-page';

/** The figures a tile shows, by the suffix of their test id (metric-sl, metric-offered...). */
export type TileMetric = 'sl' | 'waiting' | 'longest-wait' | 'asa' | 'abandon' | 'offered' | 'first-response';

export class FloorPage extends ConsolePage {
  async goto(): Promise<void> {
    await this.open('floor');
  }

  channelTile(channel: Channel): Locator {
    return this.page.getByTestId(`channel-tile-${channel}`);
  }

  metric(tile: Locator, metric: TileMetric): Locator {
    return tile.getByTestId(`metric-${metric}`);
  }

  /** Each voice queue tile's service level today (its raw figure) and its state. */
  async voiceQueueJudgements(): Promise<{ sl: number; status: string | null }[]> {
    return this.page.locator('[data-testid^="queue-tile-"]').evaluateAll((tiles) =>
      tiles
        .filter((t) => t.textContent?.includes('Voice') || t.textContent?.includes('VOICE'))
        .map((t) => ({ sl: Number(t.querySelector('[data-testid="metric-sl"]')?.getAttribute('data-value') || 'NaN'), status: t.getAttribute('data-status') })),
    );
  }

  get simulatedLabel(): Locator {
    return this.page.getByText(/simulated/i).first();
  }

  get centerClock(): Locator {
    return this.page.getByTestId('center-clock');
  }

  get frozenBanner(): Locator {
    return this.page.getByTestId('frozen-banner');
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get intradayChart(): Locator {
    return this.page.getByTestId('intraday-chart');
  }

  get agentTable(): Locator {
    return this.page.getByTestId('agent-table');
  }

  get agentRows(): Locator {
    return this.agentTable.getByTestId('agent-row');
  }

  columnHeader(name: RegExp): Locator {
    return this.agentTable.getByRole('columnheader', { name });
  }

  /** The agents' names, in the order the table shows them. */
  async agentNames(): Promise<string[]> {
    return (await this.agentRows.locator('[data-column="name"]').allTextContents()).map((s) => s.trim());
  }

  /** The page's Content-Security-Policy meta tag (the header is the response's). */
  get cspMeta(): Locator {
    return this.page.locator('meta[http-equiv="Content-Security-Policy"]');
  }
}
