/**
 * A kiosk keeps its town for when the network drops: the kiosk start page opened as
 * /kiosk/?town=<id> remembers the town, registers the service worker (public/kiosk-sw.js) and
 * asks it to keep what the build listed for that town (kiosk/offline/<id>.json). Every later
 * page of the kiosk asks again: the worker fetches only a new build's list. What the kiosk can
 * search offline (the whole county, or its town only) is remembered for the search page. Every
 * other browser registers the same worker a while after a page has loaded, for the page that
 * says a page is not saved when the network is gone. Service workers need https, or a server
 * on the machine itself (localhost).
 */
/** The town this kiosk keeps (its unit id). */
export const TOWN = 'gongkai-kiosk-town';
/** The service worker's cache of what a kiosk keeps (public/kiosk-sw.js). */
export const KIOSK_CACHE = 'gongkai-kiosk';
/** What this kiosk can search offline: "county" or "town:<town name>". */
export const KIOSK_SEARCH = 'gongkai-kiosk-search';

const workerUrl = (base: string) => `${base}kiosk-sw.js`;

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // A locked-down browser keeps nothing; the kiosk still works online.
  }
}

export async function keepTownOffline(town: string | null): Promise<void> {
  const root = document.documentElement;
  const status = document.querySelector<HTMLElement>('[data-kiosk-offline-status]');
  try {
    if (town) localStorage.setItem(TOWN, town);
    else town = localStorage.getItem(TOWN);
  } catch {
    // As above.
  }
  if (!town || !('serviceWorker' in navigator)) return;
  const base = root.dataset.base ?? '/';
  try {
    const registration = await navigator.serviceWorker.register(workerUrl(base), { scope: base });
    await navigator.serviceWorker.ready;
    navigator.serviceWorker.addEventListener(
      'message',
      (event: MessageEvent<{ type: string; version?: string; files?: number; search?: string; town?: string }>) => {
        if (event.data.type === 'kept') {
          const county = event.data.search === 'county';
          remember(KIOSK_SEARCH, county ? 'county' : `town:${event.data.town ?? ''}`);
          root.dataset.offlineReady = event.data.version ?? '';
          if (status) {
            status.hidden = false;
            status.textContent = county
              ? `本机已保存本镇（街道）和所辖村（社区）的页面，以及全县的搜索（共 ${event.data.files} 个文件），断网时也能查看和搜索。`
              : `本机已保存本镇（街道）和所辖村（社区）的 ${event.data.files} 个页面和文件，断网时也能查看，并搜索本镇（街道）的内容。`;
          }
        } else if (event.data.type === 'keep-failed' && status) {
          status.hidden = false;
          status.textContent = '本机还没有保存离线内容，联网后会自动保存。';
        }
      },
    );
    (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: 'keep', list: `${base}kiosk/offline/${encodeURIComponent(town)}.json` });
  } catch {
    // No service worker (http on another machine, or switched off): online only.
  }
}

/**
 * Any other browser (a villager's phone): the worker, registered once the page and whatever it
 * loads have had their turn — it fetches two small files, which must not slow a first search.
 */
export function offerOfflinePage(): void {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  const base = document.documentElement.dataset.base ?? '/';
  const later = () => setTimeout(() => void navigator.serviceWorker.register(workerUrl(base), { scope: base }).catch(() => undefined), 5000);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}

/** What this browser kept of the search for offline use: "county", "town:<name>", or nothing (not a kiosk). */
export function keptSearch(): string | undefined {
  try {
    return localStorage.getItem(KIOSK_SEARCH) ?? undefined;
  } catch {
    return undefined;
  }
}

/** What an offline kiosk's search is limited to: the town's name when it kept only its town's results. */
export function offlineSearchTown(): string | undefined {
  if (navigator.onLine) return undefined;
  const kept = keptSearch();
  return kept?.startsWith('town:') ? kept.slice(5) || undefined : undefined;
}
