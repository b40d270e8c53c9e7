/** The guides' pictures exist (they are made by `npm run screenshots` and committed), and every relative link in the docs leads to a file. */
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

  it('link only files that exist, in the README, the guides and the docs', () => {
    const docs = [
      'README.md',
      ...readdirSync(GUIDES)
        .filter((f) => f.endsWith('.md'))
        .map((f) => `.github/guides/${f}`),
      ...readdirSync(join(ROOT, '.github/docs')).map((f) => `.github/docs/${f}`),
    ];
    const broken: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(join(ROOT, doc), 'utf8')
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`\n]*`/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(dirname(join(ROOT, doc)), decodeURI(target)))) broken.push(`${doc}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
