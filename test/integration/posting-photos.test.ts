/**
 * Posting photos end to end on the mini county: boards printed, photographed by the simulated
 * phone (test/photo-synth.ts) — at an angle, blurred, unevenly lit, JPEG — dropped into
 * content/postings/<board>/, and judged by `gongkai report --postings` against each board's
 * print history: posted, late, outdated (an older print photographed after the new one came
 * out), unreadable (with the retake advice), wrong board, never photographed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyMini, ENTRY, GOOD_FM, load, put, ROOT, tempDirs } from '../helpers.ts';
import { runPrint } from '../../src/print/run/print-stage.ts';
import { PHONES, photograph, type Shot } from '../photo-synth.ts';
import { readPostingPhoto } from '../../src/load/posting-photos.ts';
import { QrCache } from '../../src/load/qr-cache.ts';
import sharp from 'sharp';

const temp = tempDirs('gongkai-postings-');
const PHONE_SHOT: Shot = { phone: PHONES['12MP']!, distanceM: 3, yawDeg: 20, blur: 1, jpegQuality: 80, light: 'side' };

async function printOn(dir: string, today: string): Promise<string> {
  const out = temp();
  await runPrint({ project: load(dir).project!, outDir: out, today, cacheDir: join(out, 'cache'), threads: 1, index: false, log: () => {} });
  return join(out, 'print/boards');
}

function drop(dir: string, board: string, name: string, bytes: Buffer): string {
  mkdirSync(join(dir, 'postings', board), { recursive: true });
  const file = join(dir, 'postings', board, name);
  writeFileSync(file, bytes);
  return file;
}

describe('posting photos', () => {
  it('a common phone photo of each printed board decodes to its unit page and release mark', async () => {
    const dir = copyMini(temp());
    const boards = await printOn(dir, '2026-11-28');
    for (const [board, unit, w, h] of [
      ['b-v-demo-a', 'v-demo-a', 2400, 1200],
      ['b-t-demo', 't-demo', 3000, 1500],
    ] as const) {
      const path = drop(dir, board, 'IMG_20261201_101500.jpg', await photograph(join(boards, `${board}.pdf`), w, h, PHONE_SHOT));
      const read = await readPostingPhoto({ boardId: board, path, display: path }, { maxBytes: 64e6, maxPixels: 64e6 });
      expect(read.date).toBe('2026-12-01');
      expect(read.dateSource).toBe('name');
      expect(read.links).toContainEqual({ page: `https://dwgk.shifan.example.cn/units/${unit}/`, mark: expect.stringMatching(/^\d{8}-[0-9a-f]{4}$/) });
    }
  }, 240_000);

  it('keeps what it read of a photo by the photo’s bytes', async () => {
    const dir = temp();
    // The demo's whole-board photo of 上坝村's board (scripts/demo-postings.ts).
    const photo = readFileSync(join(ROOT, 'content/postings/b-v-qingshui-shangba/IMG_20261111_093000.jpg'));
    const path = drop(dir, 'b-v-demo-a', 'whole.jpg', photo);
    const cacheDir = join(temp(), 'postings');
    const cache = new QrCache(cacheDir);
    const cold = await readPostingPhoto({ boardId: 'b-v-demo-a', path, display: path }, { maxBytes: 64e6, maxPixels: 64e6 }, cache);
    expect(cold.links).toContainEqual({ page: 'https://dwgk.shifan.example.cn/units/v-qingshui-shangba/', mark: expect.stringMatching(/^\d{8}-[0-9a-f]{4}$/) });
    // The same bytes again, under another name: read from the cache, the same reading.
    const again = drop(dir, 'b-v-demo-a', 'IMG_20261202_080000.jpg', photo);
    const warmCache = new QrCache(cacheDir);
    const warm = await readPostingPhoto({ boardId: 'b-v-demo-a', path: again, display: again }, { maxBytes: 64e6, maxPixels: 64e6 }, warmCache);
    expect(warm).toMatchObject({ links: cold.links, codeShare: cold.codeShare, date: '2026-12-02' });
    expect(cache).toMatchObject({ hits: 0, misses: 1 });
    expect(warmCache).toMatchObject({ hits: 1, misses: 0 });
    // Another photo is read, not taken from the cache.
    const other = drop(dir, 'b-v-demo-a', 'blurred.jpg', await sharp(photo).blur(12).jpeg().toBuffer());
    const otherCache = new QrCache(cacheDir);
    expect((await readPostingPhoto({ boardId: 'b-v-demo-a', path: other, display: other }, { maxBytes: 64e6, maxPixels: 64e6 }, otherCache)).links).toEqual([]);
    expect(otherCache).toMatchObject({ hits: 0, misses: 1 });
  }, 240_000);

  it('the report tells posted, outdated, unreadable, wrong board and never photographed apart, by board and by town', async () => {
    const dir = copyMini(temp());
    // 乙村 and the county unit publish their dues, so their boards have a print to hang too.
    put(dir, 'entries/v-demo-b/2026/dues-2026-h2.md', ENTRY(GOOD_FM.replace('甲村', '乙村')));
    put(dir, 'entries/cu-demo/2026/dues-2026-h2.md', ENTRY(GOOD_FM.replace('甲村党支部', '测试县教育局党组')));
    const now = await printOn(dir, '2026-11-28');
    const older = await printOn(dir, '2026-05-01');
    // The town's current print (out since 2026-01-10), photographed on the next working day but one: the camera's date.
    drop(dir, 'b-t-demo', 'a.jpg', await photograph(join(now, 'b-t-demo.pdf'), 3000, 1500, { ...PHONE_SHOT, exifDate: '2026-01-13' }));
    // The village board still shows May's print in a photo taken long after July's came out.
    drop(dir, 'b-v-demo-a', 'IMG_20261127_090000.jpg', await photograph(join(older, 'b-v-demo-a.pdf'), 2400, 1200, PHONE_SHOT));
    // A photo so blurred no code can be read.
    drop(dir, 'b-v-demo-b', '2026-11-27.jpg', await photograph(join(now, 'b-t-demo.pdf'), 3000, 1500, { ...PHONE_SHOT, distanceM: 4, blur: 16 }));
    // The county unit's folder holds a photo of the town's board.
    drop(dir, 'b-cu-demo', '2026-11-27.jpg', await photograph(join(now, 'b-t-demo.pdf'), 3000, 1500, PHONE_SHOT));
    const r = cli(['report', '--postings', '--format', 'json', '--content', dir]);
    expect(r.stderr).not.toContain('内部错误');
    const json = JSON.parse(r.stdout) as {
      公开栏: { board: string; state: string; photo: { advice: string | null; dateSource: string | null } | null }[];
      按镇汇总: { id: string; boards: number }[];
    };
    const state = Object.fromEntries(json.公开栏.map((b) => [b.board, b.state]));
    expect(state['b-t-demo']).toBe('posted');
    expect(state['b-v-demo-a']).toBe('outdated');
    expect(state['b-v-demo-b']).toBe('unreadable');
    expect(json.公开栏.find((b) => b.board === 'b-v-demo-b')!.photo!.advice).toContain('请重拍');
    expect(state['b-cu-demo']).toBe('wrong_board');
    expect(json.公开栏.find((b) => b.board === 'b-t-demo')!.photo!.dateSource).toBe('exif');
    expect(json.公开栏.find((b) => b.board === 'b-v-demo-a')!.photo!.dateSource).toBe('name');
    expect(json.按镇汇总.reduce((n, t) => n + t.boards, 0)).toBe(4);
    const md = cli(['report', '--postings', '--content', dir]).stdout;
    expect(md).toContain('张贴的是旧版');
    expect(md).toContain('## 按镇（街道）汇总');
  }, 240_000);

  it('takes the day from a 张贴记录 the web editor wrote when the photo has lost its EXIF, and names a broken record', async () => {
    const dir = temp();
    const fixture = readFileSync(join(ROOT, 'test/fixtures/postings/b-v-demo-a/IMG_20261201_101500.jpg'));
    const path = drop(dir, 'b-v-demo-a', 'wei-xin-tu-pian.jpg', fixture);
    writeFileSync(join(dir, 'postings/b-v-demo-a/2026-12-03.yaml'), 'date: 2026-12-03\nphoto: wei-xin-tu-pian.jpg\n');
    const read = await readPostingPhoto(
      { boardId: 'b-v-demo-a', path, display: 'content/postings/b-v-demo-a/wei-xin-tu-pian.jpg' },
      { maxBytes: 64e6, maxPixels: 64e6 },
    );
    expect(read).toMatchObject({ date: '2026-12-03', dateSource: 'side' });
    expect(read.links[0]).toMatchObject({ page: 'https://dwgk.shifan.example.cn/units/v-demo-a/' });
    writeFileSync(join(dir, 'postings/b-v-demo-a/2026-12-03.yaml'), 'date: [2026\n');
    const broken = await readPostingPhoto(
      { boardId: 'b-v-demo-a', path, display: 'content/postings/b-v-demo-a/wei-xin-tu-pian.jpg' },
      { maxBytes: 64e6, maxPixels: 64e6 },
    );
    expect(broken.problem).toContain('content/postings/b-v-demo-a/wei-xin-tu-pian.jpg 旁边的张贴记录');
    const tooBig = await readPostingPhoto({ boardId: 'b-v-demo-a', path, display: 'x.jpg' }, { maxBytes: 1000, maxPixels: 64e6 });
    expect(tooBig.problem).toMatch(/超过上限.*请用手机相机的标准画质/);
  });
});
