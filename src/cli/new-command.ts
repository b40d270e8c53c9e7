/**
 * `gongkai new`: writes a correct entry for a unit and item. Bare, it asks; with flags
 * (--unit --item --title) it runs unattended for scripts. Never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadProject } from '../load/load-project.ts';
import { ID_PATTERN } from '../domain/schema/common.ts';
import { LEVEL_OF_KIND, type Unit } from '../domain/schema/unit.ts';
import type { CatalogItem } from '../domain/schema/catalog.ts';
import { STAGES, STAGE_LABELS, type Stage } from '../domain/schema/entry.ts';
import { newEntrySlug, renderNewEntry } from '../domain/new-entry.ts';
import { romanise } from '../load/romanise.ts';
import { describeCandidate, rankCandidates } from '../domain/suggest.ts';
import { parseFlags, resolveDirs, machineToday } from './args.ts';
import { UsageError } from '../errors.ts';
import { resolveToday, todayNote } from '../domain/time/today.ts';
import { linePrompter, type Prompter } from './prompt.ts';
import { NEW_USAGE } from './usage.ts';

type Items = (CatalogItem & { aspect: string })[];

/** A typed answer checked: what it means, or why not in the question's words (with the closest choices). */
type Checked<T> = { ok: T; note?: string } | { problem: string };

const ENDED = '没有输入，已取消（没有写入任何文件）。';

/**
 * Asks until the answer is right: a wrong one is said why and asked again, so nothing already
 * answered is lost. A flag's value is checked first; without a terminal a wrong one ends the run.
 */
async function askUntil<T>(prompt: Prompter, question: string, given: string | undefined, check: (typed: string) => Checked<T>): Promise<T> {
  let typed = given;
  for (;;) {
    if (typed === undefined) {
      const line = prompt.interactive ? await prompt.line(question) : undefined;
      if (line === undefined) throw new UsageError(ENDED);
      typed = line;
    }
    const a = check(typed.trim());
    if ('ok' in a) {
      if (a.note) console.log(`  → ${a.note}`);
      return a.ok;
    }
    if (!prompt.interactive) throw new UsageError(a.problem);
    console.log(`  ✗ ${a.problem}`);
    typed = undefined;
  }
}

/** A unit's name without 中共 and the organisation's kind: 桃花村党支部, 中共桃花村支部委员会 and 桃花村 are one village. */
const unitCore = (s: string) =>
  s
    .trim()
    .replace(/^中共/, '')
    .replace(/(党总支部委员会|党支部委员会|党总支部|党总支|党支部|支部委员会|党委员会|党委|党组|党工委|委员会)$/, '');

function checkUnit(input: string, units: Unit[]): Checked<Unit> {
  if (!input) return { problem: '请输入单位的标识或名称。' };
  const found = units.find((u) => u.id === input || u.name === input);
  if (found) return { ok: found };
  const core = unitCore(input);
  const same = core ? units.filter((u) => unitCore(u.name) === core) : [];
  if (same.length === 1) return { ok: same[0]!, note: `单位：${describeCandidate(same[0]!)}` };
  const candidates = units.map((u) => ({ id: u.id, name: u.name }));
  const best = rankCandidates(input, candidates, { romanise });
  const close = best.length ? `最接近的：${best.map(describeCandidate).join('、')}。请输入其中一个的标识或名称。` : '单位标识和名称见 content/units.yaml。';
  return { problem: `找不到单位“${input}”。${close}` };
}

function checkItem(input: string, items: Items, unit: Unit): Checked<CatalogItem> {
  if (!input) return { problem: `请输入公开事项的序号（1–${items.length}）、标识或名称。` };
  const n = Number(input);
  const found = Number.isInteger(n) && n >= 1 && n <= items.length ? items[n - 1] : items.find((i) => i.id === input || i.name === input);
  if (found) return { ok: found };
  // The same suggestions as check gives for an unknown item.
  const best = rankCandidates(
    input,
    items.map((i) => ({ id: i.id, name: i.name })),
    { romanise },
  );
  const numbered = best.map((b) => `${items.findIndex((i) => i.id === b.id) + 1}. ${describeCandidate(b)}`);
  const hint = best.length ? `最接近的：${numbered.join('、')}。` : `请输入上面列表中的序号（1–${items.length}）、标识或名称。`;
  return { problem: `“${input}”不是${unit.name}可用的公开事项。${hint}` };
}

function checkStage(input: string): Checked<Stage> {
  const n = Number(input);
  const byNumber = Number.isInteger(n) && n >= 1 && n <= STAGES.length ? STAGES[n - 1] : undefined;
  const stage = byNumber ?? STAGES.find((s) => s === input || STAGE_LABELS[s] === input || `${STAGE_LABELS[s]}阶段` === input);
  if (stage) return { ok: stage };
  return { problem: `阶段只能是：${STAGES.map((s, i) => `${i + 1}. ${s}（${STAGE_LABELS[s]}）`).join('、')}。` };
}

const required =
  (what: string) =>
  (input: string): Checked<string> =>
    input ? { ok: input } : { problem: `${what}必须填写。` };

export async function newCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      unit: { type: 'string' },
      item: { type: 'string' },
      title: { type: 'string' },
      date: { type: 'string' },
      stage: { type: 'string' },
      matter: { type: 'string' },
      slug: { type: 'string' },
      'reviewed-by': { type: 'string' },
      'approved-by': { type: 'string' },
      summary: { type: 'string' },
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    NEW_USAGE,
  );
  if (values.help) {
    console.log(NEW_USAGE);
    return 0;
  }
  const dirs = resolveDirs(values);
  const contentDir = dirs.content;
  const loaded = loadProject({ contentDir, templatesDir: dirs.templates });
  const project = loaded.project;
  if (!project || !project.units.length) throw new UsageError('内容文件夹中的 site.yaml、catalog.yaml 或 units.yaml 有错误，请先运行 npm run check 修好它们。');

  const interactive = !values.unit || !values.item || !values.title;
  if (interactive && !process.stdin.isTTY && !process.env.GONGKAI_FORCE_PROMPT) {
    throw new UsageError(`非交互运行时必须给出 --unit、--item 和 --title。\n\n${NEW_USAGE}`);
  }
  const prompt = linePrompter(interactive);
  const { askOptional } = prompt;
  try {
    // The question's example is one of this county's own units, and is accepted as written.
    const sample = project.units.find((u) => u.kind === 'village') ?? project.units[0]!;
    const unit = await askUntil(prompt, `单位（标识或名称，例如 ${sample.id} 或 ${sample.name}）：`, values.unit, (t) => checkUnit(t, project.units));
    const items: Items = [...project.catalog.items.values()].filter((i) => i.levels.includes(LEVEL_OF_KIND[unit.kind]));
    if (!values.item) items.forEach((i, n) => console.log(`  ${String(n + 1).padStart(2)}. ${describeCandidate(i)}`));
    const item = await askUntil(prompt, '公开事项（序号、标识或名称）：', values.item, (t) => checkItem(t, items, unit));
    const title = await askUntil(prompt, '标题：', values.title, required('标题'));
    // Without --date, the entry is dated today — unless "today" is set (as_of, GONGKAI_TODAY), which it then says.
    const today = values.date === undefined ? resolveToday({ ...machineToday(), asOf: project.site.as_of }) : undefined;
    const date = values.date ?? today!.date;
    let stage: Stage | undefined;
    if (item.cadence === 'per_stage') {
      stage =
        values.stage !== undefined || prompt.interactive
          ? await askUntil(prompt, '阶段（1. deliberation 酝酿 / 2. decision 决策 / 3. implementation 实施 / 4. result 结果）：', values.stage, checkStage)
          : 'deliberation';
    }
    if (values.matter && !ID_PATTERN.test(values.matter)) throw new UsageError('事项编号只能由小写英文字母、数字和连字符组成。');

    const yearDir = join(contentDir, 'entries', unit.id, date.slice(0, 4));
    const taken = new Set(project.entries.filter((e) => e.unit === unit.id).map((e) => e.slug));
    if (existsSync(yearDir)) for (const f of readdirSync(yearDir)) taken.add(f.replace(/\.md$/, ''));
    const slug = values.slug ?? newEntrySlug(date, item.id, taken);
    if (!ID_PATTERN.test(slug)) throw new UsageError('文件名只能由小写英文字母、数字和连字符组成。');
    const file = join(yearDir, `${slug}.md`);
    if (existsSync(file) || taken.has(slug)) throw new UsageError(`本单位已经有名为 ${slug}.md 的条目，请换一个 --slug。`);

    const reviewedBy = item.scope === 'public' ? await askOptional('审核人（含保密审查，可以直接回车稍后填写）：', values['reviewed-by']) : undefined;
    const approvedBy = item.scope === 'public' ? await askOptional('审批人（可以直接回车稍后填写）：', values['approved-by']) : undefined;
    const summary = await askOptional('摘要（一句话，30字以内，可以直接回车稍后填写）：', values.summary);
    const text = renderNewEntry({
      unit,
      item,
      title,
      date,
      ...(stage ? { stage } : {}),
      ...(values.matter ? { matter: values.matter } : {}),
      ...(reviewedBy ? { reviewedBy } : {}),
      ...(approvedBy ? { approvedBy } : {}),
      ...(summary ? { summary } : {}),
    });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
    console.log(`✓ 已新建 ${relative(process.cwd(), file)}\n  请打开它，把“（待填写）”换成实际内容，然后运行 npm run check。`);
    const note = today && todayNote(today, '发布日期（date）');
    if (note) console.log(`  ${note}。不是这一天的话，请改文件中的 date（或用 --date 指定日期重新生成）。`);
    return 0;
  } finally {
    prompt.close();
  }
}
