/**
 * What `gongkai migrate` would do to a county's content: the migrations after the format its
 * site.yaml records, applied in order to the files they read, then the new format recorded.
 * Pure: files in, changed files out; the command reads and writes them (src/load/migrate-content.ts).
 */
import { compareVersions, isVersion } from './versions.ts';
import { parseDocument } from 'yaml';
import { FIRST_FORMAT, MIGRATIONS, type ContentFile, type Migration } from './migrations.ts';
import { setTopLevel } from './yaml-edit.ts';

export const FORMAT_KEY = 'format_version';
const FORMAT_COMMENT = '内容格式的版本：由 gongkai init 和 gongkai migrate 填写，不要手改（升级 Gongkai 后运行 npm run gongkai -- migrate）';

export interface FileChange {
  path: string;
  before: string;
  after: string;
  /** What changed, in Chinese, one line each. */
  notes: string[];
}

export interface MigrationPlan {
  /** The format the content is in, and the one it will be in. */
  from: string;
  to: string;
  /** The migrations to apply, oldest first. */
  steps: readonly Migration[];
  /** Every file that changes, in path order. */
  changes: FileChange[];
  /** True when a migration changes something beyond recording the new format. */
  substantive: boolean;
}

/**
 * The format site.yaml records: its `format_version` when that is a version, else undefined
 * (content written before versions were recorded, or a file too broken to read; check says why).
 */
export function recordedFormat(siteYaml: string): string | undefined {
  const doc = parseDocument(siteYaml);
  const v: unknown = doc.errors.length ? undefined : doc.get(FORMAT_KEY);
  return typeof v === 'string' && isVersion(v) ? v : undefined;
}

/** The migrations a county whose content records `recorded` (none: the first format) has not had. */
export function pendingMigrations(recorded: string | undefined, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const from = recorded ?? FIRST_FORMAT;
  return migrations.filter((m) => compareVersions(m.to, from) > 0);
}

/** True when one of `steps` reads this file: only those files need reading. */
export const readByAny = (steps: readonly Migration[], path: string): boolean => steps.some((m) => m.reads(path));

export function planMigrations(recorded: string | undefined, files: readonly ContentFile[], migrations: readonly Migration[] = MIGRATIONS): MigrationPlan {
  const steps = pendingMigrations(recorded, migrations);
  const to = steps.at(-1)?.to ?? recorded ?? FIRST_FORMAT;
  const state = new Map(files.map((f) => [f.path, { before: f.text, text: f.text, notes: [] as string[] }]));
  for (const step of steps)
    for (const [path, s] of state) {
      if (!step.reads(path)) continue;
      const out = step.transform({ path, text: s.text });
      if (out.text === s.text) continue;
      s.text = out.text;
      s.notes.push(...out.notes.map((n) => `${step.to}：${n}`));
    }
  const substantive = [...state.values()].some((s) => s.text !== s.before);
  const site = state.get('site.yaml');
  if (steps.length && site) {
    const stamped = setTopLevel(site.text, FORMAT_KEY, to, FORMAT_COMMENT);
    if (stamped !== site.text) {
      site.text = stamped;
      site.notes.push(`记录内容格式 ${FORMAT_KEY}: ${to}`);
    }
  }
  const changes = [...state]
    .filter(([, s]) => s.text !== s.before)
    .map(([path, s]) => ({ path, before: s.before, after: s.text, notes: s.notes }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { from: recorded ?? FIRST_FORMAT, to, steps, changes, substantive };
}
