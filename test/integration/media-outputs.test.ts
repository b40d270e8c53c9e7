/**
 * The other media of a build, checked as their users meet them: the 服务指南 booklet as a print
 * shop checks it (A5 trim, bleed boxes, imposition order on A4 and A3, page count), the share
 * pictures looked at (1080 px wide, within the size budget) and their QR code decoded to the
 * entry's page, the LED files against GB2312 and the width, the loudspeaker scripts read for
 * numerals and symbols; the party-internal entry in none of them; a rebuild renders nothing anew.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notGb2312 } from '../../src/media/gb2312.ts';
import { ledCells } from '../../src/media/led.ts';
import { NOT_SPOKEN } from '../../src/media/speech.ts';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild, type BuildResult } from '../../src/pipeline/run-build.ts';
import { decodeQr, pdfInfo, pdfPageText, pdfWords } from '../pdf-helpers.ts';
import { copyMini, ENTRY, put, ROOT, TEMPLATES } from '../helpers.ts';

const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
const MM = 72 / 25.4;
const round = (pt: number) => Math.round((pt / MM) * 10) / 10;
/** The share pictures' budget: a phone on a slow village network fetches one in a few seconds. */
const PICTURE_BUDGET_KIB = 300;

let content: string;
let out: string;
let first: BuildResult;
const log = collectingLog();

beforeAll(async () => {
  content = copyMini();
  put(content, 'site.yaml', `${readFileSync(join(content, 'site.yaml'), 'utf8')}\nmedia:\n  share_images: all\n  led_width: 12\n`);
  put(
    content,
    'entries/v-demo-a/2026/notice.md',
    ENTRY(
      `title: 甲村党支部关于王䶮同志转为正式党员的公示\nitem: recruitment-publicity\ndate: 2026-11-25\nnotice: { start: 2026-11-25, days: 5 }\n${SIGNED}\nsummary: 拟转正1名`,
      `${'经支部委员会研究，王䶮同志预备期满，拟转为正式党员，现予公示。'.repeat(50)}\n\n| 姓名 | 性别 | 出生年月 |\n| --- | --- | --- |\n| 王䶮 | 男 | 1995年3月 |\n`,
    ),
  );
  mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
  out = join(mkdtempSync(join(ROOT, '.cache/test-builds/media-')), 'dist');
  first = await runBuild({ content, templates: TEMPLATES, out, cacheRoot: `${content}-cache`, astroCacheRoot: `${content}-cache`, today: '2026-11-28' }, log);
}, 240_000);

afterAll(() => {
  for (const d of [content, `${content}-cache`, join(out, '..')]) rmSync(d, { recursive: true, force: true });
});

const files = (dir: string): string[] => (readdirSync(join(out, dir), { recursive: true }) as string[]).filter((f) => /\.\w+$/.test(f)).sort();

describe('服务指南 booklet, as a print shop checks it', () => {
  it('is A5 with a 3 mm bleed, TrimBox and BleedBox on every page, a multiple of four pages', async () => {
    const info = await pdfInfo(join(out, 'channels/booklets/t-demo.pdf'));
    expect(info.pages.length % 4).toBe(0);
    for (const p of info.pages) {
      const [x0, y0, x1, y1] = p.TrimBox!;
      expect([round(x1 - x0), round(y1 - y0)]).toEqual([148, 210]);
      const [b0, c0, b1, c1] = p.BleedBox!;
      expect([round(b1 - b0), round(c1 - c0)]).toEqual([154, 216]);
      expect(round(x0 - b0)).toBe(3);
    }
    expect(info.title).toBe('中共测试镇委员会党务公开服务指南');
  });

  it('is imposed for saddle stitching: A4 and A3 landscape, each side two pages in sheet order', async () => {
    const pages = (await pdfInfo(join(out, 'channels/booklets/t-demo.pdf'))).pages.length;
    for (const [sheet, size] of [
      ['A4', [297, 210]],
      ['A3', [420, 297]],
    ] as const) {
      const file = join(out, `channels/booklets/t-demo-${sheet}.pdf`);
      const info = await pdfInfo(file);
      expect(info.pages).toHaveLength(pages / 2);
      for (const p of info.pages) expect(p.size.map(round)).toEqual(size);
      expect(info.viewerPreferences.Duplex).toBe('DuplexFlipShortEdge');
      // The page numbers printed on each side, left half and right half: n − 2k + 2 | 2k − 1, then 2k | n − 2k + 1.
      for (let side = 1; side <= info.pages.length; side++) {
        const k = Math.ceil(side / 2);
        const [left, right] = side % 2 ? [pages - 2 * k + 2, 2 * k - 1] : [2 * k, pages - 2 * k + 1];
        const numbers = (await pdfWords(file, side)).filter((w) => /^— \d+ —$/.test(w.text));
        const half = info.pages[side - 1]!.size[0] / 2;
        const at = (n: number) => numbers.find((w) => w.text === `— ${n} —`);
        // Covers carry no number; every other page shows its number on its own half.
        if (left !== 1 && left !== pages) expect(at(left)!.cx, `${sheet} side ${side} left ${left}`).toBeLessThan(half);
        if (right !== 1 && right !== pages) expect(at(right)!.cx, `${sheet} side ${side} right ${right}`).toBeGreaterThan(half);
      }
    }
    const ticket = readFileSync(join(out, 'channels/booklets/t-demo-ticket.txt'), 'utf8');
    expect(ticket).toContain(`页数：${pages} 页`);
    expect(ticket).toContain(`印张：${pages / 4} 张`);
    expect(ticket).toMatch(/爬移补偿：按纸厚 0.1 毫米计算/);
    expect(readFileSync(join(out, 'print/index.html'), 'utf8')).toContain('channels/booklets/t-demo-A3.pdf');
  });
});

describe('share pictures, looked at and scanned', () => {
  it('are 1080 px wide, within the budget, numbered when long, and their QR code opens the entry page', async () => {
    const list = files('channels/share');
    expect(list.filter((f) => f.endsWith('.json')).sort()).toEqual([
      't-demo/org-setup.json',
      'v-demo-a/dues-2026-h1.json',
      'v-demo-a/notice.json',
      'v-demo-a/road-deliberation.json',
    ]);
    const notice = JSON.parse(readFileSync(join(out, 'channels/share/v-demo-a/notice.json'), 'utf8')) as { pictures: string[]; url: string };
    expect(notice.pictures.length).toBeGreaterThan(1);
    for (const f of list.filter((x) => x.endsWith('.png'))) {
      const file = join(out, 'channels/share', f);
      const meta = await sharp(file).metadata();
      expect(meta.width).toBe(1080);
      expect(meta.height).toBeLessThanOrEqual(2400);
      expect(readFileSync(file).length / 1024, f).toBeLessThan(PICTURE_BUDGET_KIB);
    }
    // The last picture ends with the QR code of the entry's page; the page is in the site.
    const last = join(out, 'channels/share/v-demo-a', notice.pictures.at(-1)!);
    const { data, info } = await sharp(last).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const url = decodeQr({ width: info.width, height: info.height, rgba: new Uint8ClampedArray(data), png: () => Buffer.alloc(0) });
    expect(url).toBe('https://dwgk.shifan.example.cn/units/v-demo-a/notice/');
    expect(readFileSync(join(out, 'units/v-demo-a/notice/index.html'), 'utf8')).toContain('data-share-button');
    // What each picture shows is in its own text chunk: the title on the first, the text through all of them.
    const comments = async (f: string) => ((await sharp(join(out, 'channels/share/v-demo-a', f)).metadata()).comments ?? []).map((c) => c.text).join('\n');
    expect(await comments(notice.pictures[0]!)).toContain('甲村党支部关于王䶮同志转为正式党员的公示');
    expect(await comments(notice.pictures.at(-1)!)).toContain('1995年3月');
  });
});

describe('LED text and loudspeaker scripts', () => {
  it('LED files keep the width and GB2312, the GB2312 file says the same, and the odd character is named', () => {
    for (const f of files('channels/led').filter((x) => /^[^-]+(-[a-z]+)*\.txt$/.test(x) && !x.endsWith('-gb2312.txt') && x !== 'notes.txt')) {
      const text = readFileSync(join(out, 'channels/led', f), 'utf8');
      for (const line of text.trimEnd().split('\n')) {
        expect(ledCells(line), `${f}: ${line}`).toBeLessThanOrEqual(12);
        expect(notGb2312(line)).toEqual([]);
      }
      const gb = new TextDecoder('gbk').decode(readFileSync(join(out, 'channels/led', f.replace(/\.txt$/, '-gb2312.txt'))));
      expect(gb.replace(/\r\n/g, '\n')).toBe(text);
    }
    expect(readFileSync(join(out, 'channels/led/notes.txt'), 'utf8')).toContain('条目 v-demo-a/notice 的标题中的“䶮”不在 GB2312 字符集中');
    expect(log.lines.some((l) => l.includes('条目 v-demo-a/notice 的标题中的“䶮”'))).toBe(true);
  });

  it('scripts have no numeral or symbol, and say the notice’s last day', async () => {
    for (const f of files('channels/broadcast').filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(out, 'channels/broadcast', f), 'utf8');
      expect(
        text.split('\n').filter((l) => NOT_SPOKEN.test(l)),
        f,
      ).toEqual([]);
    }
    expect(readFileSync(join(out, 'channels/broadcast/v-demo-a.txt'), 'utf8')).toContain('最后一天是十二月一日，还剩两个工作日');
    const pdf = await pdfPageText(join(out, 'channels/broadcast/v-demo-a.pdf'));
    expect(pdf.replace(/\s/g, '')).toContain('甲村党支部党务公开广播稿');
  });
});

describe('publication and caching', () => {
  it('never carries the party-internal entry, and a rebuild renders no picture or PDF anew', async () => {
    const party = '甲村党支部2026年10月“三会一课”';
    for (const f of files('channels').filter((x) => /\.(txt|json|csv)$/.test(x)))
      expect(readFileSync(join(out, 'channels', f), 'utf8'), f).not.toContain(party);
    expect(first.leakScan).toMatch(/没有发现泄露/);
    const again = collectingLog();
    await runBuild({ content, templates: TEMPLATES, out, cacheRoot: `${content}-cache`, astroCacheRoot: `${content}-cache`, today: '2026-11-28' }, again);
    expect(again.lines.find((l) => l.startsWith('✓ 其它媒体'))).toMatch(/新画 0，沿用缓存 4/);
    expect(again.lines.find((l) => l.startsWith('✓ 其它媒体'))).toMatch(/服务指南 2 本/);
  }, 240_000);
});
