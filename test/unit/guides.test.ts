/** The guides' pictures exist (they are made by `npm run screenshots` and committed). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const GUIDES = join(ROOT, '.github/guides');

describe('guides', () => {
  it('link only images that are in the repository, and each guide has some', () => {
    for (const file of readdirSync(GUIDES).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(GUIDES, file), 'utf8');
      const images = [...text.matchAll(/!\[[^\]]+\]\((images\/[^)]+)\)/g)].map((m) => m[1]!);
      expect(images.length, file).toBeGreaterThan(0);
      for (const img of images) expect(existsSync(join(dirname(join(GUIDES, file)), img)), `${file}: ${img}`).toBe(true);
    }
  });
});
