/**
 * The render key of a board or card job: a content hash of everything that shapes its printed
 * file — the job itself, the images it shows, the print code and the libraries and fonts it
 * uses. The print cache (run/cache.ts) stores rendered files under it, and release notes
 * (print-keys.ts) compare it between releases: the same key means the same printed sheet.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeDigest } from '../../code-graph.ts';
import { PROJECT_ROOT } from '../../project-root.ts';
import { imageFileOf, type BoardJob, type JobEntry } from './board-job.ts';
import { entryBlocks } from '../layout/entry-blocks.ts';
import type { CardJob } from './card-job.ts';

/** Where the renderer starts (in a checkout at `root`): the worker thread's module; the one-thread path runs the same modules. */
export const printEntry = (root = PROJECT_ROOT) => join(root, 'src/print/run/worker.ts');

/**
 * The code that turns a job into its files: the module graph of the print worker — the layout,
 * the renderer, the Markdown reader in src/domain, remark, image-size, pdfkit, fontkit, the fonts'
 * packages and whatever else they import (src/code-graph.ts) — never a list of folders kept by hand.
 */
export const printCodeDigest = (): string => codeDigest([printEntry()], PROJECT_ROOT);

/** The county's ICC profile is embedded in every file: its bytes count, not where the repository lies. */
export function profileDigest(job: BoardJob | CardJob): string {
  const file = job.intent.profile;
  return file
    ? createHash('sha256')
        .update(existsSync(file) ? readFileSync(file) : 'missing')
        .digest('hex')
    : '';
}
const hashProfile = (h: Hash, job: BoardJob | CardJob): Hash => (job.intent.profile ? h.update('profile\0').update(profileDigest(job)) : h);
const withoutPaths = (k: string, v: unknown) => (k === 'dir' || k === 'profile' ? undefined : v);

/** Every image file the renderer reads for the entry: found by the renderer's own reader, not by a pattern of ours. */
function imagesOf(e: JobEntry): string[] {
  // An image needs “![” in Markdown; without it the reader finds none.
  if (!e.body.includes('![')) return [];
  const files: string[] = [];
  // Only the files are wanted here (their bytes go into the key below): none is opened and measured.
  entryBlocks(e.body, (src) => {
    files.push(imageFileOf(e)(src));
    return undefined;
  });
  return files;
}

/** The images each entry of the board shows, as one digest of their bytes per entry (entries without images are absent). */
export function imageDigests(job: BoardJob): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of job.panels)
    for (const s of p.sections)
      for (const e of s.entries) {
        const files = imagesOf(e);
        if (!files.length) continue;
        const h = createHash('sha256');
        // Where the content folder lies does not change a poster; the images' names and bytes do.
        for (const file of files)
          h.update(file.slice(e.dir.length))
            .update('\0')
            .update(existsSync(file) ? readFileSync(file) : 'missing');
        out.set(e.id, h.digest('hex'));
      }
  return out;
}

export function jobKey(job: BoardJob, code = printCodeDigest(), images = imageDigests(job)): string {
  const h = hashProfile(createHash('sha256').update(code).update(JSON.stringify(job, withoutPaths)), job);
  for (const [id, d] of [...images].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${id}\0${d}\n`);
  return h.digest('hex');
}

/** A card uses no files besides the fonts (and the profile), so its job and this code are all its key needs. */
export function cardKey(job: CardJob, code = printCodeDigest()): string {
  return hashProfile(createHash('sha256').update(code).update('card\0').update(JSON.stringify(job, withoutPaths)), job).digest('hex');
}
