/**
 * The editor served without a CDN: every font Sveltia's script names comes from an installed
 * npm package, its update check is answered by the site, and its interface texts are still
 * asked for where the page serves them. A new Sveltia release that adds a font or moves an
 * address fails here, not on a clerk's screen.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorFonts, editorScript, sveltiaFile, UPDATE_CHECK, UPDATE_CHECK_LOCAL } from '../../src/site/editor-assets.ts';

describe('the editor served without a CDN', () => {
  const original = sveltiaFile('dist/sveltia-cms.js');
  const served = editorScript();

  it('serves every font the script names (icons, Latin text, code) from fontsource’s npm packages', () => {
    const fonts = editorFonts(original);
    expect(fonts.map((f) => f.local).sort()).toEqual([
      'fonts/material-symbols-outlined-latin-wght-normal.woff2',
      'fonts/noto-mono-latin-400-normal.woff2',
      'fonts/source-sans-3-latin-wght-normal.woff2',
    ]);
    for (const f of fonts) expect(f.file && existsSync(f.file), f.cdn).toBe(true);
    // Booleans, not the 2 MB script in a failure message.
    expect(/cdn\.jsdelivr\.net|fontsource\/fonts/.test(served)).toBe(false);
    for (const f of fonts) expect(served.includes(f.local), f.local).toBe(true);
  });

  it('finds no package for a font it does not know, so the page cannot build without it', () => {
    const [font] = editorFonts('url(https://cdn.jsdelivr.net/fontsource/fonts/no-such-face@5.3.0/latin-400-normal.woff2)');
    expect(font).toMatchObject({ local: 'fonts/no-such-face-latin-400-normal.woff2', file: undefined });
  });

  it('asks this site, not unpkg.com, whether a newer release exists', () => {
    expect(UPDATE_CHECK.test(original)).toBe(true);
    expect(UPDATE_CHECK.test(served)).toBe(false);
    expect(served.includes(`'${UPDATE_CHECK_LOCAL}'`)).toBe(true);
  });

  it('still asks for its texts at the address the page rewrites to admin/locales/', () => {
    // src/site/client/editor.ts rewrites these requests: the address must still be built this way.
    expect(original.includes('`https://unpkg.com/@sveltia/cms`')).toBe(true);
    expect(/=`\$\{\w+\}@\$\{\w+\}\/locales`/.test(original)).toBe(true);
  });
});
