/** How diagnostics read in a terminal and as JSON. */
import type { Diagnostic } from '../domain/diagnostics.ts';
import type { ImportProblem } from '../domain/import/sheet.ts';
import type { LoadResult } from './load-project.ts';

const LABEL = { error: '错误', warning: '警告' } as const;

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const head = `${d.file}:${d.line}:${d.column}: ${paint(d.severity === 'error' ? '31;1' : '33;1', `${LABEL[d.severity]}[${d.code}]`)} ${d.message}`;
  if (!d.hint) return head;
  const [first, ...rest] = d.hint.split('\n');
  return [head, `  提示：${first}`, ...rest.map((l) => `        ${l}`)].join('\n');
}

export function formatSummary(r: Pick<LoadResult, 'errorCount' | 'warningCount' | 'fileCount'>, seconds: number): string {
  const files = `检查了 ${r.fileCount.toLocaleString('en-US')} 个文件（${seconds.toFixed(1)} 秒）`;
  if (r.errorCount === 0 && r.warningCount === 0) return `✓ ${files}，没有发现问题。`;
  if (r.errorCount === 0) return `✓ ${files}，没有错误，有 ${r.warningCount} 个警告。`;
  return `✗ ${files}，发现 ${r.errorCount} 个错误、${r.warningCount} 个警告。请按“提示”逐条修改后再运行 npm run check。`;
}

export function toJson(r: LoadResult, seconds: number): string {
  return JSON.stringify(
    {
      ok: r.errorCount === 0,
      files: r.fileCount,
      errors: r.errorCount,
      warnings: r.warningCount,
      seconds: Number(seconds.toFixed(3)),
      diagnostics: r.diagnostics,
    },
    null,
    2,
  );
}

/** A problem in a spreadsheet, as the import prints it: the sheet, the row and the column a clerk looks for in Excel. */
export function formatImportProblem(p: ImportProblem, color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const head = `${p.sheet} 第 ${p.row} 行${p.column ? ` ${p.column}` : ''}：${paint(p.severity === 'error' ? '31;1' : '33;1', LABEL[p.severity])} ${p.message}`;
  return p.hint ? `${head}\n  提示：${p.hint}` : head;
}
