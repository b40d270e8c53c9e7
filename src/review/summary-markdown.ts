/**
 * The Chinese Markdown summary a reviewer reads on a pull request: is the change valid,
 * what does it change on which boards and cards, and what will they look like.
 */
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { Impact, Registry } from '../domain/impact.ts';

export interface SummaryInput {
  impact: Impact;
  registry: Registry;
  diagnostics: readonly Diagnostic[];
  filesChecked: number;
  /** Makes `path:line` a link (e.g. https://host/owner/repo/blob/<sha>/); plain text when absent. */
  fileUrl?: (path: string, line: number) => string;
  /** Where preview images of boards are served (…/<board-id>.png); listed as files when absent. */
  previewUrl?: (boardId: string) => string;
  previewsAvailable: ReadonlySet<string>;
}

const STATUS = { added: '新增', modified: '修改', deleted: '删除', renamed: '改名' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function diagnosticsTable(list: readonly Diagnostic[], link: SummaryInput['fileUrl']): string[] {
  const rows = list.map((d) => {
    const where = `${d.file} 第${d.line}行`;
    return `| ${link ? `[${cell(where)}](${link(d.file, d.line)})` : cell(where)} | ${cell(d.message)} | ${cell(d.hint ?? '')} |`;
  });
  return ['| 位置 | 问题 | 怎么改 |', '| --- | --- | --- |', ...rows];
}

export function renderSummary(s: SummaryInput): string {
  const errors = s.diagnostics.filter((d) => d.severity === 'error');
  const warnings = s.diagnostics.filter((d) => d.severity === 'warning');
  const unitName = new Map(s.registry.units.map((u) => [u.id, u.name]));
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

  const i = s.impact;
  out.push('', '### 这次改动影响什么', '');
  if (i.everything.length) out.push(`- **全部公开栏和明白卡**都要重新生成，因为改动了：${i.everything.join('、')}。`);
  if (i.entries.length) {
    out.push(`- 公开条目 ${i.entries.length} 条：`);
    for (const e of i.entries) out.push(`  - ${unitName.get(e.unit) ?? e.unit}：\`${e.path}\`（${STATUS[e.status]}）`);
  }
  if (i.requests.length) out.push(`- 点题记录 ${i.requests.length} 条：${i.requests.map((r) => `\`${r.path}\`（${STATUS[r.status]}）`).join('、')}`);
  if (i.pages.length) out.push(`- 网站栏目页面：${i.pages.map((p) => `\`${p}\``).join('、')}`);
  const boards = i.boards.map((id) => s.registry.boards.find((b) => b.id === id)).filter((b) => b !== undefined);
  if (boards.length) {
    out.push(`- 需要重新印刷的公开栏 ${boards.length} 块：`);
    for (const b of boards.slice(0, 50)) out.push(`  - ${b.id}：${unitName.get(b.unit) ?? b.unit}，${b.location}，${b.width_mm}×${b.height_mm} 毫米`);
    if (boards.length > 50) out.push(`  - ……另有 ${boards.length - 50} 块`);
  }
  if (i.cards.length)
    out.push(`- 需要重新印刷的明白卡：${i.cards.length <= 20 ? i.cards.map((u) => unitName.get(u) ?? u).join('、') : `${i.cards.length} 个单位`}`);
  if (!i.everything.length && !i.entries.length && !i.requests.length && !i.pages.length && !boards.length) out.push('- 不影响网站、公开栏和明白卡。');

  const withPreview = boards.filter((b) => s.previewsAvailable.has(b.id)).slice(0, 12);
  if (withPreview.length) {
    out.push('', '### 公开栏预览', '');
    if (s.previewUrl)
      for (const b of withPreview) out.push(`**${b.id}**（${unitName.get(b.unit) ?? b.unit}）`, '', `![${b.id} 预览](${s.previewUrl(b.id)})`, '');
    else out.push(`预览图在本次运行的附件“previews”中：${withPreview.map((b) => `${b.id}.png`).join('、')}。`);
  }
  return `${out.join('\n')}\n`;
}
