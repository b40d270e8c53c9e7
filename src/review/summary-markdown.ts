/**
 * The Chinese Markdown summary a reviewer reads on a pull request: is the change valid, what
 * does each changed file mean (title, unit, public or not, on which board, from when), what
 * changed in its words, what must be reprinted and why — today, and on the later days the change
 * reaches — and what the reprinted pages look like on the day they are printed.
 */
import { formatChineseDate } from '../domain/dates.ts';
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { ChangeReview, FileReview } from './change-review.ts';
import { CHANGE_LABELS, PRINT_KIND_LABELS, type ReprintRow } from './release-diff.ts';

/** One rendered page of a product to reprint. */
export interface PreviewImage {
  kind: ReprintRow['kind'];
  id: string;
  /** 第1页, 第2页（续页）, 正面, 反面 … */
  label: string;
  /** File name of the PNG (in the previews folder or under previewUrl). */
  name: string;
  /** The later day it is printed on (absent: the summary's day). */
  date?: string;
}

/** How a product printed on a day is named in `pages` and `layout`. */
export const pageKey = (date: string, r: Pick<ReprintRow, 'kind' | 'id'>) => `${date}:${r.kind}:${r.id}`;

export interface SummaryInput {
  review: ChangeReview;
  diagnostics: readonly Diagnostic[];
  filesChecked: number;
  today: string;
  /** Page counts of the reprinted products, by `pageKey` (continuation sheets are pages after the first). */
  pages: ReadonlyMap<string, number>;
  /** What the layout left out or shortened on a reprinted product, by `pageKey`. */
  layout: ReadonlyMap<string, readonly string[]>;
  previews: readonly PreviewImage[];
  /** Products left without previews (the summary shows at most a few). */
  previewsLeftOut: number;
  /** Makes `path:line` a link (e.g. https://host/owner/repo/blob/<sha>/); plain text when absent. */
  fileUrl?: (path: string, line: number) => string;
  /** Where the preview images are served (…/<name>); they are named as files of the run's attachment when absent. */
  previewUrl?: (name: string) => string;
}

const STATUS = { added: '新增', modified: '修改', deleted: '删除', renamed: '改名' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function diagnosticsTable(list: readonly Diagnostic[], link: SummaryInput['fileUrl']): string[] {
  const rows = list.map((d) => {
    const where = `${d.file} 第${d.line}行`;
    return `| ${link ? `[${cell(where)}](${link(d.file, d.line)})` : cell(where)} | ${cell(d.message)} | ${cell(d.hint ?? '')} |`;
  });
  return ['| 位置 | 问题 | 怎么改 |', '| --- | --- | --- |', ...rows];
}

function fileLines(f: FileReview, link: SummaryInput['fileUrl']): string[] {
  const scope = f.scope === 'party' ? '党内公开' : f.scope === 'public' ? '社会公开' : undefined;
  const name = f.title ? `**《${f.title}》**` : f.kind === 'entry' ? '**一条条目**' : `**${code(f.path)}**`;
  const head = [name, f.unitName, STATUS[f.status], scope].filter(Boolean).join(' · ');
  const out = [`- ${head}`, `  - ${f.placement}`];
  if (f.title || f.kind === 'entry') out.push(`  - ${code(f.from ? `${f.from} → ${f.path}` : f.path)}`);
  if (f.changes?.hunks.length) {
    out.push('  - 改了哪些字（<del>删去</del>、<ins>加上</ins>）：');
    for (const h of f.changes.hunks) {
      const where = h.line ? (link ? `[第${h.line}行](${link(f.path, h.line)})` : `第${h.line}行`) : '';
      out.push(`    - ${where ? `${where}：` : ''}${h.markdown}`);
    }
    if (f.changes.more) out.push(`    - ……另有 ${f.changes.more} 处改动，请在“改动”页查看`);
  } else if (f.changes) {
    out.push('  - 文字没有变化（改的是其他字段，或只改了空格和换行）。');
  }
  return out;
}

function reprintLines(rows: readonly ReprintRow[], date: string, s: Pick<SummaryInput, 'pages' | 'layout'>): string[] {
  const out: string[] = [];
  for (const r of rows.slice(0, 40)) {
    const n = s.pages.get(pageKey(date, r));
    const sheets = r.kind === 'board' && n && n > 1 ? `，共 ${n} 页（第2${n > 2 ? `–${n}` : ''}页是续页，要一起印）` : '';
    out.push(`- ${PRINT_KIND_LABELS[r.kind]} **${r.id}**（${r.unitName}，${r.place}，${r.size} 毫米${sheets}）：${CHANGE_LABELS[r.change]}`);
    for (const reason of r.reasons.slice(0, 6)) out.push(`  - ${reason}`);
    if (r.reasons.length > 6) out.push(`  - ……另有 ${r.reasons.length - 6} 条`);
    for (const note of s.layout.get(pageKey(date, r)) ?? []) out.push(`  - ⚠️ ${note}`);
  }
  if (rows.length > 40) out.push(`- ……另有 ${rows.length - 40} 项，见构建生成的印刷清单`);
  return out;
}

function laterLines(s: SummaryInput): string[] {
  const later = s.review.later;
  const out: string[] = ['', '### 以后要重新印刷', ''];
  if (later.days.length === 0) out.push('- 本次改动不会让以后哪一天另外需要重新印刷。');
  else {
    out.push('发布日期、公示开始日期等在今天之后的内容，到那天才上栏、上卡。到了下面的日期，按那天构建的印刷文件重新印刷：', '');
    for (const d of later.days) out.push(`#### ${formatChineseDate(d.date)}（${d.date}）起`, '', ...reprintLines(d.rows, d.date, s), '');
    out.pop();
  }
  if (later.notChecked) out.push('', `另有 ${later.notChecked} 个更晚的日期没有计算（改动涉及的单位太多，或节假日安排尚未录入）。`);
  return out;
}

export function renderSummary(s: SummaryInput): string {
  const errors = s.diagnostics.filter((d) => d.severity === 'error');
  const warnings = s.diagnostics.filter((d) => d.severity === 'warning');
  const out: string[] = ['## 党务公开：本次改动检查结果', ''];
  if (errors.length === 0) out.push(`✅ 内容检查通过（${s.filesChecked.toLocaleString('en-US')} 个文件）。`);
  else out.push(`❌ 发现 ${errors.length} 个错误，合并前必须改正：`, '', ...diagnosticsTable(errors, s.fileUrl));
  if (warnings.length)
    out.push(
      '',
      `<details><summary>⚠️ ${warnings.length} 个警告（不影响合并，建议处理）</summary>`,
      '',
      ...diagnosticsTable(warnings, s.fileUrl),
      '',
      '</details>',
    );

  const content = s.review.files.filter((f) => f.kind !== 'other');
  out.push('', '### 改了什么', '');
  if (content.length) for (const f of content) out.push(...fileLines(f, s.fileUrl));
  else out.push('- 没有改动内容文件。');
  const other = s.review.files.length - content.length;
  if (other) out.push(`- 另有 ${other} 个不是内容的文件（程序、说明文档等）。`);

  const rows = s.review.reprints.rows;
  out.push('', `### 需要重新印刷（按 ${s.today} 的内容）`, '');
  if (errors.length) out.push('有错误的文件没有算在内（它们现在不会发布）：改正以后，这里会按改正后的内容重新列出。', '');
  if (rows.length) out.push(...reprintLines(rows, s.today, s));
  else out.push('- 不需要重新印刷任何公开栏和明白卡。');
  const same = s.review.reprints.sameFile;
  if (same) out.push(`- 另有 ${same} 项的内容有变化，但按本次内容排出的印刷文件与原来完全相同，不需要重新印刷。`);
  out.push(...laterLines(s));

  if (s.previews.length) {
    out.push('', '### 印出来的样子', '');
    if (!s.previewUrl) out.push(`预览图（真实文字）在本次运行的附件“previews”中：${s.previews.map((p) => p.name).join('、')}。`);
    else
      for (const p of s.previews) {
        const title = `${PRINT_KIND_LABELS[p.kind]} ${p.id} ${p.label}${p.date ? `（${formatChineseDate(p.date)}起）` : ''}`;
        out.push(`**${title}**`, '', `![${title}](${s.previewUrl(p.name)})`, '');
      }
    if (s.previewsLeftOut) out.push(`另有 ${s.previewsLeftOut} 项没有预览（摘要只放前几项），请看构建生成的印刷文件。`);
  }
  return `${out.join('\n')}\n`;
}
