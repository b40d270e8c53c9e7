/**
 * Content-hash cache: a board or card whose inputs (its job, the images it shows, this code,
 * the fonts) did not change is copied from .cache/print instead of being rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BoardJob } from './board-job.ts';
import type { CardJob } from './card-job.ts';
import type { BoardOutput } from './render-board.ts';

const require = createRequire(import.meta.url);
let codeHash: string | undefined;

/** This module's folder and the versions of the libraries that shape the output. */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const dir = import.meta.dirname;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(dir, f)));
  for (const pkg of ['pdfkit', 'fontkit', 'sharp', 'qrcode', '@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc']) {
    // Some packages do not export package.json; find it beside their resolved entry point.
    let dir = dirname(require.resolve(pkg));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    h.update(pkg).update(String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version));
  }
  return (codeHash = h.digest('hex'));
}

const IMAGE_REF = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;

export function jobKey(job: BoardJob): string {
  // Where the content folder lies does not change a poster; the images' bytes do.
  const h = createHash('sha256').update(codeFingerprint()).update(JSON.stringify(job, (k, v: unknown) => (k === 'dir' ? undefined : v)));
  for (const p of job.panels) {
    for (const s of p.sections) {
      for (const e of s.entries) {
        for (const [, src] of e.body.matchAll(IMAGE_REF)) {
          const file = join(e.dir, decodeURI(src!.split(/[?#]/)[0]!));
          h.update(src!).update(existsSync(file) ? readFileSync(file) : 'missing');
        }
      }
    }
  }
  return h.digest('hex');
}

/** A card uses no files besides the fonts, so its job (and this code) is all its key needs. */
export function cardKey(job: CardJob): string {
  return createHash('sha256').update(codeFingerprint()).update('card\0').update(JSON.stringify(job)).digest('hex');
}

/** The files a rendered board or card consists of. */
type Rendered = { pdf: Uint8Array; preview: Uint8Array; tiles?: Uint8Array };
/** What the cache holds for one board or card: the figures, and the files to copy into the output. */
export type Cached<O extends Rendered> = Omit<O, keyof Rendered> & { sha256: string; files: { pdf: string; preview: string; tiles?: string } };
export type CachedBoard = Cached<BoardOutput>;
type Meta = Record<string, unknown> & { sha256: string; tiles: boolean };

export class PrintCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'zips'), { recursive: true });
  }

  private files(key: string, tiles: boolean): Cached<Rendered>['files'] {
    const base = join(this.dir, key);
    return { pdf: `${base}.pdf`, preview: `${base}.png`, ...(tiles ? { tiles: `${base}.tiles.pdf` } : {}) };
  }

  /** Keys of boards and cards differ (see jobKey, cardKey), so an entry is always of the kind asked for. */
  get<O extends Rendered>(key: string): Cached<O> | undefined {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const { tiles, ...meta } = JSON.parse(readFileSync(file, 'utf8')) as Meta;
      const files = this.files(key, tiles);
      if (!Object.values(files).every((f) => existsSync(f))) return undefined;
      return { ...meta, files } as unknown as Cached<O>;
    } catch {
      // A damaged entry is simply rendered again.
      return undefined;
    }
  }

  /** The .json is written last (atomically), so a half-written entry is never read. */
  put<O extends Rendered>(key: string, out: O): Cached<O> {
    const files = this.files(key, !!out.tiles);
    writeFileSync(files.pdf, out.pdf);
    writeFileSync(files.preview, out.preview);
    if (files.tiles && out.tiles) writeFileSync(files.tiles, out.tiles);
    const { pdf, preview: _v, tiles, ...rest } = out;
    const meta: Meta = { ...rest, sha256: createHash('sha256').update(pdf).digest('hex'), tiles: !!tiles };
    writeFileSync(join(this.dir, `${key}.json.tmp`), JSON.stringify(meta));
    renameSync(join(this.dir, `${key}.json.tmp`), join(this.dir, `${key}.json`));
    const { tiles: _t, ...cached } = meta;
    return { ...cached, files } as unknown as Cached<O>;
  }

  /** Where a zip of exactly these members (names and contents) is kept. */
  zipPath(members: readonly { name: string; sha256: string }[]): string {
    const h = createHash('sha256');
    for (const m of [...members].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${m.name}\0${m.sha256}\n`);
    return join(this.dir, 'zips', `${h.digest('hex')}.zip`);
  }
}
