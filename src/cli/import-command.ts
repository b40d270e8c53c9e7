/**
 * `gongkai import units|boards FILE [--dry-run]`: a county's spreadsheet into units.yaml or
 * boards.yaml. Every problem is listed by sheet, row and column; with any error nothing is
 * written. The plan (added, changed, kept) is shown first; --dry-run stops there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expectedCodeowners } from '../content/check-codeowners.ts';
import { formatDiagnostic, formatImportProblem } from '../content/format-diagnostics.ts';
import { loadRegistries } from '../content/load-registries.ts';
import { romanise } from '../content/romanise.ts';
import { Reporter } from '../content/source-file.ts';
import { readSpreadsheet } from '../content/spreadsheet-file.ts';
import { renderRegistry } from '../content/registry-writer.ts';
import { writeFileAtomic } from '../content/write-atomic.ts';
import type { Finding } from '../domain/diagnostics.ts';
import { planBoards } from '../domain/import/board-import.ts';
import type { RegistryPlan } from '../domain/import/sheet.ts';
import type { ImportProblem } from '../domain/import/sheet.ts';
import { planUnits } from '../domain/import/unit-import.ts';
import { checkBoards, checkUnits } from '../domain/rules/registry-rules.ts';
import { ContentError, UsageError } from '../errors.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { IMPORT_USAGE } from './usage.ts';

const HEADERS = {
  units: '# 单位名录：县委、县直单位、镇（街道）、村（社区）党组织。由 gongkai import units 从单位表导入，也可以直接修改。',
  boards: '# 公开栏名录：尺寸单位为毫米。由 gongkai import boards 从公开栏表导入，也可以直接修改。',
};

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    IMPORT_USAGE,
  );
  if (values.help) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const [what, file, ...extra] = positionals;
  if ((what !== 'units' && what !== 'boards') || !file || extra.length) throw new UsageError(`请写明导入什么和表格文件。\n\n${IMPORT_USAGE}`);
  const dirs = resolveDirs(values);
  const report = new Reporter((abs) => relative(process.cwd(), abs));
  const reg = loadRegistries(dirs.content, dirs.templates, report);
  const target = join(dirs.content, `${what}.yaml`);
  const blocking = report.diagnostics.filter((d) => d.severity === 'error' && /(site|units|boards)\.yaml$/.test(d.file));
  if (blocking.length || !reg.site) {
    for (const d of blocking) console.log(formatDiagnostic(d) + '\n');
    throw new ContentError('site.yaml、units.yaml 或 boards.yaml 有错误，请先改正（或运行 gongkai init 新建内容文件夹）再导入。');
  }
  // npm runs scripts in the project folder; the file is where the person typed the command.
  const sheet = await readSpreadsheet(resolve(process.env.INIT_CWD ?? process.cwd(), file));
  const plan: RegistryPlan<object> =
    what === 'units' ? planUnits(sheet, reg.units, reg.site.county, (s) => romanise(s).full) : planBoards(sheet, reg.boards, reg.units, reg.templates);
  // The registry as a whole after the import (parents of the right kind, templates that exist).
  const findings: readonly Finding[] =
    what === 'units' ? checkUnits(plan.records as typeof reg.units) : checkBoards(plan.records as typeof reg.boards, reg.units, reg.templates);
  const problems = [...plan.problems, ...findings.map((f) => asProblem(f, plan, sheet.name, target))].sort((a, b) => a.row - b.row);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  for (const p of problems) console.log(formatImportProblem(p, color) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  printPlan(plan, what, (i) => describe(plan.records[i] as Record<string, unknown>));
  if (errors) {
    console.log(`✗ 表格中有 ${errors} 个错误，没有写入任何文件。请按“提示”改好表格后重新导入。`);
    return 1;
  }
  if (values['dry-run']) {
    console.log('（预演：没有写入任何文件。确认无误后，去掉 --dry-run 再运行一次即写入。）');
    return 0;
  }
  if (!plan.added.length && !plan.changed.size) {
    console.log(`✓ ${relative(process.cwd(), target)} 已经与表格一致，不需要改动。`);
    return 0;
  }
  writeFileAtomic(target, renderRegistry(existsSync(target) ? readFileSync(target, 'utf8') : '', plan, HEADERS[what]));
  console.log(`✓ 已写入 ${relative(process.cwd(), target)}`);
  if (what === 'units') {
    const owners = expectedCodeowners(dirs.content, reg.site, plan.records as typeof reg.units);
    if (owners) {
      writeFileAtomic(owners.file, owners.text);
      console.log(`✓ 已重新生成 ${relative(process.cwd(), owners.file)}`);
    }
  }
  console.log(`下一步：运行 npm run check${values.content === 'content' ? '' : ` -- --content ${values.content}`} 检查，然后提交改动。`);
  return 0;
}

const describe = (r: Record<string, unknown>) => (r.name ? `${r.id} ${r.name}` : `${r.id}（${r.location}，${r.width_mm}×${r.height_mm} 毫米）`);

/** A registry rule's finding, told at the sheet row the record came from (or at the record of the file the sheet did not touch). */
function asProblem(f: Finding, plan: RegistryPlan<object>, sheet: string, target: string): ImportProblem {
  const index = typeof f.path?.[0] === 'number' ? f.path[0] : undefined;
  const row = index === undefined ? undefined : plan.rowOf.get(index);
  const where = row === undefined ? { sheet: `${relative(process.cwd(), target)} 第 ${(index ?? 0) + 1} 条记录`, row: 0 } : { sheet, row };
  return { severity: f.severity, ...where, message: f.message, ...(f.hint ? { hint: f.hint } : {}) };
}

function printPlan(plan: RegistryPlan<object>, what: 'units' | 'boards', show: (i: number) => string): void {
  const noun = what === 'units' ? '单位' : '公开栏';
  const lines = [`导入计划：新增 ${plan.added.length} 个${noun}，修改 ${plan.changed.size} 个，不变 ${plan.unchanged} 个。`];
  for (const i of plan.added) lines.push(`  + ${show(i)}`);
  for (const [i, notes] of plan.changed) lines.push(`  ~ ${show(i)}：${notes.join('；')}`);
  if (plan.notInSheet.length)
    lines.push(
      `名录中有 ${plan.notInSheet.length} 个${noun}不在表格里，保留不动（确实要删除请直接改 ${what}.yaml）：${plan.notInSheet.slice(0, 20).join('、')}${plan.notInSheet.length > 20 ? '……' : ''}`,
    );
  console.log(lines.join('\n') + '\n');
}
