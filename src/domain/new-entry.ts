/**
 * The text of a new entry, with a Chinese comment above each field, as `gongkai new`
 * writes it. What it writes must pass `check` unchanged.
 */
import { CADENCE_LABELS, isPeriodic, periodContaining, periodExample } from './period.ts';
import { SCOPE_LABELS, type CatalogItem } from './schema/catalog.ts';
import { STAGE_LABELS, type Stage } from './schema/entry.ts';
import type { Unit } from './schema/unit.ts';

/** Marks what the clerk still has to fill in; `check` warns while it is there. */
export const PLACEHOLDER = '（待填写）';

export interface NewEntryInput {
  unit: Unit;
  item: CatalogItem;
  title: string;
  date: string;
  stage?: Stage;
  matter?: string;
  reviewedBy?: string;
  approvedBy?: string;
  summary?: string;
}

const q = (s: string) => JSON.stringify(s);

export function renderNewEntry(input: NewEntryInput): string {
  const { item, unit } = input;
  const lines = [
    '---',
    `# 标题：一句话说明公开了什么（${unit.name}）`,
    `title: ${q(input.title)}`,
    `# 公开事项：${item.name}（${CADENCE_LABELS[item.cadence]}，${SCOPE_LABELS[item.scope]}）；全部事项见 content/catalog.yaml`,
    `item: ${item.id}`,
    '# 发布日期：年-月-日',
    `date: ${input.date}`,
  ];
  if (isPeriodic(item.cadence)) {
    lines.push(
      `# 期间：这条内容属于哪一期定期公开（一般是发布日期所在的期间），本事项写成 ${periodExample(item.cadence)}`,
      `period: ${periodText(item.cadence, input.date)}`,
    );
  }
  if (item.cadence === 'per_stage') {
    const stage = input.stage ?? 'deliberation';
    lines.push(
      `# 阶段：deliberation（酝酿）→ decision（决策）→ implementation（实施）→ result（结果）；本条是“${STAGE_LABELS[stage]}”`,
      `stage: ${stage}`,
      '# 事项编号：同一件事的各阶段填写同一个编号（小写英文、数字、连字符）',
      `matter: ${input.matter ?? `${input.date.slice(0, 4)}-${item.id}`}`,
    );
  }
  if (item.scope === 'party') {
    lines.push('# 公开范围：党内公开，只在党内会议和内部材料中使用，不会出现在网站、公开栏和明白卡上', 'scope: party');
  } else {
    lines.push(
      '# 审核人（含保密审查）和审批人：社会公开的条目必须填写，公开栏上会显示',
      `reviewed_by: ${q(input.reviewedBy ?? PLACEHOLDER)}`,
      `approved_by: ${q(input.approvedBy ?? PLACEHOLDER)}`,
    );
  }
  if (item.id === 'recruitment-publicity' || item.id === 'cadre-selection') {
    lines.push('# 公示：开始日期和天数（工作日），默认5个工作日', 'notice:', `  start: ${input.date}`, '  days: 5');
  }
  if (item.id === 'sanzhong-yida') {
    lines.push(
      '# “三重一大”集体决策记录：会议名称、日期、应到和实到人数、表决结果',
      'meeting:',
      `  name: ${q(PLACEHOLDER)}`,
      `  date: ${input.date}`,
      '  expected: 0',
      '  present: 0',
      `  vote: ${q(PLACEHOLDER)}`,
    );
  }
  lines.push('# 摘要：一句话，不超过30个字，印在明白卡上', `summary: ${q(input.summary ?? PLACEHOLDER)}`, '---', '');
  // A recruitment notice may only show the permitted columns, so its table starts with them.
  const table =
    item.id === 'recruitment-publicity'
      ? ['| 姓名 | 性别 | 出生年月 | 学历 | 工作单位或职业 | 申请入党时间 |', '| --- | --- | --- | --- | --- | --- |', `| ${PLACEHOLDER} | | | | | |`]
      : ['| 项目 | 内容 |', '| --- | --- |', `| ${PLACEHOLDER} | ${PLACEHOLDER} |`];
  lines.push(
    `${PLACEHOLDER}在这里写正文。可以分段，可以用“## 一、……”写小标题，可以用表格：`,
    '',
    ...table,
    '',
    '正文中不要写身份证号、个人手机号、银行卡号、家庭住址，也不要出现任何涉密内容。',
    '',
  );
  return lines.join('\n');
}

function periodText(kind: CatalogItem['cadence'], date: string): string {
  if (!isPeriodic(kind)) return '';
  const p = periodContaining(kind, date);
  return kind === 'annual'
    ? `${p.year}`
    : kind === 'semiannual'
      ? `${p.year}-H${p.index}`
      : kind === 'quarterly'
        ? `${p.year}-Q${p.index}`
        : `${p.year}-${String(p.index).padStart(2, '0')}`;
}

/** A file name for the new entry: date and item, unique among the names already used. */
export function newEntrySlug(date: string, item: string, taken: ReadonlySet<string>): string {
  const base = `${date}-${item}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
