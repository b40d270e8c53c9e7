/**
 * Browser behaviour shared by every page, in plain DOM code (no framework): the large-text
 * switch; a hint on tables too wide for the screen; the fold a link points into opened; and
 * kiosk mode — external links disabled, and after the configured idle time a return to the
 * kiosk start page with everything the last person typed cleared; elsewhere, the offline page
 * offered (kiosk-offline.ts).
 */
import { keepTownOffline, offerOfflinePage } from './kiosk-offline.ts';

const LARGE = 'gongkai-large';
const KIOSK = 'gongkai-kiosk';

function store(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Private mode or a locked-down kiosk: the switch still works for this page.
  }
}

function startLargeText(root: HTMLElement): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-large-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(root.classList.contains('large')));
    sync();
    button.addEventListener('click', () => {
      root.classList.toggle('large');
      store(LARGE, root.classList.contains('large'));
      sync();
    });
  }
}

/** On a kiosk nobody may leave the site: links to other hosts (and tel:/mailto:) become plain text. */
function disableExternalLinks(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const url = new URL(a.href, location.href);
    if (url.origin === location.origin) continue;
    const span = document.createElement('span');
    span.className = a.className;
    span.textContent = a.textContent;
    a.replaceWith(span);
  }
}

/** Tables wider than their box say so (the hint is in the page; it shows only when needed). */
function markWideTables(): void {
  const mark = () => {
    for (const box of document.querySelectorAll<HTMLElement>('.table-scroll')) box.classList.toggle('overflows', box.scrollWidth > box.clientWidth + 1);
  };
  mark();
  window.addEventListener('resize', mark, { passive: true });
}

/** A link to #id inside a closed fold (<details>) opens the fold, so the target shows. */
function openTargetFold(): void {
  const open = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const fold = target.closest('details') ?? (target.nextElementSibling?.querySelector?.('details') as HTMLDetailsElement | null);
    if (fold) fold.open = true;
  };
  open();
  window.addEventListener('hashchange', open);
}

/**
 * After the idle time the kiosk goes back to its start page, replacing the history entry (the
 * back button must not show the last person's search), with every field and stored query cleared.
 */
function startIdleReturn(root: HTMLElement): void {
  const seconds = Number(root.dataset.kioskIdle) || 120;
  const start = `${root.dataset.base ?? '/'}kiosk/`;
  let timer = 0;
  const reset = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      for (const form of document.querySelectorAll('form')) form.reset();
      try {
        sessionStorage.clear();
      } catch {
        // A locked-down browser: nothing was stored either.
      }
      if (location.pathname !== start || location.search || location.hash) location.replace(start);
      else window.scrollTo(0, 0);
    }, seconds * 1000);
  };
  for (const type of ['pointerdown', 'keydown', 'scroll', 'touchstart', 'input']) window.addEventListener(type, reset, { passive: true });
  reset();
}

export function setKiosk(on: boolean): void {
  store(KIOSK, on);
  const root = document.documentElement;
  root.classList.toggle('kiosk', on);
  // Kiosk mode brings large text; leaving it keeps large text only if this browser chose it.
  if (on) root.classList.add('large');
  else {
    let chosen = false;
    try {
      chosen = localStorage.getItem(LARGE) === '1';
    } catch {
      // Nothing stored: large text goes with kiosk mode.
    }
    root.classList.toggle('large', chosen);
  }
}

export function startChrome(): void {
  const root = document.documentElement;
  startLargeText(root);
  markWideTables();
  openTargetFold();
  if (root.classList.contains('kiosk')) {
    disableExternalLinks();
    startIdleReturn(root);
    // Each visit asks the kiosk's service worker whether a newer build's files are to be kept.
    if (!location.pathname.endsWith('/kiosk/')) void keepTownOffline(null);
  } else offerOfflinePage();
}
