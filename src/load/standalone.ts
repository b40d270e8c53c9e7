/**
 * Moving a county that cloned Gongkai (as the 0.1.0 guide said) to a repository of its own, in
 * place, so the history of its content stays: Gongkai's program, tests, documents and CI examples
 * go; the county's content, CODEOWNERS and other files stay; templates it changed stay as
 * overrides and the unchanged ones go (the installed Gongkai has them); package.json, .gitignore,
 * README and the CI files become a county repository's. A plan first, then the same plan applied.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FORGES, type Forge } from '../domain/codeowners.ts';
import { GONGKAI_REPO_PATHS } from '../domain/county-repo-files.ts';
import { SHIPPED_TEMPLATES } from '../project-root.ts';
import { countyRepoFiles, writeCountyRepo, type ScaffoldResult } from './county-repo.ts';

export interface StandalonePlan {
  root: string;
  county: string;
  forge: Forge;
  /** Gongkai's files and folders, relative to the repository. */
  remove: string[];
  /** Templates equal to Gongkai's: removed, the installed ones are used. */
  sameTemplates: string[];
  /** Templates the county changed or added: kept, they override Gongkai's. */
  ownTemplates: string[];
  /** Files replaced by the county repository's own version, and files added. */
  replace: string[];
  add: string[];
  /** The content is still the demo county's (init was never run). */
  demo: boolean;
}

/** A fork's county settings, or undefined when `root` is not a clone of Gongkai with content. */
export function readFork(root: string): { county: string; forge: Forge } | undefined {
  const pkg = join(root, 'package.json');
  const site = join(root, 'content', 'site.yaml');
  if (!existsSync(pkg) || !existsSync(site)) return undefined;
  if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name !== 'gongkai') return undefined;
  const s = (parse(readFileSync(site, 'utf8')) ?? {}) as { county?: string; codeowners?: { forge?: string }; editor?: { forge?: string } };
  const forgeName = s.codeowners?.forge ?? s.editor?.forge;
  const forge = (FORGES as readonly string[]).includes(forgeName ?? '') ? (forgeName as Forge) : 'github';
  return { county: String(s.county ?? ''), forge };
}

export function planStandalone(root: string, fork: { county: string; forge: Forge }): StandalonePlan {
  const remove = GONGKAI_REPO_PATHS.filter((p) => existsSync(join(root, p)));
  const sameTemplates: string[] = [];
  const ownTemplates: string[] = [];
  const templates = join(root, 'templates');
  if (existsSync(templates))
    for (const name of readdirSync(templates).sort()) {
      const shipped = join(SHIPPED_TEMPLATES, name);
      const same = existsSync(shipped) && readFileSync(shipped).equals(readFileSync(join(templates, name)));
      (same ? sameTemplates : ownTemplates).push(`templates/${name}`);
    }
  const files = countyRepoFiles(fork.forge);
  return {
    root,
    ...fork,
    remove,
    sameTemplates,
    ownTemplates,
    replace: files.filter((f) => existsSync(join(root, f))),
    add: files.filter((f) => !existsSync(join(root, f))),
    demo: fork.county === '示范县',
  };
}

export function applyStandalone(plan: StandalonePlan, gongkai: string | undefined): ScaffoldResult {
  for (const p of [...plan.remove, ...plan.sameTemplates]) rmSync(join(plan.root, p), { recursive: true, force: true });
  return writeCountyRepo(plan.root, { county: plan.county, forge: plan.forge, gongkai, replace: new Set(plan.replace) });
}
