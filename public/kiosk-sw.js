/*
 * The site's service worker. Every browser gets the page that says a page is not saved here
 * (offline/), shown instead of the browser's own error when the network is gone: a phone first
 * tries the copy its browser already holds of a page it read before. A kiosk (触摸屏离线) also
 * keeps one town's pages, its villages' pages and the search in its own cache, so a village
 * hall's kiosk still works when its network drops. The list of what to keep is written by each
 * build (kiosk/offline/<town>.json, with a version); the kiosk's pages ask for it on every
 * visit, and only a new version is fetched again — only the files whose names do not already
 * fix their content — then the files the new list no longer names are dropped. Pages always
 * come from the network when it answers (on a kiosk within a few seconds), so a kiosk never
 * shows yesterday's board while online. On a phone the worker leaves everything but page
 * loads and the site's own styles and scripts to the browser; a page's copy in the browser is
 * looked for with its query too (a search page is the same page for every query).
 */
const CACHE = 'gongkai-kiosk';
const OFFLINE_CACHE = 'gongkai-offline';
const VERSION_KEY = '__gongkai_version';
/** A kiosk's page load waits this long for the network before the kept copy is shown. */
const NETWORK_WAIT_MS = 4000;
/** Files whose names change when their content does: kept from one build to the next. */
const IMMUTABLE = /\/(_astro\/|pagefind\/[^/]+\/(fragment|index|filter)\/|pagefind\/[^/]+\/[^/]+\.pf_meta$)/;

const offlineUrl = () => new URL('offline/', self.registration.scope).href;

let keeping = null;
/** Whether this browser is a kiosk (it keeps a town); unknown until the cache is looked at. */
let kiosk;
caches.has(CACHE).then((has) => (kiosk = kiosk || has));

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(keepOfflinePage());
});

/** The offline page and the site's styles and scripts it uses (their names change with their content). */
async function keepOfflinePage() {
  const cache = await caches.open(OFFLINE_CACHE);
  const response = await fetch(offlineUrl(), { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(offlineUrl(), response);
  const assets = [...html.matchAll(/(?:href|src)="([^"]*\/_astro\/[^"]+)"/g)].map((m) => new URL(m[1], self.registration.scope).href);
  await Promise.all(assets.map((url) => cache.add(url).catch(() => undefined)));
}
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([self.clients.claim(), self.registration.navigationPreload?.enable()]));
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || typeof data.list !== 'string') return;
  const source = event.source;
  kiosk = true;
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
  const result = { version: list.version, files: urls.length, search: list.search, town: list.town };
  if (kept && (await kept.text()) === list.version) return { ...result, fresh: false };
  const have = new Set((await cache.keys()).map((r) => r.url));
  const fetchNow = urls.filter((url) => !(IMMUTABLE.test(url) && have.has(url)));
  for (let i = 0; i < fetchNow.length; i += 16) {
    await Promise.all(
      fetchNow.slice(i, i + 16).map(async (url) => {
        const r = await fetch(url, { cache: 'no-cache' });
        if (r.ok) await cache.put(url, r);
      }),
    );
  }
  const wanted = new Set(urls);
  for (const request of await cache.keys()) if (!wanted.has(request.url) && request.url !== versionUrl) await cache.delete(request);
  await cache.put(versionUrl, new Response(list.version));
  return { ...result, fresh: true };
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (kiosk !== false || new URL(request.url).pathname.includes('/_astro/')) event.respondWith(fromNetworkElseKept(request));
});

/** A page: from the network; if it fails, a kiosk's kept copy, the browser's own copy, or the page that says it is not saved. */
async function page(event) {
  const request = event.request;
  try {
    const network = event.preloadResponse.then((r) => r || fetch(request));
    if (!kiosk) return await network;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_WAIT_MS));
    return await Promise.race([network, timeout]);
  } catch (error) {
    // The query is left out: a search page's ?q=… names the same kept page.
    const bare = new URL(request.url);
    bare.search = '';
    const hit =
      (await caches.match(request, { ignoreSearch: true, cacheName: CACHE })) || (await fromBrowserCache(request.url)) || (await fromBrowserCache(bare.href));
    if (hit) return hit;
    const offline = await caches.match(offlineUrl(), { cacheName: OFFLINE_CACHE });
    if (offline) return offline;
    throw error;
  }
}

/** The copy of a page the browser's HTTP cache holds from an earlier visit, however old. */
async function fromBrowserCache(url) {
  try {
    const r = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
    return r.ok ? r : undefined;
  } catch {
    return undefined;
  }
}

async function fromNetworkElseKept(request) {
  try {
    return await fetch(request);
  } catch (error) {
    // Pagefind's cache-busting ?ts=… names the same kept file; the offline page's styles are kept apart.
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}
