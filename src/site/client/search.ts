/**
 * The search page in the browser: Pagefind's own API (served from /pagefind/, no CDN), a few
 * period bundles merged at query time (see ../search-index.ts), exact counts, ten results a
 * page with plain links to the other pages, filters by town, unit, aspect, item and year, and
 * sorting by date. The form is a plain GET form, so every state of the page is an address.
 */
import { pagefindQuery } from '../search-query.ts';

interface Bundles {
  /** Bundle folder names under /pagefind/, newest first. */
  bundles: { name: string; label: string; pages: number }[];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

export const PAGE_SIZE = 10;
export const FILTER_KEYS = ['town', 'unit', 'aspect', 'item', 'year'] as const;

/** Pagefind's excerpt is HTML with <mark>; keep only its text and the marks (never its markup). */
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

let loaded: Promise<Pagefind> | undefined;
/** Pagefind with every bundle merged, loaded once per page. */
function loadPagefind(base: string): Promise<Pagefind> {
  loaded ??= (async () => {
    const res = await fetch(`${base}pagefind/bundles.json`);
    if (!res.ok) throw new Error(String(res.status));
    const [first, ...rest] = ((await res.json()) as Bundles).bundles;
    if (!first) throw new Error('no bundles');
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/${first.name}/pagefind.js`)) as Pagefind;
    await pf.options({ bundlePath: `${base}pagefind/${first.name}/`, excerptLength: 36 });
    for (const b of rest) await pf.mergeIndex(`${base}pagefind/${b.name}/`);
    return pf;
  })();
  return loaded;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const chineseDate = (iso: string | undefined) => {
  const m = iso ? DATE.exec(iso) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
};

function resultItem(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = d.meta.kind === '单位' ? `单位页面 · ${d.meta.town ?? ''}` : [d.meta.unit, chineseDate(d.meta.date)].filter(Boolean).join(' · ');
  const ex = document.createElement('p');
  ex.append(...excerptNodes(d.excerpt));
  li.append(a, meta, ex);
  return li;
}

const UNITS_SHOWN = 6;

/** The units whose page matched, as tiles above the entries. */
function unitList(hits: PagefindResultData[], total: number): HTMLElement {
  const box = document.createElement('section');
  box.className = 'unit-hits';
  box.setAttribute('aria-label', '相关单位');
  const h = document.createElement('h2');
  h.textContent = `相关单位（${total}个）`;
  const ul = document.createElement('ul');
  ul.className = 'tiles';
  for (const d of hits) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    if (d.meta.town) a.title = d.meta.town;
    li.append(a);
    ul.append(li);
  }
  box.append(h, ul);
  return box;
}

/** Links to the other pages of results: the same address with another `page`. */
function pager(params: URLSearchParams, page: number, pages: number): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'pager';
  nav.setAttribute('aria-label', '搜索结果分页');
  const link = (n: number, text: string, rel?: string) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    const a = document.createElement('a');
    a.href = `?${p}`;
    a.textContent = text;
    if (rel) a.rel = rel;
    return a;
  };
  if (page > 1) nav.append(link(page - 1, '上一页', 'prev'));
  const here = document.createElement('span');
  here.textContent = `第 ${page} / ${pages} 页`;
  here.setAttribute('aria-current', 'page');
  nav.append(here);
  if (page < pages) nav.append(link(page + 1, '下一页', 'next'));
  return nav;
}

/** The search parameters a form holds, empty fields left out (the address stays short and shareable). */
function formParams(form: HTMLFormElement): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) p.set(k, v.trim());
  return p;
}

/**
 * Wires the search page: the address's query runs at once; later queries, filters and pages
 * run in place (the address updated, the back button working), so Pagefind and the index
 * chunks it has fetched stay loaded. Without JavaScript the form still submits as a GET.
 */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!form) return;
  const go = (params: URLSearchParams) => {
    history.pushState(null, '', `?${params}`);
    void runSearch(params);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(formParams(form));
  });
  document.querySelector('[data-search-pager]')?.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (!a) return;
    e.preventDefault();
    go(new URL(a.href).searchParams);
    document.querySelector<HTMLElement>('[data-search-status]')?.focus();
  });
  form.querySelector('[data-search-unit-chip] button')?.addEventListener('click', () => {
    (form.elements.namedItem('unit') as HTMLInputElement).value = '';
    go(formParams(form));
  });
  addEventListener('popstate', () => void runSearch(new URLSearchParams(location.search)));
  void runSearch(new URLSearchParams(location.search));
}

export async function runSearch(params: URLSearchParams): Promise<void> {
  const base = document.documentElement.dataset.base ?? '/';
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const pagerSlot = document.querySelector<HTMLElement>('[data-search-pager]');
  const unitSlot = document.querySelector<HTMLElement>('[data-search-units]');
  if (!form || !status || !list || !pagerSlot || !unitSlot) return;
  const q = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key) ?? '';
    const field = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = v;
    if (v) filters[key] = v;
  }
  const chip = form.querySelector<HTMLElement>('[data-search-unit-chip]');
  if (chip) {
    chip.hidden = !filters.unit;
    chip.querySelector('span')!.textContent = filters.unit ?? '';
  }
  const byDate = params.get('sort') === 'date';
  const sortField = form.elements.namedItem('sort') as HTMLSelectElement | null;
  if (sortField) sortField.value = byDate ? 'date' : '';
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  if (input) input.value = q;
  if (!q && Object.keys(filters).length === 0) {
    status.textContent = '';
    list.replaceChildren();
    pagerSlot.replaceChildren();
    unitSlot.replaceChildren();
    return;
  }
  status.textContent = '正在搜索…';
  delete status.dataset.searchMs;
  const started = performance.now();
  try {
    const pf = await loadPagefind(base);
    const query = q ? pagefindQuery(q) : null;
    // Units whose page matches (a village's name finds the village) are shown first, apart from
    // the entries: a short unit page would otherwise rank below entries that repeat its name.
    const [units, found] = await Promise.all([
      q ? pf.search(query, { filters: { ...filters, kind: '单位' } }) : Promise.resolve({ results: [] }),
      pf.search(query, { filters: { ...filters, kind: '条目' }, ...(byDate ? { sort: { date: 'desc' } } : {}) }),
    ]);
    const unitHits = await Promise.all(units.results.slice(0, UNITS_SHOWN).map((r) => r.data()));
    unitSlot.replaceChildren(...(unitHits.length ? [unitList(unitHits, units.results.length)] : []));
    const total = found.results.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number(params.get('page')) || 1));
    const shown = await Promise.all(found.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data()));
    list.start = (page - 1) * PAGE_SIZE + 1;
    list.replaceChildren(...shown.map(resultItem));
    pagerSlot.replaceChildren(...(pages > 1 ? [pager(params, page, pages)] : []));
    status.textContent =
      total === 0
        ? unitHits.length
          ? '没有找到相关的公开内容，请看上面的单位页面。'
          : '没有找到相关内容。请换个说法，或去掉筛选条件。'
        : `找到 ${total} 条公开内容${pages > 1 ? `，这是第 ${list.start}–${list.start + shown.length - 1} 条` : ''}。`;
    // For the bench (scripts/bench/search-latency.ts): how long the query and its page of results took.
    status.dataset.searchMs = String(Math.round(performance.now() - started));
  } catch {
    status.textContent = '搜索索引还没有生成或无法读取，请稍后再试。';
  }
}
