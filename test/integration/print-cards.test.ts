/** Household cards on a copy of the mini county, checked by reading back the PDFs they write (test/pdf-helpers.ts: npm packages only). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/domain/model.ts';
import { cardKeys } from '../../src/print/jobs/print-keys.ts';
import { cardJobs, cardOmissions } from '../../src/print/jobs/card-job.ts';
import { offCardText } from '../../src/review/omission-text.ts';
import type { CardRow } from '../../src/print/jobs/manifest.ts';
import { overflowReport, runPrint, type PrintResult } from '../../src/print/run/print-stage.ts';
import { cli, copyMini, ENTRY, flat, load, MINI, put, tempDirs } from '../helpers.ts';
import { pdfFonts, pdfInfo, pdfPageText, pdfWords, zipEntries } from '../pdf-helpers.ts';

const dir = tempDirs('gongkai-cards-');
const PT = 72 / 25.4;
const TODAY = '2026-11-28';
const SIGNED = 'reviewed_by: 王某某\napproved_by: 李某某';
const LONG = (what: string) => `${what}情况说明：全体党员积极参与，各项工作均按计划推进，群众满意度较高，下一步将继续加强督促检查，确保落到实处`;

let out: string;
let cache: string;
let project: Project;
let result: PrintResult;
const card = (unit: string): CardRow => result.manifest.cards.find((c) => c.unit === unit)!;
const pdf = (unit: string) => join(out, card(unit).pdf);
const pageText = async (unit: string, page: number) => flat(await pdfPageText(pdf(unit), page));

beforeAll(async () => {
  const content = copyMini(dir());
  // Cards here keep a 公示 that ends in three days (the card-life rule has its own test below).
  writeFileSync(join(content, 'site.yaml'), readFileSync(join(content, 'site.yaml'), 'utf8').replace('defaults:', 'defaults:\n  card_life_days: 1'));
  // 甲村: a running 公示, a work plan, and a party-scope entry whose summary must never be printed.
  put(
    content,
    'entries/v-demo-a/2026/recruit-notice.md',
    ENTRY(
      `title: 甲村党支部拟接收预备党员公示\nitem: recruitment-publicity\ndate: 2026-11-25\nnotice: { start: 2026-11-25, days: 5 }\n${SIGNED}\nsummary: 拟接收预备党员1名`,
      '拟接收张某某为预备党员。',
    ),
  );
  put(
    content,
    'entries/v-demo-a/2026/plan-h2.md',
    ENTRY(
      `title: 甲村党支部2026年下半年工作计划\nitem: work-plan-completion\ndate: 2026-07-10\nperiod: 2026-H2\n${SIGNED}\nsummary: 下半年重点抓好村道硬化工程`,
      '下半年计划。',
    ),
  );
  put(
    content,
    'entries/v-demo-a/2026/sanhui-2026-11.md',
    ENTRY('title: 甲村十一月三会一课安排\nitem: sanhui-yike\ndate: 2026-11-10\nperiod: 2026-11\nscope: party\nsummary: SENTINEL-CARD-PARTY', '党内安排。'),
  );
  // The town (no households) and the county unit (0 households) each have one line to print.
  for (const [unit, name] of [
    ['t-demo', '测试镇党委'],
    ['cu-demo', '教育局党组'],
  ] as const)
    put(
      content,
      `entries/${unit}/2026/plan-h2.md`,
      ENTRY(
        `title: ${name}2026年下半年工作计划\nitem: work-plan-completion\ndate: 2026-07-10\nperiod: 2026-H2\n${SIGNED}\nsummary: 下半年重点抓好基层组织建设`,
        '计划。',
      ),
    );
  // 乙村: five long summaries, more than a 90×54 card holds even at the floor size.
  const items = [
    ['dues-collection', '2026-H2', '党费收缴'],
    ['work-plan-completion', '2026-H2', '工作计划'],
    ['contact-service', '2026-Q4', '为民办事'],
    ['member-care', '2026', '关怀帮扶'],
    ['four-winds', '2026-H2', '纠正四风'],
  ] as const;
  items.forEach(([item, period, what], i) =>
    put(
      content,
      `entries/v-demo-b/2026/${item}.md`,
      ENTRY(`title: 乙村党支部${what}\nitem: ${item}\ndate: 2026-11-0${i + 1}\nperiod: ${period}\n${SIGNED}\nsummary: ${LONG(what)}`, '正文。'),
    ),
  );
  const loaded = load(content);
  expect(loaded.errorCount, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error'))).toBe(0);
  project = loaded.project!;
  out = dir();
  cache = dir();
  // Several threads: the cards go through the same worker pool as the posters.
  result = await runPrint({
    project,
    outDir: out,
    today: TODAY,
    cacheDir: cache,
    threads: 2,
    units: ['v-demo-a', 'v-demo-b', 't-demo', 'cu-demo'],
    log: () => {},
  });
}, 90_000);

describe('household cards on the mini county', () => {
  it('writes one front+back A4 sheet pair per unit, nothing else asked for', async () => {
    expect(result.manifest.cards.map((c) => c.unit)).toEqual(['cu-demo', 't-demo', 'v-demo-a', 'v-demo-b']);
    expect(result.manifest.boards).toEqual([]);
    const info = await pdfInfo(pdf('v-demo-a'));
    expect(info.pages).toHaveLength(2);
    const [page] = info.pages;
    // 90×54 cards go 6-up on A4 turned landscape, so every crop mark is 10 mm from the edge.
    expect(page!.size[0]).toBeCloseTo(841.89, 1);
    expect(page!.size[1]).toBeCloseTo(595.28, 1);
    // The imposed sheet is what the press prints: its trim and bleed boxes are the whole page.
    for (const box of [page!.MediaBox, page!.TrimBox!, page!.BleedBox!]) expect(box.map((v) => v.toFixed(2))).toEqual(['0.00', '0.00', '841.89', '595.28']);
    expect(info.title).toBe('甲村党支部明白卡');
    expect(info.subject).toMatch(/A4纸每张6张.*长边翻转.*印数：57张纸（320户/);
    // Print dialogs are told: duplex, flip on the long edge, actual size.
    expect(info.viewerPreferences).toMatchObject({ Duplex: 'DuplexFlipLongEdge', PrintScaling: 'None' });
  });

  it('writes beside each sheet the single card with its bleed, its TrimBox the card, for shops that impose themselves', async () => {
    const row = card('v-demo-a');
    expect(row.single).toBe('print/cards/v-demo-a-single.pdf');
    const info = await pdfInfo(join(out, row.single));
    expect(info.pages).toHaveLength(2);
    for (const page of info.pages) {
      const [x0, y0, x1, y1] = page.TrimBox!;
      expect(x1 - x0).toBeCloseTo((90 * 72) / 25.4, 1);
      expect(y1 - y0).toBeCloseTo((54 * 72) / 25.4, 1);
      const [b0, , b1] = page.BleedBox!;
      expect(b1 - b0 - (x1 - x0)).toBeCloseTo((6 * 72) / 25.4, 1);
    }
    expect(flat(await pdfPageText(join(out, row.single), 1))).toContain('甲村党支部');
    expect(flat(await pdfPageText(join(out, row.single), 2))).toContain('点题');
    expect(readFileSync(join(out, 'print/cards.csv'), 'utf8')).toContain('print/cards/v-demo-a-single.pdf');
    expect(await zipEntries(join(out, 'print/towns/t-demo.zip'))).toContain('cards/v-demo-a-single.pdf');
  });

  it('embeds subset TrueType fonts', async () => {
    const fonts = await pdfFonts(pdf('v-demo-a'));
    expect(fonts.length).toBeGreaterThanOrEqual(1);
    for (const f of fonts)
      expect(f).toMatchObject({
        name: expect.stringContaining('NotoSansSC'),
        type: 'Type0',
        cidType: 'CIDFontType2',
        encoding: 'Identity-H',
        embedded: true,
        subset: true,
        unicode: true,
      });
  });

  it('prints the current key disclosures on the front: running 公示 first, summaries only, never party-scope', async () => {
    const front = await pageText('v-demo-a', 1);
    // Eight cards: the subtitle under each name.
    expect(front.split('党务公开明白卡').length - 1).toBe(6);
    expect(front).toContain('公示拟接收预备党员1名（公示至12月1日）');
    expect(front.indexOf('拟接收预备党员1名')).toBeLessThan(front.indexOf('上半年收缴党费1,860.00元'));
    expect(front).toContain('党费上半年收缴党费1,860.00元');
    expect(front).toContain('工作计划下半年重点抓好村道硬化工程');
    // An entry without a summary is not on the card; a party-scope one never is.
    expect(front).not.toContain('村道硬化工程（酝酿阶段）');
    for (const unit of ['v-demo-a', 'v-demo-b']) expect(await pdfPageText(pdf(unit))).not.toContain('SENTINEL');
    for (const c of result.manifest.cards) expect(c.entries).not.toContain('v-demo-a/sanhui-2026-11');
    expect(card('v-demo-a').entries).toEqual(['v-demo-a/recruit-notice', 'v-demo-a/dues-2026-h1', 'v-demo-a/plan-h2']);
  });

  it('tells how to raise a 点题 on the back, with the unit’s contacts or its parent’s and the site’s', async () => {
    const a = await pageText('v-demo-a', 2);
    for (const s of [
      '想了解哪些党务，请点题',
      '点题渠道意见箱、电话、现场答复时限',
      '答复时限收到后3个工作日内答复',
      '办公电话0000-6100002',
      '办公地址测试镇甲村村委会',
      '办公时间周一至周五8:30-17:30',
      '监督电话0000-6123456',
      '发布单位：中共示范县委组织部',
      '扫码查看公开内容',
    ])
      expect(a).toContain(s);
    // site.yaml names no web form: the card does not offer the website as a channel, though the template lists it.
    expect(a).not.toContain('网站');
    // 乙村 has no phone, address or hours: its town's phone (so labelled) and the county's address.
    const b = await pageText('v-demo-b', 2);
    expect(b).toContain('办公电话0000-6100001（中共测试镇委员会）');
    expect(b).toContain('办公地址示范县人民路1号');
    expect(b).not.toContain('办公时间');
  });

  it('puts the print run and the printer’s instructions in the slug', async () => {
    const front = await pageText('v-demo-a', 1);
    expect(front).toContain('印数：57张纸（320户，每张纸6张卡，另加备用5%）');
    expect(front).toContain('双面打印，选“长边翻转”');
    expect(front).toContain('按实际大小（100%）打印');
    expect(await pageText('v-demo-a', 2)).toContain('第2页：反面');
    expect(await pageText('t-demo', 1)).toContain('未填写户数');
  });

  it('lists every card in the manifest and cards.csv with its imposition and print run, and zips it with its town', async () => {
    expect(card('v-demo-a')).toMatchObject({
      trim_mm: '90×54',
      bleed_mm: 3,
      sheet: 'A4',
      landscape: true,
      per_sheet: 6,
      households: 320,
      spare_percent: 5,
      sheets: 57,
      template: 'card',
      preview: 'print/cards/v-demo-a.png',
    });
    expect(card('cu-demo').sheets).toBe(0);
    expect(card('t-demo').sheets).toBeUndefined();
    expect(card('t-demo').warning).toContain('households');
    expect(result.warnings.some((w) => w.includes('t-demo') && w.includes('户数'))).toBe(true);
    const json = JSON.parse(readFileSync(join(out, 'print/manifest.json'), 'utf8')) as { cards: CardRow[] };
    expect(json.cards.find((c) => c.unit === 'v-demo-a')!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const csv = readFileSync(join(out, 'print/cards.csv'), 'utf8').split('\n');
    expect(csv[0]).toContain('印张数（双面）');
    expect(csv.find((l) => l.startsWith('v-demo-a,'))).toContain(',57,');
    expect(
      readFileSync(join(out, card('v-demo-a').preview))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const zip = await zipEntries(join(out, 'print/towns/t-demo.zip'));
    expect(zip.some((f) => f.endsWith('cards/v-demo-a.pdf'))).toBe(true);
    expect(zip.some((f) => f.endsWith('cards/t-demo.pdf'))).toBe(true);
    expect(zip.some((f) => f.endsWith('cu-demo.pdf'))).toBe(false);
    // The county's own units have a zip and an installation list of their own, delivered to the county office.
    const county = await zipEntries(join(out, 'print/towns/county.zip'));
    for (const f of ['cards/cu-demo.pdf', 'cards/cu-demo-single.pdf', '印刷施工单.txt', '安装清单.pdf', '明白卡清单.csv']) expect(county).toContain(f);
    expect(existsSync(join(out, 'print/towns/county/install-list.pdf'))).toBe(true);
    expect(csv[0]).toContain('印张数（双面）,纸张规格,送到,送货地址');
    expect(csv.find((l) => l.startsWith('cu-demo,'))).toContain(',0,,中共示范县委组织部,示范县人民路1号,');
  });

  it('reports what does not fit at the floor by unit and entry, and prints no part of it', async () => {
    const b = card('v-demo-b');
    expect(b.body_pt).toBe(8);
    expect(b.overflow!.entries.length).toBeGreaterThan(0);
    const report = overflowReport(result.manifest).find((l) => l.includes('v-demo-b'))!;
    expect(report).toContain('明白卡 v-demo-b（乙村党支部）');
    const text = await pdfPageText(pdf('v-demo-b'), 1);
    for (const id of b.overflow!.entries) {
      expect(report).toContain(id);
      expect(b.entries).not.toContain(id);
      const what = project.entries.find((e) => e.id === id)!.data.summary!.slice(0, 4);
      expect(flat(text)).not.toContain(what);
    }
    // What is printed is printed whole.
    for (const id of b.entries) expect(flat(text)).toContain(flat(project.entries.find((e) => e.id === id)!.data.summary!));
  });
});

describe('duplex alignment, read back from the PDF', () => {
  it('puts every card’s back behind its front after a flip on the long edge, within 0.5 mm', async () => {
    const file = pdf('v-demo-a');
    const height = 595.275591;
    const names = (await pdfWords(file, 1)).filter((w) => w.text === '甲村党支部');
    const titles = (await pdfWords(file, 2)).filter((w) => w.text === '想了解哪些党务，请点题');
    expect(names).toHaveLength(6);
    expect(titles).toHaveLength(6);
    // Three rows of fronts, two columns.
    expect(new Set(names.map((n) => Math.round(n.cy))).size).toBe(3);
    // Flipped about the long (horizontal) edge, the card in row r is behind the one in row 2 − r of
    // the same column, the right way up: a front at height y and its back at height y' add up
    // to the same sum for every card (the sheet's height less a card's, plus the two offsets).
    const byColumn = (ws: typeof names) =>
      Map.groupBy(
        [...ws].sort((a, b) => a.cy - b.cy),
        (w) => Math.round(w.cx),
      );
    const fronts = byColumn(names);
    const backs = byColumn(titles);
    const sums = [...fronts].flatMap(([cx, col]) => {
      const behind = backs.get(cx) ?? [...backs].find(([x]) => Math.abs(x - cx) < 0.5 * PT)?.[1];
      expect(behind, `no column of backs behind x=${cx}`).toHaveLength(col.length);
      return col.map((n, i) => n.cy + behind![col.length - 1 - i]!.cy);
    });
    expect(sums).toHaveLength(6);
    for (const x of sums) expect(Math.abs(x - sums[0]!)).toBeLessThan(0.5 * PT);
    expect(sums[0]!).toBeLessThan(height);
  });
});

describe('gongkai print --card', () => {
  it('renders only the cards asked for, says so in Chinese, and names an unknown unit as a usage error', () => {
    const o = dir();
    const r = cli(['print', '--content', MINI, '--out', o, '--card', 'v-demo-a']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('明白卡：1 个单位（新排');
    expect(r.stdout).toContain('共需印 57 张纸（双面）');
    expect(r.stdout).not.toContain('公开栏印刷文件');
    expect(existsSync(join(o, 'print/cards/v-demo-a.pdf'))).toBe(true);
    expect(readdirSync(join(o, 'print/boards'))).toEqual([]);
    expect(existsSync(join(o, 'print/manifest.json'))).toBe(false);
    // 乙村 has published nothing in the mini county: its card has nothing to print, so no file and no quantity.
    const empty = cli(['print', '--content', MINI, '--out', o, '--card', 'v-demo-b']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('明白卡：0 个单位');
    expect(empty.stdout).toContain('共需印 0 张纸（双面）；1 个单位的明白卡目前没有可印的内容，没有生成、不计印数');
    expect(empty.stderr).toContain(
      '注意：1 个单位的明白卡目前没有可印的内容，没有列入印刷清单（不生成印刷文件，不计印数，不进各镇压缩包）：v-demo-b（明白卡）',
    );
    expect(existsSync(join(o, 'print/cards/v-demo-b.pdf'))).toBe(false);
    const bad = cli(['print', '--content', MINI, '--out', o, '--card', 'v-nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('单位名录（units.yaml）中没有：v-nowhere');
  }, 60_000);
});

describe('a card’s content lasts as long as the card', () => {
  it('leaves off what leaves the board within the county’s days of printing (a 公示 ending in three days), and says why', () => {
    const county = { ...project, site: { ...project.site, defaults: { ...project.site.defaults, card_life_days: 30 } } };
    const [job] = cardJobs(county, TODAY, new Set(['v-demo-a']));
    expect(job!.lines.map((l) => l.id)).toEqual(['v-demo-a/dues-2026-h1', 'v-demo-a/plan-h2']);
    const off = cardOmissions(county, 'v-demo-a', TODAY).get('v-demo-a/recruit-notice');
    expect(off).toEqual({ why: 'short-lived', until: '2026-12-01', days: 30 });
    expect(offCardText(off!, new Set())).toBe(
      '2026年12月1日就不再公开在栏上，不到明白卡要求的 30 天（site.yaml 的 defaults.card_life_days）：明白卡要用几个月，只印长期有效的内容',
    );
    // With a shorter life set by the county, the running 公示 comes first again.
    expect(cardJobs(project, TODAY, new Set(['v-demo-a']))[0]!.lines[0]!.id).toBe('v-demo-a/recruit-notice');
  });
});

describe('release-note keys of card sheets', () => {
  it('key each card by its render cache key and list the lines on its front', () => {
    const keys = cardKeys(project, TODAY);
    const a = keys.find((k) => k.id === 'v-demo-a')!;
    expect(a).toMatchObject({ kind: 'card', unit: 'v-demo-a', file: card('v-demo-a').pdf, size: '90×54' });
    // The rendered card is in the cache under exactly this key.
    expect(existsSync(join(cache, `${a.key}.json`))).toBe(true);
    expect(a.entries.map((e) => e.id)).toEqual(card('v-demo-a').entries);
    expect(a.entries[0]!.title).toBe('甲村党支部拟接收预备党员公示');
    expect(a.parts.find((p) => p.name === '印数')!.value).toBe('57 张');
    // After the 公示 ends the sheet is a different one.
    expect(cardKeys(project, '2026-12-20').find((k) => k.id === 'v-demo-a')!.key).not.toBe(a.key);
  });
});

describe('determinism and the cache', () => {
  it('renders byte-identical cards from the same content, and takes unchanged cards from the cache', async () => {
    const first = readFileSync(pdf('v-demo-a'));
    const fresh = dir();
    const again = await runPrint({ project, outDir: fresh, today: TODAY, cacheDir: dir(), threads: 1, units: ['v-demo-a'], index: false, log: () => {} });
    expect(again.cardsRendered).toBe(1);
    expect(readFileSync(join(fresh, 'print/cards/v-demo-a.pdf')).equals(first)).toBe(true);
    const cached = await runPrint({ project, outDir: dir(), today: TODAY, cacheDir: cache, threads: 1, units: ['v-demo-a'], index: false, log: () => {} });
    expect([cached.cardsRendered, cached.cardsCached]).toEqual([0, 1]);
    expect(cached.manifest.cards[0]!.sha256).toBe(card('v-demo-a').sha256);
    // Another day after the 公示 has ended: a different card.
    const later = await runPrint({
      project,
      outDir: dir(),
      today: '2026-12-20',
      cacheDir: cache,
      threads: 1,
      units: ['v-demo-a'],
      index: false,
      log: () => {},
    });
    expect(later.cardsRendered).toBe(1);
    expect(later.manifest.cards[0]!.entries).not.toContain('v-demo-a/recruit-notice');
  }, 60_000);
});
