/**
 * The render key of a board or card job: a content hash of everything that shapes its printed
 * file — the job itself, the images it shows, the print code and the libraries and fonts it
 * uses. The print cache (run/cache.ts) stores rendered files under it, and release notes
 * (print-keys.ts) compare it between releases: the same key means the same printed sheet.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BoardJob } from './board-job.ts';
import type { CardJob } from './card-job.ts';

const require = createRequire(import.meta.url);
let codeHash: string | undefined;

/** The print code (every file under src/print) and the versions of the libraries that shape the output. */
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const dir = join(import.meta.dirname, '..');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.[jt]s$/.test(f)).sort();
  for (const f of files) h.update(f).update(readFileSync(join(dir, f)));
  for (const pkg of ['pdfkit', 'fontkit', 'sharp', 'qrcode', '@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc']) {
    // Some packages do not export package.json; find it beside their resolved entry point.
    let dir = dirname(require.resolve(pkg));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    h.update(pkg).update(String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version));
  }
  return (codeHash = h.digest('hex'));
}

const IMAGE_REF = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;

/** The county's ICC profile is embedded in every file: its bytes count, not where the repository lies. */
function hashProfile(h: Hash, job: BoardJob | CardJob): Hash {
  const file = job.intent.profile;
  return file ? h.update('profile\0').update(existsSync(file) ? readFileSync(file) : 'missing') : h;
}
const withoutPaths = (k: string, v: unknown) => (k === 'dir' || k === 'profile' ? undefined : v);

export function jobKey(job: BoardJob): string {
  // Where the content folder lies does not change a poster; the images' bytes do.
  const h = hashProfile(createHash('sha256').update(codeFingerprint()).update(JSON.stringify(job, withoutPaths)), job);
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

/** A card uses no files besides the fonts (and the profile), so its job and this code are all its key needs. */
export function cardKey(job: CardJob): string {
  return hashProfile(createHash('sha256').update(codeFingerprint()).update('card\0').update(JSON.stringify(job, withoutPaths)), job).digest('hex');
}
