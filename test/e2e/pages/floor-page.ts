/// <reference lib="dom" />
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

  /**
   * How the floor sits on the screen, from element boxes: how far its content overflows the viewport (0 or less:
   * no scroll), where the chart ends, how many agent rows are wholly in view, and on how many lines the header's
   * items sit.
   */
  async layout(): Promise<{ scrollOverflow: number; chartBottom: number; agentRowsInView: number; headerLines: number }> {
    return this.page.evaluate(() => {
      const floor = document.querySelector('.floor') as HTMLElement;
      const root = document.scrollingElement as HTMLElement;
      const scrollOverflow = Math.max(floor.scrollHeight - floor.clientHeight, root.scrollHeight - root.clientHeight, root.scrollWidth - root.clientWidth);
      const chart = document.querySelector('[data-testid="intraday-chart"] canvas')?.getBoundingClientRect();
      const table = document.querySelector('[data-testid="agent-table"]')!.getBoundingClientRect();
      const rows = Array.from(document.querySelectorAll('[data-testid="agent-row"]')).map((r) => r.getBoundingClientRect());
      const agentRowsInView = rows.filter((r) => r.top >= table.top && r.bottom <= Math.min(table.bottom, innerHeight) + 0.5).length;
      const header = document.querySelector('.floor-header') as HTMLElement;
      const items = Array.from(header.children).map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
      // items on one line overlap vertically with the first one
      const first = items[0];
      const oneRow = items.every((r) => r.top < first.bottom && r.bottom > first.top);
      // and none cut off at the right edge
      const headerLines = oneRow && header.scrollWidth <= header.clientWidth && items.every((r) => r.right <= innerWidth) ? 1 : 2;
      return { scrollOverflow, chartBottom: chart ? chart.bottom : Infinity, agentRowsInView, headerLines };
    });
  }

  /** The page's Content-Security-Policy meta tag (the header is the response's). */
  get cspMeta(): Locator {
    return this.page.locator('meta[http-equiv="Content-Security-Policy"]');
  }
}
