/**
 * The leak scan: after every build, every file of the output (HTML, feeds, JSON, the
 * gzip'd search-index fragments, PDF text) is searched for the needles of withheld entries.
 * Any hit fails the build; nothing is published.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

function pdfText(file: string): string | undefined {
  try {
    return execFileSync('pdftotext', ['-q', '-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Reads a file's text, unwrapping gzip (Pagefind fragments) and extracting PDF text. */
export function textOf(file: string): string | undefined {
  let buf: Buffer = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return pdfText(file);
  if (/\.(png|jpe?g|webp|gif|ico|woff2?|zip)$/i.test(file)) return ''; // binary media: no text to leak
  return buf.toString('utf8');
}

export function scanForLeaks(dir: string, needles: readonly Needle[]): LeakReport {
  const files = walkFiles(dir);
  const report: LeakReport = { filesScanned: files.length, needles: needles.length, hits: [], unreadable: [] };
  if (!needles.length) return report;
  // Whitespace is ignored on both sides: PDF text comes back with line breaks and spaces
  // wherever the layout wrapped or spread characters.
  const matcher = new AhoCorasick(needles.map((n) => squeeze(n.text)));
  for (const rel of files) {
    const text = textOf(join(dir, rel));
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
