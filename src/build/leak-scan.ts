/**
 * The leak scan: after every build, every file of the output (HTML, feeds, JSON, the
 * gzip'd search-index fragments, PDF text) is searched for the needles of withheld entries.
 * Any hit fails the build; nothing is published.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import AhoCorasick from 'modern-ahocorasick';
import type { Needle } from '../domain/safety/leak-needles.ts';
import { walkFiles } from '../content/walk.ts';

export interface LeakHit {
  file: string;
  needle: string;
  source: string;
}

export interface LeakReport {
  filesScanned: number;
  needles: number;
  hits: LeakHit[];
  /** Files whose text could not be read (e.g. a PDF without pdftotext): listed, never skipped silently. */
  unreadable: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as a reader would see it: HTML entities and JSON \u escapes resolved. */
export function normaliseText(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

const execFileAsync = promisify(execFile);

/**
 * PDF text via pdftotext, several at a time (one process per file is most of the scan's
 * cost), remembered by the PDF's sha256 when a cache folder is given: the same bytes always
 * have the same text, so an unchanged poster is not read again on the next build.
 */
async function pdfTexts(files: readonly string[], cacheDir?: string): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const key = cacheDir ? join(cacheDir, `${createHash('sha256').update(readFileSync(file)).digest('hex')}.txt`) : undefined;
      if (key && existsSync(key)) {
        out.set(file, readFileSync(key, 'utf8'));
        continue;
      }
      try {
        const { stdout } = await execFileAsync('pdftotext', ['-q', '-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        out.set(file, stdout);
        if (key) writeFileSync(key, stdout);
      } catch {
        out.set(file, undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  return out;
}

const isPdf = (buf: Buffer) => buf.subarray(0, 5).toString('latin1') === '%PDF-';

/** Reads a file's text, unwrapping gzip (Pagefind fragments); PDFs come from `pdfTexts`. */
export function textOf(file: string, pdfs?: ReadonlyMap<string, string | undefined>): string | undefined {
  let buf: Buffer = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (isPdf(buf)) return pdfs?.get(file);
  if (/\.(png|jpe?g|webp|gif|ico|woff2?|zip)$/i.test(file)) return ''; // binary media: no text to leak
  return buf.toString('utf8');
}

export async function scanForLeaks(dir: string, needles: readonly Needle[], opts: { cacheDir?: string } = {}): Promise<LeakReport> {
  const files = walkFiles(dir);
  const report: LeakReport = { filesScanned: files.length, needles: needles.length, hits: [], unreadable: [] };
  if (!needles.length) return report;
  const pdfFiles = files.map((f) => join(dir, f)).filter((f) => f.toLowerCase().endsWith('.pdf') || (!/\.[a-z0-9]+$/i.test(f) && isPdf(readFileSync(f))));
  const pdfs = await pdfTexts(pdfFiles, opts.cacheDir);
  // Whitespace is ignored on both sides: PDF text comes back with line breaks and spaces
  // wherever the layout wrapped or spread characters.
  const matcher = new AhoCorasick(needles.map((n) => squeeze(n.text)));
  for (const rel of files) {
    const text = textOf(join(dir, rel), pdfs);
    if (text === undefined) {
      report.unreadable.push(rel);
      continue;
    }
    if (!text) continue;
    const seen = new Set<number>();
    for (const m of matcher.search(squeeze(normaliseText(text)))) {
      if (seen.has(m.patternIndex)) continue;
      seen.add(m.patternIndex);
      const n = needles[m.patternIndex]!;
      report.hits.push({ file: rel, needle: n.text, source: n.source });
    }
  }
  return report;
}
