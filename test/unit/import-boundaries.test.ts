/**
 * The layers of src/, enforced: a lower layer never imports a higher one, the command line is
 * a leaf, nothing imports in a circle (type-only imports included), Astro's modules are
 * touched only by the Astro layer, pdfkit and fontkit only by the print renderer (and their
 * internals only by its two adapters), the domain neither reads files nor starts programs, nor
 * does the print layout read files. ARCHITECTURE.md's layer table says the same, and names
 * exactly these layers (checked below), so the map a newcomer reads cannot drift from the rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const SRC = join(ROOT, 'src');

/** Layers, lowest first. A file belongs to the first prefix that matches its path under src/. */
const LAYERS: [prefix: string, rank: number][] = [
  ['errors.ts', 0],
  ['project-root.ts', 0],
  ['code-graph.ts', 0],
  ['domain/', 0],
  ['io/', 0],
  ['load/', 1],
  ['html/', 1],
  ['workers/', 1],
  ['git/', 1],
  ['print/layout/', 2],
  ['print/jobs/', 3],
  ['media/run/', 5],
  ['media/', 3],
  ['print/render/', 4],
  ['print/run/', 5],
  ['report/', 5],
  ['review/', 6],
  ['site/', 7],
  ['pipeline/', 8],
  ['preview/', 9],
  ['content.config.ts', 9],
  ['pages/', 9],
  ['components/', 9],
  ['layouts/', 9],
  ['styles/', 9],
  ['cli/', 10],
];

const rankOf = (rel: string): number => {
  const hit = LAYERS.find(([prefix]) => rel === prefix || rel.startsWith(prefix));
  if (!hit) throw new Error(`src/${rel} is in no layer: add its folder to LAYERS (and to the layer table in ARCHITECTURE.md)`);
  return hit[1];
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|astro|mjs)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => join(d.parentPath, d.name));
}

interface Import {
  from: string;
  spec: string;
  /** The file it names, under src/, for a relative import. */
  target?: string;
}

/** Static, type-only and dynamic imports and re-exports; in .astro files, those of the frontmatter. */
function importsOf(file: string): Import[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) text = text.split(/^---$/m)[1] ?? '';
  // Comments may mention modules; only code imports count.
  text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specs.map((spec) => (spec.startsWith('.') ? { from: file, spec, target: relative(SRC, normalize(join(dirname(file), spec))) } : { from: file, spec }));
}

const files = sourceFiles(SRC);
const all = files.flatMap(importsOf);
const rel = (f: string) => relative(SRC, f);

describe('import boundaries', () => {
  it('every module is in a layer, and imports only its own layer or lower ones', () => {
    const upward = all.filter((i) => i.target?.endsWith('.ts') && rankOf(i.target) > rankOf(rel(i.from)) && !i.target.startsWith('..'));
    expect(upward.map((i) => `src/${rel(i.from)} → ${i.spec}`)).toEqual([]);
  });

  it('nothing imports the command line: it is a leaf', () => {
    expect(all.filter((i) => i.target?.startsWith('cli/') && !rel(i.from).startsWith('cli/')).map((i) => `src/${rel(i.from)} → ${i.spec}`)).toEqual([]);
  });

  it('no module imports itself in a circle, type-only imports included', () => {
    const graph = new Map(files.map((f) => [rel(f), all.filter((i) => i.from === f && i.target).map((i) => i.target!)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') return void cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('Astro’s modules only in pages, components, layouts and the content config; pdfkit and fontkit only in the print renderer', () => {
    const astroLayer = (f: string) => rankOf(rel(f)) === 9;
    expect(all.filter((i) => /^(astro:|virtual:gongkai\/)/.test(i.spec) && !astroLayer(i.from)).map((i) => `src/${rel(i.from)} → ${i.spec}`)).toEqual([]);
    expect(
      all.filter((i) => /^(pdfkit|fontkit)$/.test(i.spec) && !rel(i.from).startsWith('print/render/')).map((i) => `src/${rel(i.from)} → ${i.spec}`),
    ).toEqual([]);
  });

  it('the print layout reads no files: images come measured from its callers', () => {
    const banned = /^(node:(fs|child_process)|image-size|sharp)/;
    expect(all.filter((i) => rel(i.from).startsWith('print/layout/') && banned.test(i.spec)).map((i) => `src/${rel(i.from)} → ${i.spec}`)).toEqual([]);
  });

  it('libraries’ internals (members named with a leading underscore) only in the pdfkit and fontkit adapters', () => {
    // zod's `_zod` is its documented way in for library authors, not an internal.
    const internal = /\._(?!zod\b)[a-zA-Z]\w*|['"]_[a-zA-Z]\w*['"]\s+in\b|\[\s*['"]_[a-zA-Z]|^\s*_(?!zod\b)[a-zA-Z]\w*\??\s*:/m;
    const adapters = ['print/render/pdfkit-adapter.ts', 'print/render/fontkit-adapter.ts'];
    const code = (f: string) =>
      readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
    const offenders = files
      .filter((f) => !adapters.includes(rel(f)) && internal.test(code(f)))
      .map((f) => `src/${rel(f)}: ${code(f).match(internal)![0].trim()}`);
    expect(offenders).toEqual([]);
    // Not vacuous: the adapters are where the internals are.
    for (const a of adapters) expect(internal.test(code(join(SRC, a))), a).toBe(true);
  });

  it('the domain reads no files, starts no programs and knows nothing of Astro or PDFs', () => {
    const banned = /^(node:(fs|child_process|os|worker_threads)|astro|@astrojs\/|pdfkit|fontkit|sharp|pagefind)/;
    expect(all.filter((i) => rel(i.from).startsWith('domain/') && banned.test(i.spec)).map((i) => `src/${rel(i.from)} → ${i.spec}`)).toEqual([]);
  });

  it('ARCHITECTURE.md’s layer table names exactly the layers above', () => {
    const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const start = doc.indexOf('| 文件夹 | 放什么 | 可以引用 |');
    expect(start).toBeGreaterThan(-1);
    const rows = doc.slice(start).split('\n').slice(2);
    const end = rows.findIndex((l) => !l.startsWith('|'));
    const table = rows.slice(0, end === -1 ? undefined : end);
    const named = table.flatMap((row) => [...row.split('|')[1]!.matchAll(/`src\/([^`]+)`/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(15);
    expect([...new Set(named)].sort()).toEqual(LAYERS.map(([prefix]) => prefix).sort());
  });

  it('finds imports of every kind (the checks above are not vacuous)', () => {
    const specs = all.map((i) => i.spec);
    expect(specs).toContain('virtual:gongkai/context');
    expect(specs).toContain('pdfkit');
    expect(all.some((i) => i.target?.startsWith('cli/'))).toBe(true);
    expect(all.filter((i) => i.spec.startsWith('../print/run/')).length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('.astro'))).toBe(true);
  });
});
