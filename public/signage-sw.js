/*
 * The signage pages' service worker (显示屏离线): a screen keeps the last good copy of its page and
 * of everything the page loaded, so it still shows its board when the network drops, even after
 * a power cut and a restart of the browser. Everything comes from the network when it answers
 * (within a few seconds): a new build shows as soon as the site has it. Registered by the page
 * script (src/site/client/signage.ts) for the signage/ pages only.
 */
const CACHE = 'gongkai-signage';
const NETWORK_WAIT_MS = 5000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page asks, once it is up, to keep itself and every file it loaded: the first visit is
// enough for the screen to show its board after a restart without network.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const source = event.source;
  event.waitUntil(
    keep(data.urls).then(
      (n) => source && source.postMessage({ type: 'kept', files: n }),
      (error) => source && source.postMessage({ type: 'keep-failed', message: String(error) }),
    ),
  );
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  let n = 0;
  for (const url of urls) {
    if (new URL(url).origin !== self.location.origin) continue;
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) {
      await cache.put(url, response);
      n++;
    }
  }
  return n;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkElseKept(request));
});

async function networkElseKept(request) {
  const cache = await caches.open(CACHE);
  try {
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_WAIT_MS));
    const response = await Promise.race([fetch(request), timeout]);
    // Only a good answer replaces the kept copy: an error page from a broken server never does.
    if (response.ok) await cache.put(request, response.clone());
    else {
      const kept = await cache.match(request);
      if (kept) return kept;
    }
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}
