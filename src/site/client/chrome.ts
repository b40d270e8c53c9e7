/**
 * Browser behaviour shared by every page, in plain DOM code (no framework):
 * the large-text switch, and kiosk mode — external links disabled and a return to the
 * kiosk start page after the configured idle time.
 */
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

function startIdleReturn(root: HTMLElement): void {
  const seconds = Number(root.dataset.kioskIdle) || 120;
  const start = `${root.dataset.base ?? '/'}kiosk/`;
  let timer = 0;
  const reset = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (location.pathname !== start || location.search) location.href = start;
      else window.scrollTo(0, 0);
    }, seconds * 1000);
  };
  for (const type of ['pointerdown', 'keydown', 'scroll', 'touchstart', 'input']) window.addEventListener(type, reset, { passive: true });
  reset();
}

export function setKiosk(on: boolean): void {
  store(KIOSK, on);
  document.documentElement.classList.toggle('kiosk', on);
}

export function startChrome(): void {
  const root = document.documentElement;
  startLargeText(root);
  if (root.classList.contains('kiosk')) {
    disableExternalLinks();
    startIdleReturn(root);
  }
}
