/**
 * The QR codes found in a posting photo, kept by the photo's bytes: finding them (decoding a
 * 12 MP JPEG, then ZXing over the picture and, for a whole board, over enlarged tiles) takes
 * a second or more a photo, and a county's photos pile up over the years while each is read
 * by every build. A photo whose bytes, reader code (qr-reader.ts, posting-photos.ts) and
 * libraries (zxing-wasm, sharp) are the same as last time is not read again.
 *
 * One small JSON file per photo under the build's cache folder (.cache/postings, or
 * GONGKAI_CACHE_DIR), written whole or not at all; a damaged or missing file is read again,
 * never an error. Only the codes are kept: the photo's day comes from its name and side files,
 * which the bytes do not cover, and its EXIF is read cheaply from the header each time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FoundCode } from './qr-reader.ts';
import { installedVersion } from '../io/package-version.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { siblingModule } from '../project-root.ts';

let fingerprint: string | undefined;

/** The reader's own code and the versions of the libraries that decode the photo and its codes. */
function readerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256').update('gongkai-qr-cache/1');
  // The reader, and what decides when it looks closer (a code with a release mark); read as they
  // run (.js in a county's packed Gongkai, whose lib/ has no .ts files).
  for (const f of ['qr-reader', 'posting-photos', '../domain/postings/release-mark']) h.update(f).update(readFileSync(siblingModule(f, import.meta.url)));
  for (const pkg of ['zxing-wasm', 'sharp']) h.update(pkg).update(installedVersion(pkg));
  return (fingerprint = h.digest('hex'));
}

export class QrCache {
  readonly #dir: string | undefined;
  hits = 0;
  misses = 0;

  /** `dir` undefined: nothing kept (a one-off read, the bench's cold figure). */
  constructor(dir: string | undefined) {
    this.#dir = dir;
  }

  /** The key of a photo's bytes under this reader. */
  key(bytes: Uint8Array): string {
    return createHash('sha256').update(readerFingerprint()).update(bytes).digest('hex');
  }

  get(key: string): FoundCode[] | undefined {
    const file = this.#dir && join(this.#dir, `${key}.json`);
    if (file && existsSync(file)) {
      try {
        const codes = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (Array.isArray(codes) && codes.every((c: FoundCode) => typeof c?.text === 'string' && typeof c.share === 'number')) {
          this.hits++;
          return codes as FoundCode[];
        }
      } catch {
        // Read the photo again.
      }
    }
    this.misses++;
    return undefined;
  }

  set(key: string, codes: readonly FoundCode[]): void {
    if (!this.#dir) return;
    try {
      writeFileAtomic(join(this.#dir, `${key}.json`), JSON.stringify(codes));
    } catch {
      // A read-only cache folder costs time, not correctness.
    }
  }
}
