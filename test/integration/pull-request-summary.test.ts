/**
 * The pull-request summary tells the truth, as CI runs it: on a repository with real commits
 * (the mini fixture, its CODEOWNERS under .github/, a remote `origin`), for a no-op, a public
 * body edit, a party-internal edit, an entry dated later and an entry that pushes another off a
 * full card, what the summary says must be reprinted is exactly the set of print files that come
 * out different when base and head are each printed by the real CLI on that day (sha256 of
 * print/boards/*.pdf and print/cards/*.pdf, each build with its own empty cache) — today, and on
 * the later day an entry dated later reaches the board. Its pictures are pages of the head's
 * own files for that day.
 *
 * SUMMARY_TABLE=1 prints the table of cases for the record.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageSizes, renderPdfPage } from '../../src/pipeline/pdf-raster.ts';
import { previewDpi } from '../../src/pipeline/review-pictures.ts';
import { cli, copyMini, ENTRY, put } from '../helpers.ts';

const TODAY = '2026-11-28';
const LATER = '2026-12-10';
const made: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });

const SIGNED = 'reviewed_by: 王某某\napproved_by: 李某某';
/** A card entry of v-demo-a: item, period, date, the line the card prints. */
const cardEntry = (slug: string, fm: string, summary: string, body = '详见正文。') =>
  put(repo, `content/entries/v-demo-a/2026/${slug}.md`, ENTRY(`title: 甲村党支部${summary}\n${fm}\n${SIGNED}\nsummary: ${summary}`, body));

/** The base: the mini county, with four more card lines so 甲村's card is full (5 of 5, templates/card.yaml). */
function baseContent(): void {
  copyMini(join(repo, 'content'));
  appendFileSync(join(repo, 'content/site.yaml'), "codeowners:\n  forge: github\n  office: ['@county-office']\n");
  cardEntry('work-plan-2026-h2', 'item: work-plan-completion\nperiod: 2026-H2\ndate: 2026-07-10', '下半年工作计划6项');
  cardEntry('contact-2026-q4', 'item: contact-service\nperiod: 2026-Q4\ndate: 2026-10-12', '第四季度为民办实事3件');
  cardEntry('care-2026', 'item: member-care\nperiod: 2026\ndate: 2026-03-01', '走访慰问困难党员5名');
  cardEntry('four-winds-2026-h2', 'item: four-winds\nperiod: 2026-H2\ndate: 2026-07-20', '下半年未发现四风问题');
}

const MEETING = 'meeting: { name: 支委会, date: 2026-11-18, expected: 5, present: 5, vote: 5票同意 }';
const CASES: { name: string; change?: () => void; days: string[] }[] = [
  { name: 'no-op (base = head)', days: [TODAY] },
  {
    name: 'public body edit',
    change: () => appendFileSync(join(repo, 'content/entries/v-demo-a/2026/dues-2026-h1.md'), '\n补充说明：表中金额已核对。\n'),
    days: [TODAY],
  },
  {
    name: 'party-internal edit',
    change: () => appendFileSync(join(repo, 'content/entries/v-demo-a/2026/sanhui-2026-10.md'), '\n增加一项内部议程。\n'),
    days: [TODAY],
  },
  {
    name: 'future-dated entry',
    change: () => cardEntry('road-funds-decision', `item: sanzhong-yida\ndate: ${LATER}\n${MEETING}`, '村道硬化资金使用已集体决定'),
    days: [TODAY, LATER],
  },
  {
    name: 'card-displacing entry',
    change: () =>
      cardEntry(
        'recruit-2026',
        'item: recruitment-publicity\ndate: 2026-11-25\nnotice: { start: 2026-11-26, days: 5 }',
        '拟接收预备党员1名公示',
        '拟接收张某某为预备党员。',
      ),
    days: [TODAY],
  },
];

interface DiffJson {
  files: { path: string; placement: string }[];
  reprints: { kind: string; id: string; reasons: string[] }[];
  boards: string[];
  cards: string[];
  later: { date: string; boards: string[]; cards: string[]; reprints: { kind: string; id: string; reasons: string[] }[] }[];
}
const products = (x: { boards: string[]; cards: string[] }) => [...x.boards.map((b) => `board:${b}`), ...x.cards.map((c) => `card:${c}`)].sort();

/** Print files of the commit checked out, printed on `day` by the real CLI with an empty cache: product → sha256 of its files. */
function build(day: string): Map<string, string> {
  const out = temp('gongkai-prs-print-');
  const r = cli(['print', '--content', 'content', '--out', out, '--today', day], repo, undefined, { GONGKAI_CACHE_DIR: temp('gongkai-prs-cache-') });
  expect(r.code, r.stderr).toBe(0);
  const files = new Map<string, string>();
  for (const kind of ['boards', 'cards'] as const) {
    for (const f of readdirSync(join(out, 'print', kind))
      .filter((n) => n.endsWith('.pdf'))
      .sort()) {
      // A unit's card is its sheet and its one-card file: either changing is the card changing.
      const product = kind === 'boards' ? `board:${f.slice(0, -4)}` : `card:${f.slice(0, -4).replace(/-single$/, '')}`;
      const sha = createHash('sha256')
        .update(readFileSync(join(out, 'print', kind, f)))
        .digest('hex');
      files.set(product, (files.get(product) ?? '') + sha);
    }
  }
  files.set('@dir', out);
  return files;
}

const differing = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== '@dir' && a.get(p) !== b.get(p)).sort();

/** The products the Markdown summary lists under a heading (up to the next heading of that level or higher). */
function listed(md: string, heading: string): string[] {
  const start = md.indexOf(heading);
  if (start < 0) return [];
  const rest = md.slice(start + heading.length);
  const level = heading.match(/^#+/)![0];
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^- (公开栏|明白卡) \*\*([^*]+)\*\*/gm)].map((m) => `${m[1] === '公开栏' ? 'board' : 'card'}:${m[2]}`).sort();
}

interface Result {
  json: Map<string, DiffJson>;
  md: { code: number | null; text: string; stderr: string; seconds: number; previews: string[] };
  builds: Map<string, { base: Map<string, string>; head: Map<string, string> }>;
}
const results = new Map<string, Result>();

beforeAll(() => {
  repo = temp('gongkai-prs-');
  baseContent();
  expect(cli(['codeowners', '--content', 'content'], repo).code).toBe(0);
  expect(existsSync(join(repo, '.github/CODEOWNERS'))).toBe(true);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  // CI compares with origin/<base branch>.
  const origin = temp('gongkai-prs-origin-');
  execFileSync('git', ['init', '-q', '--bare', origin]);
  git('remote', 'add', 'origin', origin);
  git('push', '-q', 'origin', 'main');
  git('fetch', '-q', 'origin');

  const baseBuilds = new Map<string, Map<string, string>>();
  for (const day of [TODAY, LATER]) baseBuilds.set(day, build(day));
  for (const c of CASES) {
    git('checkout', '-q', '-B', `case-${CASES.indexOf(c)}`, 'main');
    if (c.change) {
      c.change();
      git('add', '-A');
      git('commit', '-qm', c.name);
    }
    const json = new Map<string, DiffJson>();
    const builds = new Map<string, { base: Map<string, string>; head: Map<string, string> }>();
    for (const day of c.days) {
      const r = cli(['diff', 'main', '--head', 'HEAD', '--format', 'json', '--today', day], repo);
      expect(r.code, r.stderr).toBe(0);
      json.set(day, JSON.parse(r.stdout) as DiffJson);
      builds.set(day, { base: baseBuilds.get(day)!, head: build(day) });
    }
    // Exactly what CI runs after `npm run --silent gongkai --` (the day comes from GONGKAI_TODAY, as a build's would).
    const previews = join(repo, 'previews');
    const started = performance.now();
    const r = cli(['diff', 'origin/main', '--head', 'HEAD', '--format', 'markdown', '--previews', 'previews', '--out', 'summary.md'], repo);
    const seconds = (performance.now() - started) / 1000;
    const text = existsSync(join(repo, 'summary.md')) ? readFileSync(join(repo, 'summary.md'), 'utf8') : '';
    const shots = existsSync(previews) ? readdirSync(previews).sort() : [];
    const kept = temp('gongkai-prs-previews-');
    for (const s of shots) execFileSync('cp', [join(previews, s), kept]);
    rmSync(previews, { recursive: true, force: true });
    rmSync(join(repo, 'summary.md'), { force: true });
    if (process.env.SUMMARY_TABLE) writeFileSync(join(tmpdir(), `gongkai-summary-case-${CASES.indexOf(c)}.md`), text);
    results.set(c.name, { json, md: { code: r.code, text, stderr: r.stderr, seconds, previews: shots.map((s) => join(kept, s)) }, builds });
  }
  git('checkout', '-q', 'main');
}, 300_000);
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the pull-request summary as CI runs it', () => {
  it.each(CASES.map((c) => [c.name]))('%s: the reprint list is the set of print files that differ between builds of base and head', (name) => {
    const r = results.get(name)!;
    const today = r.builds.get(TODAY)!;
    const differ = differing(today.base, today.head);
    expect(products(r.json.get(TODAY)!)).toEqual(differ);
    expect(listed(r.md.text, '### 需要重新印刷')).toEqual(differ);
  });

  it('base = head, with .github/CODEOWNERS in the repository: ✅ and exit 0', () => {
    const { md } = results.get('no-op (base = head)')!;
    expect(md.code, md.stderr).toBe(0);
    expect(md.text).toContain('✅ 内容检查通过');
    expect(md.text).not.toContain('CODEOWNERS');
    expect(md.text).toContain('- 不需要重新印刷任何公开栏和明白卡。');
    expect(md.text).toContain('- 本次改动不会让以后哪一天另外需要重新印刷。');
    for (const c of CASES) expect(results.get(c.name)!.md.code, c.name).toBe(0);
  });

  it('the cases are not empty: a body edit reprints the board, a displacing entry the board and the card', () => {
    expect(products(results.get('public body edit')!.json.get(TODAY)!)).toEqual(['board:b-v-demo-a']);
    expect(products(results.get('party-internal edit')!.json.get(TODAY)!)).toEqual([]);
    expect(products(results.get('card-displacing entry')!.json.get(TODAY)!)).toEqual(['board:b-v-demo-a', 'card:v-demo-a']);
  });

  it('an entry dated later: nothing today; on its day, exactly the board and card whose files then differ', () => {
    const r = results.get('future-dated entry')!;
    const later = r.builds.get(LATER)!;
    const differ = differing(later.base, later.head);
    expect(differ).toEqual(['board:b-v-demo-a', 'card:v-demo-a']);
    const json = r.json.get(TODAY)!;
    expect(products(json)).toEqual([]);
    expect(json.later.map((d) => d.date)).toEqual([LATER]);
    expect(products(json.later[0]!)).toEqual(differ);
    // Asked on that day, the summary's list for the day is the same.
    expect(products(r.json.get(LATER)!)).toEqual(differ);
    expect(listed(r.md.text, '#### 2026年12月10日（2026-12-10）起')).toEqual(differ);
    expect(json.files[0]!.placement).toBe('12月10日起上网站和公开栏；12月10日起印在公开栏 b-v-demo-a、明白卡上，那天要重新印刷（见下面“以后要重新印刷”）。');
    const card = json.later[0]!.reprints.find((x) => x.kind === 'card')!;
    expect(card.reasons).toContain('印上卡：v-demo-a/road-funds-decision“甲村党支部村道硬化资金使用已集体决定”');
  });

  it('the other cases say nothing about later days, and their builds on the later day agree', () => {
    for (const c of CASES.filter((x) => x.name !== 'future-dated entry')) expect(results.get(c.name)!.json.get(TODAY)!.later, c.name).toEqual([]);
  });

  it('an entry pushed off the full card is said to be pushed off by the newcomer, not to have ended', () => {
    const json = results.get('card-displacing entry')!.json.get(TODAY)!;
    const card = json.reprints.find((x) => x.kind === 'card')!;
    expect(card.reasons).toEqual([
      '印上卡：v-demo-a/recruit-2026“甲村党支部拟接收预备党员1名公示”',
      '从卡上撤下：v-demo-a/four-winds-2026-h2“甲村党支部下半年未发现四风问题”（被新印上的 v-demo-a/recruit-2026“甲村党支部拟接收预备党员1名公示” 挤下：明白卡正面最多印 5 条，正在公示的排最前，其余按模板 layout.items 的事项顺序）',
    ]);
    // It is still on the board: only the card lost it.
    const board = json.reprints.find((x) => x.kind === 'board')!;
    expect(board.reasons.join('\n')).not.toContain('four-winds');
  });

  it('pictures are pages of the head’s own print files for the day they are printed, not of any build folder', async () => {
    const check = async (name: string, day: string, png: string, file: string) => {
      const r = results.get(name)!;
      const shot = r.md.previews.find((p) => p.endsWith(`/${png}`));
      expect(shot, `${png} in ${r.md.previews.join(', ')}`).toBeDefined();
      const { head, base } = r.builds.get(day)!;
      const draw = async (dir: string) => {
        const [page] = await pdfPageSizes(join(dir, file));
        return (await renderPdfPage(join(dir, file), 1, previewDpi(28, page!.width))).png();
      };
      const mine = readFileSync(shot!);
      expect(mine.equals(await draw(head.get('@dir')!)), 'same as the head build').toBe(true);
      expect(mine.equals(await draw(base.get('@dir')!)), 'unlike the base build').toBe(false);
    };
    await check('public body edit', TODAY, 'board-b-v-demo-a-1.png', 'print/boards/b-v-demo-a.pdf');
    await check('future-dated entry', LATER, 'board-b-v-demo-a-2026-12-10-1.png', 'print/boards/b-v-demo-a.pdf');
  });

  it('records the table of cases', () => {
    const rows = CASES.flatMap((c) =>
      c.days.flatMap((day) => {
        const r = results.get(c.name)!;
        const json = r.json.get(TODAY)!;
        const says = day === TODAY ? products(json) : products(json.later.find((d) => d.date === day) ?? { boards: [], cards: [] });
        const b = r.builds.get(day)!;
        const differ = differing(b.base, b.head);
        return [
          `| ${c.name} | ${day} | ${says.join(' ') || '—'} | ${differ.join(' ') || '—'} | ${says.join() === differ.join() ? 'yes' : 'NO'} | ${r.md.seconds.toFixed(1)} s |`,
        ];
      }),
    );
    expect(rows.every((r) => r.includes('| yes |'))).toBe(true);
    if (process.env.SUMMARY_TABLE)
      console.log(['| case | day | summary says | builds differ | equal | CI summary run |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
  });
});
