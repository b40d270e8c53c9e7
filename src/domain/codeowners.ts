/**
 * CODEOWNERS from the unit registry: each unit's folders are owned by its maintainers and
 * the county office, everything else by the county office alone. With branch protection
 * requiring code-owner review, a clerk can publish only for their own unit.
 */
import type { Unit } from './schema/unit.ts';

export const FORGES = ['github', 'gitea', 'gitlab'] as const;
export type Forge = (typeof FORGES)[number];

/** Where each forge looks for the file (the repository root is not ours to use). */
export const CODEOWNERS_PATH: Record<Forge, string> = {
  github: '.github/CODEOWNERS',
  gitea: '.gitea/CODEOWNERS',
  gitlab: '.gitlab/CODEOWNERS',
};

/** The first line of every generated file: how a generated file is told from one written by hand. */
export const CODEOWNERS_HEADER = '# 由 npm run codeowners 根据 content/units.yaml 生成，请不要手工修改。';

const at = (h: string) => (h.startsWith('@') ? h : `@${h}`);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function renderCodeowners(units: readonly Unit[], opts: { forge: Forge; office: readonly string[]; contentPath: string }): string {
  const office = opts.office.map(at);
  // GitHub and GitLab take gitignore-style paths (last match wins); Gitea takes regular expressions.
  const pattern = (path: string) => (opts.forge === 'gitea' ? `^${escapeRegex(path)}.*` : `/${path}`);
  const lines = [
    CODEOWNERS_HEADER,
    '# Generated from content/units.yaml by `npm run codeowners`; do not edit by hand.',
    '',
    `${opts.forge === 'gitea' ? '.*' : '*'} ${office.join(' ')}`,
  ];
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const u of sorted) {
    const owners = [...new Set([...u.maintainers.map(at), ...office])].join(' ');
    for (const folder of ['entries', 'requests']) lines.push(`${pattern(`${opts.contentPath}/${folder}/${u.id}/`)} ${owners}`);
  }
  return `${lines.join('\n')}\n`;
}
