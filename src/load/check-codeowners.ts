/** `check` keeps the forge's CODEOWNERS file in step with content/units.yaml. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CODEOWNERS_PATH, renderCodeowners } from '../domain/codeowners.ts';
import { error } from '../domain/diagnostics.ts';
import type { Site } from '../domain/schema/site.ts';
import type { Unit } from '../domain/schema/unit.ts';
import type { Reporter } from './source-file.ts';

export function expectedCodeowners(contentDir: string, site: Site, units: readonly Unit[]): { file: string; text: string } | undefined {
  if (!site.codeowners) return undefined;
  const repo = dirname(contentDir);
  return {
    file: join(repo, CODEOWNERS_PATH[site.codeowners.forge]),
    text: renderCodeowners(units, { ...site.codeowners, contentPath: basename(contentDir) }),
  };
}

export function checkCodeowners(contentDir: string, site: Site, units: readonly Unit[], report: Reporter): void {
  const expected = expectedCodeowners(contentDir, site, units);
  if (!expected) return;
  const actual = existsSync(expected.file) ? readFileSync(expected.file, 'utf8') : undefined;
  if (actual === expected.text) return;
  report.file(
    expected.file,
    error(
      'codeowners-outdated',
      actual === undefined ? '缺少 CODEOWNERS 文件：无法保证各单位只能修改自己的内容' : 'CODEOWNERS 与 content/units.yaml 不一致（单位或维护人有变动）',
      '请运行 npm run codeowners 重新生成，并把它和 units.yaml 的改动一起提交。',
    ),
  );
}
