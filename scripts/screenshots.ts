/**
 * `npm run screenshots [-- --site dist]`: the pictures in the guides (.github/guides/images/),
 * taken from a real build of the demo county in headless Chromium (test/e2e/chromium.ts, with
 * the project's Noto fonts), plus the real preview images of a board and a card sheet and the
 * printed files themselves rendered by PDF.js, and the live preview's page after a clerk's
 * mistake, and the other media (signage page, share picture, booklet sheet). Run after
 * `npm run build` (`--only live-preview` needs no build; `--only editor` and `--only channels`
 * take only their own pictures); commit the images.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { markdownParser } from '../src/domain/markdown.ts';
import { cli } from '../test/helpers.ts';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { serve } from '../test/e2e/browser.ts';
import { launchChromium } from '../test/e2e/chromium.ts';
import { openPractice } from '../test/e2e/editor-form.ts';
import { renderPage } from '../test/pdf-helpers.ts';
import { startDevServer } from '../src/cli/dev-command.ts';
import { collectingLog } from '../src/pipeline/log.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.github/guides/images');
const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, only: { type: 'string' } } });
const site = resolve(ROOT, values.site!);
// `--only live-preview`: just the live preview's page, which needs no build; `--only editor`: the editor's two pictures.
if (values.only === 'live-preview') {
  await livePreviewShot();
  process.exit(0);
}
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

/**
 * A pull-request summary as a reviewer sees it: the demo's 桃花村 corrects its dues entry and
 * pastes a mobile number in full-width digits. The Markdown `gongkai diff` writes, as HTML.
 */
function prSummaryHtml(): string {
  const repo = mkdtempSync(join(tmpdir(), 'gongkai-shot-'));
  try {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=示范', '-c', 'user.email=demo@example.invalid', ...args], { cwd: repo });
    cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
    mkdirSync(join(repo, '.github'));
    copyFileSync(join(ROOT, '.github/CODEOWNERS'), join(repo, '.github/CODEOWNERS'));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const file = join(repo, 'content/entries/v-qingshui-taohua/2026/2026-h1-dues.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1（更正）'));
    appendFileSync(file, '\n如有疑问请联系支部书记，电话：１３９ １２３４ ５６７８。\n');
    const r = cli(['diff', 'main', '--content', join(repo, 'content'), '--format', 'markdown', '--today', '2026-11-27'], repo);
    const html = String(
      markdownParser().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(r.stdout),
    );
    const css =
      'body{font:15px/1.6 "Noto Sans SC",sans-serif;max-width:860px;margin:16px auto;color:#1f2328}table{border-collapse:collapse;margin:8px 0}' +
      'td,th{border:1px solid #d1d9e0;padding:4px 10px}del{color:#b00;background:#ffebe9}ins{color:#116329;background:#dafbe1;text-decoration:none}' +
      '.c{border:1px solid #d1d9e0;border-radius:6px;padding:4px 16px}.h{background:#f6f8fa;border-bottom:1px solid #d1d9e0;margin:-4px -16px 8px;padding:8px 16px;color:#59636e}';
    return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>${css}</style><div class="c"><div class="h">github-actions 发表了评论</div>${html}</div></html>`;
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/**
 * The live preview's page as a clerk sees it right after saving a mistake: the demo's 桃花村
 * pastes a mobile number in full-width digits into its dues entry.
 */
async function livePreviewShot(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shot-preview-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, '.github'));
  copyFileSync(join(ROOT, '.github/CODEOWNERS'), join(dir, '.github/CODEOWNERS'));
  let saved: () => void = () => undefined;
  const done = new Promise<void>((r) => (saved = r));
  // Files are named from the working directory, as a clerk running it in the repository sees them.
  const cwd = process.cwd();
  process.chdir(dir);
  const preview = await startDevServer({
    content: join(dir, 'content'),
    templates: join(ROOT, 'templates'),
    port: 0,
    log: collectingLog(),
    onSaved: () => saved(),
  });
  const browser = await launchChromium();
  try {
    appendFileSync(join(dir, 'content/entries/v-qingshui-taohua/2026/2026-h1-dues.md'), '\n如有疑问请联系支部书记，电话：１３９ １２３４ ５６７８。\n');
    await done;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`http://localhost:${preview.port}/__preview/`, { waitUntil: 'networkidle' });
    await page.locator('.board img').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'live-preview.png'), fullPage: true });
    console.log('✓ live-preview.png（npm run preview 的 /__preview/，保存了一个错误之后）');
  } finally {
    await browser.close();
    await preview.stop();
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The browser editor: the unit list, and the new-entry form of one item in practice mode (nothing saved). */
async function editorShots(url: string, browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, locale: 'zh-CN' });
  await page.goto(`${url}/admin/`);
  await page.locator('summary').first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'editor-units.png') });
  console.log('✓ editor-units.png（/admin/）');
  await page.close();
  const form = await browser.newPage({ viewport: { width: 1100, height: 760 }, locale: 'zh-CN' });
  await openPractice(form, url, 'v-qingshui-taohua');
  await form.getByRole('treeitem', { name: '党费收缴情况', exact: true }).click();
  await form.getByRole('button', { name: '创建新条目' }).first().click();
  await form.getByText('例如：2026年上半年党费收缴情况').waitFor();
  await form.waitForTimeout(1000); // the form settles (the date field, the preview pane)
  await form.screenshot({ path: join(OUT, 'editor-form.png') });
  console.log('✓ editor-form.png（/admin/?unit=v-qingshui-taohua&practice，党费收缴情况，新建条目）');
  await form.close();
}

/**
 * The other media: a village's signage page on a 1920×1080 screen (shown at half size), one of its
 * share pictures, and the first A3 sheet of its town's booklet as PDF.js renders it.
 */
async function channelShots(url: string, browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 0.5 });
  await page.goto(`${url}/signage/v-qingshui-taohua/`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: join(OUT, 'signage.png') });
  await page.close();
  console.log('✓ signage.png（/signage/v-qingshui-taohua/，1920×1080，缩小一半）');
  const shares = join(site, 'channels/share/v-qingshui-taohua');
  const list = readdirSync(shares)
    .filter((f) => f.endsWith('.json'))
    .sort()[0];
  if (!list) throw new Error('桃花村没有分享图片：示范县的 share_images 设置改了吗？');
  const first = (JSON.parse(readFileSync(join(shares, list), 'utf8')) as { pictures: string[] }).pictures[0]!;
  copyFileSync(join(shares, first), join(OUT, 'share-picture.png'));
  console.log(`✓ share-picture.png（channels/share/v-qingshui-taohua/${first}）`);
  writeFileSync(join(OUT, 'booklet-a3.png'), (await renderPage(join(site, 'channels/booklets/t-qingshui-A3.pdf'), 1, 40)).png());
  console.log('✓ booklet-a3.png（channels/booklets/t-qingshui-A3.pdf 第1页）');
}

if (values.only === 'channels') {
  const server = await serve(site);
  const browser = await launchChromium();
  await channelShots(server.url, browser).finally(() => Promise.all([browser.close(), server.close()]));
  process.exit(0);
}
if (values.only === 'editor') {
  const server = await serve(site);
  const browser = await launchChromium();
  await editorShots(server.url, browser).finally(() => Promise.all([browser.close(), server.close()]));
  process.exit(0);
}
if (values.only) throw new Error(`--only 只能是 live-preview、editor 或 channels，不能是“${values.only}”`);
await livePreviewShot();
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
  await editorShots(server.url, browser);
  await channelShots(server.url, browser);
  {
    const form = await browser.newPage({ viewport: { width: 900, height: 1000 }, locale: 'zh-CN' });
    await form.setContent(prSummaryHtml());
    await form.screenshot({ path: join(OUT, 'pr-summary.png'), fullPage: true });
    console.log('✓ pr-summary.png（gongkai diff --format markdown 的评论）');
    await form.close();
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
