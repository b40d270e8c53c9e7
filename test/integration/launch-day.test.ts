/**
 * A county's launch day and forty days on: init (which writes the launch day) → import of the
 * county's sheets → go-live check (which explains the launch day) → two clerks publish a little →
 * build on launch day and on day 40. On day one supervision shows nothing failing and says why;
 * on day 40 it shows the long-term items still missing. Boards and cards with nothing to show
 * are never offered as print jobs: marked on /print/, left out of the manifest, the quantities,
 * the town zips and the installation list, and named in the build's notes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/print/jobs/manifest.ts';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild, type BuildResult } from '../../src/pipeline/run-build.ts';
import { BOARD_HEADER, BOARD_ROWS, UNIT_HEADER, UNIT_ROWS, writeGbkCsv, writeXlsx } from '../fixtures/county-sheets.ts';
import { pdfPageText, zipEntries } from '../pdf-helpers.ts';
import { cli, ENTRY, flat, put, ROOT, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-launch-');
const LAUNCH = '2026-12-01';
const DAY_40 = '2027-01-10';
const INIT = ['--county', '清河县', '--url', 'https://dwgk.qinghe.gov.cn', '--phone', '0312-8123456', '--forge', 'gitlab', '--office', 'qinghe-dwgk'];
const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';

let dir = '';
let content = '';
const run = (today: string, ...args: string[]) => cli([...args, '--content', content], ROOT, undefined, { GONGKAI_TODAY: today });
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '');

mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
const builds = mkdtempSync(join(ROOT, '.cache/test-builds/launch-'));
afterAll(() => rmSync(builds, { recursive: true, force: true }));

async function build(today: string): Promise<{ out: string; r: BuildResult; lines: string[]; cache: string }> {
  const out = join(builds, today, 'dist');
  const cache = temp();
  const log = collectingLog();
  const r = await runBuild({ content, templates: join(dir, 'templates'), out, cacheRoot: cache, astroCacheRoot: cache, today }, log);
  return { out, r, lines: log.lines, cache };
}

beforeAll(async () => {
  dir = temp();
  content = join(dir, 'content');
  // Run on the launch day itself: init writes that day as the launch day.
  const init = cli(['init', '--dir', dir, ...INIT], ROOT, undefined, { GONGKAI_TODAY: LAUNCH });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain(`开通日期 launch: ${LAUNCH}：督查考评从这一天算起`);
  await writeXlsx(join(dir, 'units.xlsx'), UNIT_HEADER, UNIT_ROWS);
  writeGbkCsv(join(dir, 'boards.csv'), BOARD_HEADER, BOARD_ROWS);
  expect(run(LAUNCH, 'import', 'units', join(dir, 'units.xlsx')).code).toBe(0);
  expect(run(LAUNCH, 'import', 'boards', join(dir, 'boards.csv')).code).toBe(0);
}, 60_000);

describe('the launch day in site.yaml and the go-live check', () => {
  it('init writes the day it runs, with a comment saying what it does', () => {
    const site = readFileSync(join(content, 'site.yaml'), 'utf8');
    expect(site).toMatch(/# 开通日期：督查考评从这一天算起。此前开始的期间[\s\S]*\nlaunch: 2026-12-01\n/);
  });

  it('explains the launch day when it passes, and warns of one still ahead', () => {
    const ok = run(LAUNCH, 'check', '--go-live');
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('✓ 上线检查通过');
    expect(ok.stdout).toContain('开通日期 2026年12月1日（site.yaml 的 launch）：督查考评从这一天算起，此前开始的期间不计');
    expect(ok.stdout).toContain('最早的在2026年12月15日');
    expect(ok.stdout).not.toMatch(/\[launch-/);
    const early = run('2026-11-20', 'check', '--go-live');
    expect(early.stdout).toMatch(/site\.yaml:\d+:\d+: 警告\[launch-in-future\] 开通日期 launch: 2026-12-01 还没到（今天是 2026-11-20）/);
    expect(early.code).toBe(0);
  }, 30_000);
});

describe('launch day and forty days on', () => {
  let day1: Awaited<ReturnType<typeof build>>;
  let day40: Awaited<ReturnType<typeof build>>;
  const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'print/manifest.json'), 'utf8')) as Manifest;
  const page = (out: string, rel: string) => text(readFileSync(join(out, rel), 'utf8'));

  beforeAll(async () => {
    const site = join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('production: false', 'production: true'));
    // Two clerks publish on launch day: 东门社区 both long-term items, 城关镇 one of them.
    for (const [unit, item, name] of [
      ['v-chengguan-dongmen', 'org-setup-division', '东门社区党委组织设置和领导班子分工'],
      ['v-chengguan-dongmen', 'rules-procedures', '东门社区党委议事规则和决策程序'],
      ['t-chengguan', 'org-setup-division', '城关镇党委组织设置和领导班子分工'],
    ] as const)
      put(
        content,
        `entries/${unit}/2026/${item}.md`,
        ENTRY(`title: ${name}\nitem: ${item}\ndate: ${LAUNCH}\n${SIGNED}\nsummary: ${name.slice(-6)}已公开`, '正文。'),
      );
    // The coming year's holidays, entered in December as the go-live check asks.
    put(content, 'calendar/2027.yaml', 'year: 2027\nsource: 国务院办公厅关于2027年部分节假日安排的通知\nholidays:\n  - { from: 2027-01-01, to: 2027-01-03 }\n');
    day1 = await build(LAUNCH);
    day40 = await build(DAY_40);
  }, 240_000);

  it('day one: supervision shows nothing failing and says why', () => {
    const sup = page(day1.out, 'supervision/index.html');
    expect(sup).toContain(flat('本站2026年12月1日开通，此前开始的期间不计；开通后第一次公开期限还没到的事项记为“未到期”'));
    expect(sup).toContain(flat('应按时限公开的事项（长期公开和定期公开）3 项，已按时公开 3 项（100%），逾期未更新 0 项，从未公开 0 项'));
    expect(sup).not.toMatch(/\D0%/); // nothing due is a dash, not a rate of nothing
    const unit = page(day1.out, 'units/v-chengguan-xiguan/index.html');
    expect(unit).toContain(flat('督查考评：本站2026年12月1日开通，应按时公开的15项都还没到开通后第一次公开期限（最早2026年12月15日），暂无逾期'));
    expect(unit).not.toContain('逾期或未公开');
    const report = JSON.parse(run(LAUNCH, 'report', '--format', 'json').stdout);
    expect(report.summary).toMatchObject({ required: 3, covered: 3, overdue: 0, missing: 0, notDue: 21 * 15 - 3 });
    expect(report.launchNote).toContain('本站2026年12月1日开通');
  }, 30_000);

  it('day one: only boards and cards with something on them are print jobs', async () => {
    const { out, r, lines, cache } = day1;
    expect([r.boards, r.cards]).toEqual([2, 2]);
    expect(r.empty).toEqual({ boards: 13, cards: 19 });
    const m = manifest(out);
    expect(m.boards.map((b) => b.id)).toEqual(['b-t-chengguan', 'b-v-chengguan-dongmen']);
    expect(m.empty.boards.map((b) => b.id)).toContain('b-v-chengguan-xiguan');
    // Quantities only for the printed cards, 6 cards a sheet: 城关镇 4,300 households (717 + 5 %), 东门社区 320 (54 + 5 %).
    expect(m.cards.map((c) => [c.unit, c.sheets])).toEqual([
      ['t-chengguan', 753],
      ['v-chengguan-dongmen', 57],
    ]);
    expect(lines).toContain(
      '✓ 明白卡：2 个单位（新排 2，沿用缓存 0；与上次相比有变化 2 个），共需印 810 张纸（双面）；19 个单位的明白卡目前没有可印的内容，没有生成、不计印数。',
    );
    expect(existsSync(join(out, 'print/boards/b-v-chengguan-xiguan.pdf'))).toBe(false);
    expect(existsSync(join(out, 'print/cards/v-chengguan-xiguan.pdf'))).toBe(false);
    expect(readFileSync(join(out, 'print/manifest.csv'), 'utf8')).not.toContain('b-v-chengguan-xiguan');
    expect(readFileSync(join(out, 'print/cards.csv'), 'utf8')).not.toContain('v-chengguan-xiguan');
    // The build names them: one line on screen, all of them in the notes file.
    const note = lines.find((l) => l.startsWith('注意：13 块公开栏、19 个单位的明白卡目前没有可印的内容，没有列入印刷清单'));
    expect(note).toContain('b-cu-zuzhibu');
    expect(readFileSync(join(cache, 'reports/layout-notes.txt'), 'utf8')).toContain('公开栏 b-v-chengguan-xiguan（西关社区，社区广场北侧）');
    // /print/ marks them and links no file for them; a town with nothing to print gets no zip.
    const print = readFileSync(join(out, 'print/index.html'), 'utf8');
    expect(print).toContain('/print/boards/b-v-chengguan-dongmen.pdf');
    expect(print).not.toContain('b-v-chengguan-xiguan.pdf');
    expect(text(print)).toContain(flat('另有 13 块公开栏、19 个单位的明白卡目前没有可印的内容'));
    expect(text(print)).toContain(flat('社区广场北侧2400×1200暂无内容，不印'));
    expect(print).not.toContain('towns/t-liuhe.zip');
    expect(existsSync(join(out, 'print/towns/t-liuhe.zip'))).toBe(false);
    const zip = (await zipEntries(join(out, 'print/towns/t-chengguan.zip'))).map((f) => f.split('/').pop());
    expect(zip).toEqual(expect.arrayContaining(['b-t-chengguan.pdf', 'b-v-chengguan-dongmen.pdf', 'v-chengguan-dongmen.pdf']));
    expect(zip.filter((f) => f!.includes('xiguan') || f!.includes('nanjie'))).toEqual([]);
    const install = flat(await pdfPageText(join(out, 'print/towns/t-chengguan/install-list.pdf')));
    expect(install).toContain('共2块');
    expect(install).toContain(flat('另有 2 块公开栏目前没有可印的内容，本次没有印刷文件，不用安装'));
    expect(text(readFileSync(join(out, 'units/v-chengguan-xiguan/index.html'), 'utf8'))).toContain(flat('公开栏上目前没有可印的内容，这次没有印刷文件'));
  }, 30_000);

  it('day 40: the long-term items never published are missing; the periodic ones are not yet due', () => {
    const sup = page(day40.out, 'supervision/index.html');
    // 21 units × 2 long-term items due 15 December, less the three published.
    expect(sup).toContain(flat('应按时限公开的事项（长期公开和定期公开）42 项，已按时公开 3 项（7%），逾期未更新 0 项，从未公开 39 项'));
    const unit = page(day40.out, 'units/v-chengguan-xiguan/index.html');
    expect(unit).toContain(flat('督查考评：应按时公开2项，已按时公开0项（0%），逾期或未公开2项；本站2026年12月1日开通，另有13项还没到开通后第一次公开期限'));
    expect(page(day40.out, 'units/v-chengguan-dongmen/index.html')).toContain(flat('已按时公开2项（100%）；本站'));
    const md = run(DAY_40, 'report', '--detail', '21').stdout;
    expect(md).toMatch(/西关社区（v-chengguan-xiguan） \| 村（社区） \| 2 \| 0 \| 0% \| 0 \| 0 \| 2 \| 13 \|/);
    expect(md).toContain('党务工作计划和工作完成情况：未到期（开通后第一次公开期限还没到）（开通后第一次应于 2027-01-15 前公开2027年上半年的内容）');
  }, 30_000);
});
