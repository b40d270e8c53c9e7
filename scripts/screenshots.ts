/**
 * `npm run screenshots [-- --site dist]`: the pictures in the guides (.github/guides/images/),
 * taken from a real build of the demo county in headless Chromium (test/e2e/chromium.ts, with
 * the project's Noto fonts), plus the real preview images of a board and a card sheet and the
 * printed files themselves rendered by PDF.js. Run after `npm run build`; commit the images.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '../test/e2e/browser.ts';
import { launchChromium } from '../test/e2e/chromium.ts';
import { renderPage } from '../test/pdf-helpers.ts';

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

const server = await serve(site);
const browser = await launchChromium();
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
  // The printed files themselves, rendered by PDF.js: what the printer will get.
  for (const [file, from, dpi] of [
    ['board-pdf.png', 'print/boards/b-v-qingshui-taohua.pdf', 12],
    ['card-sheet-front.png', 'print/cards/v-qingshui-taohua.pdf', 60],
  ] as const) {
    writeFileSync(join(OUT, file), (await renderPage(join(site, from), 1, dpi)).png());
    console.log(`✓ ${file}（${from} 第1页）`);
  }
  // A corner of a board at the pull-request preview's size (body text about 13 px): what reviewers see.
  writeFileSync(
    join(OUT, 'review-preview.png'),
    (await renderPage(join(site, 'print/boards/b-v-qingshui-taohua.pdf'), 1, (13 / 28) * 72, [0, 0, 0.45, 0.5])).png(),
  );
  console.log('✓ review-preview.png（合并请求摘要中的重印预览，公开栏左上角）');
} finally {
  await browser.close();
  await server.close();
}
