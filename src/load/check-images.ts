/**
 * Images an entry references: a file inside the entry's own unit folder, JPEG/PNG/WebP
 * (never SVG, which can carry script), bounded in bytes and in pixels so a decompression
 * bomb is refused before anything decodes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import { IMAGE_EXTENSIONS } from '../domain/content-paths.ts';
import type { ImageRef } from '../domain/safety/markdown-safety.ts';
import type { TextFinding } from '../domain/safety/text-findings.ts';

const TYPES: Record<string, string> = { jpg: '.jpg', jpeg: '.jpg', png: '.png', webp: '.webp' };

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

/** How a name reads whatever the keyboard: full-width forms folded, case and spaces ignored. */
const looseName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** A file beside `target` whose name differs from it only in width, case or spaces (照片１.JPG for 照片1.jpg). */
function namesake(target: string): string | undefined {
  const want = looseName(basename(target));
  try {
    return readdirSync(dirname(target)).find((f) => looseName(f) === want);
  } catch {
    return undefined;
  }
}

export function checkImages(entryFile: string, unitDir: string, images: readonly ImageRef[], limits: ImageLimits, bodyOffset: number): TextFinding[] {
  const out: TextFinding[] = [];
  const at = (img: ImageRef, code: string, message: string, hint: string) =>
    out.push({ severity: 'error', code, message, hint, offset: bodyOffset + img.offset, length: img.length });
  for (const img of images) {
    let target: string;
    try {
      target = resolve(dirname(entryFile), decodeURI(img.url.split(/[?#]/)[0]!));
    } catch {
      at(img, 'image-path', `图片路径“${img.url}”无法识别`, '请用简单的文件名，例如 ![说明](photo-1.jpg)。');
      continue;
    }
    const rel = relative(unitDir, target);
    if (rel.startsWith('..') || rel.startsWith(sep) || resolve(unitDir, rel) !== target) {
      at(
        img,
        'image-outside-unit',
        `图片“${img.url}”不在本单位的文件夹中`,
        `图片必须放在 ${relative(process.cwd(), unitDir)} 文件夹里，不能用“..”引用其他位置的文件。`,
      );
      continue;
    }
    const ext = extname(target).toLowerCase();
    if (!IMAGE_EXTENSIONS.includes(ext)) {
      at(
        img,
        'image-type',
        `图片“${img.url}”的格式不允许（只能是 JPG、PNG 或 WebP）`,
        ext === '.svg' ? 'SVG 图片可能包含脚本，不能使用；请另存为 PNG。' : '请另存为 JPG 或 PNG。',
      );
      continue;
    }
    if (!existsSync(target) || !statSync(target).isFile()) {
      const near = namesake(target);
      at(
        img,
        'image-missing',
        `找不到图片文件“${img.url}”${near ? `；文件夹里有“${near}”，名字只差全角半角、大小写或空格` : ''}`,
        near
          ? `链接和文件名要一字不差：请把链接里的文件名改为“${near}”（文件名有空格的，先把文件改名去掉空格）。`
          : `请确认图片已放在 ${relative(process.cwd(), join(dirname(entryFile)))} 中，文件名大小写一致。`,
      );
      continue;
    }
    const bytes = statSync(target).size;
    if (bytes > limits.maxBytes) {
      at(
        img,
        'image-too-large',
        `图片“${img.url}”太大（${(bytes / 1048576).toFixed(1)} MB）`,
        `请压缩到 ${Math.round(limits.maxBytes / 1048576)} MB 以内（手机照片可先用“压缩图片”功能）。`,
      );
      continue;
    }
    let size: { width?: number; height?: number; type?: string };
    try {
      size = imageSize(readFileSync(target));
    } catch {
      at(img, 'image-unreadable', `图片“${img.url}”已损坏或不是图片`, '请重新导出为 JPG 或 PNG。');
      continue;
    }
    if (!size.type || TYPES[size.type] !== (ext === '.jpeg' ? '.jpg' : ext)) {
      at(img, 'image-type-mismatch', `图片“${img.url}”的实际格式（${size.type ?? '未知'}）与扩展名不符`, '请用图片软件重新另存为 JPG、PNG 或 WebP。');
      continue;
    }
    const pixels = (size.width ?? 0) * (size.height ?? 0);
    if (pixels > limits.maxPixels) {
      at(
        img,
        'image-too-many-pixels',
        `图片“${img.url}”像素太多（${size.width}×${size.height}）`,
        `请把图片缩小到 ${Math.round(limits.maxPixels / 1e6)} 百万像素以内。`,
      );
    }
  }
  return out;
}
