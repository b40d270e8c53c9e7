/** Lists every file below a folder as sorted, forward-slash relative paths. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function walkFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules') continue;
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) visit(join(dir, e.name), childRel);
      else if (e.isFile()) out.push(childRel);
    }
  };
  visit(root, '');
  // Byte order, not locale order: the same on every machine, so output is deterministic.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
