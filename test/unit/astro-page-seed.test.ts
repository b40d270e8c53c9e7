/**
 * Seeding the output with Astro's cached pages: only pages the cache manifest records are
 * copied (never linked), and afterwards seeded pages the new manifest does not claim go,
 * with their emptied folders.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropUnclaimedPages, manifestOutputs, seedPages } from '../../src/pipeline/astro-page-seed.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'seed-'));
  dirs.push(d);
  return d;
};
const write = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const manifest = (cache: string, files: string[]) =>
  write(
    join(cache, 'incremental-build.json'),
    JSON.stringify({
      version: 1,
      routes: {
        'src/pages/units/[unit]/[slug].astro': {
          dependencyHash: 'x',
          paths: Object.fromEntries(files.map((f) => [`/${f}`, { cacheKey: 'k', outputFile: f }])),
        },
      },
    }),
  );

describe('astro page seeding', () => {
  it('copies only recorded pages, as copies', () => {
    const cache = temp();
    const out = temp();
    manifest(cache, ['units/a/one/index.html', 'units/a/two/index.html', 'units/a/gone/index.html']);
    write(join(cache, 'dist/units/a/one/index.html'), 'one');
    write(join(cache, 'dist/units/a/two/index.html'), 'two');
    write(join(cache, 'dist/units/a/stray/index.html'), 'left by a crashed build');
    const seeded = seedPages(cache, out);
    expect([...seeded.keys()].sort()).toEqual(['units/a/one/index.html', 'units/a/two/index.html']);
    expect(readFileSync(join(out, 'units/a/one/index.html'), 'utf8')).toBe('one');
    expect(existsSync(join(out, 'units/a/stray'))).toBe(false);
    expect(statSync(join(out, 'units/a/one/index.html')).ino).not.toBe(statSync(join(cache, 'dist/units/a/one/index.html')).ino);
  });

  it('drops seeded pages the new manifest does not record, with their folders', () => {
    const cache = temp();
    const out = temp();
    manifest(cache, ['units/a/one/index.html', 'units/a/two/index.html']);
    write(join(cache, 'dist/units/a/one/index.html'), 'one');
    write(join(cache, 'dist/units/a/two/index.html'), 'two');
    const seeded = seedPages(cache, out);
    manifest(cache, ['units/a/one/index.html']);
    expect(dropUnclaimedPages(cache, out, seeded)).toBe(1);
    expect(existsSync(join(out, 'units/a/one/index.html'))).toBe(true);
    expect(existsSync(join(out, 'units/a/two'))).toBe(false);
  });

  it('keeps an unclaimed page Astro wrote itself (its route gave no cache key this time)', () => {
    const cache = temp();
    const out = temp();
    manifest(cache, ['units/a/one/index.html']);
    write(join(cache, 'dist/units/a/one/index.html'), 'old');
    const seeded = seedPages(cache, out);
    const page = join(out, 'units/a/one/index.html');
    writeFileSync(page, 'rendered now');
    // Astro writes seconds after the seeding: the page's new time is set here, not waited for.
    const written = new Date(seeded.get('units/a/one/index.html')! + 1000);
    utimesSync(page, written, written);
    manifest(cache, []);
    expect(dropUnclaimedPages(cache, out, seeded)).toBe(0);
    expect(readFileSync(join(out, 'units/a/one/index.html'), 'utf8')).toBe('rendered now');
  });

  it('seeds nothing without a readable manifest', () => {
    const cache = temp();
    write(join(cache, 'dist/units/a/one/index.html'), 'one');
    expect(manifestOutputs(cache).size).toBe(0);
    expect(seedPages(cache, temp()).size).toBe(0);
    write(join(cache, 'incremental-build.json'), '{not json');
    expect(seedPages(cache, temp()).size).toBe(0);
  });
});
