/**
 * The release mark a board's QR code carries (`?r=20261207-3f9a`): the board's update date and
 * a short digest of what it shows. A posting photo's QR code thus says which print hangs on the
 * board, and an inspector can read the same mark printed small beside the code. The link stays
 * an ordinary link to the unit's page: the site ignores the query.
 */
import { createHash } from 'node:crypto';

/** `YYYYMMDD-xxxx`: the date the footer prints as 更新日期 and four hex digits of the content. */
export const RELEASE_MARK = /^(\d{4})(\d{2})(\d{2})-([0-9a-f]{4})$/;
export const MARK_PARAM = 'r';

/** The mark of a board printed with `content` (any JSON value: the job without its paths and its mark) dated `date` (YYYY-MM-DD). */
export function releaseMark(date: string, content: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 4);
  return `${date.replaceAll('-', '')}-${hash}`;
}

/** The unit page's address with the mark as its query. */
export const markedUrl = (pageUrl: string, mark: string): string => {
  const u = new URL(pageUrl);
  u.searchParams.set(MARK_PARAM, mark);
  return u.href;
};

/** The date (YYYY-MM-DD) a mark carries. */
export function markDate(mark: string): string | undefined {
  const m = RELEASE_MARK.exec(mark);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export interface ReadLink {
  /** The address without the mark (the unit page, normalised). */
  page: string;
  mark?: string;
}

/** What a decoded QR text says: the page it links to and its release mark, if it has one; undefined for a text that is no web address. */
export function readMarkedUrl(text: string): ReadLink | undefined {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const mark = u.searchParams.get(MARK_PARAM) ?? undefined;
  u.search = '';
  u.hash = '';
  return { page: u.href, ...(mark && RELEASE_MARK.test(mark) ? { mark } : {}) };
}
