/*
 * The kiosk's service worker (触摸屏离线): keeps one town's pages, its villages' pages and the
 * search in the browser's cache, so a village hall's kiosk still works when its network drops.
 * The list of what to keep is written by each build (kiosk/offline/<town>.json, with a version);
 * the kiosk's pages ask for it on every visit, and only a new version is fetched again, then
 * the files the new list no longer names are dropped. Pages always come from the network when
 * it answers (within a few seconds), so a kiosk never shows yesterday's board while online.
 */
const CACHE = 'gongkai-kiosk';
const VERSION_KEY = '__gongkai_version';
/** A navigation waits this long for the network before the kept copy is shown. */
const NETWORK_WAIT_MS = 4000;

let keeping = null;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || typeof data.list !== 'string') return;
  const source = event.source;
  keeping = keeping || keep(data.list).finally(() => (keeping = null));
  event.waitUntil(
    keeping.then(
      (result) => source && source.postMessage({ type: 'kept', ...result }),
      (error) => source && source.postMessage({ type: 'keep-failed', message: String(error) }),
    ),
  );
});

async function keep(listUrl) {
  const response = await fetch(listUrl, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${listUrl}: ${response.status}`);
  const list = await response.json();
  const cache = await caches.open(CACHE);
  const versionUrl = new URL(VERSION_KEY, self.registration.scope).href;
  const kept = await cache.match(versionUrl);
  const urls = list.files.map((f) => new URL(f, self.registration.scope).href);
  if (kept && (await kept.text()) === list.version) return { version: list.version, files: urls.length, fresh: false };
  for (let i = 0; i < urls.length; i += 16) {
    await Promise.all(
      urls.slice(i, i + 16).map(async (url) => {
        const r = await fetch(url, { cache: 'no-cache' });
        if (r.ok) await cache.put(url, r);
      }),
    );
  }
  const wanted = new Set(urls);
  for (const request of await cache.keys()) if (!wanted.has(request.url) && request.url !== versionUrl) await cache.delete(request);
  await cache.put(versionUrl, new Response(list.version));
  return { version: list.version, files: urls.length, fresh: true };
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromNetworkElseKept(request));
});

async function fromNetworkElseKept(request) {
  const navigate = request.mode === 'navigate';
  try {
    const network = fetch(request);
    if (!navigate) return await network;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_WAIT_MS));
    return await Promise.race([network, timeout]);
  } catch (error) {
    const cache = await caches.open(CACHE);
    // The query is left out: a search page's ?q=… and Pagefind's cache-busting ?ts=… name the same kept file.
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    if (navigate) {
      const start = await cache.match(new URL('kiosk/', self.registration.scope).href);
      if (start) return start;
    }
    throw error;
  }
}
