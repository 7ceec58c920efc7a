#!/usr/bin/env node
// Renders resources/icon.svg to the PNGs committed beside it: icon.png (512 px: the window, notifications, Linux
// packaging) and favicon.png (32 px: the console's and the boards' tab). Run by hand after editing the SVG
// (`node scripts/icons.mjs`): it uses the Chromium the end-to-end tests use, so it needs no image tool of its own.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const SIZES = { 'icon.png': 512, 'favicon.png': 32 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const [file, size] of Object.entries(SIZES)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: join(resources, file), omitBackground: true });
    await page.close();
    console.log(`resources/${file}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
