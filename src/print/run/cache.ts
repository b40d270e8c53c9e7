/**
 * Content-hash cache: a board or card whose inputs (its job, the images it shows, this code,
 * the fonts) did not change is copied from .cache/print instead of being rendered again. The
 * key is the job's render key (jobs/render-key.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoardOutput } from '../render/render-board.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';

/** The files a rendered board or card consists of (tiles: a board's; single: a card's one-card file). */
type Rendered = { pdf: Uint8Array; preview: Uint8Array; tiles?: Uint8Array; single?: Uint8Array };
/** What the cache holds for one board or card: the figures, and the files to copy into the output. */
export type Cached<O extends Rendered> = Omit<O, keyof Rendered> & { sha256: string; files: { pdf: string; preview: string; tiles?: string; single?: string } };
export type CachedBoard = Cached<BoardOutput>;
type Meta = Record<string, unknown> & { sha256: string; tiles: boolean; single?: boolean };

export class PrintCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'zips'), { recursive: true });
  }

  private files(key: string, tiles: boolean, single: boolean): Cached<Rendered>['files'] {
    const base = join(this.dir, key);
    return {
      pdf: `${base}.pdf`,
      preview: `${base}.png`,
      ...(tiles ? { tiles: `${base}.tiles.pdf` } : {}),
      ...(single ? { single: `${base}.single.pdf` } : {}),
    };
  }

  /** Keys of boards and cards differ (see jobs/render-key.ts), so an entry is always of the kind asked for. */
  get<O extends Rendered>(key: string): Cached<O> | undefined {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const { tiles, single, ...meta } = JSON.parse(readFileSync(file, 'utf8')) as Meta;
      const files = this.files(key, tiles, !!single);
      if (!Object.values(files).every((f) => existsSync(f))) return undefined;
      return { ...meta, files } as unknown as Cached<O>;
    } catch {
      // A damaged entry is simply rendered again.
      return undefined;
    }
  }

  /** The .json is written last (atomically), so a half-written entry is never read. */
  put<O extends Rendered>(key: string, out: O): Cached<O> {
    const files = this.files(key, !!out.tiles, !!out.single);
    // Written aside and renamed, never into the old file: an earlier output may share it as a
    // hard link (placeFile in io/write-atomic.ts).
    writeFileAtomic(files.pdf, out.pdf);
    writeFileAtomic(files.preview, out.preview);
    if (files.tiles && out.tiles) writeFileAtomic(files.tiles, out.tiles);
    if (files.single && out.single) writeFileAtomic(files.single, out.single);
    const { pdf, preview: _v, tiles, single, ...rest } = out;
    const meta: Meta = { ...rest, sha256: createHash('sha256').update(pdf).digest('hex'), tiles: !!tiles, ...(single ? { single: true } : {}) };
    writeFileAtomic(join(this.dir, `${key}.json`), JSON.stringify(meta));
    const { tiles: _t, single: _s, ...cached } = meta;
    return { ...cached, files } as unknown as Cached<O>;
  }

  /** Where a zip of exactly these members (names and contents) is kept. */
  zipPath(members: readonly { name: string; sha256: string }[]): string {
    const h = createHash('sha256');
    for (const m of [...members].sort((a, b) => a.name.localeCompare(b.name))) h.update(`${m.name}\0${m.sha256}\n`);
    return join(this.dir, 'zips', `${h.digest('hex')}.zip`);
  }
}
