/**
 * The pull-request summary tells the truth, as CI runs it: on a repository with real commits
 * (the mini fixture, its CODEOWNERS under .github/, a remote `origin`), for a no-op, a public
 * body edit, a photo replaced, a party-internal edit, an entry dated later and an entry that
 * pushes another off a full card, what the summary says must be reprinted is exactly the set of
 * print files that come out different when base and head are each printed by the real CLI on
 * that day (commit-prints.ts: sha256 of print/boards/*.pdf and print/cards/*.pdf, each build with
 * its own empty cache) — today, and on each later day it names, where the head's files change.
 * Its pictures are pages of the head's own files for that day.
 *
 * SUMMARY_TABLE=1 prints the table of cases for the record.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageSizes, renderPdfPage } from '../../src/pipeline/pdf-raster.ts';
import { previewDpi } from '../../src/pipeline/review-pictures.ts';
import { cli } from '../helpers.ts';
import { CommitPrints, dayBefore, differing } from './commit-prints.ts';
import { baseContent, CASES, GONE, LATER, TODAY } from './summary-cases.ts';

const made: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
let repo: string;
let prints: CommitPrints;
const build = (commit: string, day: string) => prints.of(commit, day);
const reprintedOn = (day: string, head: string) => prints.reprintedOn(day, 'main', head);
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });

interface DiffJson {
  files: { path: string; placement: string }[];
  reprints: { kind: string; id: string; reasons: string[] }[];
  boards: string[];
  cards: string[];
  later: { date: string; boards: string[]; cards: string[]; reprints: { kind: string; id: string; reasons: string[] }[] }[];
}
const products = (x: { boards: string[]; cards: string[] }) => [...x.boards.map((b) => `board:${b}`), ...x.cards.map((c) => `card:${c}`)].sort();

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

/** The cases also summarised from the work tree, where a board showing a photo must not look changed when it is not. */
const WORKTREE = ['no-op (base = head)', 'photo replaced'];

interface Result {
  /** The case's commit. */
  head: string;
  json: Map<string, DiffJson>;
  md: { code: number | null; text: string; stderr: string; seconds: number; previews: string[] };
  /** The summary of the work tree (no --head), the case's commit checked out: where the images are read from the files themselves. */
  worktree?: DiffJson;
}
const results = new Map<string, Result>();

beforeAll(async () => {
  repo = temp('gongkai-prs-');
  prints = new CommitPrints(repo, temp);
  baseContent(repo);
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

  for (const c of CASES) {
    git('checkout', '-q', '-B', `case-${CASES.indexOf(c)}`, 'main');
    if (c.change) {
      await c.change(repo);
      git('add', '-A');
      git('commit', '-qm', c.name);
    }
    const json = new Map<string, DiffJson>();
    for (const day of c.days) {
      const r = cli(['diff', 'main', '--head', 'HEAD', '--format', 'json', '--today', day], repo);
      expect(r.code, r.stderr).toBe(0);
      json.set(day, JSON.parse(r.stdout) as DiffJson);
    }
    // Exactly what CI runs after `npm run --silent gongkai --` (the day comes from GONGKAI_TODAY, as a build's would).
    const previews = join(repo, 'previews');
    const started = performance.now();
    const r = cli(['diff', 'origin/main', '--head', 'HEAD', '--format', 'markdown', '--previews', 'previews', '--out', 'summary.md'], repo);
    const seconds = (performance.now() - started) / 1000;
    const text = readFileSync(join(repo, 'summary.md'), 'utf8');
    rmSync(join(repo, 'summary.md'));
    // The pictures are kept aside, so the next case starts without them.
    const kept = join(temp('gongkai-prs-previews-'), 'previews');
    if (existsSync(previews)) renameSync(previews, kept);
    const shots = existsSync(kept) ? readdirSync(kept).map((f) => join(kept, f)) : [];
    const head = git('rev-parse', 'HEAD').trim();
    const worktree = WORKTREE.includes(c.name) ? cli(['diff', 'main', '--format', 'json', '--today', TODAY], repo) : undefined;
    expect(worktree?.code ?? 0, worktree?.stderr).toBe(0);
    results.set(c.name, {
      head,
      json,
      md: { code: r.code, text, stderr: r.stderr, seconds, previews: shots },
      ...(worktree ? { worktree: JSON.parse(worktree.stdout) as DiffJson } : {}),
    });
    // The builds the tests compare with: base and head today, and around every later day the summary names.
    for (const day of [TODAY, ...json.get(TODAY)!.later.flatMap((d) => [dayBefore(d.date), d.date]), ...c.days])
      for (const commit of ['main', head]) build(commit, day);
  }
  git('checkout', '-q', 'main');
}, 300_000);
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the pull-request summary as CI runs it', () => {
  const said = (name: string, day: string) => {
    const json = results.get(name)!.json.get(TODAY)!;
    return day === TODAY ? json : (json.later.find((d) => d.date === day) ?? { boards: [], cards: [], reprints: [], date: day });
  };
  const differ = (name: string, day: string) => differing(build('main', day), build(results.get(name)!.head, day));

  it.each(CASES.map((c) => [c.name]))('%s: the reprint list is the set of print files that differ between builds of base and head', (name) => {
    expect(products(said(name, TODAY))).toEqual(differ(name, TODAY));
    expect(listed(results.get(name)!.md.text, '### 需要重新印刷')).toEqual(differ(name, TODAY));
  });

  it.each(CASES.map((c) => [c.name]))('%s: on each later day the summary names, its list is what the builds print again that day', (name) => {
    const r = results.get(name)!;
    for (const d of r.json.get(TODAY)!.later) {
      expect(products(d), d.date).toEqual(reprintedOn(d.date, r.head));
      const md = `#### ${Number(d.date.slice(0, 4))}年${Number(d.date.slice(5, 7))}月${Number(d.date.slice(8, 10))}日（${d.date}）起`;
      expect(listed(r.md.text, md), d.date).toEqual(products(d));
    }
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

  it('the work tree, the case’s commit checked out, gives the same list as --head HEAD', () => {
    for (const name of WORKTREE) expect(products(results.get(name)!.worktree!), name).toEqual(products(said(name, TODAY)));
  });

  it('a photo replaced under the same name reprints the board that shows it, and says so', () => {
    expect(products(said('photo replaced', TODAY))).toEqual(['board:b-v-demo-a']);
    expect(said('photo replaced', TODAY).reprints[0]!.reasons).toEqual(['修改：v-demo-a/road-deliberation“甲村村道硬化工程（酝酿阶段）”（图片）']);
  });

  it('the cases are not empty: a body edit reprints the board, a displacing entry the board and the card', () => {
    expect(products(said('public body edit', TODAY))).toEqual(['board:b-v-demo-a']);
    expect(products(said('party-internal edit', TODAY))).toEqual([]);
    expect(products(said('card-displacing entry', TODAY))).toEqual(['board:b-v-demo-a', 'card:v-demo-a']);
    for (const name of ['no-op (base = head)', 'public body edit', 'party-internal edit']) expect(results.get(name)!.json.get(TODAY)!.later, name).toEqual([]);
  });

  it('an entry dated later: nothing today; on its day, exactly the board and card whose files then differ', () => {
    const name = 'future-dated entry';
    const json = results.get(name)!.json.get(TODAY)!;
    expect(products(json)).toEqual([]);
    expect(json.later.map((d) => d.date)).toEqual([LATER, GONE]);
    expect(differ(name, LATER)).toEqual(['board:b-v-demo-a', 'card:v-demo-a']);
    expect(products(said(name, LATER))).toEqual(differ(name, LATER));
    // Asked on that day, the summary's list for the day is the same.
    expect(products(results.get(name)!.json.get(LATER)!)).toEqual(differ(name, LATER));
    expect(json.files[0]!.placement).toBe('12月10日起上网站和公开栏；12月10日起印在公开栏 b-v-demo-a、明白卡上，那天要重新印刷（见下面“以后要重新印刷”）。');
    expect(json.later[0]!.reprints.find((x) => x.kind === 'card')!.reasons).toContain(
      '印上卡：v-demo-a/road-funds-decision“甲村党支部村道硬化资金使用已集体决定”',
    );
  });

  it('when it leaves the board 90 days later, the board and card are printed again as they were', () => {
    const name = 'future-dated entry';
    expect(products(said(name, GONE))).toEqual(['board:b-v-demo-a', 'card:v-demo-a']);
    // …back to the base's sheets: the base and head builds of that day agree.
    expect(differ(name, GONE)).toEqual([]);
    expect(said(name, GONE).reprints.find((x) => x.kind === 'board')!.reasons).toEqual([
      '撤下：v-demo-a/road-funds-decision“甲村党支部村道硬化资金使用已集体决定”（临时性内容在公开栏保留 90 天，已过）',
    ]);
  });

  it('an entry pushed off the full card is said to be pushed off by the newcomer, not to have ended', () => {
    const json = said('card-displacing entry', TODAY);
    expect(json.reprints.find((x) => x.kind === 'card')!.reasons).toEqual([
      '印上卡：v-demo-a/recruit-2026“甲村党支部拟接收预备党员1名公示”',
      '从卡上撤下：v-demo-a/four-winds-2026-h2“甲村党支部下半年未发现四风问题”（被新印上的 v-demo-a/recruit-2026“甲村党支部拟接收预备党员1名公示” 挤下：明白卡正面最多印 5 条，正在公示的排最前，其余按模板 layout.items 的事项顺序）',
    ]);
    // It is still on the board: only the card lost it.
    expect(json.reprints.find((x) => x.kind === 'board')!.reasons.join('\n')).not.toContain('four-winds');
    // The day after the 公示 ends, it leaves the card and the other line comes back.
    expect(said('card-displacing entry', '2026-12-03').reprints.map((x) => [x.id, x.reasons])).toEqual([
      [
        'v-demo-a',
        [
          '印上卡：v-demo-a/four-winds-2026-h2“甲村党支部下半年未发现四风问题”',
          // Its 公示 has ended: a line that no longer lasts the card's life (here 0 days) leaves the card.
          '从卡上撤下：v-demo-a/recruit-2026“甲村党支部拟接收预备党员1名公示”（2026年12月2日就不再公开在栏上，不到明白卡要求的 0 天（site.yaml 的 defaults.card_life_days）：明白卡要用几个月，只印长期有效的内容）',
        ],
      ],
    ]);
  });

  it('pictures are pages of the head’s own print files for the day they are printed, not of any build folder', async () => {
    const check = async (name: string, day: string, png: string, file: string) => {
      const r = results.get(name)!;
      const shot = r.md.previews.find((p) => p.endsWith(`/${png}`));
      expect(shot, `${png} in ${r.md.previews.join(', ')}`).toBeDefined();
      const draw = async (dir: string) => {
        const [page] = await pdfPageSizes(join(dir, file));
        return (await renderPdfPage(join(dir, file), 1, previewDpi(28, page!.width))).png();
      };
      const mine = readFileSync(shot!);
      expect(mine.equals(await draw(build(r.head, day).get('@dir')!)), 'same as the head build').toBe(true);
      expect(mine.equals(await draw(build('main', day).get('@dir')!)), 'unlike the base build').toBe(false);
    };
    await check('public body edit', TODAY, 'board-b-v-demo-a-1.png', 'print/boards/b-v-demo-a.pdf');
    await check('future-dated entry', LATER, 'board-b-v-demo-a-2026-12-10-1.png', 'print/boards/b-v-demo-a.pdf');
  });

  it('records the table of cases', () => {
    const rows = CASES.flatMap((c) => {
      const r = results.get(c.name)!;
      const row = (day: string, truth: string[], how: string) => {
        const says = products(said(c.name, day));
        return `| ${c.name} | ${day} | ${says.join(' ') || '—'} | ${truth.join(' ') || '—'} (${how}) | ${says.join() === truth.join() ? 'yes' : 'NO'} | ${r.md.seconds.toFixed(1)} s |`;
      };
      return [
        row(TODAY, differ(c.name, TODAY), 'base vs head'),
        ...r.json
          .get(TODAY)!
          .later.flatMap((d) => [
            row(d.date, reprintedOn(d.date, r.head), 'head changes that day'),
            ...(d.date === LATER ? [row(d.date, differ(c.name, d.date), 'base vs head')] : []),
          ]),
      ];
    });
    expect(rows.every((r) => r.includes('| yes |'))).toBe(true);
    if (process.env.SUMMARY_TABLE)
      console.log(['| case | day | summary says | builds differ | equal | CI summary run |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
  });
});
