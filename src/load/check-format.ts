/**
 * Before anything else is checked: is the content in the format this Gongkai reads? A county that
 * upgraded Gongkai without running `gongkai migrate` would otherwise meet a dozen schema errors
 * about keys that merely moved; a machine with an older Gongkai than the content's (a stale
 * node_modules) would misread it. Either way one error says what to run, and loading stops.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '../domain/diagnostics.ts';
import { pendingMigrations, planMigrations, readByAny, recordedFormat, type MigrationPlan } from '../domain/migrations/plan.ts';
import { compareVersions } from '../domain/migrations/versions.ts';
import type { ContentFile } from '../domain/migrations/migrations.ts';
import { installedGongkai } from './installed-gongkai.ts';
import type { Reporter } from './source-file.ts';
import { walkFiles } from '../io/walk.ts';
import { parseYamlSource } from './yaml-source.ts';

/** What `gongkai migrate` would change in this content folder (nothing when it is current). */
export function migrationPlanFor(contentDir: string): MigrationPlan | undefined {
  const site = join(contentDir, 'site.yaml');
  if (!existsSync(site)) return undefined;
  const recorded = recordedFormat(readFileSync(site, 'utf8'));
  const steps = pendingMigrations(recorded);
  // Only the files a pending migration reads are read: a current county costs one file.
  const files: ContentFile[] = steps.length
    ? walkFiles(contentDir)
        .filter((path) => readByAny(steps, path))
        .map((path) => ({ path, text: readFileSync(join(contentDir, path), 'utf8') }))
    : [];
  return planMigrations(recorded, files);
}

/** Reports a content format this Gongkai cannot read; false when loading must stop. */
export function checkContentFormat(contentDir: string, report: Reporter): boolean {
  const site = join(contentDir, 'site.yaml');
  if (!existsSync(site)) return true;
  const text = readFileSync(site, 'utf8');
  const recorded = recordedFormat(text);
  const installed = installedGongkai().version;
  const at = (f: ReturnType<typeof error>) => report.fields(site, parseYamlSource(text), [f]);
  if (recorded && compareVersions(recorded, installed) > 0) {
    at(
      error(
        'gongkai-too-old',
        `内容是按 Gongkai ${recorded} 的格式写的，这台电脑上安装的 Gongkai 是 ${installed}，比内容旧，读不了新格式`,
        `运行 npm ci，安装 package.json 中写的 Gongkai 版本；package.json 中的版本也比 ${recorded} 旧时，把它改成 ${recorded} 或更新的版本，再运行 npm install。`,
        ['format_version'],
      ),
    );
    return false;
  }
  const plan = migrationPlanFor(contentDir);
  if (!plan?.substantive) return true;
  const files = plan.changes.map((c) => c.path);
  at(
    error(
      'content-format-old',
      `内容还是 Gongkai ${plan.from} 的格式，这台电脑上的 Gongkai ${installed} 要用 ${plan.to} 的格式：要改 ${files.length} 个文件（${files.slice(0, 3).join('、')}${files.length > 3 ? ' 等' : ''}）`,
      '先运行 npm run gongkai -- migrate 看看会改哪些地方（不写入），再运行 npm run gongkai -- migrate --write 改好，检查后提交。每个版本改了什么，见 Gongkai 的更新说明 CHANGELOG.md。',
      recorded ? ['format_version'] : [],
    ),
  );
  return false;
}
