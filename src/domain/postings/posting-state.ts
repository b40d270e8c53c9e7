/**
 * What hangs on each board, judged from its posting photos (content/postings/<board-id>/):
 * the release mark in the photo's QR code against the board's print history. Pure: the photos
 * arrive already read (their QR texts and dates), the history already computed.
 *
 * A board's state follows its latest photo day (a readable photo of that day wins over a
 * blurred one, so a retake settles it):
 * - posted / late: the latest release is on the board, photographed within N working days of
 *   its release (site.yaml defaults.posting_days) or later;
 * - outdated: a photo taken after the latest release still shows an older one;
 * - unreadable: no QR code of the board could be read (the clerk is told how to retake it);
 * - wrong_board: the code belongs to another board;
 * - pending: the latest release is younger than N working days and not yet photographed;
 * - missing: it is older, and no photo since shows it; never: no photo at all;
 * - empty: nothing to print today (no file is made), so nothing to hang.
 */
import type { WorkCalendar } from '../time/calendar.ts';
import { markDate, type ReadLink } from './release-mark.ts';

export const POSTING_STATES = ['posted', 'late', 'outdated', 'unreadable', 'wrong_board', 'pending', 'missing', 'never', 'empty'] as const;
export type PostingState = (typeof POSTING_STATES)[number];

export const POSTING_STATE_LABELS: Record<PostingState, string> = {
  posted: '按时张贴',
  late: '张贴迟了',
  outdated: '张贴的是旧版',
  unreadable: '照片看不清二维码',
  wrong_board: '照片不是这块公开栏',
  pending: '新版待张贴',
  missing: '新版发布后未拍照',
  never: '从未拍照',
  empty: '暂无可印内容',
};

/** A print of the board: its mark and the first day it was the board's content. */
export interface Release {
  mark: string;
  from: string;
}

/** One posting photo, as read at build time. */
export interface PhotoReading {
  /** Its path as the clerk names it (content/postings/b-x/20261201.jpg). */
  file: string;
  /** The day it was taken (YYYY-MM-DD), if known. */
  date?: string;
  /** Where the date came from: the camera's EXIF, a side file, the file's name. */
  dateSource?: 'exif' | 'side' | 'name';
  /** Every QR code found in it. */
  links: ReadLink[];
  /** Why it could not be read at all (not an image, too large), in Chinese; then `links` is empty. */
  problem?: string;
  /** The widest code's width as a share of the photo's (0 when none was found): a close-up of the code is near 0.2 and up. */
  codeShare?: number;
}

export interface BoardPostingInput {
  boardId: string;
  /** The unit's page, as the QR code links it (without the mark). */
  page: string;
  /** The board's releases, oldest first; the last one is today's. */
  releases: Release[];
  photos: PhotoReading[];
}

export interface PhotoVerdict {
  photo: PhotoReading;
  state: 'current' | 'older' | 'unreadable' | 'wrong_board' | 'undated';
  mark?: string;
  /** For a wrong board: the board (or page) the code belongs to. */
  other?: string;
  /** What to tell the clerk, in Chinese. */
  advice?: string;
}

export interface BoardPosting {
  boardId: string;
  /** Today's print; absent for a board with nothing to print. */
  latest?: Release;
  state: PostingState;
  /** The photo the state rests on (the best of the latest day's). */
  photo?: PhotoVerdict;
  /** Working days from the release to the photo (posted, late) or to today (pending, missing). */
  workingDays?: number;
  /** Every photo's verdict, newest first. */
  verdicts: PhotoVerdict[];
  /**
   * The photo to show the public: of the day the state rests on, when a photo of that day shows
   * this board's code, the one that shows most of the board (the smallest code in the picture:
   * the whole board rather than the close-up of its code the guide asks for beside it).
   */
  showcase?: PhotoReading;
}

export const RETAKE_ADVICE =
  '请重拍：走近到 1 米以内，对着页脚右下角的二维码单独拍一张（二维码占画面五分之一左右），点屏幕上的二维码对焦，避免反光和逆光，手机不要倾斜超过 30 度。';

/** Which board a photo's code belongs to, by the marks every board was printed with. */
export type MarkOwners = ReadonlyMap<string, string>;

export function judgePhoto(input: BoardPostingInput, photo: PhotoReading, owners: MarkOwners): PhotoVerdict {
  if (photo.problem) return { photo, state: 'unreadable', advice: photo.problem };
  if (!photo.date)
    return { photo, state: 'undated', advice: '照片没有拍摄日期：请用手机相机原图（不要用截图或转发过的图片），或在文件名里写上日期，例如 2026-12-01.jpg。' };
  const marks = new Set(input.releases.map((r) => r.mark));
  const own = photo.links.filter((l) => l.page === input.page);
  const marked = own.find((l) => l.mark && (marks.has(l.mark) || !owners.has(l.mark))) ?? own.find((l) => l.mark);
  if (marked?.mark) {
    const owner = owners.get(marked.mark);
    if (owner && owner !== input.boardId && !marks.has(marked.mark))
      return {
        photo,
        state: 'wrong_board',
        mark: marked.mark,
        other: owner,
        advice: `照片里的二维码属于公开栏 ${owner}：请把照片放进 content/postings/${owner}/，或重新拍这块公开栏。`,
      };
    return { photo, state: marked.mark === input.releases.at(-1)!.mark ? 'current' : 'older', mark: marked.mark };
  }
  // A code of this unit without a mark is a print made before marks existed: an older release.
  if (own.length) return { photo, state: 'older' };
  const marksOfOthers = photo.links.filter((l) => l.mark && owners.has(l.mark));
  if (marksOfOthers.length) {
    const other = owners.get(marksOfOthers[0]!.mark!)!;
    return {
      photo,
      state: 'wrong_board',
      mark: marksOfOthers[0]!.mark!,
      other,
      advice: `照片里的二维码属于公开栏 ${other}：请把照片放进 content/postings/${other}/，或重新拍这块公开栏。`,
    };
  }
  const foreign = photo.links.find((l) => !l.page.startsWith(input.page));
  if (foreign && photo.links.every((l) => !l.page.startsWith(input.page)))
    return {
      photo,
      state: 'wrong_board',
      other: foreign.page,
      advice: `照片里的二维码指向 ${foreign.page}，不是这块公开栏的单位页面：请确认拍的是哪块公开栏。`,
    };
  // Only the codes of entries (their own pages) were read, or none at all.
  return { photo, state: 'unreadable', advice: RETAKE_ADVICE };
}

const RANK: Record<PhotoVerdict['state'], number> = { current: 0, older: 1, wrong_board: 2, unreadable: 3, undated: 4 };

export function boardPosting(input: BoardPostingInput, owners: MarkOwners, calendar: WorkCalendar, today: string, postingDays: number): BoardPosting {
  const latest = input.releases.at(-1)!;
  const verdicts = input.photos
    .map((p) => judgePhoto(input, p, owners))
    .sort((a, b) => (b.photo.date ?? '').localeCompare(a.photo.date ?? '') || RANK[a.state] - RANK[b.state]);
  const dated = verdicts.filter((v) => v.state !== 'undated');
  const sinceRelease = calendar.workingDaysBetween(latest.from, today);
  const waiting = (): BoardPosting =>
    sinceRelease <= postingDays
      ? { boardId: input.boardId, latest, state: 'pending', workingDays: sinceRelease, verdicts }
      : { boardId: input.boardId, latest, state: 'missing', workingDays: sinceRelease, verdicts };
  if (!verdicts.length) return { boardId: input.boardId, latest, state: 'never', verdicts };
  const best = dated[0] ?? verdicts[0]!;
  if (best.state === 'undated' || best.state === 'unreadable') return { boardId: input.boardId, latest, state: 'unreadable', photo: best, verdicts };
  if (best.state === 'wrong_board') return { boardId: input.boardId, latest, state: 'wrong_board', photo: best, verdicts };
  const date = best.photo.date!;
  const sameDay = verdicts.filter(
    (v) => v.photo.date === date && (v.state === 'current' || v.state === 'older' || v.state === 'unreadable') && !v.photo.problem,
  );
  const showcase = [...sameDay].sort((a, b) => (a.photo.codeShare ?? 0) - (b.photo.codeShare ?? 0))[0]?.photo;
  const result = judged(input, best, latest, calendar, postingDays, verdicts, waiting);
  return showcase ? { ...result, showcase } : result;
}

function judged(
  input: BoardPostingInput,
  best: PhotoVerdict,
  latest: Release,
  calendar: WorkCalendar,
  postingDays: number,
  verdicts: PhotoVerdict[],
  waiting: () => BoardPosting,
): BoardPosting {
  const date = best.photo.date!;
  if (best.state === 'current') {
    const days = date <= latest.from ? 0 : calendar.workingDaysBetween(latest.from, date);
    return { boardId: input.boardId, latest, state: days <= postingDays ? 'posted' : 'late', photo: best, workingDays: days, verdicts };
  }
  // An older release in a photo taken before the latest one existed says nothing against the board.
  if (date < latest.from) return { ...waiting(), photo: best };
  return { boardId: input.boardId, latest, state: 'outdated', photo: best, verdicts };
}

/** The release date a mark names, for the table (the mark itself when it names none). */
export const releaseDay = (mark: string | undefined): string => (mark ? (markDate(mark) ?? mark) : '—');

export type PostingCounts = Record<PostingState, number> & { boards: number };

export function countStates(rows: readonly Pick<BoardPosting, 'state'>[]): PostingCounts {
  const counts = { boards: rows.length } as PostingCounts;
  for (const s of POSTING_STATES) counts[s] = 0;
  for (const r of rows) counts[r.state]++;
  return counts;
}
