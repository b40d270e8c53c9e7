/** `gongkai codeowners [--content DIR]`: writes CODEOWNERS from content/units.yaml. */
import { relative } from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { loadRegistries } from '../load/load-registries.ts';
import { expectedCodeowners } from '../load/check-codeowners.ts';
import { Reporter } from '../load/source-file.ts';
import { parseFlags, resolveDirs } from './args.ts';
import { formatDiagnostic } from '../load/format-diagnostics.ts';
import { ContentError, UsageError } from '../errors.ts';
import { CODEOWNERS_USAGE } from './usage.ts';

export function codeownersCommand(argv: string[]): number {
  const { values } = parseFlags(
    argv,
    { content: { type: 'string', default: 'content' }, templates: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    CODEOWNERS_USAGE,
  );
  if (values.help) {
    console.log(CODEOWNERS_USAGE);
    return 0;
  }
  const dirs = resolveDirs(values);
  const report = new Reporter((abs) => relative(process.cwd(), abs));
  const reg = loadRegistries(dirs.content, dirs.templates, report);
  const fatal = report.diagnostics.filter((d) => d.severity === 'error' && /(site|units)\.yaml$/.test(d.file));
  if (fatal.length || !reg.site) {
    for (const d of fatal) console.log(formatDiagnostic(d) + '\n');
    throw new ContentError('site.yaml 或 units.yaml 有错误，请先改正。');
  }
  const expected = expectedCodeowners(dirs.content, reg.site, reg.units);
  if (!expected) throw new UsageError('site.yaml 中没有 codeowners 设置（forge 和 office），不知道写到哪里。');
  writeFileAtomic(expected.file, expected.text);
  console.log(`✓ 已生成 ${relative(process.cwd(), expected.file)}（${reg.units.length} 个单位）`);
  return 0;
}
