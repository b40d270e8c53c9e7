/**
 * Release notes as printers read them: Markdown (an e-mail, a PR comment), CSV (a spreadsheet
 * to tick off what was printed), and the title the printers' page shows.
 * Everything a person reads is Chinese. Light on purpose: the page imports it.
 */
import { todayLine } from '../domain/time/today.ts';
import { toCsv } from '../domain/csv.ts';
import { CHANGE_LABELS, PRINT_KIND_LABELS, type ReleaseNotes, type ReleaseSide, type ReprintRow } from './release-diff.ts';

function sideLine(s: ReleaseSide): string {
  return `${s.label}${s.commit ? `（提交 ${s.commit}）` : ''}，${todayLine(s.today, '内容日期')}`;
}

/** 公开栏 3 块、明白卡 1 种 — counts per kind, only the kinds present. */
function countLine(rows: readonly ReprintRow[]): string {
  const boards = rows.filter((r) => r.kind === 'board').length;
  const cards = rows.filter((r) => r.kind === 'card').length;
  return [boards ? `公开栏 ${boards} 块` : '', cards ? `明白卡 ${cards} 种` : ''].filter(Boolean).join('、') || '无';
}

const md = (v: string | undefined) => (v ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The file's sha256 before → after (无 where a side has no file): what a shop checks its copy against. */
export function shaChange(r: ReprintRow): string {
  return `${r.sha256?.before ?? '无'} → ${r.sha256?.after ?? '无'}`;
}

export function releaseNotesTitle(n: ReleaseNotes): string {
  return `重新印刷清单：${n.from.label} → ${n.to.label}`;
}

export function releaseNotesMarkdown(n: ReleaseNotes): string {
  const print = n.rows.filter((r) => r.change !== 'removed');
  const gone = n.rows.filter((r) => r.change === 'removed');
  const lines = [`# ${releaseNotesTitle(n)}`, ''];
  lines.push(`- 上一版本：${sideLine(n.from)}`);
  lines.push(`- 本版本：${sideLine(n.to)}`);
  lines.push(`- 需要印刷：${countLine(print)}；不再印刷：${countLine(gone)}；其余 ${n.unchanged} 个印刷文件与上一版本相同，不用重新印刷。`);
  lines.push('- 两个版本的印刷文件都已排出逐字节比较：只列出文件确实不同的（sha256 不同）；内容改了、印出来的文件却完全相同的，不列。');
  for (const w of n.warnings) lines.push('', `> 注意：${w}`);
  lines.push('', '## 只印这些', '');
  if (print.length === 0) lines.push('两个版本之间没有需要重新印刷的公开栏和明白卡。');
  else {
    lines.push('| 类别 | 标识 | 单位 | 所属镇（街道） | 位置 | 成品尺寸（毫米） | 印刷文件 | 变化 | 原因 | sha256（上一版本 → 本版本） |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of print) {
      lines.push(
        `| ${PRINT_KIND_LABELS[r.kind]} | ${md(r.id)} | ${md(r.unitName)} | ${md(r.townName)} | ${md(r.place)} | ${md(r.size)} | ${md(r.file)} | ${CHANGE_LABELS[r.change]} | ${md(r.reasons.join('；'))} | ${shaChange(r)} |`,
      );
    }
  }
  if (gone.length) {
    lines.push('', '## 不再印刷', '');
    for (const r of gone)
      lines.push(
        `- ${PRINT_KIND_LABELS[r.kind]} ${r.id}（${r.unitName}，${r.place}）：${r.reasons.join('；')}（上一版本的文件 sha256 ${r.sha256?.before ?? '—'}）`,
      );
  }
  lines.push('', '印刷文件在网站的 /print/ 页面和各镇压缩包中；收到文件后请按 manifest.csv 核对 sha256。');
  return lines.join('\n') + '\n';
}

export function releaseNotesCsv(n: ReleaseNotes): string {
  return toCsv(
    [
      '类别',
      '标识',
      '单位标识',
      '单位',
      '所属镇（街道）',
      '位置',
      '成品尺寸（毫米）',
      '印刷文件',
      '变化',
      '原因',
      '上一版本',
      '本版本',
      '上一版本文件 sha256',
      '本版本文件 sha256',
    ],
    n.rows.map((r) => [
      PRINT_KIND_LABELS[r.kind],
      r.id,
      r.unit,
      r.unitName,
      r.townName,
      r.place,
      r.size,
      r.file,
      CHANGE_LABELS[r.change],
      r.reasons.join('；'),
      n.from.label,
      n.to.label,
      r.sha256?.before,
      r.sha256?.after,
    ]),
  );
}
