/**
 * `gongkai import units|boards FILE [--sheet NAME] [--dry-run]`: a county's spreadsheet into
 * units.yaml or boards.yaml. The data sheet is found by its headers (or named by --sheet). Every
 * problem is listed by sheet, row and column; with any error nothing is written. The plan
 * (added, changed, kept, every value read into another form, what a rename moves) is shown
 * first; --dry-run stops there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { applyChanges } from '../load/apply-changes.ts';
import { expectedCodeowners } from '../load/check-codeowners.ts';
import { formatDiagnostic, formatImportProblem } from '../load/format-diagnostics.ts';
import { loadRegistries, publicNumbers } from '../load/load-registries.ts';
import { romanise } from '../load/romanise.ts';
import { Reporter } from '../load/source-file.ts';
import { readWorkbook } from '../load/spreadsheet-file.ts';
import { renderRegistry } from '../load/registry-writer.ts';
import { addressWarning, BOARDS_HEADER, renameEffects } from '../load/unit-rename-files.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import type { Finding } from '../domain/diagnostics.ts';
import { BOARD_COLUMNS, planBoards } from '../domain/import/board-import.ts';
import { chooseSheet, type ImportProblem, type RegistryPlan } from '../domain/import/sheet.ts';
import { planUnits, UNIT_COLUMNS } from '../domain/import/unit-import.ts';
import { checkBoards, checkUnits } from '../domain/rules/registry-rules.ts';
import { ContentError, UsageError } from '../errors.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { IMPORT_USAGE } from './usage.ts';

const HEADERS = {
  units: '# 单位名录：县委、县直单位、镇（街道）、村（社区）党组织。由 gongkai import units 从单位表导入，也可以直接修改。',
  boards: BOARDS_HEADER,
};

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      sheet: { type: 'string' },
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
  const { dirs, reg, shown } = registriesToEdit(values, '（或运行 gongkai init 新建内容文件夹）再导入');
  const target = join(dirs.content, `${what}.yaml`);
  // npm runs scripts in the project folder; the file is where the person typed the command.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const choice = chooseSheet(
    basename(path),
    await readWorkbook(path),
    what === 'units' ? UNIT_COLUMNS : BOARD_COLUMNS,
    what === 'units' ? '单位表' : '公开栏表',
    values.sheet,
  );
  if ('problem' in choice) throw new UsageError(`${choice.problem}。${choice.hint}`);
  const sheet = choice.sheet;
  if (choice.note) console.log(choice.note + '\n');
  const allowed = publicNumbers(reg.site);
  const plan: RegistryPlan<object> =
    what === 'units' ? planUnits(sheet, reg.units, reg.site.county, (s) => romanise(s).full) : planBoards(sheet, reg.boards, reg.units, reg.templates);
  // The registry as a whole after the import (parents of the right kind, templates that exist, no personal numbers).
  const findings: readonly Finding[] =
    what === 'units'
      ? checkUnits(plan.records as typeof reg.units, allowed)
      : checkBoards(plan.records as typeof reg.boards, reg.units, reg.templates, allowed);
  const problems = [...plan.problems, ...findings.map((f) => asProblem(f, plan, sheet.name, target))].sort((a, b) => a.row - b.row);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  for (const p of problems) console.log(formatImportProblem(p, color) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const text = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const renderedText = () => renderRegistry(text, plan, HEADERS[what]);
  // A sheet that renames units (原名称) moves their folders and boards as `gongkai rename unit` does.
  const effects =
    !errors && what === 'units' && plan.renames?.length
      ? renameEffects({
          contentDir: dirs.content,
          site: reg.site,
          units: plan.records as typeof reg.units,
          unitsText: renderedText(),
          boards: reg.boards,
          renames: plan.renames,
          shown,
        })
      : undefined;
  printPlan(plan, what, (i) => describe(plan.records[i] as Record<string, unknown>), effects?.lines ?? []);
  if (errors) {
    console.log(`✗ 表格中有 ${errors} 个错误，没有写入任何文件。请按“提示”改好表格后重新导入。`);
    return 1;
  }
  for (const line of addressWarning(effects?.movedAddresses ?? [])) console.log(line);
  if (values['dry-run']) {
    console.log('（预演：没有写入任何文件。确认无误后，去掉 --dry-run 再运行一次即写入。）');
    return 0;
  }
  if (!plan.added.length && !plan.changed.size) {
    console.log(`✓ ${shown(target)} 已经与表格一致，不需要改动。`);
    return 0;
  }
  if (effects) {
    applyChanges(effects.changes);
    for (const w of effects.changes.write) console.log(`✓ 已写入 ${shown(w.file)}`);
    for (const m of effects.changes.move) console.log(`✓ 已移动 ${shown(m.from)}/ → ${shown(m.to)}/`);
  } else {
    writeFileAtomic(target, renderedText());
    console.log(`✓ 已写入 ${shown(target)}`);
    if (what === 'units') {
      const owners = expectedCodeowners(dirs.content, reg.site, plan.records as typeof reg.units);
      if (owners) {
        writeFileAtomic(owners.file, owners.text);
        console.log(`✓ 已重新生成 ${shown(owners.file)}`);
      }
    }
  }
  console.log(`下一步：运行 npm run check${values.content === 'content' ? '' : ` -- --content ${values.content}`} 检查，然后提交改动。`);
  return 0;
}

/** The registries an import or a rename edits, which must be free of errors first (a rename or an import on a broken registry would hide them). */
export function registriesToEdit(values: { content?: string | undefined; templates?: string | undefined }, then: string) {
  const dirs = resolveDirs(values);
  const shown = (abs: string) => relative(process.cwd(), abs);
  const report = new Reporter(shown);
  const reg = loadRegistries(dirs.content, dirs.templates, report);
  const blocking = report.diagnostics.filter((d) => d.severity === 'error' && /(site|units|boards)\.yaml$/.test(d.file));
  if (blocking.length || !reg.site) {
    for (const d of blocking) console.log(formatDiagnostic(d) + '\n');
    throw new ContentError(`site.yaml、units.yaml 或 boards.yaml 有错误，请先改正${then}。`);
  }
  return { dirs, reg: { ...reg, site: reg.site }, shown };
}

const describe = (r: Record<string, unknown>) => (r.name ? `${r.id} ${r.name}` : `${r.id}（${r.location}，${r.width_mm}×${r.height_mm} 毫米）`);

/** A registry rule's finding, told at the sheet row and column the record came from (or at the record of the file the sheet did not touch). */
function asProblem(f: Finding, plan: RegistryPlan<object>, sheet: string, target: string): ImportProblem {
  const index = typeof f.path?.[0] === 'number' ? f.path[0] : undefined;
  const row = index === undefined ? undefined : plan.rowOf.get(index);
  const column = typeof f.path?.[1] === 'string' ? plan.fieldColumns.get(f.path[1]) : undefined;
  const where =
    row === undefined ? { sheet: `${relative(process.cwd(), target)} 第 ${(index ?? 0) + 1} 条记录`, row: 0 } : { sheet, row, ...(column ? { column } : {}) };
  return { severity: f.severity, ...where, message: f.message, ...(f.hint ? { hint: f.hint } : {}) };
}

/** The plan: each new and changed record, every value read into another form than typed, and what a rename moves. */
function printPlan(plan: RegistryPlan<object>, what: 'units' | 'boards', show: (i: number) => string, effects: readonly string[]): void {
  const noun = what === 'units' ? '单位' : '公开栏';
  const lines = [`导入计划：新增 ${plan.added.length} 个${noun}，修改 ${plan.changed.size} 个，不变 ${plan.unchanged} 个。`];
  const converted = (i: number) => (plan.conversions.get(i) ?? []).map((c) => `      表格中的 ${c}`);
  for (const i of plan.added) lines.push(`  + ${show(i)}`, ...converted(i));
  for (const [i, notes] of plan.changed) lines.push(`  ~ ${show(i)}：${notes.join('；')}`, ...converted(i));
  lines.push(...effects);
  const count = [...plan.conversions.values()].reduce((n, c) => n + c.length, 0);
  if (count) lines.push(`（“表格中的……”是导入时改写了格式的 ${count} 个格子：单位换算、全角字符、多余的空格等；表格本身不会被改动。）`);
  if (plan.notInSheet.length)
    lines.push(
      `名录中有 ${plan.notInSheet.length} 个${noun}不在表格里，保留不动（确实要删除请直接改 ${what}.yaml）：${plan.notInSheet.slice(0, 20).join('、')}${plan.notInSheet.length > 20 ? '……' : ''}`,
    );
  console.log(lines.join('\n') + '\n');
}
