/**
 * Images in public entries: each referenced file is re-encoded through sharp — rotated
 * upright, bounded for the web, and with EXIF (GPS position, camera, time) dropped — and
 * published under a content-hashed name, so the URL changes exactly when the photo does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Entry } from '../domain/model.ts';
import { scanMarkdown } from '../domain/safety/markdown-safety.ts';

/** Longest side of a published photo: sharp on a phone, small on a kiosk's 3G link. */
const MAX_SIDE = 1600;

export interface PublishedImage {
  source: string;
  /** Site path, e.g. /media/v-qingshui-taohua/3f2a…c1.jpg */
  url: string;
}

/** Where an entry's image reference points on disk (checked to be inside the unit folder by `check`). */
export function imageSource(entry: Entry, src: string): string {
  return resolve(dirname(entry.source.path), decodeURI(src.split(/[?#]/)[0]!));
}

export function imageUrl(unit: string, sourceFile: string): string {
  const hash = createHash('sha256').update(readFileSync(sourceFile)).digest('hex').slice(0, 16);
  const ext = extname(sourceFile).toLowerCase() === '.jpeg' ? '.jpg' : extname(sourceFile).toLowerCase();
  return `/media/${unit}/${hash}${ext}`;
}

/** The images of the given entries, each once, with their published URLs. */
export function entryImages(entries: readonly Entry[]): PublishedImage[] {
  const out = new Map<string, PublishedImage>();
  for (const e of entries) {
    // Every Markdown image starts with "![": most entries have none and skip the full scan
    // (this runs for every entry on every build, in the content layer's digests).
    if (!e.body.includes('![')) continue;
    for (const img of scanMarkdown(e.body, { recruitment: false }).images) {
      const source = imageSource(e, img.url);
      if (!out.has(source)) out.set(source, { source, url: imageUrl(e.unit, source) });
    }
  }
  return [...out.values()];
}

/** Writes the re-encoded images under outDir. sharp drops all metadata unless asked to keep it. */
export async function publishImages(images: readonly PublishedImage[], outDir: string): Promise<void> {
  for (const img of images) {
    const target = join(outDir, img.url);
    mkdirSync(dirname(target), { recursive: true });
    const pipeline = sharp(img.source, { limitInputPixels: 200e6 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const ext = extname(target);
    await (ext === '.png' ? pipeline.png() : ext === '.webp' ? pipeline.webp({ quality: 82 }) : pipeline.jpeg({ quality: 82, mozjpeg: true })).toFile(target);
  }
}
