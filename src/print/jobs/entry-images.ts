/**
 * The images of an entry as a board shows them, read from disk: the layout (print/layout)
 * is pure and asks for each image it meets through the function made here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import type { ImageFile } from '../layout/entry-blocks.ts';

/** The image at `file` with its pixel size, upright (EXIF orientation applied), or undefined when it is missing or has no size. */
export function imageOnDisk(file: string | undefined): ImageFile | undefined {
  if (!file || !existsSync(file)) return undefined;
  const size = imageSize(readFileSync(file));
  if (!size.width || !size.height) return undefined;
  const turned = (size.orientation ?? 1) >= 5;
  return { src: file, pxWidth: turned ? size.height : size.width, pxHeight: turned ? size.width : size.height };
}

/** The `image` function for entryBlocks: references resolved to files by `fileOf`, read from disk. */
export const imagesOnDisk =
  (fileOf: (src: string) => string | undefined) =>
  (src: string): ImageFile | undefined =>
    imageOnDisk(fileOf(src));
