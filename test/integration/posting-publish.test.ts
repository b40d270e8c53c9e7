/**
 * The posting photos in the repository's small fixture (test/fixtures/postings, made by
 * make-photos.ts: an angled whole-board photo, a close-up of a town board's footer code with
 * EXIF date and GPS, a shaken one) through a real build of the mini county: /supervision/
 * lists each board's state and the downloads hold the table; a unit page shows its board's
 * latest photo, and the published copy is shrunk with no EXIF (no GPS) left in it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild } from '../../src/pipeline/run-build.ts';
import { PUBLISHED_PHOTO_PX } from '../../src/pipeline/postings.ts';
import { copyMini, ENTRY, GOOD_FM, put, ROOT, TEMPLATES } from '../helpers.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('posting photos in a build', () => {
  it('reach /supervision/, the downloads and the unit pages, without EXIF', async () => {
    const content = copyMini();
    made.push(content, `${content}-cache`);
    // 乙村 publishes its dues, so its board has a print to hang (the county unit's has none: nothing to photograph).
    put(content, 'entries/v-demo-b/2026/dues-2026-h2.md', ENTRY(GOOD_FM.replace('甲村', '乙村')));
    cpSync(join(ROOT, 'test/fixtures/postings'), join(content, 'postings'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
    // A folder that names no board: read by nothing, published by nothing, named in the log.
    cpSync(join(ROOT, 'test/fixtures/postings/b-v-demo-b'), join(content, 'postings/internal-handout'), { recursive: true });
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/postings-')), 'dist');
    made.push(join(out, '..'));
    const log = collectingLog();
    await runBuild({ content, templates: TEMPLATES, out, cacheRoot: `${content}-cache`, astroCacheRoot: `${content}-cache`, today: '2026-12-03' }, log);
    expect(log.lines.join('\n')).toContain('content/postings/internal-handout/ 不是 boards.yaml 中的公开栏编号');

    const supervision = readFileSync(join(out, 'supervision/index.html'), 'utf8');
    expect(supervision).toContain('公开栏张贴情况');
    const stateOf = (board: string) => new RegExp(`id="posting-${board}" data-posting-state="([a-z_]+)"`).exec(supervision)?.[1];
    // The fixture photos show the marks of the mini county's prints of 2026-11-28: after a change to
    // the mini county's boards or to the mark, make them again (node test/fixtures/postings/make-photos.ts).
    // July's print photographed in December; the town's January print photographed long after; a shaken photo; nothing printed.
    expect([stateOf('b-v-demo-a'), stateOf('b-t-demo'), stateOf('b-v-demo-b'), stateOf('b-cu-demo')]).toEqual(['late', 'late', 'unreadable', 'empty']);
    expect(readFileSync(join(out, 'data/postings.csv'), 'utf8')).toContain('照片看不清二维码');
    const json = JSON.parse(readFileSync(join(out, 'data/postings.json'), 'utf8')) as { 全县: { boards: number; late: number } };
    expect(json.全县).toMatchObject({ boards: 4, late: 2 });

    const unitPage = readFileSync(join(out, 'units/t-demo/index.html'), 'utf8');
    expect(unitPage).toContain('公开栏张贴照片');
    expect(unitPage).toContain('2026年12月2日拍摄');
    const published = join(out, 'postings/b-t-demo.jpg');
    const meta = await sharp(published).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(PUBLISHED_PHOTO_PX);
    // The original had both: the test would prove nothing otherwise.
    expect((await sharp(join(content, 'postings/b-t-demo/photo.jpg')).metadata()).exif).toBeDefined();
    // Nothing of an unreadable photo, nor of a folder that is no board, is published.
    expect(() => readFileSync(join(out, 'postings/b-v-demo-b.jpg'))).toThrow();
    expect(() => readFileSync(join(out, 'postings/internal-handout.jpg'))).toThrow();
  }, 300_000);
});
