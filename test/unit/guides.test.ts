/** The guides' pictures exist (they are made by `npm run screenshots` and committed), and every relative link in the docs leads to a file. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERNAL_MARKERS } from '../../src/domain/safety/secret-markings.ts';
import { leakFailure } from '../../src/pipeline/leak-scan.ts';
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
      'ARCHITECTURE.md',
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

  it('tell printers to stop on the leak scan’s own report and the markings check refuses, never on common words', () => {
    const guide = readFileSync(join(GUIDES, 'printers.md'), 'utf8');
    const rule = guide.slice(guide.indexOf('怎样知道文件里有不该公开的内容'));
    // The words of the scan's report, as the build prints them on a hit.
    const hit = leakFailure({
      filesScanned: 1,
      needles: 1,
      hits: [{ file: 'print/boards/b.pdf', needle: '某句党内原文', source: 'e-1', kind: 'entry' }],
      unreadable: [],
      unchanged: 0,
    });
    const headline = hit!.message.split('：')[0]!;
    expect(headline).toBe('发现党内内容进入了公开输出');
    expect(rule).toContain(headline);
    expect(rule).toContain('没有发现泄露');
    for (const marker of DEFAULT_INTERNAL_MARKERS) expect(rule).toContain(marker);
    // The old rule stopped on the bare words; 党内学习教育 is named as no reason to stop.
    expect(guide).not.toMatch(/发现文件中有“党内”“内部”“秘密”等/);
    expect(rule.slice(rule.indexOf('不是停印的理由'))).toContain('党内学习教育');
  });
});
