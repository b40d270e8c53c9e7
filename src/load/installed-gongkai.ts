/**
 * The Gongkai this command runs: its version (package.json) and the day it was released (the
 * newest heading of CHANGELOG.md, the webmasters' changelog that ships with it). A county's
 * content records the format it follows; these say what the installed program reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export interface InstalledGongkai {
  version: string;
  /** The release day of this version, when the changelog has it (YYYY-MM-DD). */
  released?: string;
}

/** A release heading of CHANGELOG.md: `## 0.2.0（2026-12-08）`. */
export const RELEASE_HEADING = /^## (\d+\.\d+\.\d+)（(\d{4}-\d{2}-\d{2})）/m;

let cached: InstalledGongkai | undefined;

export function installedGongkai(root = PROJECT_ROOT): InstalledGongkai {
  if (cached && root === PROJECT_ROOT) return cached;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const changelog = join(root, 'CHANGELOG.md');
  const m = existsSync(changelog) ? RELEASE_HEADING.exec(readFileSync(changelog, 'utf8')) : null;
  const found: InstalledGongkai = { version, ...(m && m[1] === version ? { released: m[2]! } : {}) };
  if (root === PROJECT_ROOT) cached = found;
  return found;
}
