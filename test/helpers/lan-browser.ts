/**
 * A browser on another machine of the LAN: Debian's Chromium started inside a test's network namespace
 * (test/helpers/netns.ts) through lan-chromium.sh, with the suite's own launch arguments (playwright.config.ts).
 * Playwright drives it over its pipe, which `ip netns exec` hands on to the browser, so the test process stays here
 * while every request of its pages, WebSockets included, comes from the peer's address over the veth link.
 */
import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import config from '../../playwright.config';
import { ROOT } from './host';
import type { LanNamespace } from './netns';

const LAN_CHROMIUM = join(ROOT, 'test', 'helpers', 'lan-chromium.sh');

export function launchLanBrowser(lan: LanNamespace): Promise<Browser> {
  return chromium.launch({
    executablePath: LAN_CHROMIUM,
    args: config.use?.launchOptions?.args,
    env: { ...process.env, FLOORBOARD_NETNS: lan.name },
  });
}

/**
 * The address the browser's requests come from, as a server on the host's side of the link sees it: the peer's
 * when the browser does run on the other machine (one left on this machine comes from the host's own address).
 */
export async function addressSeenFrom(browser: Browser, lan: LanNamespace): Promise<string> {
  const server = createServer((req, res) => res.end(req.socket.remoteAddress ?? ''));
  await new Promise<void>((ok) => server.listen(0, lan.hostAddress, ok));
  const page = await browser.newPage();
  try {
    const answer = await page.goto(`http://${lan.hostAddress}:${(server.address() as AddressInfo).port}/`);
    return (await answer?.text()) ?? '';
  } finally {
    await page.close();
    server.close();
  }
}
