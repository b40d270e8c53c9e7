/**
 * The compliance report in three formats: Markdown for people (and pull-request comments),
 * CSV for spreadsheets (one row per unit), JSON for other tools. All text people read is Chinese.
 */
import { REQUEST_STATE_LABELS, REQUEST_STATES } from '../domain/requests/request-state.ts';
import { formatChineseDate } from '../domain/dates.ts';
import { CADENCE_STATE_LABELS } from '../domain/supervision/cadence.ts';
import type { ComplianceReport, LastUpdateBasis, Rollup, UnitCompliance } from '../domain/supervision/compliance.ts';
import { rateText, summaryLine } from '../domain/supervision/rate.ts';
import { PROVISIONAL, provisionalNote } from '../domain/time/provisional-mark.ts';

export { summaryLine };
import { toCsv } from '../domain/csv.ts';

export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const UNIT_HEADER = [
  '单位',
  '单位名称',
  '类型',
  '所属镇（街道）',
  '应公开事项',
  '已按时公开',
  '覆盖率(%)',
  '即将到期',
  '逾期未更新',
  '从未公开',
  '未到期',
  '点题数',
  '超期答复',
  '超期未答复',
];

/**
 * What the launch day (site.yaml `launch`) means for the figures, in one sentence the report,
 * /supervision/ and the downloads all say; undefined without one (every period counts).
 */
export function launchNote(report: Pick<ComplianceReport, 'launch'>): string | undefined {
  if (!report.launch) return undefined;
  return `本站${formatChineseDate(report.launch)}开通，此前开始的期间不计；开通后第一次公开期限还没到的事项记为“未到期”，不算逾期，也不计入应公开事项。`;
}

/** Where the "最近更新" column comes from, in one sentence (the report and /supervision/ both say it). */
export function lastUpdateNote(basis: LastUpdateBasis): string {
  if (basis.kind === 'git')
    return '“最近更新”是 git 记录中最后一次提交本单位内容文件（content/entries/单位/ 和 content/requests/单位/，党内公开的条目除外）的日期（北京时间），不是条目中填写的日期。';
  const why = {
    'no-git': '内容文件夹不在 git 仓库中（或这台电脑没有安装 git）',
    shallow: '仓库是浅克隆（shallow clone），git 记录不完整；请完整克隆（CI 中设置 fetch-depth: 0）',
    'no-commits': basis.firstCommit ? `git 记录中最早的内容提交（${formatChineseDate(basis.firstCommit)}）晚于统计日期` : '内容文件还没有提交到 git',
  }[basis.reason];
  return `注意：${why}，所以“最近更新”暂按条目中填写的发布日期和点题答复日期计算，仅供参考。`;
}

function lastUpdateHeader(basis: LastUpdateBasis): string {
  return basis.kind === 'git' ? '最近更新（git提交日期）' : '最近更新（条目中填写的日期）';
}

function unitRow(u: UnitCompliance, townName: (id: string | undefined) => string): (string | number | undefined)[] {
  return [
    u.unit,
    u.unitName,
    u.kindLabel,
    townName(u.town),
    u.required,
    u.covered,
    u.required === 0 ? undefined : u.rate, // nothing due yet: no rate (a spreadsheet would read 100)
    u.dueSoon,
    u.overdue,
    u.missing,
    u.notDue,
    u.requests,
    u.lateReplies,
    u.overdueRequests,
    u.lastUpdate,
  ];
}

export function complianceCsv(report: ComplianceReport): string {
  const names = new Map(report.towns.map((t) => [t.id, t.name]));
  const townName = (id: string | undefined) => (id ? (names.get(id) ?? id) : '县级');
  return toCsv(
    [...UNIT_HEADER, lastUpdateHeader(report.lastUpdateBasis), '开通日期（此前开始的期间不计）'],
    report.units.map((u) => [...unitRow(u, townName), report.launch]),
  );
}

export function complianceJson(report: ComplianceReport): string {
  const { requests, ...rest } = report;
  const note = launchNote(report);
  const guessed = report.provisionalYears ? { provisionalNote: provisionalNote(report.provisionalYears) } : {};
  return JSON.stringify({ ...rest, ...(note ? { launchNote: note } : {}), ...guessed, requests: requests.map(({ question: _q, ...r }) => r) }, null, 2);
}

function mdCell(v: string | number | undefined): string {
  return v === undefined ? '—' : String(v).replace(/\|/g, '\\|');
}

function rollupLine(r: Rollup, launched: boolean): string {
  const notDue = launched ? ` ${r.notDue} |` : '';
  return `| ${mdCell(r.name)} | ${r.units} | ${r.required} | ${r.covered} | ${rateText(r)} | ${r.overdue} | ${r.missing} |${notDue} ${r.requests} | ${r.lateReplies} | ${r.overdueRequests} |`;
}

/**
 * The county's (or a town's) scheduled items in one sentence: /supervision/ and the report say
 * the same. Before anything is due (launch day) it says so instead of a rate of nothing.
 */

/** Units needing attention first: lowest coverage, then most overdue. */
function worstFirst(units: readonly UnitCompliance[]): UnitCompliance[] {
  return [...units].sort((a, b) => a.rate - b.rate || b.overdue + b.missing - (a.overdue + a.missing) || (a.unit < b.unit ? -1 : 1));
}

export function complianceMarkdown(report: ComplianceReport, opts: { detailUnits?: number } = {}): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`# ${report.county}党务公开督查考评报告`, '');
  lines.push(`统计日期：${formatChineseDate(report.today)}。本报告只根据仓库中的条目日期、公开期次、点题记录和 git 提交记录计算，不采用各单位自报的情况。`, '');
  const launch = launchNote(report);
  if (launch) lines.push(launch, '');
  if (report.provisionalYears) lines.push(provisionalNote(report.provisionalYears), '');
  lines.push(lastUpdateNote(report.lastUpdateBasis), '');
  lines.push('## 全县汇总', '');
  lines.push(`- 单位：${s.units} 个`);
  lines.push(`- ${summaryLine(s)}`);
  lines.push(`- 点题：${s.requests} 件，其中 ${REQUEST_STATES.map((st) => `${REQUEST_STATE_LABELS[st]} ${s.requestStates[st]} 件`).join('，')}`);
  lines.push('');
  lines.push('## 按镇（街道）汇总', '');
  // The 未到期 column only where a launch day makes it mean something.
  const launched = report.launch !== undefined;
  const [notDueHead, notDueRule] = launched ? [' 未到期 |', ' ---: |'] : ['', ''];
  lines.push(`| 范围 | 单位数 | 应公开事项 | 已按时公开 | 覆盖率 | 逾期未更新 | 从未公开 |${notDueHead} 点题 | 超期答复 | 超期未答复 |`);
  lines.push(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |${notDueRule} ---: | ---: | ---: |`);
  for (const t of report.towns) lines.push(rollupLine(t, launched));
  lines.push('');
  lines.push('## 各单位情况（覆盖率从低到高）', '');
  lines.push(`| 单位 | 类型 | 应公开 | 已按时 | 覆盖率 | 即将到期 | 逾期 | 从未公开 |${notDueHead} 点题 | 超期答复 | 超期未答复 | 最近更新 |`);
  lines.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |${notDueRule} ---: | ---: | ---: | --- |`);
  for (const u of worstFirst(report.units)) {
    const notDue = launched ? ` ${u.notDue} |` : '';
    lines.push(
      `| ${mdCell(u.unitName)}（${u.unit}） | ${u.kindLabel} | ${u.required} | ${u.covered} | ${rateText(u)} | ${u.dueSoon} | ${u.overdue} | ${u.missing} |${notDue} ${u.requests} | ${u.lateReplies} | ${u.overdueRequests} | ${mdCell(u.lastUpdate)} |`,
    );
  }
  const attention = report.requests.filter((r) => r.state === 'overdue' || r.state === 'late' || r.state === 'due_today');
  lines.push('', '## 需要关注的点题', '');
  if (attention.length === 0) lines.push('没有超期或今天到期的点题。');
  for (const r of attention) {
    const guess = r.daysLateProvisional ? `（${PROVISIONAL}）` : '';
    const tail =
      r.state === 'late' ? `，${r.replied} 答复，超期 ${r.daysLate} 个工作日${guess}` : r.state === 'overdue' ? `，已超期 ${r.daysLate} 个工作日${guess}` : '';
    const deadline = `${r.deadline ?? '—'}${r.deadlineProvisional ? `（${PROVISIONAL}）` : ''}`;
    lines.push(`- ${r.unitName}：“${r.topic}”，${r.received} 收到，答复期限 ${deadline}，${REQUEST_STATE_LABELS[r.state]}${tail}`);
  }
  const detail = opts.detailUnits ?? 0;
  if (detail > 0) {
    lines.push('', '## 逐项情况（覆盖率最低的单位）', '');
    for (const u of worstFirst(report.units).slice(0, detail)) {
      lines.push(`### ${u.unitName}`, '');
      for (const i of u.items) {
        const extra =
          i.state === 'not_due'
            ? `（开通后第一次应于 ${i.dueBy} 前公开${i.period ? `${i.period}的内容` : ''}）`
            : i.period
              ? `（${i.period}，应于 ${i.dueBy} 前更新）`
              : '';
        lines.push(`- ${i.itemName}：${CADENCE_STATE_LABELS[i.state]}${extra}${i.lastDate ? `，最近一次 ${i.lastDate}` : ''}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n') + '\n';
}
