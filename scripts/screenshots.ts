/**
 * `npm run screenshots [-- --site dist]`: the pictures in the guides (.github/guides/images/),
 * taken from a real build of the demo county in Debian's Chromium, plus the real preview
 * images of a board and a card sheet. Run after `npm run build`; commit the images.
 *
 * Chromium draws Chinese with whatever fonts fontconfig offers, and a bare build machine has
 * none: a private fonts.conf points it at the Noto Sans/Serif SC files the project already
 * installs for its PDFs, so the pictures look the same on every machine.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../test/e2e/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.github/guides/images');
const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const site = resolve(ROOT, values.site!);
if (!existsSync(join(site, 'index.html'))) {
  console.error(`没有找到生成好的网站：${site}。请先运行 npm run build。`);
  process.exit(1);
}

/** [file, path on the site, viewport width] */
const SHOTS: [string, string, number][] = [
  ['home.png', '/', 1100],
  ['unit-page.png', '/units/v-qingshui-taohua/', 1100],
  ['entry-page.png', '/units/v-qingshui-taohua/development-object-notice/', 1100],
  ['entry-page-phone.png', '/units/v-qingshui-taohua/development-object-notice/', 390],
  ['supervision.png', '/supervision/', 1100],
  ['requests.png', '/requests/', 1100],
  ['print-page.png', '/print/', 1100],
];

const fonts = mkdtempSync(join(tmpdir(), 'gongkai-fonts-'));
const fontDirs = ['noto-sans-sc/400Regular', 'noto-sans-sc/700Bold', 'noto-serif-sc/400Regular'].map((d) => join(ROOT, 'node_modules/@expo-google-fonts', d));
writeFileSync(
  join(fonts, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>${fontDirs.map((d) => `<dir>${d}</dir>`).join('')}<cachedir>${join(fonts, 'cache')}</cachedir></fontconfig>`,
);

const server = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  env: { ...process.env, FONTCONFIG_FILE: join(fonts, 'fonts.conf') } as Record<string, string>,
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const [file, path, width] of SHOTS) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, deviceScaleFactor: 1 });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(OUT, file) });
    await page.close();
    console.log(`✓ ${file}（${path}）`);
  }
  for (const [file, from] of [
    ['board-preview.png', 'print/previews/b-v-qingshui-taohua.png'],
    ['card-preview.png', 'print/cards/v-qingshui-taohua.png'],
  ] as const) {
    copyFileSync(join(site, from), join(OUT, file));
    console.log(`✓ ${file}（${from}）`);
  }
  // The printed files themselves, rasterised by poppler: what the printer will get.
  for (const [file, from, dpi] of [
    ['board-pdf.png', 'print/boards/b-v-qingshui-taohua.pdf', 12],
    ['card-sheet-front.png', 'print/cards/v-qingshui-taohua.pdf', 60],
  ] as const) {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', join(site, from), join(OUT, file.replace(/\.png$/, ''))]);
    console.log(`✓ ${file}（${from} 第1页）`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(fonts, { recursive: true, force: true });
}
