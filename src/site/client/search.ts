/**
 * The search page in the browser: Pagefind's own API (served from /pagefind/, no CDN),
 * one bundle per town merged at query time; a town filter loads only that town's bundle.
 * Digit runs are spaced out before searching (see ../search-query.ts).
 */
import { matchesQuery, queryTerms, spaceDigits } from '../search-query.ts';

interface Bundles {
  /** Bundle folder names under /pagefind/, and the town name each covers ('县直' for county level). */
  bundles: { name: string; town: string }[];
}

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 50;
/** Results whose text is checked against the query before giving up on completeness. */
const MAX_CHECKED = 400;
const BATCH = 25;

/** Pagefind's excerpt is HTML with <mark>; keep only text and the marks. */
function excerptNodes(html: string): Node[] {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  return [...tpl.content.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      return m;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

async function loadPagefind(base: string, names: string[]): Promise<Pagefind> {
  const [first, ...rest] = names;
  const url = `${base}pagefind/${first}/pagefind.js`;
  const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pf.options({ bundlePath: `${base}pagefind/${first}/`, excerptLength: 40 });
  for (const n of rest) await pf.mergeIndex(`${base}pagefind/${n}/`);
  return pf;
}

export async function startSearch(): Promise<void> {
  const base = document.documentElement.dataset.base ?? '/';
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !status || !list) return;
  const params = new URLSearchParams(location.search);
  const q = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const key of ['town', 'unit', 'aspect', 'year']) {
    const v = params.get(key);
    const field = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (field && v !== null) field.value = v;
    if (v) filters[key] = v;
  }
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  if (input) input.value = q;
  if (!q && Object.keys(filters).length === 0) return;
  status.textContent = '正在搜索…';
  try {
    const res = await fetch(`${base}pagefind/bundles.json`);
    if (!res.ok) throw new Error(String(res.status));
    const { bundles } = (await res.json()) as Bundles;
    const chosen = filters.town ? bundles.filter((b) => b.town === filters.town) : bundles;
    if (chosen.length === 0) {
      status.textContent = '没有找到相关内容。';
      return;
    }
    const pf = await loadPagefind(
      base,
      chosen.map((b) => b.name),
    );
    const found = await pf.search(q ? spaceDigits(q) : null, { filters });
    // Keep only pages that contain every word of the query (see matchesQuery), checking
    // fragments in batches so a broad query does not download thousands of them.
    const terms = queryTerms(q);
    const shown: PagefindResultData[] = [];
    let checked = 0;
    while (checked < found.results.length && checked < MAX_CHECKED && shown.length < MAX_RESULTS) {
      const batch = await Promise.all(found.results.slice(checked, checked + BATCH).map((r) => r.data()));
      checked += batch.length;
      for (const d of batch) if (shown.length < MAX_RESULTS && matchesQuery(`${d.meta.title ?? ''} ${d.content}`, terms)) shown.push(d);
    }
    const complete = checked >= found.results.length;
    list.replaceChildren(
      ...shown.map((d) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = [d.meta.unit, d.meta.date].filter(Boolean).join(' · ');
        const ex = document.createElement('p');
        ex.append(...excerptNodes(d.excerpt));
        li.append(a, meta, ex);
        return li;
      }),
    );
    status.textContent =
      shown.length === 0
        ? complete
          ? '没有找到相关内容。'
          : '前面的结果都不完全符合，请换个说法或加上筛选条件。'
        : complete
          ? `找到 ${shown.length} 条。`
          : `找到 ${shown.length} 条以上，显示前 ${shown.length} 条；请加上更多字词或筛选条件缩小范围。`;
  } catch {
    status.textContent = '搜索索引还没有生成或无法读取，请稍后再试。';
  }
}
