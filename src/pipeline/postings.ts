/**
 * Posting photos into the supervision table (domain/postings): every photo under
 * content/postings/ read (load/posting-photos.ts), each board's print history computed
 * (print/jobs/release-history.ts), each board judged; and the photos the public may see —
 * the latest readable photo of each board, shrunk, turned upright and without EXIF (so no
 * GPS position or phone model) — written into the site.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Project } from '../domain/model.ts';
import { publicPostingPhoto } from '../domain/publication.ts';
import { unitUrl } from '../domain/board-templates.ts';
import { boardPosting, countStates, type PhotoReading } from '../domain/postings/posting-state.ts';
import { postingRollups, townOfUnit, type PostingRow, type PostingTable } from '../domain/postings/posting-table.ts';
import { addDays } from '../domain/time/day-math.ts';
import { listPostingPhotos, readPostingPhoto } from '../load/posting-photos.ts';
import { QrCache } from '../load/qr-cache.ts';
import { currentBoardEntries, projectCalendar } from '../print/jobs/board-selection.ts';
import { boardJob } from '../print/jobs/board-job.ts';
import { markDate } from '../domain/postings/release-mark.ts';
import { boardReleases } from '../print/jobs/release-history.ts';
import { boardIsEmpty } from '../print/jobs/empty-products.ts';

/** How far back a board's print history is computed when no photo is older: a year covers every periodic item. */
const HISTORY_DAYS = 400;

/** `cacheDir`: where the codes found in each photo are kept by its bytes (load/qr-cache.ts); none, every photo is read. */
export async function readPostings(project: Project, contentDir: string, today: string, displayRoot = contentDir, cacheDir?: string): Promise<PostingTable> {
  const files = listPostingPhotos(contentDir, displayRoot);
  const cache = new QrCache(cacheDir);
  const boards = new Map(project.boards.map((b) => [b.id, b]));
  const limits = { maxBytes: project.site.defaults.max_image_kb * 1024, maxPixels: project.site.defaults.max_image_megapixels * 1e6 };
  const photos = new Map<string, PhotoReading[]>();
  for (const f of files) {
    if (!boards.has(f.boardId)) continue;
    photos.set(f.boardId, [...(photos.get(f.boardId) ?? []), await readPostingPhoto(f, limits, cache)]);
  }
  const calendar = projectCalendar(project);
  const histories = project.boards.map((board) => {
    const dates = (photos.get(board.id) ?? []).map((p) => p.date).filter((d): d is string => !!d);
    // Only a photographed board needs its history (510 boards × a year of change days is not free); for the others today's print is enough: never photographed.
    if (!photos.has(board.id)) {
      const job = boardJob(project, board, currentBoardEntries, today);
      return { board, releases: boardIsEmpty(job) ? undefined : [{ mark: job.releaseMark, from: markDate(job.releaseMark) ?? today }] };
    }
    const from = [addDays(today, -HISTORY_DAYS), ...dates].sort()[0]!;
    return { board, releases: boardReleases(project, board, from, today) };
  });
  const owners = new Map<string, string>();
  for (const h of histories) for (const r of h.releases ?? []) owners.set(r.mark, h.board.id);
  const units = new Map(project.units.map((u) => [u.id, u]));
  const rows: PostingRow[] = histories.map(({ board, releases }) => {
    const unit = units.get(board.unit)!;
    const town = townOfUnit(unit);
    const where = { unit: unit.id, unitName: unit.name, ...(town ? { town } : {}), location: board.location };
    // Nothing to print today: no file was made, so there is nothing to hang (empty-products.ts).
    if (!releases) return { boardId: board.id, state: 'empty' as const, verdicts: [], ...where };
    const posting = boardPosting(
      { boardId: board.id, page: unitUrl(project.site.base_url, unit.id), releases, photos: photos.get(board.id) ?? [] },
      owners,
      calendar,
      today,
      project.site.defaults.posting_days,
    );
    return { ...posting, ...where };
  });
  return {
    today,
    postingDays: project.site.defaults.posting_days,
    rows,
    towns: postingRollups(rows, project.units),
    county: countStates(rows),
    strayFolders: [...new Set(files.filter((f) => !boards.has(f.boardId)).map((f) => f.boardId))],
    photos: files.length,
  };
}

/** The photo a unit page shows for a board: the publication gate decides (domain/publication.ts). */
export const publicPhoto = publicPostingPhoto;

/** Where a board's public photo lies in the site. */
export const postingPhotoPath = (boardId: string): string => `postings/${boardId}.jpg`;

/** The longest side of a published photo: enough to see the board, too little to read faces across a square. */
export const PUBLISHED_PHOTO_PX = 1280;

/** Writes each board's public photo into `outDir` (the site's root), EXIF and GPS stripped; returns the boards that have one. */
export async function publishPostingPhotos(table: PostingTable, contentDir: string, outDir: string, displayRoot = contentDir): Promise<string[]> {
  const byDisplay = new Map(listPostingPhotos(contentDir, displayRoot).map((f) => [f.display, f.path]));
  const done: string[] = [];
  for (const row of table.rows) {
    const photo = publicPhoto(row);
    const source = photo && byDisplay.get(photo.file);
    if (!source) continue;
    const target = join(outDir, postingPhotoPath(row.boardId));
    mkdirSync(join(outDir, 'postings'), { recursive: true });
    // sharp writes no metadata unless asked (withMetadata): the EXIF, GPS and maker notes stay behind.
    await sharp(source)
      .rotate()
      .resize({ width: PUBLISHED_PHOTO_PX, height: PUBLISHED_PHOTO_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78, mozjpeg: true })
      .toFile(target);
    done.push(row.boardId);
  }
  return done;
}
