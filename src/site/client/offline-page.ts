/**
 * The offline page (pages/offline/) in the browser: on a kiosk it speaks of the kiosk and links
 * its start page and its town's page (both kept offline); everywhere the back button goes back.
 */
import { TOWN } from './kiosk-offline.ts';

export function showOfflinePage(): void {
  const root = document.documentElement;
  const base = root.dataset.base ?? '/';
  document.querySelector('[data-offline-back]')?.addEventListener('click', () => history.back());
  if (!root.classList.contains('kiosk')) return;
  document.querySelector<HTMLElement>('[data-offline-phone]')!.hidden = true;
  document.querySelector<HTMLElement>('[data-offline-kiosk]')!.hidden = false;
  document.querySelector<HTMLAnchorElement>('[data-offline-home]')!.href = `${base}kiosk/`;
  let town: string | null = null;
  try {
    town = localStorage.getItem(TOWN);
  } catch {
    // Nothing stored: the start page is the way back.
  }
  const link = document.querySelector<HTMLAnchorElement>('[data-offline-town]')!;
  if (town) {
    link.href = `${base}units/${encodeURIComponent(town)}/`;
    link.hidden = false;
  }
}
