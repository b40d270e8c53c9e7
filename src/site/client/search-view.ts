/**
 * What the search page paints, built as DOM nodes (never from Pagefind's markup): one result
 * with its title, unit, date and excerpt; the row of unit tiles above the results; the pager's
 * plain links (every page of results is an address); the note on a kiosk without network that a
 * result's page was not kept; and the words the page says when a search cannot run. When each
 * is painted is search.ts's business.
 */
import { KIOSK_CACHE } from './kiosk-offline.ts';
import type { PagefindResultData, ProblemKind } from './search-pagefind.ts';
import type { UnitName } from '../unit-match.ts';

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

export const PROBLEMS: Record<ProblemKind, string> = {
  empty: '网站上还没有可以搜索的公开内容。',
  offline: '现在没有连上网络，搜索用的文件也没有保存在这台设备上。请联网后再搜索；看过的页面仍可打开。',
  missing: '网站的搜索索引没有生成（服务器上找不到它的文件）。请告诉网站管理员重新构建网站。',
  broken: '搜索程序没有加载成功（网络中断或文件不完整）。请刷新页面再试。',
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const chineseDate = (iso: string | undefined) => {
  const m = iso ? DATE.exec(iso) : null;
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
};

export function resultItem(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [d.meta.unit, chineseDate(d.meta.date), d.meta.item].filter(Boolean).join(' · ');
  const ex = document.createElement('p');
  ex.append(...excerptNodes(d.excerpt));
  li.append(a, meta, ex);
  return li;
}

const UNITS_SHOWN = 6;

/** The units the query names, as one compact row of links above the entries. */
export function unitList(hits: UnitName[]): HTMLElement {
  const box = document.createElement('nav');
  box.className = 'unit-hits';
  box.setAttribute('aria-label', '搜索的单位');
  const ul = document.createElement('ul');
  for (const u of hits.slice(0, UNITS_SHOWN)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = u.path;
    a.textContent = u.name;
    if (u.town !== u.name) a.title = u.town;
    li.append(a);
    ul.append(li);
  }
  const label = document.createElement('span');
  label.textContent = hits.length > UNITS_SHOWN ? `单位页面（${hits.length}个，只列出前${UNITS_SHOWN}个）：` : '单位页面：';
  box.append(label, ul);
  return box;
}

/** On a kiosk without network, each result whose page it did not keep says so (its link would show the offline page). */
export async function markUnkept(list: HTMLElement): Promise<void> {
  if (navigator.onLine || !document.documentElement.classList.contains('kiosk') || !('caches' in window)) return;
  for (const a of list.querySelectorAll<HTMLAnchorElement>('li > a')) {
    const kept = await caches.match(a.href, { cacheName: KIOSK_CACHE, ignoreSearch: true }).catch(() => undefined);
    if (kept) continue;
    const note = document.createElement('span');
    note.className = 'unkept';
    note.textContent = '（本机没有保存这一页，联网后才能打开）';
    a.after(note);
  }
}

/** Links to the other pages of results: the same address with another `page`. */
export function pager(params: URLSearchParams, page: number, pages: number): HTMLElement {
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
