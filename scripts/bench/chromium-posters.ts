/**
 * The baseline a county would otherwise use: the same board content laid out as HTML and
 * printed to PDF at the board's size by headless Chromium (test/e2e/chromium.ts), with the same
 * Noto fonts. Measures seconds per poster with one reused page, as a print farm would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { boardEntries } from '../../src/domain/current.ts';
import type { Project } from '../../src/domain/model.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { renderEntryHtml } from '../../src/html/markdown-html.ts';
import { launchChromium } from '../../test/e2e/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FONT = (pkg: string, file: string) => pathToFileURL(join(ROOT, 'node_modules/@expo-google-fonts', pkg, file)).href;

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function posterHtml(project: Project, boardId: string, today: string): { html: string; width: number; height: number } {
  const board = project.boards.find((b) => b.id === boardId)!;
  const unit = project.units.find((u) => u.id === board.unit)!;
  const entries = boardEntries(project.entries, unit.id, { today, calendar: buildCalendar(project.calendars), catalog: project.catalog, site: project.site });
  const body = entries.map((e) => `<section><h2>${esc(e.data.title)}</h2>${renderEntryHtml(e.body)}</section>`).join('');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: Serif; src: url('${FONT('noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf')}'); }
@font-face { font-family: Sans; src: url('${FONT('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf')}'); }
@page { size: ${board.width_mm}mm ${board.height_mm}mm; margin: 0; }
body { margin: 0; font: 28pt/1.5 Serif; text-align: justify; }
header { background: #d33; color: #fff; font: 72pt Sans; padding: 20mm 40mm; }
main { column-count: 4; column-gap: 20mm; padding: 20mm 40mm; }
h2 { font: 36pt Sans; } p { text-indent: 2em; margin: 0 0 .5em; } table { border-collapse: collapse; } td, th { border: 1px solid #000; }
footer { position: absolute; bottom: 10mm; left: 40mm; font: 24pt Sans; }
</style></head><body><header>${esc(unit.name)}党务公开栏</header><main>${body}</main><footer>监督电话：${esc(project.site.supervision_phone)}　${esc(project.site.publisher)}</footer></body></html>`;
  return { html, width: board.width_mm, height: board.height_mm };
}

export async function chromiumPosters(
  project: Project,
  boardIds: readonly string[],
  today: string,
): Promise<{ posters: number; seconds: number; perPoster: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-chromium-'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Warm-up: fonts loaded and the renderer started, as a long-running print service would be.
    const first = posterHtml(project, boardIds[0]!, today);
    writeFileSync(join(dir, 'warm.html'), first.html);
    await page.goto(pathToFileURL(join(dir, 'warm.html')).href);
    await page.pdf({ width: `${first.width}mm`, height: `${first.height}mm`, printBackground: true });
    const t0 = performance.now();
    for (const [i, id] of boardIds.entries()) {
      const p = posterHtml(project, id, today);
      const file = join(dir, `${i}.html`);
      writeFileSync(file, p.html);
      await page.goto(pathToFileURL(file).href);
      await page.pdf({ path: join(dir, `${i}.pdf`), width: `${p.width}mm`, height: `${p.height}mm`, printBackground: true });
    }
    const seconds = (performance.now() - t0) / 1000;
    return { posters: boardIds.length, seconds, perPoster: seconds / boardIds.length };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
