/** The print stage on the mini fixture, checked by parsing the PDFs it writes and scanning their QR codes from a rendering (test/pdf-helpers.ts: npm packages only). */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { overflowReport, runPrint, type PrintResult } from '../../src/print/run/print-stage.ts';
import { runInternalHandouts } from '../../src/print/run/internal-handouts.ts';
import { unitUrl } from '../../src/print/jobs/board-job.ts';
import { copyMini, ENTRY, flat, GOOD_FM, load, MINI, put, tempDirs } from '../helpers.ts';
import { decodeQr, pdfFonts, pdfImages, pdfInfo, pdfPageText, pdfWords, renderPage, zipEntries, zipText } from '../pdf-helpers.ts';

const dir = tempDirs('gongkai-print-');
const PT = 72 / 25.4;

let out: string;
let mainCache: string;
let result: PrintResult;
beforeAll(async () => {
  out = dir();
  mainCache = dir();
  const { project } = load(MINI);
  result = await runPrint({ project: project!, outDir: out, today: '2026-11-28', cacheDir: mainCache, threads: 2, log: () => {} });
}, 60_000);

describe('print stage on the mini county', () => {
  it('writes one PDF per board with something to show, at trim + bleed with TrimBox and BleedBox; none for an empty board', async () => {
    expect(result.manifest.boards.map((b) => b.id).sort()).toEqual(['b-t-demo', 'b-v-demo-a']);
    // cu-demo and v-demo-b have published nothing: listed apart, no file a shop could print.
    expect(result.manifest.empty.boards.map((b) => b.id).sort()).toEqual(['b-cu-demo', 'b-v-demo-b']);
    expect(existsSync(join(out, 'print/boards/b-v-demo-b.pdf'))).toBe(false);
    expect(existsSync(join(out, 'print/previews/b-v-demo-b.png'))).toBe(false);
    const info = await pdfInfo(join(out, 'print/boards/b-v-demo-a.pdf'));
    expect(info.pages).toHaveLength(1);
    const page = info.pages[0]!;
    const [tx0, ty0, tx1, ty1] = page.TrimBox!;
    expect(tx1 - tx0).toBeCloseTo(2400 * PT, 1);
    expect(ty1 - ty0).toBeCloseTo(1200 * PT, 1);
    const [bx0, by0, bx1, by1] = page.BleedBox!;
    expect(bx1 - bx0).toBeCloseTo((2400 + 6) * PT, 1);
    expect(by1 - by0).toBeCloseTo((1200 + 6) * PT, 1);
    // The media box holds the bleed plus the slug where the crop marks go.
    const [, , mx1, my1] = page.MediaBox;
    expect(mx1).toBeGreaterThan(bx1);
    expect(my1).toBeGreaterThan(by1);
    // PDF/X-1a:2003 allows PDF 1.4 at most (print-pdfx.test.ts).
    expect(info.version).toBe('1.4');
    expect(info.title).toBe('甲村党支部党务公开栏');
  });

  it('embeds subset TrueType fonts, both faces', async () => {
    const fonts = await pdfFonts(join(out, 'print/boards/b-v-demo-a.pdf'));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts)
      expect(f).toMatchObject({ type: 'Type0', cidType: 'CIDFontType2', encoding: 'Identity-H', embedded: true, subset: true, unicode: true });
    expect(fonts.some((f) => f.name.includes('NotoSansSC'))).toBe(true);
    expect(fonts.some((f) => f.name.includes('NotoSerifSC'))).toBe(true);
  });

  it('shows all the text of the board: header, entries, table, notice footer', async () => {
    const text = flat(await pdfPageText(join(out, 'print/boards/b-v-demo-a.pdf')));
    expect(text).toContain('甲村党支部党务公开栏');
    expect(text).toContain('甲村党支部2026年上半年党费收缴情况');
    expect(text).toContain(flat('村党支部就村道硬化工程广泛征求党员群众意见。'));
    expect(text).toContain('监督电话：0000-6123456');
    expect(text).toContain('发布单位：中共示范县委组织部');
    // Every body sentence of every entry on the board is in the PDF: nothing clipped or dropped.
    const row = result.manifest.boards.find((b) => b.id === 'b-v-demo-a')!;
    expect(row.entries.length).toBeGreaterThan(0);
    for (const id of row.entries) {
      const { project } = load(MINI);
      const e = project!.entries.find((x) => x.id === id)!;
      for (const line of e.body.split('\n').filter((l) => /^[^|!#\s]/.test(l))) expect(text).toContain(flat(line.replace(/[*_`]/g, '')));
    }
  });

  it('prints a QR code in the footer that scans to the unit’s web page', async () => {
    // Render only the footer's right-hand corner (a whole 2.4 m poster at 100 dpi is 46 megapixels) and decode what a phone would see.
    const pdf = join(out, 'print/boards/b-v-demo-a.pdf');
    const { project } = load(MINI);
    const url = unitUrl(project!.site.base_url, 'v-demo-a');
    expect(url).toBe('https://dwgk.shifan.example.cn/units/v-demo-a/');
    // The unit's page with the board's release mark (?r=<date>-<hash>), the mark also printed beside the code.
    const scanned = decodeQr(await renderPage(pdf, 1, 100, [0.8, 0.8, 0.2, 0.2]))!;
    expect(scanned.startsWith(`${url}?r=`)).toBe(true);
    expect(new URL(scanned).searchParams.get('r')).toMatch(/^\d{8}-[0-9a-f]{4}$/);
    expect(flat(await pdfPageText(pdf))).toContain(new URL(scanned).searchParams.get('r'));
    // The decoder is no pushover: the opposite corner holds no code.
    expect(decodeQr(await renderPage(pdf, 1, 100, [0, 0.8, 0.2, 0.2]))).toBeUndefined();
  });

  it('embeds images in CMYK at 150 dpi or more at their printed size', async () => {
    const images = await pdfImages(join(out, 'print/boards/b-v-demo-a.pdf'));
    expect(images.length).toBe(1);
    expect(images[0]!.colorSpace).toBe('DeviceCMYK');
    expect(images[0]!.ppi[0]).toBeGreaterThanOrEqual(150);
    expect(images[0]!.ppi[1]).toBeGreaterThanOrEqual(150);
    expect(images[0]!.ppi[0]).toBeLessThan(2400); // drawn at a real size, not a speck
  });

  it('never prints a party-scope entry', async () => {
    for (const b of result.manifest.boards) {
      expect(await pdfPageText(join(out, b.pdf))).not.toContain('SENTINEL-PARTY-7f3a');
      expect(b.entries).not.toContain('v-demo-a/sanhui-2026-10');
    }
  });

  it('writes the manifest, previews and one zip per town', async () => {
    const json = JSON.parse(readFileSync(join(out, 'print/manifest.json'), 'utf8')) as {
      boards: { id: string; sha256: string; trim_mm: string; pages: number; sheets: number; preview: string }[];
    };
    const a = json.boards.find((b) => b.id === 'b-v-demo-a')!;
    expect(a.trim_mm).toBe('2400×1200');
    expect(a.pages).toBe(1);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(out, a.preview)).subarray(1, 4).toString()).toBe('PNG');
    const csv = readFileSync(join(out, 'print/manifest.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('公开栏');
    expect(csv).toContain('b-v-demo-a');
    const zip = await zipEntries(join(out, 'print/towns/t-demo.zip'));
    const names = zip.map((f) => f.split('/').pop());
    expect(names).toContain('b-t-demo.pdf');
    expect(names).toContain('b-v-demo-a.pdf');
    expect(names).not.toContain('b-v-demo-b.pdf'); // nothing to show on it
    expect(names).not.toContain('b-cu-demo.pdf');
    expect(csv).not.toContain('b-v-demo-b');
  });

  it('carries the job ticket: boards.yaml material, finish, mounting, placement and copies in the manifest; each town zip its own manifest and installation list', async () => {
    const a = result.manifest.boards.find((b) => b.id === 'b-v-demo-a')!;
    expect(a).toMatchObject({
      location: '村委会门前广场',
      placement: 'outdoor',
      material: '户外防紫外线车贴（背胶）',
      finish: '覆亮膜',
      mounting: '不锈钢宣传栏，玻璃门内',
      quantity: 2,
    });
    expect(result.manifest.boards.find((b) => b.id === 'b-t-demo')!.quantity).toBe(1);
    const csv = readFileSync(join(out, 'print/manifest.csv'), 'utf8').split('\n');
    expect(csv[0]).toContain('位置,室内/室外,材料,表面处理,安装方式,基材,固定方式,送到,送货地址,数量');
    // No substrate, fixing or town address written: empty cells, the shop asks (the mini fixture has no print_job).
    expect(csv.find((l) => l.startsWith('b-v-demo-a,'))).toContain(
      '村委会门前广场,室外,户外防紫外线车贴（背胶）,覆亮膜,不锈钢宣传栏，玻璃门内,,,中共测试镇委员会,,2',
    );
    const zip = await zipEntries(join(out, 'print/towns/t-demo.zip'));
    for (const f of ['manifest.json', '公开栏清单.csv', '明白卡清单.csv', '安装清单.pdf', '印刷施工单.txt']) expect(zip).toContain(f);
    // Only the installation list is a file of the site (linked from /print/); the rest travels in the zip.
    expect(existsSync(join(out, 'print/towns/t-demo/manifest.json'))).toBe(false);
    const ticket = await zipText(join(out, 'print/towns/t-demo.zip'), '印刷施工单.txt');
    for (const s of [
      '中共测试镇委员会党务公开栏和明白卡印刷施工单',
      '印刷文件日期：2026-11-28',
      '送货：按镇（街道）送货',
      '本清单的送货地址：中共测试镇委员会：（地址未写）',
    ])
      expect(ticket).toContain(s);
    expect(ticket).toContain('\r\n');
    const own = JSON.parse(await zipText(join(out, 'print/towns/t-demo.zip'), 'manifest.json')) as {
      boards: { id: string }[];
      empty: { boards: { id: string }[] };
    };
    expect(own.boards.map((b) => b.id).sort()).toEqual(['b-t-demo', 'b-v-demo-a']);
    expect(own.empty.boards.map((b) => b.id)).toEqual(['b-v-demo-b']);
    const list = join(out, 'print/towns/t-demo/install-list.pdf');
    const [w, h] = (await pdfInfo(list)).pages[0]!.size;
    expect([w.toFixed(1), h.toFixed(1)]).toEqual(['841.9', '595.3']);
    const text = flat(await pdfPageText(list));
    for (const s of [
      '安装清单',
      'b-v-demo-a',
      '村委会门前广场',
      '2400×1200',
      '室外',
      '不锈钢宣传栏',
      '1×2',
      '0000-6100002',
      '基材和固定',
      '印刷文件日期：2026-11-28',
      '完成期限：未写',
    ])
      expect(text).toContain(flat(s));
    // The empty board is not a row to install; the installer is told why it gets no poster.
    expect(text).toContain('共2块');
    expect(text).toContain(flat('另有 1 块公开栏目前没有可印的内容，本次没有印刷文件，不用安装：b-v-demo-b（乙村党支部，村部院内）'));
  });
});

describe('determinism, cache and change tracking', () => {
  it('renders byte-identical PDFs from the same content, without and with the cache', async () => {
    const { project } = load(MINI);
    const o1 = dir();
    const cache = dir();
    const r1 = await runPrint({
      project: project!,
      outDir: o1,
      today: '2026-11-28',
      cacheDir: cache,
      threads: 1,
      log: () => {},
      boards: ['b-v-demo-a'],
      index: false,
    });
    expect(r1.rendered).toBe(1);
    const first = readFileSync(join(o1, 'print/boards/b-v-demo-a.pdf'));
    expect(first.equals(readFileSync(join(out, 'print/boards/b-v-demo-a.pdf')))).toBe(true);
    const r2 = await runPrint({
      project: project!,
      outDir: dir(),
      today: '2026-11-28',
      cacheDir: cache,
      threads: 1,
      log: () => {},
      boards: ['b-v-demo-a'],
      index: false,
    });
    expect(r2.cached).toBe(1);
    expect(r2.manifest.boards[0]!.sha256).toBe(r1.manifest.boards[0]!.sha256);
  }, 30_000);

  it('marks only the changed board as changed against a previous manifest, and re-renders only it', async () => {
    const content = copyMini(dir());
    put(
      content,
      'entries/t-demo/2026/plan-h2.md',
      ENTRY(GOOD_FM.replace('甲村党支部', '测试镇党委').replace('dues-collection', 'work-plan-completion'), '下半年重点抓好村级组织建设。'),
    );
    const { project } = load(content);
    const o = dir();
    const r = await runPrint({
      project: project!,
      outDir: o,
      today: '2026-11-28',
      cacheDir: mainCache,
      threads: 1,
      log: () => {},
      previousManifest: join(out, 'print/manifest.json'),
    });
    expect(r.rendered).toBe(1);
    expect(r.cached).toBe(1); // b-v-demo-a; the two empty boards are not rendered at all
    const m = JSON.parse(readFileSync(join(o, 'print/manifest.json'), 'utf8')) as { boards: { id: string; changed: boolean }[] };
    expect(m.boards.filter((b) => b.changed).map((b) => b.id)).toEqual(['b-t-demo']);
  }, 30_000);
});

describe('what is on a board changes over time', () => {
  it('shows an entry only from its date on', async () => {
    const { project } = load(MINI);
    const before = await runPrint({
      project: project!,
      outDir: dir(),
      today: '2026-07-01',
      cacheDir: dir(),
      threads: 1,
      log: () => {},
      boards: ['b-v-demo-a'],
      index: false,
    });
    const after = await runPrint({
      project: project!,
      outDir: dir(),
      today: '2026-07-10',
      cacheDir: dir(),
      threads: 1,
      log: () => {},
      boards: ['b-v-demo-a'],
      index: false,
    });
    expect(before.manifest.boards[0]!.entries).not.toContain('v-demo-a/dues-2026-h1');
    expect(after.manifest.boards[0]!.entries).toContain('v-demo-a/dues-2026-h1');
  }, 30_000);
});

describe('overflow, tiles and internal handouts', () => {
  const longEntry = (content: string) => {
    const long = Array.from({ length: 200 }, (_, i) => `第${i + 1}项：村务监督委员会对本村集体资金使用情况进行了全面检查，账目清楚，手续齐全。`).join('\n\n');
    put(
      content,
      'entries/v-demo-b/2026/dues-2026-h2.md',
      ENTRY(GOOD_FM.replace('甲村', '乙村').replace('2026-11-20', '2026-11-21'), `${long}\n\n最后一段：溢出哨兵句。`),
    );
  };

  /** Prints board b-v-demo-b of the content folder alone. */
  const printBoardB = async (content: string, extra: { tile?: 'A3' } = {}) => {
    const { project } = load(content);
    const o = dir();
    const r = await runPrint({
      project: project!,
      outDir: o,
      today: '2026-11-28',
      cacheDir: dir(),
      threads: 1,
      log: () => {},
      boards: ['b-v-demo-b'],
      index: false,
      ...extra,
    });
    return { project, o, r };
  };

  it('keeps a board that does not fit on its one sheet: the long text as its summary with a QR code to the full text, reported', async () => {
    const content = copyMini(dir());
    longEntry(content);
    const { project, o, r } = await printBoardB(content);
    const row = r.manifest.boards[0]!;
    expect(row.pages).toBe(1);
    expect(row.sheets).toBe(1);
    expect(row.overflow).toBeUndefined();
    expect(row.shortened).toEqual([{ entry: 'v-demo-b/dues-2026-h2', action: 'summary' }]);
    expect(row.entries).toContain('v-demo-b/dues-2026-h2');
    expect(overflowReport(r.manifest).join('')).toMatch(/b-v-demo-b.*为印在一张上已精简：v-demo-b\/dues-2026-h2（只印摘要和二维码）.*continuation: true/);
    const pdf = join(o, row.pdf);
    const text = flat(await pdfPageText(pdf));
    expect(text).toContain('扫码查看全文');
    expect(text).not.toContain('溢出哨兵句');
    const url = `${unitUrl(project!.site.base_url, 'v-demo-b')}dues-2026-h2/`;
    expect(text).toContain(flat(url.replace(/^https?:\/\//, '')));
    // The code right of “扫码查看全文” (set against it at the column's edge) opens the entry's page: read from a rendering, as a phone would.
    const info = await pdfInfo(pdf);
    const [pw, ph] = info.pages[0]!.size;
    const word = (await pdfWords(pdf, 1)).find((w) => w.text.includes('扫码查看全文'))!;
    const x0 = Math.max(0, word.cx + word.width / 2 - 20);
    const y0 = Math.max(0, word.cy - 240);
    expect(decodeQr(await renderPage(pdf, 1, 150, [x0 / pw, y0 / ph, Math.min(320, pw - x0) / pw, 400 / ph]))).toBe(url);
  }, 60_000);

  it('moves what does not fit to a continuation sheet on a board that asks for them, and reports it; tiles on A3', async () => {
    const content = copyMini(dir());
    longEntry(content);
    put(
      content,
      'boards.yaml',
      readFileSync(join(content, 'boards.yaml'), 'utf8').replace('width_mm: 1200, height_mm: 900 }', 'width_mm: 1200, height_mm: 900, continuation: true }'),
    );
    const { project, o, r } = await printBoardB(content, { tile: 'A3' });
    const row = r.manifest.boards[0]!;
    expect(row.pages).toBeGreaterThan(1);
    expect(row.shortened).toBeUndefined();
    expect(row.overflow!.entries).toContain('v-demo-b/dues-2026-h2');
    expect(row.overflow!.mm).toBeGreaterThan(0);
    // The preview shows every sheet, side by side: as wide as the sheets together.
    const png = readFileSync(join(o, row.preview));
    expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeGreaterThan(row.pages * (1200 / 900) * 0.95);
    const text = flat(await pdfPageText(join(o, row.pdf)));
    expect(text).toContain('最后一段：溢出哨兵句。');
    for (let i = 1; i <= 200; i++) expect(text).toContain(`第${i}项：`);
    expect(row.tiles).toBeDefined();
    const tiles = await pdfInfo(join(o, row.tiles!));
    expect(tiles.pages).toHaveLength(row.sheets);
    expect(tiles.pages[0]!.size.map((v) => v.toFixed(2)).sort()).toEqual(['1190.55', '841.89']);
    expect(await pdfPageText(join(o, row.tiles!))).toContain('第1行第1列');
  }, 60_000);

  it('print:internal writes the party-scope entries, and only them, outside dist', async () => {
    const { project } = load(MINI);
    const o = join(dir(), 'internal');
    const r = await runInternalHandouts({ project: project!, outDir: o, today: '2026-11-28' });
    expect(r.entries).toBe(1);
    const text = await pdfPageText(join(o, 'v-demo-a.pdf'));
    expect(text).toContain('SENTINEL-PARTY-7f3a');
    expect(text).not.toContain('党费收缴情况');
    const [w, h] = (await pdfInfo(join(o, 'v-demo-a.pdf'))).pages[0]!.size;
    expect(w).toBeCloseTo(595.28, 1);
    expect(h).toBeCloseTo(841.89, 1);
    expect(existsSync(join(o, 't-demo.pdf'))).toBe(false);
  }, 30_000);
});
