/**
 * The leak scan: after every build, every file of the output (HTML, feeds, JSON, the
 * gzip'd search-index fragments, PDF text) is searched for the needles of withheld entries.
 * Any hit fails the build; nothing is published.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PhraseMatcher } from '../domain/safety/phrase-matcher.ts';
import { ContentError, EnvironmentError } from '../errors.ts';
import type { Project } from '../domain/model.ts';
import { commitNeedles, leakNeedles, type Needle } from '../domain/safety/leak-needles.ts';
import { readCommitRecords } from '../git/commit-records.ts';
import { walkFiles } from '../io/walk.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { readPdfTexts, type TextOrReason } from './pdf-text.ts';
import { isSharePicture, pictureText } from './picture-text.ts';

export interface LeakHit {
  file: string;
  needle: string;
  source: string;
  kind: 'entry' | 'git';
}

export interface LeakReport {
  filesScanned: number;
  needles: number;
  hits: LeakHit[];
  /** Files whose text could not be read, with the reason: listed, never skipped silently. */
  unreadable: { file: string; reason: string }[];
  /** Files found clean by an earlier build against the same needles, with the same bytes. */
  unchanged: number;
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

/**
 * PDF text read back from the files (pdf-text.ts), remembered by the PDF's sha256 when a cache
 * folder is given: the same bytes always have the same text, so an unchanged poster is not
 * read again. A file that cannot be read comes back with the reason, never as empty text.
 */
async function pdfTexts(files: readonly { file: string; hash: string }[], cacheDir?: string): Promise<Map<string, TextOrReason>> {
  const out = new Map<string, TextOrReason>();
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const todo: { file: string; key?: string }[] = [];
  for (const { file, hash } of files) {
    const key = cacheDir ? join(cacheDir, `${hash}.txt`) : undefined;
    if (key && existsSync(key)) out.set(file, { text: readFileSync(key, 'utf8') });
    else todo.push({ file, ...(key ? { key } : {}) });
  }
  if (!todo.length) return out;
  const read = await readPdfTexts(todo.map((t) => t.file));
  for (const t of todo) {
    const r = read.get(t.file)!;
    out.set(t.file, r);
    // Whole or absent (a killed build leaves no half text).
    if (t.key && 'text' in r) writeFileAtomic(t.key, r.text);
  }
  return out;
}

/**
 * Reads the text of every PDF under `dir` into the text cache ahead of the scan: the build
 * starts this as soon as the print files exist, while the site is still being built, so the
 * scan later finds their text ready.
 */
export async function warmPdfTexts(dir: string, cacheDir: string, include: (rel: string) => boolean = () => true): Promise<void> {
  const pdfs = walkFiles(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf') && include(f))
    .map((f) => join(dir, f));
  await pdfTexts(
    pdfs.map((file) => ({ file, hash: sha256(readFileSync(file)) })),
    cacheDir,
  );
}

/** Where the site writes text: pages, feeds, the sitemap, data downloads. */
const RECORD_FILES = /\.(html|xml|json|csv|txt)$/i;

const isPdf = (buf: Buffer) => buf.subarray(0, 5).toString('latin1') === '%PDF-';

/** A file's text, unwrapping gzip (Pagefind fragments); PDFs come from `pdfTexts`. */
export function textOf(file: string, buf: Buffer = readFileSync(file), pdfs?: ReadonlyMap<string, TextOrReason>): TextOrReason {
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  if (isPdf(buf)) return pdfs?.get(file) ?? { reason: 'PDF 的文字没有读出' };
  if (/\.(png|jpe?g|webp|gif|ico|woff2?|zip)$/i.test(file)) return { text: '' }; // binary media: no text to leak
  return { text: buf.toString('utf8') };
}

const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

/**
 * Files found clean against exactly these needles, by content hash, kept between builds: the
 * same bytes and the same needles always give the same answer, so a rebuild reads only what
 * changed (a one-entry rebuild: a few dozen files instead of 18,000). A change to any
 * withheld entry changes the needles and empties the list.
 */
class CleanFiles {
  private readonly known: Set<string>;
  private readonly now = new Set<string>();
  private readonly file: string | undefined;
  constructor(cacheDir: string | undefined, needles: readonly string[]) {
    this.file = cacheDir ? join(cacheDir, `clean-${sha256(needles.join('\n')).slice(0, 16)}.txt`) : undefined;
    this.known = new Set(this.file && existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n') : []);
  }
  has(hash: string): boolean {
    if (!this.known.has(hash)) return false;
    this.now.add(hash);
    return true;
  }
  add(hash: string): void {
    this.now.add(hash);
  }
  /** Keeps this build's clean files only (the list does not grow without bound), and no other needles' lists. */
  save(): void {
    if (!this.file) return;
    const dir = dirname(this.file);
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.startsWith('clean-') && join(dir, f) !== this.file) rmSync(join(dir, f), { force: true });
    writeFileSync(this.file, [...this.now].join('\n'));
  }
}

/**
 * One leak scan of a build, in one or more passes over the output folder. The build runs a
 * first pass over the pages while Pagefind indexes them (in its own process), and the last
 * pass over everything once the search index and print files are in: a file already scanned
 * in this run with the same bytes is not read again, so the last pass reads the new files only.
 */
export class LeakScanner {
  private readonly needles: readonly Needle[];
  private readonly squeezed: string[];
  private readonly clean: CleanFiles;
  private readonly matcher: PhraseMatcher | undefined;
  private readonly compact: (text: string) => string;
  private readonly cacheDir: string | undefined;
  /** rel + hash of every file scanned in this run, clean or not (its hits are already reported). */
  private readonly done = new Set<string>();
  private readonly files = new Set<string>();
  private readonly known = new Set<string>();
  private readonly hits: LeakHit[] = [];
  private readonly unreadable: { file: string; reason: string }[] = [];
  /** The repository's records (commit subjects, authors, e-mails): looked for in every page, every run. */
  private readonly records: readonly Needle[];
  private readonly recordMatcher: PhraseMatcher | undefined;

  /**
   * `needles` are the withheld entries' text, remembered per file between builds (CleanFiles);
   * `records` change with every commit, so they are not remembered: they are looked for in
   * the pages and data files (where the site puts text; posters and the search index are made
   * from entries) on every run, which costs a pass over text already read for its hash.
   */
  constructor(needles: readonly Needle[], opts: { cacheDir?: string; records?: readonly Needle[] } = {}) {
    this.needles = needles;
    this.records = opts.records ?? [];
    this.recordMatcher = this.records.length ? new PhraseMatcher(this.records.map((n) => squeeze(n.text))) : undefined;
    this.cacheDir = opts.cacheDir;
    // Whitespace is ignored on both sides: PDF text comes back with line breaks and spaces
    // wherever the layout wrapped or spread characters.
    this.squeezed = needles.map((n) => squeeze(n.text));
    this.clean = new CleanFiles(opts.cacheDir, this.squeezed);
    this.matcher = needles.length ? new PhraseMatcher(this.squeezed) : undefined;
    this.compact = asciiCompactor(this.squeezed);
  }

  private scanText(rel: string, hash: string, read: TextOrReason): void {
    if ('reason' in read) return void this.unreadable.push({ file: rel, reason: read.reason });
    const { text } = read;
    const found = text ? this.matcher!.found(this.compact(squeeze(normaliseText(text)))) : [];
    for (const i of found) {
      const n = this.needles[i]!;
      this.hits.push({ file: rel, needle: n.text, source: n.source, kind: n.kind ?? 'entry' });
    }
    if (!found.length) this.clean.add(hash);
  }

  /** The repository's records in a page or data file (cleanliness for them is never remembered). */
  private scanRecords(rel: string, buf: Buffer): void {
    if (!this.recordMatcher || !RECORD_FILES.test(rel)) return;
    for (const i of this.recordMatcher.found(squeeze(normaliseText(buf.toString('utf8'))))) {
      const n = this.records[i]!;
      this.hits.push({ file: rel, needle: n.text, source: n.source, kind: 'git' });
    }
  }

  /** True when the file needs no reading: scanned earlier in this run, or clean in an earlier build. */
  private skip(rel: string, hash: string, buf: Buffer): boolean {
    this.files.add(rel);
    if (this.done.has(`${rel}\0${hash}`)) return true;
    this.done.add(`${rel}\0${hash}`);
    this.scanRecords(rel, buf);
    if (!this.clean.has(hash)) return false;
    this.known.add(rel);
    return true;
  }

  /**
   * Scans the files of `dir` (or of its folder `under`) that `include` accepts (all by default). With `yieldMs`, gives
   * the event loop a turn that often, so a child process this thread drives (Pagefind) is
   * never kept waiting for long.
   */
  async scan(dir: string, include: (rel: string) => boolean = () => true, o: { yieldMs?: number; under?: string } = {}): Promise<void> {
    const { yieldMs, under } = o;
    // Only one folder's files when `under` is given (a search bundle), named as from `dir`.
    const listed = under ? walkFiles(join(dir, under)).map((f) => `${under}/${f}`) : walkFiles(dir);
    if (!this.matcher && !this.recordMatcher) {
      for (const rel of listed) if (include(rel)) this.files.add(rel);
      return;
    }
    let turn = performance.now();
    const breathe = async () => {
      if (yieldMs === undefined || performance.now() - turn < yieldMs) return;
      await new Promise((r) => setImmediate(r));
      turn = performance.now();
    };
    const pdfs: { rel: string; file: string; hash: string }[] = [];
    const rest: string[] = [];
    for (const rel of listed) {
      if (!include(rel)) continue;
      if (!rel.toLowerCase().endsWith('.pdf') && /\.[a-z0-9]+$/i.test(rel)) {
        rest.push(rel);
        continue;
      }
      const buf = readFileSync(join(dir, rel));
      const hash = sha256(buf);
      if (this.skip(rel, hash, buf) || !this.matcher) continue;
      if (isPdf(buf)) pdfs.push({ rel, file: join(dir, rel), hash });
      else this.scanText(rel, hash, textOf(join(dir, rel), buf));
    }
    // PDFs are read in worker threads while this thread scans the HTML, JSON and index files.
    const pdfsReady = pdfTexts(pdfs, this.cacheDir);
    for (const rel of rest) {
      const buf = readFileSync(join(dir, rel));
      const hash = sha256(buf);
      // A share picture's text is in its PNG text chunk: what it shows is scanned, not skipped as an image.
      if (!this.skip(rel, hash, buf) && this.matcher) this.scanText(rel, hash, isSharePicture(rel) ? await pictureText(buf) : textOf(join(dir, rel), buf));
      await breathe();
    }
    const texts = await pdfsReady;
    for (const p of pdfs) this.scanText(p.rel, p.hash, texts.get(p.file) ?? { reason: 'PDF 的文字没有读出' });
  }

  /** The report over all passes; remembers this run's clean files for the next build. */
  finish(): LeakReport {
    if (this.matcher) this.clean.save();
    return {
      filesScanned: this.files.size,
      needles: this.needles.length + this.records.length,
      hits: this.hits,
      unreadable: this.unreadable,
      unchanged: this.known.size,
    };
  }
}

/** At most this many files are listed in a failure; the count says how many more there are. */
const LISTED = 10;
const listed = <T>(items: readonly T[], line: (item: T) => string): string[] => [
  ...items.slice(0, LISTED).map(line),
  ...(items.length > LISTED ? [`……另有 ${items.length - LISTED} 个`] : []),
];

/**
 * What a finished scan means for the build: nothing (publish), a leak (content: names each
 * file and the withheld entry), or files that could not be read (environment: nothing is
 * known to have leaked, but nothing unread is published either).
 */
export function leakFailure(report: LeakReport): ContentError | EnvironmentError | undefined {
  if (report.hits.length) {
    const what = report.hits.every((h) => h.kind === 'git')
      ? 'git 的内部记录（提交信息、作者或邮箱）'
      : report.hits.every((h) => h.kind === 'entry')
        ? '党内内容'
        : '党内内容和 git 的内部记录';
    return new ContentError(`发现${what}进入了公开输出：${report.hits.length} 处。构建已停止，没有改动输出文件夹。`, {
      details: [
        ...listed(report.hits, (h) =>
          h.kind === 'git'
            ? `${h.file} 含有 git 的${h.source}“${h.needle.slice(0, 30)}”（内部记录，不能公开）`
            : `${h.file} 含有党内条目 ${h.source} 的内容“${h.needle.slice(0, 30)}”`,
        ),
        ...(report.unreadable.length ? [`另有 ${report.unreadable.length} 个文件读不出文字，没有检查。`] : []),
        '提示：如果这段文字本来就该公开（例如一条社会公开的条目引用了同一句话），请修改其中一条；否则这是程序的问题，请立即报告网站维护人员。',
      ],
    });
  }
  if (report.unreadable.length) {
    return new EnvironmentError(`有 ${report.unreadable.length} 个输出文件读不出文字，无法确认其中没有党内内容，所以没有发布。没有发现泄露。`, {
      details: [
        ...listed(report.unreadable, (u) => `${u.file}：${u.reason}`),
        '提示：多半是磁盘已满或文件被其他程序改动；请确认磁盘空间后重新构建。如果再次出现，请把这段信息发给网站维护人员。',
      ],
    });
  }
  return undefined;
}

/**
 * The build's scanner: the withheld entries' text, and the repository's records for the
 * content folder (commit subjects, authors, e-mails) — those that no public text contains:
 * the site's own pages, the registries and the settings are public.
 */
export function buildLeakScanner(project: Project, contentDir: string, cacheDir: string): LeakScanner {
  const alsoPublic = [
    ...project.pages.map((p) => `${p.data.title}\u0000${p.body}`),
    ...project.units.map((u) => Object.values(u).join('\u0000')),
    ...project.boards.map((b) => Object.values(b).join('\u0000')),
    JSON.stringify(project.site),
  ];
  return new LeakScanner(leakNeedles(project.entries), { cacheDir, records: commitNeedles(readCommitRecords(contentDir), project.entries, alsoPublic) });
}

export async function scanForLeaks(
  dir: string,
  needles: readonly Needle[],
  opts: { cacheDir?: string; records?: readonly Needle[] } = {},
): Promise<LeakReport> {
  const scanner = new LeakScanner(needles, opts);
  await scanner.scan(dir);
  return scanner.finish();
}

/**
 * Shortens long runs of ASCII (HTML markup, scripts, JSON keys: most of the bytes, and the
 * matcher's slowest path) to their first and last L characters, L being the longest ASCII run
 * in any needle. No match is lost: inside a match every ASCII run is a run of the needle
 * (≤ L), and a needle's first or last run meets only the end or start of a text run, which
 * are kept. A needle of ASCII alone could match inside a run, so then nothing is shortened.
 */
export function asciiCompactor(needles: readonly string[]): (text: string) => string {
  let longest = 0;
  for (const n of needles) {
    if (/^[\x21-\x7e]*$/.test(n)) return (t) => t;
    for (const run of n.match(/[\x21-\x7e]+/g) ?? []) longest = Math.max(longest, run.length);
  }
  const L = longest;
  const long = new RegExp(`[\\x21-\\x7e]{${2 * L + 2},}`, 'g');
  return (t) => t.replace(long, (run) => `${run.slice(0, L)}\u0001${run.slice(run.length - L)}`);
}
