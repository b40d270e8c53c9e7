/**
 * Dates that change with the day a page is read. A live site is rebuilt every night, but a
 * page may be read later than the day it was built (a kiosk's offline copy, a phone's cache,
 * a night the rebuild failed): the build writes what each date-dependent thing will be on the
 * days after it (the marks of src/site/live-format.ts), and this script shows the page as a
 * build on the day it is read would:
 *
 * - a 公示's status and working days left (NoticeLine);
 * - lists whose members come and go (`data-on`): the home page's running notices and a unit's
 *   board, with their counts (`data-count`), empty lines (`data-empty-of`) and sections
 *   (`data-group`, hidden when nothing in them is shown);
 * - an open request's state and overdue working days (`data-deadline`, `data-work-calendar`)
 *   and the counts of states (`data-request-counts`, `data-state-count`);
 * - a unit's 督查考评 badge (`data-badge`, `data-changes`); the supervision page runs
 *   live-supervision.ts besides;
 * - the day itself (`data-today-date`).
 *
 * What the page cannot know (a reply dated after the build, a year the working days it carries
 * do not reach) is marked with `data-valid-until`; read after that day, the page says it is out
 * of date. Days counted across a year without its holiday arrangement are marked 暂按周末计算,
 * as the build marks them (domain/time/calendar.ts).
 * Without scripts, or on a site whose "today" is fixed (the demo's as_of, --today,
 * GONGKAI_TODAY: `data-today-source` is not "clock"), the build's figures stay.
 */
import { formatChineseDate } from '../../domain/dates.ts';
import { openRequestState, REQUEST_STATES, type RequestState } from '../../domain/requests/request-state.ts';
import { rateOf } from '../../domain/supervision/rate.ts';
import { inSpans } from '../../domain/time/day-spans.ts';
import { formatNoticeStatus, type NoticeStatus } from '../../domain/time/notice.ts';
import { noteYears, PROVISIONAL, provisionalNote } from '../../domain/time/provisional-mark.ts';
import { readCalendarDigest, type DigestCalendar } from '../../domain/time/work-days-reader.ts';
import { badgeLevel, badgeText, figuresOn, readSpans, requestCountsText, requestStateText, requiredOf, staleNote } from '../live-format.ts';

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

const all = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

/** The day the page is read, when it is a later day than the build's on a site that follows the clock. */
export function liveToday(root: HTMLElement, now: Date = new Date()): { built: string; today: string } | undefined {
  const built = root.dataset.today;
  if (root.dataset.todaySource !== 'clock' || !built) return undefined;
  const today = SHANGHAI_DAY.format(now);
  return today > built ? { built, today } : undefined;
}

/** A notice's status line on `today`, worded by the time rules (src/domain/time/notice.ts). */
export function noticeStatusOn(today: string, start: string, end: string, workdays: readonly string[]): { text: string; running: boolean } {
  const status: NoticeStatus =
    today < start
      ? { state: 'upcoming', daysLeft: workdays.length }
      : today > end
        ? { state: 'ended', daysLeft: 0 }
        : { state: 'running', daysLeft: workdays.filter((d) => d >= today).length };
  return { text: formatNoticeStatus({ start, end, days: workdays.length }, status), running: status.state === 'running' };
}

/**
 * An open request's state on `today`; its overdue days from the page's working days (none counted
 * past the years they hold), marked when counted across a year without its holiday arrangement.
 */
export function requestStateOn(today: string, deadline: string, cal?: DigestCalendar): { state: RequestState; text: string } {
  const { state, daysLate } = openRequestState(today, deadline, (from, to) => cal?.workingDaysBetween(from, to) ?? 0);
  return { state, text: requestStateText(state, daysLate, daysLate > 0 && !!cal?.provisionalYears(deadline, today).length) };
}

/** Replaces the element's `prefix…` class (its other classes, the styles' scope among them, stay). */
function swapClass(el: Element, prefix: string, value: string): void {
  for (const c of [...el.classList]) if (c.startsWith(prefix)) el.classList.remove(c);
  el.classList.add(`${prefix}${value}`);
}

const visibleItems = (id: string) => all('li', document.getElementById(id) ?? document.createElement('i')).filter((li) => !li.hidden).length;

function showNotices(today: string): void {
  for (const el of all('[data-notice]')) {
    const status = el.querySelector<HTMLElement>('[data-notice-status]');
    const { start, end, workdays } = el.dataset;
    if (!status || !start || !end) continue;
    const s = noticeStatusOn(today, start, end, (workdays ?? '').split(' ').filter(Boolean));
    status.textContent = s.text;
    status.classList.toggle('running', s.running);
  }
}

function showRequests(today: string, calendar: DigestCalendar | undefined): void {
  for (const el of all('[data-deadline]')) {
    const { state, text } = requestStateOn(today, el.dataset.deadline!, calendar);
    el.dataset.state = state;
    el.textContent = text;
    const item = el.closest('li');
    if (!item) continue;
    if (item.classList.contains('request')) swapClass(item, 'state-', state);
    // The supervision page lists every open request; a request still within its time needs no attention.
    if (item.hasAttribute('data-attention')) item.hidden = state === 'waiting';
  }
  for (const el of all('[data-request-counts]')) {
    const tally = Object.fromEntries(REQUEST_STATES.map((s) => [s, 0])) as Record<RequestState, number>;
    for (const s of all('[data-state]')) tally[s.dataset.state as RequestState]++;
    el.textContent = requestCountsText(tally);
  }
  for (const el of all('[data-state-count]')) el.textContent = String(all(`[data-state="${el.dataset.stateCount}"]`).length);
}

function showLists(today: string): void {
  for (const el of all('[data-on]')) el.hidden = !inSpans(readSpans(el.dataset.on!), today);
  for (const el of all('[data-group]')) el.hidden = all('li', el).every((li) => li.hidden);
  for (const el of all('[data-count]')) el.textContent = String(visibleItems(el.dataset.count!));
  for (const el of all('[data-empty-of]')) el.hidden = visibleItems(el.dataset.emptyOf!) > 0;
  for (const el of all('[data-today-date]')) el.textContent = formatChineseDate(today);
}

/** A unit's badge: its item figures from the changes it carries, its overdue requests from the log beside it. */
function showBadges(built: string, today: string): void {
  for (const el of all('[data-badge]')) {
    const [required = 0, covered = 0, overdue = 0, missing = 0, lateReplies = 0, notDue = 0] = el.dataset.badge!.split(' ').map(Number);
    const moved = figuresOn(el.dataset.changes ?? '', built, today);
    const f = {
      // Items come due as their first deadline after the launch passes: what is required moves with them.
      required: moved.covered === undefined ? required : requiredOf(moved as Required<typeof moved>),
      covered: moved.covered ?? covered,
      overdue: moved.overdue ?? overdue,
      missing: moved.missing ?? missing,
      notDue: moved.notDue ?? notDue,
      firstDue: el.dataset.firstDue,
      lateReplies,
      overdueRequests: all('[data-state="overdue"]', el.closest('section') ?? document).length,
      rate: 0,
    };
    f.rate = rateOf(f.covered, f.required);
    const link = el.querySelector('a') ?? el;
    link.textContent = badgeText(f, el.dataset.launch);
    swapClass(el, 'badge-', badgeLevel(f));
  }
}

/**
 * Marks of days counted from weekends only are explained at the top of the page, as the build
 * explains its own (BaseLayout), and only while one is shown: a page whose script has just marked
 * days overdue that cross into such a year gets the note that day's build would have; one whose
 * marked 公示 has since left the page loses it.
 */
function explainMarks(today: string, calendar: DigestCalendar | undefined): void {
  const main = document.querySelector('main');
  if (!main) return;
  let note = main.querySelector<HTMLElement>(':scope > .provisional-note');
  const shown = [...main.children].some((el) => el !== note && el instanceof HTMLElement && el.innerText.includes(PROVISIONAL));
  if (!shown) return void note?.remove();
  const years = calendar ? noteYears(calendar, today) : [];
  if (!years.length) return; // the page carries no working days to name them by: the build's note stays
  if (!note) {
    note = document.createElement('p');
    note.className = 'provisional-note';
    main.prepend(note);
  }
  note.textContent = provisionalNote(years);
}

function sayIfStale(built: string, today: string): void {
  const limit = all('[data-valid-until]')
    .map((el) => el.dataset.validUntil!)
    .sort()[0];
  if (limit === undefined || today <= limit) return;
  const note = document.createElement('p');
  note.className = 'stale-note';
  note.setAttribute('role', 'status');
  note.textContent = staleNote(built, today);
  document.querySelector('main')?.prepend(note);
}

export function startLiveDates(root: HTMLElement, now: Date = new Date()): void {
  const live = liveToday(root, now);
  if (!live) return;
  const { built, today } = live;
  const digest = document.querySelector<HTMLElement>('[data-work-calendar]')?.dataset.workCalendar;
  const calendar = digest ? readCalendarDigest(digest) : undefined;
  showNotices(today);
  showRequests(today, calendar);
  showLists(today);
  showBadges(built, today);
  explainMarks(today, calendar);
  sayIfStale(built, today);
}
