/**
 * `gongkai migrate`'s hands: applies a migration plan (src/domain/migrations/plan.ts) to the
 * content folder, each file replaced whole or not at all. Also used on the snapshots of older
 * revisions that release notes and pull-request summaries compare: a county's history holds
 * content of every format it has had.
 */
import { join } from 'node:path';
import type { MigrationPlan } from '../domain/migrations/plan.ts';
import { migrationPlanFor } from './check-format.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

export function applyMigrationPlan(contentDir: string, plan: MigrationPlan): void {
  for (const change of plan.changes) writeFileAtomic(join(contentDir, change.path), change.after);
}

/** Brings a content folder to the current format; what it changed (nothing when it was current). */
export function migrateInPlace(contentDir: string): MigrationPlan | undefined {
  const plan = migrationPlanFor(contentDir);
  if (plan) applyMigrationPlan(contentDir, plan);
  return plan;
}
