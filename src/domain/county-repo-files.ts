/**
 * A county's own repository, as `gongkai init` lays it out in an empty folder: the county's
 * content, the templates it overrides, its CI files and a package.json that pins the Gongkai it
 * builds with (and the Node.js that runs it). Gongkai itself is a dependency: upgrading is a
 * version bump, never a merge. Text and names only; src/load/county-repo.ts writes them.
 */
import type { Forge } from './codeowners.ts';

export interface CountyPackage {
  /** The package's name: dwgk-<county in pinyin>. */
  name: string;
  county: string;
  /** What npm installs as `gongkai`: a version from the registry, or a tarball's address or path. */
  gongkai: string;
  /** The Node.js version the `node` package pins (the one Gongkai is built and tested with). */
  node: string;
}

/** Every npm script the county's CI files, guides and README name: each runs the installed Gongkai. */
export const COUNTY_SCRIPTS: Readonly<Record<string, string>> = {
  gongkai: 'gongkai',
  check: 'gongkai check',
  build: 'gongkai build',
  preview: 'gongkai preview',
  dev: 'gongkai dev',
  new: 'gongkai new',
  codeowners: 'gongkai codeowners',
  report: 'gongkai report',
  print: 'gongkai print',
  'print:internal': 'gongkai print --internal',
  'release-notes': 'gongkai release-notes',
  migrate: 'gongkai migrate',
  deploy: 'gongkai deploy',
};

/** An npm package name from the county's name in pinyin (清河县 → dwgk-qinghe). */
export function countyPackageName(pinyinOfCounty: string): string {
  const slug = pinyinOfCounty
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `dwgk-${slug}` : 'dwgk';
}

export function renderCountyPackageJson(p: CountyPackage): string {
  const pkg = {
    name: p.name,
    private: true,
    description: `${p.county}党务公开网的内容（由 Gongkai 构建网站、公开栏和明白卡印刷文件）`,
    type: 'module',
    scripts: COUNTY_SCRIPTS,
    // `node` installs Node.js itself: npm run uses it, whatever Node.js runs npm.
    dependencies: { gongkai: p.gongkai, node: p.node },
    // npm 11 runs these install scripts without asking: Node.js itself, and the image and bundler tools Gongkai uses.
    allowScripts: { node: true, esbuild: true, sharp: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Files copied from the installed Gongkai into a new county repository: [from Gongkai's folder, to the county's]. */
export function scaffoldFiles(forge: Forge): [from: string, to: string][] {
  const ci: [string, string][] =
    forge === 'gitlab'
      ? [['.gitlab/ci.yml', '.gitlab-ci.yml']]
      : [
          ['.github/workflows/pull-request.yml', '.github/workflows/pull-request.yml'],
          ['scaffold/publish.yml', '.github/workflows/publish.yml'],
        ];
  return [['scaffold/gitignore', '.gitignore'], ['scaffold/README.md', 'README.md'], ['scaffold/templates-README.md', 'templates/README.md'], ...ci];
}

/**
 * What a repository that cloned Gongkai (the 0.1.0 way) holds of Gongkai itself: the program,
 * its tests and tools, its documentation and CI examples, the demo's generated files. Moving to a
 * county repository removes these; the county's content, its CODEOWNERS and anything else it
 * added stay. templates/ is sorted file by file: the county keeps what it changed.
 */
export const GONGKAI_REPO_PATHS: readonly string[] = [
  '.ci',
  '.github/docs',
  '.github/guides',
  '.github/workflows/build-sharded.yml',
  '.gitlab/build-sharded.yml',
  '.gitlab/ci.yml',
  'CHANGELOG.md',
  'astro.config.mjs',
  'bin',
  'lib',
  'package-lock.json',
  'public',
  'scaffold',
  'scripts',
  'src',
  'test',
  'tsconfig.json',
  'tsconfig.lib.json',
  '.astro',
];
