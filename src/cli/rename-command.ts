/**
 * `gongkai rename unit OLD NEW [--id ID | --keep-id] [--town TOWN] [--dry-run]`: a unit's new
 * name, and the id it gives, carried everywhere the id is — units.yaml (the unit and the units
 * under it), boards.yaml, content/entries/<id>, content/requests/<id> and CODEOWNERS — all at
 * once or not at all. The dry run lists every change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyChanges } from '../load/apply-changes.ts';
import { renderRegistry } from '../load/registry-writer.ts';
import { romanise } from '../load/romanise.ts';
import { addressWarning, renameEffects } from '../load/unit-rename-files.ts';
import { planRename } from '../domain/import/unit-rename.ts';
import { UsageError } from '../errors.ts';
import { parseFlags } from './args.ts';
import { registriesToEdit } from './import-command.ts';
import { RENAME_USAGE } from './usage.ts';

const UNITS_HEADER = '# 单位名录：县委、县直单位、镇（街道）、村（社区）党组织。';

export async function renameCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      id: { type: 'string' },
      'keep-id': { type: 'boolean', default: false },
      town: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    RENAME_USAGE,
  );
  if (values.help) {
    console.log(RENAME_USAGE);
    return 0;
  }
  const [what, oldName, newName, ...extra] = positionals;
  if (what !== 'unit' || !oldName || !newName || extra.length) throw new UsageError(`请写明要改名的单位和新名称。\n\n${RENAME_USAGE}`);
  if (values.id && values['keep-id']) throw new UsageError('--id 和 --keep-id 只能用一个。');
  const { dirs, reg, shown } = registriesToEdit(values, '再改名');
  const plan = planRename(
    reg.units,
    {
      old: oldName,
      new: newName,
      ...(values.id ? { id: values.id } : {}),
      ...(values['keep-id'] ? { keepId: true } : {}),
      ...(values.town ? { town: values.town } : {}),
    },
    reg.site.county,
    (s) => romanise(s).full,
  );
  if ('problem' in plan) {
    console.log(`错误 ${plan.problem}\n  提示：${plan.hint}`);
    console.log('✗ 没有改动任何文件。');
    return 1;
  }
  const unitsFile = join(dirs.content, 'units.yaml');
  const unitsText = renderRegistry(readFileSync(unitsFile, 'utf8'), { records: plan.units, changed: plan.unitChanges, added: [] }, UNITS_HEADER);
  const effects = renameEffects({ contentDir: dirs.content, site: reg.site, units: plan.units, unitsText, boards: reg.boards, renames: [plan.rename], shown });
  const r = plan.rename;
  const lines = [`改名：“${r.oldName}”（${r.from}） → “${r.newName}”（${r.to}）`];
  for (const [i, notes] of plan.unitChanges) lines.push(`  ~ ${shown(unitsFile)}：${plan.units[i]!.id} ${plan.units[i]!.name}：${notes.join('；')}`);
  lines.push(...effects.lines, ...addressWarning(effects.movedAddresses));
  console.log(lines.join('\n') + '\n');
  if (values['dry-run']) {
    console.log('（预演：没有改动任何文件。确认无误后，去掉 --dry-run 再运行一次即改名。）');
    return 0;
  }
  applyChanges(effects.changes);
  console.log(`✓ 已改名，改动了 ${effects.changes.write.length} 个文件、移动了 ${effects.changes.move.length} 个文件夹。`);
  console.log(
    `下一步：运行 npm run check${values.content === 'content' ? '' : ` -- --content ${values.content}`} 检查，然后提交改动（git add -A 会把移动的文件夹记为改名）。`,
  );
  return 0;
}
