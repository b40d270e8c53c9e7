/**
 * An entry's blocks for the board, the one way every board, booklet, handout and broadcast
 * reads an entry: plain text line by line (simple-blocks.ts), anything else through the
 * Markdown parser (markdown-blocks.ts). Both give the same blocks wherever the line reader
 * reads a text; test/unit/simple-blocks.test.ts checks that on every demo entry.
 */
import { markdownBlocks, type Block, type ImageFile } from './markdown-blocks.ts';
import { simpleBlocks } from './simple-blocks.ts';

export type { Block, ImageFile };

/** `image` finds and measures an image the entry refers to (print/jobs/entry-images.ts reads them from disk). */
export function entryBlocks(markdown: string, image: (src: string) => ImageFile | undefined): Block[] {
  return simpleBlocks(markdown) ?? markdownBlocks(markdown, image);
}
