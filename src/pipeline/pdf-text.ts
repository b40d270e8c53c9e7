/**
 * The text of a PDF as a reader of it would get it, read with PDF.js (pdfjs-dist, Mozilla's
 * PDF reader, Apache-2.0) from the file's real bytes: the leak scan's view of the posters and
 * cards. No program outside npm is needed (poppler's pdftotext was, until a bare machine
 * failed every build for want of it).
 *
 * Every text run of every page, in content-stream order, one line per run that ends a line.
 * Characters come back exactly as the file's ToUnicode maps say (normalisation off), so a
 * full-width colon stays full-width, as it is in the needles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { siblingModule } from '../project-root.ts';
import { runInWorkers } from '../workers/pool.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;
/** Loaded on first use: the module is large, and most commands never read a PDF. */
export const pdfjs = (): Promise<PdfJs> => (loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The package's own character maps and standard-font metrics, for PDFs that need them (ours embed everything). */
const assets = (() => {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/' };
})();

/** Opens a PDF for reading; `close` frees it. Fonts are never handed to a renderer: text and geometry only. */
export async function openPdf(data: Uint8Array) {
  const { getDocument } = await pdfjs();
  const task = getDocument({ data, ...assets, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  return { doc, close: () => task.destroy() };
}

/** The text of each page of a PDF given as bytes. Throws when the bytes are not a readable PDF. */
export async function pdfPageTexts(data: Uint8Array): Promise<string[]> {
  const { doc, close } = await openPdf(data);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.hasEOL ? `${item.str}\n` : item.str;
      pages.push(text);
      page.cleanup();
    }
    return pages;
  } finally {
    await close();
  }
}

/** The text of every page of a PDF given as bytes, a line break between pages. */
export const pdfText = async (data: Uint8Array): Promise<string> => (await pdfPageTexts(data)).join('\n');

/** The text of a PDF file. */
export const pdfFileText = (file: string): Promise<string> => pdfText(new Uint8Array(readFileSync(file)));

/** A file's text, or why it could not be read (one bad file must not hide the others' results). */
export type TextOrReason = { text: string } | { reason: string };

export async function readPdfTextOrReason(file: string): Promise<TextOrReason> {
  try {
    return { text: await pdfFileText(file) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { reason: `${typeof code === 'string' ? `${code} ` : ''}${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The texts of many PDF files, read in worker threads (one per core): ~20 ms of CPU a file,
 * so the demo's 1,021 posters and cards take ~13 s on two cores (pdftotext took ~17 s).
 */
export async function readPdfTexts(files: readonly string[], threads = availableParallelism()): Promise<Map<string, TextOrReason>> {
  const out = new Map<string, TextOrReason>();
  if (Math.min(threads, files.length) <= 1) {
    for (const f of files) out.set(f, await readPdfTextOrReason(f));
    return out;
  }
  // A small young generation keeps the two readers near 130 MB each (about 300 MB with the default), at no cost in speed.
  await runInWorkers<string, TextOrReason>(siblingModule('pdf-text-worker', import.meta.url), files, (f, r) => void out.set(f, r), {
    threads,
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    background: true,
  });
  return out;
}
