/**
 * The signage page's script (显示屏): nobody touches the screen, so the page runs itself —
 *
 * - the time and date in the header, every few seconds;
 * - the board of the day it is shown: items carry the days they are up (`data-on`), a 公示 its
 *   working days (its days left are counted as on a unit page, live-dates.ts); at midnight
 *   (Beijing time) the page turns to the next day's board by itself, on a live site;
 * - the screens in turn: each part (正在公示, the newest items, 我要点题) split into screens of
 *   `data-per-screen` items, `data-seconds` seconds each; a part with nothing today is skipped;
 * - a new build: every ten minutes it asks signage/version.json and reloads when its build
 *   changed; when the site does not answer it says so and keeps what it shows;
 * - offline: a service worker (public/signage-sw.js) keeps the page and its files, so a reload
 *   without network shows the last good copy (https or localhost only).
 */
import { formatChineseDate } from '../../domain/dates.ts';
import { inSpans } from '../../domain/time/day-spans.ts';
import { readSpans } from '../live-format.ts';
import { noticeStatusOn } from './live-dates.ts';

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const WEEKDAY = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', weekday: 'long' });
const CHECK_MS = 10 * 60 * 1000;

const all = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

/** The day whose board the screen shows: today in Beijing on a live site (never before the build's), else the build's. */
export function signageDay(root: HTMLElement, now: Date): string {
  const built = root.dataset.today ?? SHANGHAI.format(now);
  if (root.dataset.todaySource !== 'clock') return built;
  const day = SHANGHAI.format(now);
  return day > built ? day : built;
}

/** Shows the items up on `day` and words each 公示's days left on it. */
export function showDay(day: string): void {
  for (const li of all('[data-on]')) li.hidden = !inSpans(readSpans(li.dataset.on!), day);
  for (const el of all('[data-notice]')) {
    const status = el.querySelector<HTMLElement>('[data-notice-status]');
    if (status && el.dataset.start && el.dataset.end)
      status.textContent = noticeStatusOn(day, el.dataset.start, el.dataset.end, (el.dataset.workdays ?? '').split(' ').filter(Boolean)).text;
  }
  for (const el of all('[data-empty-of-slide]')) el.hidden = all('li', el.closest('section') ?? document).some((li) => !li.hidden);
}

interface Screen {
  slide: HTMLElement;
  items: HTMLElement[];
}

/** The screens of the day, in order: each part's visible items in groups of its per-screen count. */
export function screensOf(root: ParentNode = document): Screen[] {
  const screens: Screen[] = [];
  for (const slide of all('[data-slide]', root)) {
    const limit = Number(slide.dataset.limit ?? Infinity);
    const items = all('li', slide)
      .filter((li) => !li.hidden)
      .slice(0, limit);
    const per = Number(slide.dataset.perScreen ?? 0);
    // No 公示 today: that part is skipped; an empty board still says so.
    if (slide.dataset.slide === 'notices' && items.length === 0) continue;
    if (!per || items.length === 0) screens.push({ slide, items });
    else for (let i = 0; i < items.length; i += per) screens.push({ slide, items: items.slice(i, i + per) });
  }
  return screens;
}

function show(screens: Screen[], i: number): void {
  const s = screens[i % screens.length];
  if (!s) return;
  for (const slide of all('[data-slide]')) slide.classList.toggle('sg-current', slide === s.slide);
  for (const li of all('li', s.slide)) li.classList.toggle('sg-off', !s.items.includes(li));
  const indicator = document.querySelector<HTMLElement>('[data-screen-indicator]');
  if (indicator) indicator.textContent = `${(i % screens.length) + 1}/${screens.length}`;
}

function tick(root: HTMLElement, now: Date): void {
  const time = document.querySelector<HTMLElement>('[data-clock-time]');
  const date = document.querySelector<HTMLElement>('[data-clock-date]');
  if (time) time.textContent = CLOCK.format(now);
  // The date the screen's content is for; on a frozen site (demo, archive) that is the build's day.
  if (date) date.textContent = `${formatChineseDate(signageDay(root, now))} ${root.dataset.todaySource === 'clock' ? WEEKDAY.format(now) : ''}`.trim();
}

async function checkForBuild(root: HTMLElement): Promise<void> {
  const note = document.querySelector<HTMLElement>('[data-offline-note]');
  try {
    const r = await fetch(`${root.dataset.base ?? '/'}signage/version.json`, { cache: 'no-store' });
    if (!r.ok) throw new Error(String(r.status));
    const { build } = (await r.json()) as { build?: string };
    // The service worker answers from its copy when offline: the same build, so no reload.
    if (note) note.hidden = navigator.onLine;
    if (build && build !== root.dataset.build && navigator.onLine) location.reload();
  } catch {
    if (note) note.hidden = false;
  }
}

/** Registers the service worker and asks it to keep this page and every file it loaded (`data-offline-ready` once kept). */
async function keepOffline(root: HTMLElement): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const base = root.dataset.base ?? '/';
  try {
    await navigator.serviceWorker.register(`${base}signage-sw.js`, { scope: `${base}signage/` });
    const ready = await navigator.serviceWorker.ready;
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type: string; files?: number }>) => {
      if (event.data.type === 'kept') root.dataset.offlineReady = String(event.data.files ?? 0);
    });
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    const urls = [location.href.split('#')[0]!, new URL(`${base}signage/version.json`, location.href).href, ...loaded].filter((u) =>
      u.startsWith(location.origin),
    );
    ready.active?.postMessage({ type: 'keep', urls: [...new Set(urls)] });
  } catch {
    // Plain http on another machine: no service worker; the page still runs while it stays open.
  }
}

export function startSignage(root: HTMLElement): void {
  let day = signageDay(root, new Date());
  showDay(day);
  let screens = screensOf();
  let at = 0;
  root.classList.add('sg-ready');
  show(screens, at);
  tick(root, new Date());
  const seconds = Math.max(3, Number(root.dataset.seconds ?? 15));
  setInterval(() => show(screens, ++at), seconds * 1000);
  setInterval(() => {
    const now = new Date();
    tick(root, now);
    const next = signageDay(root, now);
    if (next !== day) {
      day = next;
      showDay(day);
      screens = screensOf();
      at = 0;
      show(screens, at);
    }
  }, 5000);
  void keepOffline(root);
  setInterval(() => void checkForBuild(root), CHECK_MS);
  window.addEventListener('online', () => void checkForBuild(root));
  // Started without network (a restart, from the kept copy), or losing it later: say so.
  const offline = () => {
    const note = document.querySelector<HTMLElement>('[data-offline-note]');
    if (note) note.hidden = false;
  };
  if (!navigator.onLine) offline();
  window.addEventListener('offline', offline);
}
