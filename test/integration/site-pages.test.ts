/**
 * The built site's pages as HTML: entry details and stages, the unit page's archive and
 * print links (from the build's print plan), catalog and year pages, and the search bundle
 * list. One build of a copy of the mini fixture, then rebuilds for the incremental cache.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../src/io/walk.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyMini, ENTRY, put, ROOT } from '../helpers.ts';

let content: string;
let out: string;
// Verbose on every build: Astro logs each page as rendered or (cached), and a change of log
// level alone changes Astro's dependency hash (a full rebuild), so keep it constant.
const build = (...args: string[]) =>
  cli(['build', '--content', content, '--out', out, ...args], ROOT, undefined, { GONGKAI_CACHE_DIR: `${content}-cache`, GONGKAI_VERBOSE: '1' });
const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

beforeAll(() => {
  content = copyMini();
  // Inside the project: Astro keeps its temporary chunks in ./.astro/ for output folders
  // outside it, shared by builds running at the same time (other test files).
  mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
  out = join(mkdtempSync(join(ROOT, '.cache/test-builds/pages-')), 'dist');
  put(
    content,
    'entries/v-demo-a/2026/road-decision.md',
    ENTRY(
      `title: 甲村村道硬化工程（决策阶段）
item: major-decisions
date: 2026-04-10
stage: decision
matter: demo-road-2026
reviewed_by: 王某某
approved_by: 李某某
changes:
  - { date: 2026-04-20, note: 补充了开工日期 }`,
      '经村党支部会议讨论决定实施。',
    ),
  );
  // The county unit publishes: its board and card are printed, in the county units' own zip.
  put(
    content,
    'entries/cu-demo/2026/org-setup.md',
    ENTRY(
      `title: 教育局党组组织设置和领导班子分工
item: org-setup-division
date: 2026-03-01
reviewed_by: 孙某某
approved_by: 周某某
summary: 党组成员5名`,
      '党组成员5名。',
    ),
  );
  // The county's job ticket: delivered to each village, with the county units' own address.
  appendFileSync(
    join(content, 'site.yaml'),
    `print_job:
  deadline_days: 10
  contact: { name: 县委组织部组织科, phone: 0000-6123400 }
  delivery: { by: village, county: 测试县委组织部收发室 }
  cards: { stock: 铜版纸, weight_gsm: 300, finish: 双面覆哑膜 }
  boards: { substrate: 玻璃门内 5 毫米 KT 板, fixing: 双面胶四角固定 }
  install: { by: 印刷厂, remove_old: true }
`,
  );
  const r = build();
  if (r.code !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
}, 120_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(join(out, '..'), { recursive: true, force: true });
  rmSync(`${content}-cache`, { recursive: true, force: true });
});

describe('site pages', () => {
  it('shows an entry with unit, aspect, item, dates, reviewer, approver and the other stages of its matter', () => {
    const page = html('units/v-demo-a/road-decision');
    expect(page).toContain('<html lang="zh-CN"');
    for (const text of [
      '甲村党支部',
      '党内重大事项决策',
      '2026年4月10日',
      '决策',
      '王某某',
      '李某某',
      '本事项各阶段公开',
      '修改记录',
      '<time datetime="2026-04-20">2026年4月20日</time>：补充了开工日期',
    ])
      expect(page).toContain(text);
    // Without public change notes an entry shows none (and never the repository's commits).
    expect(html('units/v-demo-a/road-deliberation')).not.toContain('修改记录');
    expect(page).toContain('href="/units/v-demo-a/road-deliberation/"');
    expect(page).toContain('data-pagefind-filter="year:2026"');
    expect(page).toContain('data-pagefind-meta="date:2026-04-10"');
  });

  it('shows a unit with its archive by year, contact, supervision phone and print links', () => {
    const page = html('units/v-demo-a');
    for (const text of [
      '历年公开内容（3条）',
      '0000-6100002',
      '监督电话',
      '0000-6123456',
      '/print/boards/b-v-demo-a.pdf',
      '/print/previews/b-v-demo-a.png',
      '/print/cards/v-demo-a.pdf',
    ])
      expect(page).toContain(text);
    expect(page).not.toContain('SENTINEL');
  });

  it('lists every board and card sheet for printers, with sizes, files and the manifests', () => {
    const page = html('print');
    for (const text of [
      '2400×1200',
      '/print/boards/b-v-demo-a.pdf',
      '/print/previews/b-v-demo-a.png',
      '/print/cards/v-demo-a.pdf',
      'print/manifest.csv',
      'print/cards.csv',
      '重新印刷清单',
    ])
      expect(page).toContain(text);
    // The pages link the print plan, so nothing is “not yet generated” although the files render alongside.
    expect(page).not.toContain('尚未生成');
    // Each town's zip and installation list, and each card's single-card file; every print link leads to a file.
    for (const text of ['按镇（街道）下载', '/print/towns/t-demo.zip', '/print/towns/t-demo/install-list.pdf', '/print/cards/v-demo-a-single.pdf'])
      expect(page).toContain(text);
    const links = [...page.matchAll(/href="\/(print\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) expect(existsSync(join(out, l)), l).toBe(true);
    // …and every print file is linked from the page: the county units' zip and list, the manifest, the quote sheet.
    const files = walkFiles(join(out, 'print')).map((f) => `print/${f}`);
    expect(files.filter((f) => f !== 'print/index.html' && !links.includes(f))).toEqual([]);
    for (const f of ['print/towns/county.zip', 'print/towns/county/install-list.pdf', 'print/manifest.json', 'print/quote.csv']) expect(links).toContain(f);
    expect(page).toContain('县直单位：<a');
    // The job ticket, from site.yaml print_job: the deadline as a day, the contact, the paper, the installation.
    for (const text of [
      '印刷施工单',
      '完成期限：2026',
      '县委组织部组织科，电话 0000-6123400',
      '按村（社区）送货',
      '铜版纸 300 克，双面覆哑膜',
      '由印刷厂安装，先撕下',
    ])
      expect(page).toContain(text);
    // The quote sheet on the page and in quote.csv: boards by material, card sheets by paper, counts by address.
    const quote = readFileSync(join(out, 'print/quote.csv'), 'utf8');
    for (const text of ['面积（成品）', '明白卡纸张', '铜版纸 300 克', '甲村党支部（测试镇甲村村委会）', '测试县委组织部收发室']) {
      expect(quote).toContain(text);
      expect(page).toContain(text);
    }
  });

  it('builds catalog, year, editorial, kiosk and search pages, feeds and the bundle list', () => {
    expect(html('catalog')).toContain('公开目录');
    expect(html('catalog/decision/major-decisions')).toContain('甲村村道硬化工程（决策阶段）');
    expect(html('years/2026')).toContain('2026年公开内容');
    expect(html('about')).toContain('<h1>');
    expect(html('kiosk')).toContain('data-kiosk-idle="120"');
    expect(existsSync(join(out, 'units/v-demo-a/feed.xml'))).toBe(true);
    const bundles = JSON.parse(readFileSync(join(out, 'pagefind/bundles.json'), 'utf8'));
    expect(bundles.bundles).toEqual([{ name: 'y2026', label: '2026年', pages: 5 }]);
  });

  it('names on the search page every index file its first query fetches, and they exist', () => {
    const page = html('search');
    expect(page).toContain('data-search-bundles="y2026"');
    const tag = /data-search-tag="([0-9a-f]{12})"/.exec(page)?.[1];
    expect(tag).toBeDefined();
    const preloads = [...page.matchAll(/<link rel="(?:module)?preload" href="\/([^"?]+)(\?ts=[^"]*)?"/g)].map((m) => [m[1]!, m[2]] as const);
    expect(preloads.map(([f]) => f)).toEqual(
      expect.arrayContaining(['pagefind/y2026/pagefind.js', 'pagefind/y2026/wasm.unknown.pagefind', 'pagefind/y2026/pagefind-entry.json']),
    );
    expect(preloads.some(([f]) => /^pagefind\/y2026\/pagefind\.zh-cn_[0-9a-f]+\.pf_meta$/.test(f))).toBe(true);
    expect(preloads.find(([f]) => f.endsWith('pagefind-entry.json'))![1]).toBe(`?ts=${tag}`);
    for (const [f] of preloads) expect(existsSync(join(out, f)), f).toBe(true);
    // Each bundle's chunk table, read from its metadata, so the page asks for the first query's chunks at once (search-chunks.ts).
    const attribute = /data-search-chunks='([^']*)'/.exec(page)?.[1] ?? '{}';
    const chunks = JSON.parse(attribute.replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&amp;/g, '&')) as Record<string, [string, string, string][]>;
    expect(Object.keys(chunks)).toEqual(['y2026']);
    expect(chunks.y2026!.length).toBeGreaterThan(0);
    for (const [from, to, hash] of chunks.y2026!) {
      expect(from <= to, `${from}–${to}`).toBe(true);
      expect(existsSync(join(out, `pagefind/y2026/index/${hash}.pf_index`)), hash).toBe(true);
    }
    // The date order without a sort in the index: each page's date by its result id (its fragment's name).
    const dates = JSON.parse(readFileSync(join(out, 'pagefind/y2026/dates.json'), 'utf8')) as { prefix: string; dates: Record<string, string[]> };
    expect(dates.prefix).toBe('zh-cn_');
    const ids = Object.values(dates.dates).flat();
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(existsSync(join(out, `pagefind/y2026/fragment/zh-cn_${id}.pf_fragment`)), id).toBe(true);
    expect(Object.keys(dates.dates)).toContain('2026-04-10');
    // The unit names the page matches queries against, with each unit's page and town.
    const units = JSON.parse(readFileSync(join(out, 'search/units.json'), 'utf8')) as { county: string; towns: string[]; units: [string, string, number][] };
    expect(units.towns).toEqual(['中共测试镇委员会']);
    expect(units.units).toContainEqual(['甲村党支部', 'v-demo-a', 0]);
    expect(units.units).toContainEqual(['测试县教育局党组', 'cu-demo', -1]);
  });

  it('gives entries the words people use for their item, and shows them on the item’s page', () => {
    const entry = html('units/v-demo-a/dues-2026-h1');
    expect(entry).toMatch(/data-pagefind-meta="words:党费收缴情况 [^"]*财务[^"]*"/);
    expect(html('catalog/dues/dues-collection')).toMatch(/也叫：[^<]*财务、收支/);
  });
});

describe('incremental build', () => {
  const rendered = (stdout: string, path: string) => {
    const line = stdout.split('\n').find((l) => l.includes(`/${path}/index.html`));
    return line === undefined ? 'missing' : /\((cached|restored)\)/.test(line) ? 'cached' : 'rendered';
  };

  it('renders again only the entries whose inputs changed, and every page when a shared input changes', () => {
    put(
      content,
      'entries/v-demo-a/2026/road-decision.md',
      ENTRY(
        `title: 甲村村道硬化工程（决策阶段）
item: major-decisions
date: 2026-04-10
stage: decision
matter: demo-road-2026
reviewed_by: 王某某
approved_by: 李某某`,
        '经村党支部会议讨论，决定于五月开工。',
      ),
    );
    const second = build();
    expect(second.code).toBe(0);
    expect(rendered(second.stdout, 'units/v-demo-a/road-decision')).toBe('rendered');
    expect(rendered(second.stdout, 'units/v-demo-a/dues-2026-h1')).toBe('cached');
    // Unit pages too: the changed entry's unit again, the others from the cache.
    expect(rendered(second.stdout, 'units/v-demo-a')).toBe('rendered');
    expect(rendered(second.stdout, 'units/v-demo-b')).toBe('cached');
    expect(rendered(second.stdout, 'units/t-demo')).toBe('cached');
    // Lists show an entry's title, unit and date, not its text: an edited text leaves them cached.
    for (const list of ['catalog/decision/major-decisions', 'catalog/decision', 'years/2026', 'catalog/dues/dues-collection'])
      expect(rendered(second.stdout, list), list).toBe('cached');
    expect(html('units/v-demo-a/road-decision')).toContain('决定于五月开工');
    expect(html('units/v-demo-a/dues-2026-h1')).toContain('甲村党支部2026年上半年党费收缴情况');
    // A stage's title is shown on its sibling stages: the sibling must not go stale.
    put(
      content,
      'entries/v-demo-a/2026/road-decision.md',
      readFileSync(join(content, 'entries/v-demo-a/2026/road-decision.md'), 'utf8').replace('（决策阶段）', '（决策）'),
    );
    const third = build();
    expect(rendered(third.stdout, 'units/v-demo-a/road-deliberation')).toBe('rendered');
    // A new title: the lists that show it again (its item, aspect and year), the other lists from the cache.
    for (const list of ['catalog/decision/major-decisions', 'catalog/decision', 'years/2026']) expect(rendered(third.stdout, list), list).toBe('rendered');
    for (const list of ['catalog/dues/dues-collection', 'catalog/dues']) expect(rendered(third.stdout, list), list).toBe('cached');
    expect(html('catalog/decision/major-decisions')).toContain('甲村村道硬化工程（决策）');
    expect(html('years/2026')).toContain('甲村村道硬化工程（决策）');
    expect(html('units/v-demo-a/road-deliberation')).toContain('甲村村道硬化工程（决策）');
    expect(rendered(third.stdout, 'units/v-demo-a')).toBe('rendered');
    expect(html('units/v-demo-a')).toContain('甲村村道硬化工程（决策）');
    // The layout prints the site's title on every page.
    // A county that runs a web form for 点题 names it in site.yaml: then, and only then, the site offers it, with its QR code.
    expect(html('units/v-demo-a')).not.toContain('网上点题');
    put(
      content,
      'site.yaml',
      readFileSync(join(content, 'site.yaml'), 'utf8').replace('title: 示范县党务公开网', 'title: 示范县党务公开网站') +
        'requests:\n  form_url: https://dwgk.shifan.example.cn/dianti/form/\n',
    );
    const fourth = build();
    expect(rendered(fourth.stdout, 'units/v-demo-a/dues-2026-h1')).toBe('rendered');
    expect(html('units/v-demo-a/dues-2026-h1')).toContain('示范县党务公开网站');
    expect(rendered(fourth.stdout, 'units/v-demo-b')).toBe('rendered');
    const ask = html('units/v-demo-a');
    expect(ask).toContain('<dt>网上点题</dt>');
    expect(ask).toContain('href="https://dwgk.shifan.example.cn/dianti/form/"');
    expect(ask).toMatch(/<span class="qr" role="img" aria-label="点题表的二维码，用手机扫一扫"><svg/);
    // The build seeds its output with the pages Astro cached; one that became party-internal
    // (or was withdrawn) must leave with its folder, though its cached copy was seeded.
    put(
      content,
      'entries/v-demo-a/2026/road-decision.md',
      readFileSync(join(content, 'entries/v-demo-a/2026/road-decision.md'), 'utf8').replace('item: major-decisions', 'item: major-decisions\nscope: party'),
    );
    const fifth = build();
    expect(fifth.code).toBe(0);
    expect(rendered(fifth.stdout, 'units/v-demo-a/dues-2026-h1')).toBe('cached');
    expect(existsSync(join(out, 'units/v-demo-a/road-decision'))).toBe(false);
    expect(html('units/v-demo-a')).not.toContain('road-decision');
    // A withdrawn entry has nothing the leak scan would catch: only the seeding's cleanup removes it.
    rmSync(join(content, 'entries/v-demo-a/2026/dues-2026-h1.md'));
    const sixth = build();
    expect(sixth.code).toBe(0);
    expect(existsSync(join(out, 'units/v-demo-a/dues-2026-h1'))).toBe(false);
    // Another day on a live site: the build's context (today, the print plan) reaches the pages
    // as data, like content, not as code: it must not make Astro render every page again. (A
    // frozen site's pages each say at which day its dates stand still: a new date renders them all.)
    const live = (day: string) =>
      cli(['build', '--content', content, '--out', out], ROOT, undefined, {
        GONGKAI_CACHE_DIR: `${content}-cache`,
        GONGKAI_VERBOSE: '1',
        GONGKAI_TODAY: '',
        GONGKAI_CLOCK: day,
      });
    expect(live('2026-11-28').code).toBe(0);
    const nextDay = live('2026-11-30');
    expect(nextDay.code).toBe(0);
    expect(rendered(nextDay.stdout, 'units/v-demo-a/road-deliberation')).toBe('cached');
    // A unit page shows what is on its board today and its supervision figures: a new day renders it again.
    expect(rendered(nextDay.stdout, 'units/v-demo-b')).toBe('rendered');
  }, 180_000);
});
