/**
 * Files of the Sveltia CMS npm package that /admin/ serves itself: the script and its
 * interface texts. Sveltia fetches those texts from unpkg.com by default; a county intranet
 * or a clerk's patchy connection would get an English editor, or none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The package exports only its entry (npm/index.js); its folder holds the rest.
const root = dirname(dirname(createRequire(import.meta.url).resolve('@sveltia/cms')));

/** Interface languages served: Chinese for clerks, English as Sveltia's own fallback. */
export const EDITOR_LOCALES = ['zh-CN', 'zh-TW', 'en-US'] as const;

/** The package's version: Sveltia asks for texts of exactly its own version. */
export const SVELTIA_VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const require = createRequire(import.meta.url);
const ICON_FONT = join(
  dirname(require.resolve('@fontsource-variable/material-symbols-outlined/package.json')),
  'files/material-symbols-outlined-latin-wght-normal.woff2',
);

/**
 * Sveltia draws every button's icon with the Material Symbols font, which it loads from a CDN
 * (jsDelivr): offline, buttons read "edit", "add", "article". The same font file from npm
 * (fontsource, the project jsDelivr mirrors) is served beside the editor, and the address in
 * the script points to it. The test in test/unit/editor-config.test.ts fails if a new Sveltia
 * release moves the address.
 */
export const ICON_FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/material-symbols-outlined:vf@[\d.]+\/latin-wght-normal\.woff2/g;
export const ICON_FONT_LOCAL = 'fonts/material-symbols-outlined.woff2';

/** The editor script as served: Sveltia's own, its icon font taken from this site. */
export function editorScript(): string {
  return sveltiaFile('dist/sveltia-cms.js').replace(ICON_FONT_CDN, ICON_FONT_LOCAL);
}

export function iconFont(): Buffer {
  return readFileSync(ICON_FONT);
}

/** A file of the package, as text (all served files are UTF-8 text). */
export function sveltiaFile(rel: string): string {
  return readFileSync(join(root, rel), 'utf8');
}
