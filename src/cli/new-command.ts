/**
 * `gongkai new`: writes a correct entry for a unit and item. Bare, it asks; with flags
 * (--unit --item --title) it runs unattended for scripts. Never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadProject } from '../content/load-project.ts';
import { ID_PATTERN } from '../domain/schema/common.ts';
import { LEVEL_OF_KIND, type Unit } from '../domain/schema/unit.ts';
import type { CatalogItem } from '../domain/schema/catalog.ts';
import { STAGES, type Stage } from '../domain/schema/entry.ts';
import { newEntrySlug, renderNewEntry } from '../domain/new-entry.ts';
import { romanise } from '../content/romanise.ts';
import { describeCandidate, didYouMean, rankCandidates } from '../domain/suggest.ts';
import { parseFlags, resolveDirs, machineToday } from './args.ts';
import { UsageError } from '../errors.ts';
import { resolveToday, todayNote } from '../domain/time/today.ts';
import { linePrompter } from './prompt.ts';
import { NEW_USAGE } from './usage.ts';

type Items = (CatalogItem & { aspect: string })[];

function pickUnit(input: string, units: Unit[]): Unit {
  const found = units.find((u) => u.id === input || u.name === input);
  if (found) return found;
  const hint = didYouMean(
    input,
    units.map((u) => ({ id: u.id, name: u.name })),
  );
  throw new UsageError(`找不到单位“${input}”。${hint ?? '单位标识见 content/units.yaml。'}`);
}

function pickItem(input: string, items: Items, unit: Unit): CatalogItem {
  const n = Number(input);
  const found = Number.isInteger(n) && n >= 1 && n <= items.length ? items[n - 1] : items.find((i) => i.id === input || i.name === input);
  if (found) return found;
  // The same suggestions as check gives for an unknown item.
  const best = rankCandidates(
    input,
    items.map((i) => ({ id: i.id, name: i.name })),
    { romanise },
  );
  const hint = best.length ? `可能是：${best.map(describeCandidate).join('、')}。` : '事项见 content/catalog.yaml。';
  throw new UsageError(`“${input}”不是${unit.name}可用的公开事项。${hint}`);
}

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
  const { ask, askOptional } = prompt;
  try {
    const unit = pickUnit(await ask('单位（标识或名称，例如 v-qingshui-taohua 或 桃花村党支部）：', values.unit), project.units);
    const items: Items = [...project.catalog.items.values()].filter((i) => i.levels.includes(LEVEL_OF_KIND[unit.kind]));
    if (!values.item) items.forEach((i, n) => console.log(`  ${String(n + 1).padStart(2)}. ${describeCandidate(i)}`));
    const item = pickItem(await ask('公开事项（序号、标识或名称）：', values.item), items, unit);
    const title = await ask('标题：', values.title);
    // Without --date, the entry is dated today — unless "today" is set (as_of, GONGKAI_TODAY), which it then says.
    const today = values.date === undefined ? resolveToday({ ...machineToday(), asOf: project.site.as_of }) : undefined;
    const date = values.date ?? today!.date;
    let stage: Stage | undefined;
    if (item.cadence === 'per_stage') {
      const s =
        values.stage ?? (prompt.interactive ? await ask('阶段（deliberation 酝酿 / decision 决策 / implementation 实施 / result 结果）：') : 'deliberation');
      if (!(STAGES as readonly string[]).includes(s)) throw new UsageError(`阶段只能是 ${STAGES.join('、')}。`);
      stage = s as Stage;
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
