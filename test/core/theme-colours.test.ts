// The chart's channel colours against the tiles' status colours, read from the theme both use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/host';

describe('channel colours', () => {
  it('gives channels hues far from the status hues, in every theme (dark, light, high contrast)', () => {
    const blocks = readFileSync(join(ROOT, 'src/renderer/src/styles/theme.css'), 'utf8').split(/\n}\n/).filter((block: string) => block.includes('--ch-voice'));
    expect(blocks.length).toBe(3);
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const block of blocks) {
      const value = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6})`).exec(block)![1];
      for (const channel of ['voice', 'chat', 'email', 'message']) {
        for (const status of ['ok', 'warn', 'alert']) {
          // hue apart by 30 degrees or more: Chat's old amber was 0 from "below target"'s amber
          const apart = Math.abs(hue(value(`ch-${channel}`)) - hue(value(status)));
          expect(Math.min(apart, 360 - apart), `${channel} against ${status}`).toBeGreaterThanOrEqual(30);
        }
      }
    }
  });
});
