/** Git history parsing, Atom feeds, the sitemap and the print manifest reader. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomFeed, sitemap, xml } from '../../src/site/atom.ts';
import { parseGitLog, readContentHistory } from '../../src/git/git-history.ts';
import { printView } from '../../src/site/print-manifest.ts';
import { printPlanSchema } from '../../src/print/jobs/manifest.ts';
import { load, MINI } from '../helpers.ts';

describe('git history', () => {
  it('parses one git log for many files, newest first', () => {
    const out =
      '\x1eaaa\x1f2026-02-01T10:00:00+08:00\x1f修改\n\nentries/u/2026/a.md\nentries/u/2026/b.md\n\x1ebbb\x1f2026-01-01T10:00:00+08:00\x1f发布\n\nentries/u/2026/a.md\n';
    const h = parseGitLog(out, '/repo');
    expect(h.get('/repo/entries/u/2026/a.md')!.map((c) => c.commit)).toEqual(['aaa', 'bbb']);
    expect(h.get('/repo/entries/u/2026/b.md')).toHaveLength(1);
  });

  it('reads a real repository and yields nothing outside one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-git-'));
    expect(readContentHistory(dir)).toEqual({ state: 'no-git', files: new Map() });
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.cn', ...args], { encoding: 'utf8' });
    git('init', '-q');
    mkdirSync(join(dir, 'entries/u/2026'), { recursive: true });
    writeFileSync(join(dir, 'entries/u/2026/a.md'), '一');
    git('add', '.');
    git('commit', '-q', '-m', '发布');
    writeFileSync(join(dir, 'entries/u/2026/a.md'), '二');
    git('commit', '-q', '-am', '更正金额');
    const changes = readContentHistory(dir).files.get(join(dir, 'entries/u/2026/a.md'));
    expect(changes?.map((c) => c.subject)).toEqual(['更正金额', '发布']);
    expect(changes?.[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('atom and sitemap', () => {
  it('writes valid, escaped Atom with absolute links', () => {
    const { project } = load(MINI);
    const entries = project!.entries.filter((e) => e.data.scope === 'public').slice(0, 2);
    const feed = atomFeed({
      id: 'https://x.cn/feed.xml',
      title: 'A&B',
      selfUrl: 'https://x.cn/feed.xml',
      pageUrl: 'https://x.cn/',
      author: '组织部',
      entries,
      entryUrl: (e) => `https://x.cn/units/${e.unit}/${e.slug}/`,
      unitName: () => '甲村',
      updated: () => undefined,
    });
    expect(feed).toContain('<title>A&amp;B</title>');
    expect(feed.match(/<entry>/g)).toHaveLength(entries.length);
    expect(feed).toMatch(/<published>\d{4}-\d\d-\d\dT00:00:00\+08:00<\/published>/);
    expect(sitemap([{ loc: 'https://x.cn/?a=1&b=2' }])).toContain('<loc>https://x.cn/?a=1&amp;b=2</loc>');
    expect(xml(`<"'>`)).toBe('&lt;&quot;&apos;&gt;');
  });
});

describe('print files on the pages', () => {
  it('come from the typed print plan: paths as planned, card sheets with their orientation; none without a plan', () => {
    const job = { date: '2026-11-27', deadline: '2026-12-11', deadline_days: 10, delivery_by: 'town' };
    const quote = { lines: [{ kind: '公开栏', item: 'PP背胶相纸，覆哑膜', unit: '幅', all: 1 }], reprintList: false };
    const plan = printPlanSchema.parse({
      generated: '2026-11-27',
      job,
      quote,
      boards: [
        { id: 'b-1', pdf: 'print/boards/b-1.pdf', preview: 'print/previews/b-1.png' },
        { id: 'b-3', pdf: 'print/boards/b-3.pdf', preview: 'print/previews/b-3.png' },
      ],
      tiles: { 'b-3': 'print/tiles/b-3-A3.pdf' },
      cards: [
        {
          unit: 'v-a',
          unit_name: '甲村',
          template: 'card',
          pdf: 'print/cards/v-a.pdf',
          preview: 'print/cards/v-a.png',
          single: 'print/cards/v-a-single.pdf',
          trim_mm: '90×54',
          bleed_mm: 3,
          sheet: 'A3',
          landscape: true,
          per_sheet: 16,
          spare_percent: 5,
          delivery_to: '城关镇',
          delivery_address: '城关镇人民路1号',
        },
      ],
      towns: [{ town: 't-a', zip: 'print/towns/t-a.zip', install: 'print/towns/t-a/install-list.pdf' }],
      empty: {
        boards: [{ id: 'b-2', unit: 'v-b', unit_name: '乙村', location: '村部', trim_mm: '1200×900' }],
        cards: [{ unit: 'v-b', unit_name: '乙村', households: 210 }],
      },
    });
    const view = printView(plan)!;
    expect(view.boards.get('b-1')).toEqual({ id: 'b-1', pdf: 'print/boards/b-1.pdf', preview: 'print/previews/b-1.png' });
    // A tiled board links its tile file too; the job ticket and the quote sheet reach the page as planned.
    expect(view.boards.get('b-3')!.tiles).toBe('print/tiles/b-3-A3.pdf');
    expect(view.job).toEqual(job);
    expect(view.quote).toEqual(quote);
    expect(view.cards.get('v-a')).toEqual({
      unit: 'v-a',
      pdf: 'print/cards/v-a.pdf',
      preview: 'print/cards/v-a.png',
      single: 'print/cards/v-a-single.pdf',
      trim: '90×54',
      sheet: 'A3横放',
      perSheet: 16,
    });
    expect(view.towns).toEqual([{ town: 't-a', zip: 'print/towns/t-a.zip', install: 'print/towns/t-a/install-list.pdf' }]);
    // Nothing to show on them: no file to link, said so on the pages.
    expect(view.boards.has('b-2')).toBe(false);
    expect(view.emptyBoards.get('b-2')).toEqual({ id: 'b-2', unitName: '乙村' });
    expect(view.cards.has('v-b')).toBe(false);
    expect(view.emptyCards.get('v-b')).toEqual({ id: 'v-b', unitName: '乙村', households: 210 });
    expect(printView(undefined)).toBeUndefined();
    // The plan is what the print stage writes into the manifest: a path outside print/ is refused.
    expect(printPlanSchema.safeParse({ ...plan, boards: [{ id: 'b-2', pdf: '/etc/passwd', preview: 'x.png' }] }).success).toBe(false);
  });
});
