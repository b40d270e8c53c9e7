/**
 * What `gongkai migrate` tells the webmaster: the format before and after, what each migration
 * does, and every file it changes with its changed lines (- old, + new), in the order a review
 * would read them. The same text for the dry run and the real run.
 */
import { structuredPatch } from 'diff';
import type { MigrationPlan } from './plan.ts';

export function formatMigrationPlan(plan: MigrationPlan, o: { installed: string; shown: (path: string) => string }): string[] {
  const lines = [
    `内容格式：${plan.from} → ${plan.to}（这台电脑上的 Gongkai 是 ${o.installed}）`,
    ...plan.steps.map((s) => `  ${s.from} → ${s.to}：${s.summary}`),
    '',
    `要改的文件（${plan.changes.length} 个）：`,
  ];
  for (const c of plan.changes) {
    lines.push(`  ${o.shown(c.path)}`, ...c.notes.map((n) => `    · ${n}`));
    const patch = structuredPatch(c.path, c.path, c.before, c.after, '', '', { context: 1 });
    for (const h of patch.hunks) {
      lines.push(`    第 ${h.oldStart} 行起：`);
      for (const l of h.lines) if (!l.startsWith('\\')) lines.push(`      ${l}`);
    }
  }
  return lines;
}
