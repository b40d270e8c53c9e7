/**
 * A kiosk keeps its town for when the network drops: the kiosk start page opened as
 * /kiosk/?town=<id> remembers the town, registers the service worker (public/kiosk-sw.js) and
 * asks it to keep what the build listed for that town (kiosk/offline/<id>.json). Every later
 * page of the kiosk asks again: the worker fetches only a new build's list. Service workers
 * need https, or a server on the kiosk itself (localhost).
 */
const TOWN = 'gongkai-kiosk-town';

export async function keepTownOffline(town: string | null): Promise<void> {
  const root = document.documentElement;
  const status = document.querySelector<HTMLElement>('[data-kiosk-offline-status]');
  try {
    if (town) localStorage.setItem(TOWN, town);
    else town = localStorage.getItem(TOWN);
  } catch {
    // A locked-down browser keeps nothing; the kiosk still works online.
  }
  if (!town || !('serviceWorker' in navigator)) return;
  const base = root.dataset.base ?? '/';
  try {
    const registration = await navigator.serviceWorker.register(`${base}kiosk-sw.js`, { scope: base });
    await navigator.serviceWorker.ready;
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type: string; version?: string; files?: number }>) => {
      if (event.data.type === 'kept') {
        root.dataset.offlineReady = event.data.version ?? '';
        if (status) {
          status.hidden = false;
          status.textContent = `本机已保存本镇（街道）和所辖村（社区）的 ${event.data.files} 个页面和文件，断网时也能查看和搜索。`;
        }
      } else if (event.data.type === 'keep-failed' && status) {
        status.hidden = false;
        status.textContent = '本机还没有保存离线内容，联网后会自动保存。';
      }
    });
    (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: 'keep', list: `${base}kiosk/offline/${encodeURIComponent(town)}.json` });
  } catch {
    // No service worker (http on another machine, or switched off): online only.
  }
}
