/**
 * Every link and picture in the README, ARCHITECTURE.md and the guides leads somewhere: a relative target is a
 * file or folder of the repository (an anchor after # is not checked). A guide that promises a
 * picture of the print page must have it — a print shop met broken images there once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const docs = [
  'README.md',
  'ARCHITECTURE.md',
  ...['.github/guides', '.github/docs'].flatMap((d) =>
    existsSync(join(ROOT, d))
      ? readdirSync(join(ROOT, d))
          .filter((f) => f.endsWith('.md'))
          .map((f) => `${d}/${f}`)
      : [],
  ),
];

/** Markdown links and images outside code: [text](target) and ![alt](target). */
function targets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

describe('links and pictures in the README and the guides', () => {
  it('finds the documents', () => {
    expect(docs).toContain('.github/guides/printers.md');
    // The printers' guide shows the print page, a board and a card sheet.
    expect(targets(readFileSync(join(ROOT, '.github/guides/printers.md'), 'utf8')).filter((t) => t.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
    expect(targets('见 [指南](a.md#x) 与 ![图](images/b.png) 和 `[代码](c.md)`')).toEqual(['a.md#x', 'images/b.png']);
  });
  for (const doc of docs) {
    it(`${doc}: every relative link and picture exists`, () => {
      const missing = targets(readFileSync(join(ROOT, doc), 'utf8'))
        .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
        .map((t) => decodeURIComponent(t.split('#')[0]!))
        .filter((t) => !existsSync(t.startsWith('/') ? join(ROOT, t) : join(ROOT, dirname(doc), t)));
      expect(missing).toEqual([]);
    });
  }
});
