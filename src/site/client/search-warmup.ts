/**
 * A villager usually types the query on the home page (or a unit's, or the kiosk's) and lands
 * on the search page only when the form is sent. While the query is being typed, the files the
 * search page will need first — the ones it names in <link rel=preload>: Pagefind's script and
 * WebAssembly, the index's entry file and metadata — are fetched into the browser's cache, so
 * the first search starts with them at hand. Once per page, on the first focus of the box; not
 * on the search page itself (it preloads them), nor when the browser asks to save data.
 */
export function warmSearchOnFocus(): void {
  const input = document.querySelector<HTMLInputElement>('form[data-search-form] input[type="search"]');
  if (!input || document.querySelector('[data-search-bundles]')) return;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return;
  input.addEventListener('focus', () => void warm(document.documentElement.dataset.base ?? '/'), { once: true });
}

async function warm(base: string): Promise<void> {
  try {
    const html = await (await fetch(`${base}search/`)).text();
    for (const m of html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = m[1]!.replaceAll('&amp;', '&');
      document.head.append(link);
    }
  } catch {
    // Offline or the page moved: the search page fetches what it needs itself.
  }
}
