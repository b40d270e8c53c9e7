/**
 * Content-keyed cache of rendered media (share pictures, booklets, broadcast sheets): a task
 * whose inputs did not change (its job, this code, the fonts and libraries) is linked from
 * .cache/media instead of being rendered again, as boards are (print/run/cache.ts). An entry
 * is a set of files and a small JSON of figures, written last, so a half-written entry is
 * never read; files are written aside and renamed, never rewritten in place (an output may
 * share them as hard links).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { installedVersion } from '../../io/package-version.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { siblingModule } from '../../project-root.ts';

export interface CachedMedia<M> {
  meta: M;
  /** Cached files by name (e.g. 1.png, pages.pdf). */
  files: Record<string, string>;
}

export class MediaCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  get<M>(key: string): CachedMedia<M> | undefined {
    const file = join(this.dir, `${key}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const { meta, names } = JSON.parse(readFileSync(file, 'utf8')) as { meta: M; names: string[] };
      const files = Object.fromEntries(names.map((n) => [n, join(this.dir, `${key}.${n}`)]));
      return Object.values(files).every((f) => existsSync(f)) ? { meta, files } : undefined;
    } catch {
      return undefined; // a damaged entry is rendered again
    }
  }

  put<M>(key: string, files: Record<string, Uint8Array | string>, meta: M): CachedMedia<M> {
    const paths: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(files)) writeFileAtomic((paths[name] = join(this.dir, `${key}.${name}`)), bytes);
    writeFileAtomic(join(this.dir, `${key}.json`), JSON.stringify({ meta, names: Object.keys(files) }));
    return { meta, files: paths };
  }
}

let fingerprint: string | undefined;

/** This code (src/media and the print layout and renderer it draws with) and the libraries and fonts that shape the files. */
export function mediaCodeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  const src = join(import.meta.dirname, '../..');
  // The sources as they run: .ts here, .js in a county's packed Gongkai (lib/ has no .ts files).
  const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
  for (const dir of ['media', 'print/layout', 'print/render'])
    for (const f of (readdirSync(join(src, dir), { recursive: true }) as string[]).filter((x) => x.endsWith(ext)).sort())
      h.update(`${dir}/${f}`).update(readFileSync(join(src, dir, f)));
  // The QR encoder sits in the domain (the board-size rule counts its modules too).
  h.update('domain/qr-code').update(readFileSync(siblingModule('../../domain/qr-code', import.meta.url)));
  for (const pkg of ['pdfkit', 'fontkit', '@napi-rs/canvas', 'lean-qr', 'nzh', '@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc'])
    h.update(pkg).update(installedVersion(pkg));
  return (fingerprint = h.digest('hex'));
}

/** A task's key: its kind, its job (without paths on this machine) and the code fingerprint. */
export function mediaKey(kind: string, job: unknown): string {
  const withoutPaths = (k: string, v: unknown) => (k === 'dir' ? undefined : v);
  return createHash('sha256').update(mediaCodeFingerprint()).update(kind).update('\0').update(JSON.stringify(job, withoutPaths)).digest('hex');
}
