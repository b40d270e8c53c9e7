/**
 * The code that actually runs, as a hash: cache keys (the print cache's, the site's pages')
 * must change whenever the code that turns their inputs into output does, and a list of
 * folders kept by hand misses what lies elsewhere (the Markdown reader in src/domain, remark,
 * image-size …). So the keys take this instead: the module graph from an entry point — every
 * source file it imports, statically, dynamically or as a worker (`new URL('./x.ts',
 * import.meta.url)`), followed through our own files — and every package reached, with the
 * versions of the packages those depend on in turn, plus the version of Node itself (zlib
 * shapes every compressed PDF stream). A test (test/unit/code-graph.test.ts) loads the print
 * renderer in a fresh process, records every module it really loads, and checks they are all
 * in the graph, and that changing any one of them changes the key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export interface CodeGraph {
  /** Our source files (absolute paths), sorted. */
  files: string[];
  /** Every package reached, directly or through other packages: name → version. */
  packages: Map<string, string>;
}

/** Imports and re-exports of every kind, dynamic imports with a literal name, and worker entry points. */
const SPECIFIERS = [
  /(?:^|[\n;])\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

/** The module names a source file refers to (comments removed first: they may name modules). */
export function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...new Set(SPECIFIERS.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!)))];
}

const BUILTIN = new Set(builtinModules);
/** 'pdfkit/js/x' → 'pdfkit', '@scope/name/x' → '@scope/name'; undefined for Node's own modules and virtual ones. */
export function packageName(spec: string): string | undefined {
  if (spec.startsWith('node:') || BUILTIN.has(spec) || spec.startsWith('virtual:') || spec.startsWith('astro:')) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The folder holding `name`'s package.json as Node resolves it from `from` (a file), or undefined. */
function packageDir(name: string, from: string): string | undefined {
  // Resolving the package's manifest finds it even when its exports hide package.json.
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return dirname(candidate);
    if (dirname(dir) === dir) break;
  }
  try {
    let dir = dirname(createRequire(from).resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  } catch {
    return undefined;
  }
}

interface Manifest {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** A package and, through their manifests, the packages it depends on (each once, by folder). */
function addPackage(name: string, from: string, out: Map<string, string>, seen: Set<string>): void {
  const dir = packageDir(name, from);
  if (!dir || seen.has(dir)) return;
  seen.add(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  const versions = new Set((out.get(name) ?? '').split(' ').filter(Boolean)).add(manifest.version ?? '?');
  out.set(name, [...versions].sort().join(' '));
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) addPackage(dep, join(dir, 'package.json'), out, seen);
}

/** The module graph from `entries` (absolute paths of our own files). */
export function codeGraph(entries: readonly string[]): CodeGraph {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const seenPackages = new Set<string>();
  const todo = entries.map((e) => resolve(e));
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|mts|js|mjs|astro)$/.test(file)) continue; // CSS, JSON: their bytes count, they import nothing we follow
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolve(dirname(file), spec.split('?')[0]!);
        if (existsSync(target)) todo.push(target);
        continue;
      }
      const name = packageName(spec);
      if (name) addPackage(name, file, packages, seenPackages);
    }
  }
  return { files: [...files].sort(), packages: new Map([...packages].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/**
 * The graph's hash: each file's path (relative to `root`, so a checkout elsewhere gives the same
 * key) and bytes, each package's name and version, and Node's version. `read` is how a file's
 * bytes are read (a test swaps in a changed copy of one file).
 */
export function graphDigest(graph: CodeGraph, root: string, read: (file: string) => Uint8Array | string = readFileSync): string {
  const h = createHash('sha256').update(`node ${process.version}\n`);
  for (const f of graph.files)
    h.update(`${f.startsWith(root) ? f.slice(root.length) : f}\0`)
      .update(read(f))
      .update('\0');
  for (const [name, version] of graph.packages) h.update(`${name}@${version}\n`);
  return h.digest('hex');
}

const memo = new Map<string, string>();
/** `graphDigest(codeGraph(entries))`, once per process for the same entries. */
export function codeDigest(entries: readonly string[], root: string): string {
  const key = [root, ...entries].join('\n');
  let d = memo.get(key);
  if (!d) memo.set(key, (d = graphDigest(codeGraph(entries), root)));
  return d;
}
