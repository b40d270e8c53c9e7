/**
 * Posting photos (content/postings/<board-id>/*.jpg): found, gated like every other image
 * (format, bytes, pixels), read with sharp, their QR codes decoded and their day taken from
 * the camera's EXIF, a side file (<photo>.yaml with `date: 2026-12-01`) or the file's name
 * (IMG_20261201_101500.jpg, 2026-12-01.jpg). Nothing here judges: posting-state.ts does.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';
import YAML from 'yaml';
import { IMAGE_EXTENSIONS } from '../domain/content-paths.ts';
import type { PhotoReading } from '../domain/postings/posting-state.ts';
import { readMarkedUrl, type ReadLink } from '../domain/postings/release-mark.ts';
import { isoDateSchema } from '../domain/schema/common.ts';
import { QrCache } from './qr-cache.ts';
import { readQrCodesCloser } from './qr-reader.ts';

export const POSTINGS_DIR = 'postings';

const isValidDate = (d: string): boolean => isoDateSchema.safeParse(d).success;

export interface PostingFile {
  /** The folder's name: the board it is said to show. */
  boardId: string;
  path: string;
  /** As the clerk names it, relative to the content folder's parent (content/postings/b-x/a.jpg). */
  display: string;
}

export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

/** Every photo under content/postings/, by board folder. */
export function listPostingPhotos(contentDir: string, displayRoot = contentDir): PostingFile[] {
  const root = join(contentDir, POSTINGS_DIR);
  if (!existsSync(root)) return [];
  const out: PostingFile[] = [];
  for (const board of readdirSync(root, { withFileTypes: true })) {
    if (!board.isDirectory()) continue;
    for (const f of readdirSync(join(root, board.name), { withFileTypes: true })) {
      if (!f.isFile() || !IMAGE_EXTENSIONS.includes(extname(f.name).toLowerCase())) continue;
      const path = join(root, board.name, f.name);
      out.push({ boardId: board.name, path, display: relative(displayRoot, path) || path });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The day in a file name: 20261201, 2026-12-01, 2026_12_01 (as phones and people write it). */
export function dateInName(name: string): string | undefined {
  for (const m of name.matchAll(/(?<!\d)(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d{2}(?:\D|$)\d)/g)) {
    const d = `${m[1]}-${m[2]}-${m[3]}`;
    if (isValidDate(d)) return d;
  }
  return undefined;
}

const dateOf = (data: { date?: unknown } | null): string | undefined => {
  const d = data?.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data?.date ?? '').slice(0, 10);
  return isValidDate(d) ? d : undefined;
};

/**
 * The day a side file gives: `<photo>.yaml` beside the photo, or a 张贴记录 the web editor wrote
 * (any .yaml in the folder whose `photo` names this file).
 */
function sideDate(path: string): string | undefined {
  const side = path.replace(/\.[^.]+$/, '.yaml');
  if (existsSync(side)) return dateOf(YAML.parse(readFileSync(side, 'utf8')) as { date?: unknown } | null);
  const dir = dirname(path);
  const name = basename(path);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const data = YAML.parse(readFileSync(join(dir, f), 'utf8')) as { date?: unknown; photo?: unknown } | null;
    if (typeof data?.photo === 'string' && basename(decodeURI(data.photo)) === name) return dateOf(data);
  }
  return undefined;
}

/** The day the camera wrote (its local wall-clock time, which exif-reader gives as UTC). */
function exifDate(exif: Buffer | undefined): string | undefined {
  if (!exif) return undefined;
  try {
    const tags = exifReader(exif);
    const d = tags.Photo?.DateTimeOriginal ?? tags.Image?.DateTime;
    return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one photo: its QR codes and the day it was taken. */
export async function readPostingPhoto(file: PostingFile, limits: PhotoLimits, cache: QrCache = new QrCache(undefined)): Promise<PhotoReading> {
  const base = { file: file.display, links: [] as ReadLink[] };
  const bytes = statSync(file.path).size;
  if (bytes > limits.maxBytes)
    return {
      ...base,
      problem: `照片 ${file.display} 有 ${Math.round(bytes / 1024)} KB，超过上限 ${Math.round(limits.maxBytes / 1024)} KB：请用手机相机的标准画质（1200 万像素）重拍，或压缩后再放进来。`,
    };
  const photo = readFileSync(file.path);
  let meta: Metadata;
  try {
    meta = await sharp(photo).metadata();
  } catch {
    return { ...base, problem: `${file.display} 不是能打开的图片：请放手机拍的 JPG 或 PNG 原图。` };
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxPixels)
    return {
      ...base,
      problem: `照片 ${file.display} 有 ${Math.round(((meta.width ?? 0) * (meta.height ?? 0)) / 1e6)} 百万像素，超过上限：请用 1200 万像素的标准画质重拍。`,
    };
  let fromSide: string | undefined;
  try {
    fromSide = sideDate(file.path);
  } catch {
    return { ...base, problem: `${file.display} 旁边的张贴记录（.yaml 文件）写得不对：请写成两行，例如“date: 2026-12-01”和“photo: ${basename(file.path)}”。` };
  }
  const fromExif = exifDate(meta.exif);
  const fromName = dateInName(file.path.split(/[\\/]/).at(-1)!);
  const date = fromSide ?? fromExif ?? fromName;
  const dateSource = fromSide ? 'side' : fromExif ? 'exif' : fromName ? 'name' : undefined;
  const key = cache.key(photo);
  let codes = cache.get(key);
  if (!codes) {
    // rotate() applies the camera's orientation, as a phone shows the photo.
    const { data, info } = await sharp(photo, { limitInputPixels: limits.maxPixels }).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    // A code with a release mark is what the photo is for: until one is found, look closer.
    const marked = (found: readonly { text: string }[]) => found.some((c) => readMarkedUrl(c.text)?.mark);
    codes = await readQrCodesCloser(data, info.width, info.height, marked);
    cache.set(key, codes);
  }
  const links = [...new Set(codes.map((c) => c.text))].map(readMarkedUrl).filter((l): l is ReadLink => l !== undefined);
  const codeShare = Math.max(0, ...codes.map((c) => c.share));
  return { ...base, links, codeShare, ...(date ? { date } : {}), ...(dateSource ? { dateSource } : {}) };
}
