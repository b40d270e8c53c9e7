/**
 * Files of the Sveltia CMS npm package that /admin/ serves itself: the script, its interface
 * texts and its fonts. Sveltia fetches texts and fonts from CDNs (unpkg.com, jsDelivr) and asks
 * unpkg.com on every load whether a newer release exists; a county intranet or a clerk's
 * patchy connection would get an English editor, buttons reading "edit" and "add", or a wait.
 * Everything /admin/ loads comes from the site itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// The package exports only its entry (npm/index.js); its folder holds the rest.
const root = dirname(dirname(require.resolve('@sveltia/cms')));

/** Interface languages served: Chinese for clerks, English as Sveltia's own fallback. */
export const EDITOR_LOCALES = ['zh-CN', 'zh-TW', 'en-US'] as const;

/** The package's version: Sveltia asks for texts of exactly its own version. */
export const SVELTIA_VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The fonts Sveltia's stylesheet loads from jsDelivr's copy of fontsource: the icons (Material
 * Symbols), the Latin text face (Source Sans 3) and the code face (Noto Mono). The same files
 * come from fontsource's npm packages: `fontsource/fonts/<name>[:vf]@<version>/<file>.woff2`
 * is `@fontsource[-variable]/<name>/files/<name>-<file>.woff2`.
 */
const FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

export interface EditorFont {
  /** Where the page serves it, relative to /admin/. */
  local: string;
  /** The file in node_modules; undefined if its package is not installed. */
  file: string | undefined;
  cdn: string;
}

/** Every font the script names, with where this site serves it from. */
export function editorFonts(script = sveltiaFile('dist/sveltia-cms.js')): EditorFont[] {
  const seen = new Map<string, EditorFont>();
  for (const m of script.matchAll(FONT_CDN)) {
    const [cdn, name, variable, face] = m as unknown as [string, string, string | undefined, string];
    const pkg = `@fontsource${variable ? '-variable' : ''}/${name}`;
    let file: string | undefined;
    try {
      file = join(dirname(require.resolve(`${pkg}/package.json`)), 'files', `${name}-${face}.woff2`);
    } catch {
      file = undefined;
    }
    seen.set(cdn, { cdn, local: `fonts/${name}-${face}.woff2`, file: file && existsSync(file) ? file : undefined });
  }
  return [...seen.values()];
}

/** The update check's address: `${unpkg}/package.json`, built from the variable holding the base. */
export const UPDATE_CHECK = /`\$\{\w+\}\/package\.json`/;
/** Where the page answers it: this site's own copy's version, so no newer release is announced (npm updates it). */
export const UPDATE_CHECK_LOCAL = 'sveltia-package.json';

/** The editor script as served: Sveltia's own, its fonts and its update check on this site. */
export function editorScript(): string {
  const script = sveltiaFile('dist/sveltia-cms.js');
  const local = new Map(editorFonts(script).map((f) => [f.cdn, f.local]));
  return script.replace(FONT_CDN, (url) => local.get(url)!).replace(UPDATE_CHECK, `'${UPDATE_CHECK_LOCAL}'`);
}

export function fontFile(local: string): Buffer {
  const font = editorFonts().find((f) => f.local === local);
  if (!font?.file) throw new Error(`编辑器字体 ${local} 没有安装（npm 包 @fontsource…）：请运行 npm ci。`);
  return readFileSync(font.file);
}

/** A file of the package, as text (all served files are UTF-8 text). */
export function sveltiaFile(rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}
