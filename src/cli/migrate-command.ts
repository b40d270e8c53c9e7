/**
 * `gongkai migrate [--write]`: brings a county's content to the format of the installed Gongkai
 * after an upgrade. Without --write it is a dry run: it lists every file it would change and the
 * lines, and writes nothing. With --write the same changes are made, each file replaced whole.
 */
import { relative, join } from 'node:path';
import { checkContentFormat, migrationPlanFor } from '../load/check-format.ts';
import { formatDiagnostic } from '../load/format-diagnostics.ts';
import { installedGongkai } from '../load/installed-gongkai.ts';
import { applyMigrationPlan } from '../load/migrate-content.ts';
import { Reporter } from '../load/source-file.ts';
import { formatMigrationPlan } from '../domain/migrations/report.ts';
import { ContentError, UsageError } from '../errors.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { MIGRATE_USAGE } from './usage.ts';

export function migrateCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    { content: { type: 'string', default: 'content' }, write: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    MIGRATE_USAGE,
  );
  if (values.help) {
    console.log(MIGRATE_USAGE);
    return 0;
  }
  const { content } = resolveDirs(values);
  const shown = (path: string) => relative(process.cwd(), join(content, path)) || path;
  const plan = migrationPlanFor(content);
  if (!plan) throw new UsageError(`${shown('site.yaml')} 不存在：请在本县仓库的根目录运行，或用 --content 指定内容文件夹。`);
  const installed = installedGongkai().version;
  // Content newer than this Gongkai cannot be migrated back: say what to install instead.
  const report = new Reporter((abs) => relative(process.cwd(), abs));
  if (!checkContentFormat(content, report) && report.diagnostics.some((d) => d.code === 'gongkai-too-old')) {
    for (const d of report.diagnostics) console.log(`${formatDiagnostic(d)}\n`);
    throw new ContentError('没有迁移：这台电脑上的 Gongkai 比内容旧。');
  }
  if (!plan.changes.length) {
    console.log(`✓ 内容已经是 Gongkai ${plan.to} 的格式（这台电脑上的 Gongkai 是 ${installed}），不需要迁移。`);
    return 0;
  }
  for (const line of formatMigrationPlan(plan, { installed, shown })) console.log(line);
  console.log('');
  if (!values.write) {
    console.log(`这是试运行，没有写入任何文件。核对上面的改动后，运行 npm run gongkai -- migrate --write 写入。`);
    return 0;
  }
  applyMigrationPlan(content, plan);
  console.log(
    [
      `✓ 已改好 ${plan.changes.length} 个文件，内容现在是 Gongkai ${plan.to} 的格式。`,
      '下一步：运行 npm run check 检查，然后提交，例如',
      `  git add -A && git commit -m "内容格式迁移到 Gongkai ${plan.to}"`,
    ].join('\n'),
  );
  return 0;
}
