/**
 * The server settings each build writes beside the site, from the same rules, so the webmaster's
 * server sends exactly what this build's pages need (security-headers.ts) and caches each file as
 * long as it safely can:
 *
 * - `_deploy/nginx.conf`: everything that goes inside the site's `server { }` block — caching,
 *   security headers, the 404 page, gzip. nginx drops a level's add_header lines as soon as a
 *   location has one of its own, so every location states them all.
 * - `_headers`: the same for hosts that read that file (Cloudflare Pages' format). A request
 *   matching several rules gets all their headers, joined when a name repeats, so no two rules
 *   here set the same header for one address: the site's policy is given per top-level folder,
 *   never to `/*`, which would add it to /admin/'s.
 *
 * Hosts that send no headers of the site's choosing (GitHub Pages, GitLab Pages on gitlab.com,
 * Codeberg Pages) cannot carry any of this: webmaster.md says so.
 */
import type { Site } from '../domain/schema/site.ts';
import { HSTS, securityHeaders, type Area } from './security-headers.ts';

/** Files named by their content's hash never change: a year, without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else is rebuilt daily: kept, but checked with the server (a 304 when unchanged) on each use. */
export const REVALIDATE = 'no-cache';

/** Pagefind's index chunks, named by their hash (`zh-cn_8f3a….pf_fragment`); its entry files and bundles.json are not. */
export const PAGEFIND_HASHED = String.raw`^/pagefind/.+_[0-9a-f]+\.pf_(fragment|index|meta|filter)$`;

/** Pagefind's WebAssembly (`wasm.zh-cn.pagefind`), not named by its content. */
export const PAGEFIND_WASM = String.raw`^/pagefind/.+/wasm\.[a-z0-9_-]+\.pagefind$`;

/** Where the nginx snippet is written in the output, and what the server never hands out. */
export const NGINX_FILE = '_deploy/nginx.conf';
export const HEADERS_FILE = '_headers';

const GZIP_TYPES = [
  'text/css',
  'application/javascript',
  'text/javascript',
  'application/json',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'application/atom+xml',
  'text/csv',
  'text/plain',
];

function nginxHeaders(area: Area, site: Pick<Site, 'editor'>, cache: string, indent = '    '): string[] {
  return [
    `add_header Cache-Control "${cache}" always;`,
    ...securityHeaders(area, site).map(([n, v]) => `add_header ${n} "${v}" always;`),
    `add_header Strict-Transport-Security "${HSTS}" always;`,
  ].map((l) => indent + l);
}

/**
 * Pagefind's index files and WebAssembly are gzip files already: sent as they are with
 * `Content-Encoding: gzip`, the browser unpacks them natively and Pagefind, finding its signature
 * unpacked, skips its own JavaScript inflate (its "server-handled gzip"; measured with the
 * phone profile of scripts/bench/search-latency.ts: ~0.3–0.4 s of a first query's main thread).
 * nginx must not compress them again, and (no `always`) an error page never claims to be gzip.
 */
const GZIPPED = ['    gzip off;', '    add_header Content-Encoding gzip;'];

function location(head: string, comment: string, body: string[]): string[] {
  return [`# ${comment}`, `location ${head} {`, ...body, '}', ''];
}

/** The nginx snippet: included inside the HTTPS `server { }` block after root and index. */
export function nginxConf(site: Pick<Site, 'editor'>): string {
  return [
    '# 由 Gongkai 的构建生成，每次构建重写：不要手改，改了下次构建就没了。',
    '# 用法见 .github/guides/webmaster.md“放到服务器上”：放在 HTTPS 的 server { } 里 include（root 和 index 之后）。',
    '# nginx 的 location 里只要有一条 add_header，就不再继承外层的 add_header，所以每个 location 都写全。',
    '',
    ...location('/', '页面每天都会重新生成：浏览器每次都问一下服务器有没有更新（没变只回 304，很快）', [
      '    try_files $uri $uri/ $uri.html =404;',
      ...nginxHeaders('site', site, REVALIDATE),
    ]),
    ...location('/_astro/', '带内容指纹的样式和脚本：文件名变了内容才会变，可以长期缓存', nginxHeaders('site', site, IMMUTABLE)),
    ...location(
      `~ ${PAGEFIND_HASHED}`,
      '搜索索引中带内容指纹的分块同样长期缓存；分卷清单 bundles.json 和各卷的入口文件没有指纹，走上面的“每次都问”。' +
        '这些文件本身就是 gzip 压缩的：照原样发送并注明 Content-Encoding，浏览器自己解压，比网页里的脚本解压快得多',
      [...nginxHeaders('site', site, IMMUTABLE), ...GZIPPED],
    ),
    ...location(`~ ${PAGEFIND_WASM}`, '搜索程序的 WebAssembly：没有指纹，每次都问；同样是 gzip 文件，照原样发送', [
      ...nginxHeaders('site', site, REVALIDATE),
      ...GZIPPED,
    ]),
    ...location('~* \\.csv$', '点题台账和表格模板：按 UTF-8 文本发送（nginx 自带的类型表里没有 csv）', [
      '    default_type text/csv;',
      '    charset utf-8;',
      '    charset_types text/csv;',
      ...nginxHeaders('site', site, REVALIDATE),
    ]),
    ...location('/admin/', '网页编辑器（文书登录的地方）：它自己的、只放行编辑器所需的安全策略', nginxHeaders('admin', site, REVALIDATE)),
    ...location('= /_headers', '构建写给其他托管平台和服务器的设置文件，不对外提供', ['    return 404;']),
    ...location('^~ /_deploy/', '同上', ['    return 404;']),
    'error_page 404 /404.html;',
    ...location('= /404.html', '找不到的网址显示网站自己的“没有找到这个页面”', ['    internal;', ...nginxHeaders('site', site, REVALIDATE)]),
    'gzip on;',
    `gzip_types ${GZIP_TYPES.join(' ')};`,
    '',
  ].join('\n');
}

/** The _headers file (Cloudflare Pages' format) for the site whose top-level files and folders are `entries`. */
export function headersFile(site: Pick<Site, 'editor'>, entries: readonly { name: string; folder: boolean }[]): string {
  const block = (pattern: string, headers: [string, string][]) => [pattern, ...headers.map(([n, v]) => `  ${n}: ${v}`)];
  const [csp, ...common] = securityHeaders('site', site);
  const adminCsp = securityHeaders('admin', site)[0]!;
  const published = entries.filter((e) => !e.name.startsWith('_') || e.name === '_astro').sort((a, b) => a.name.localeCompare(b.name));
  return [
    '# 由 Gongkai 的构建生成（Cloudflare Pages 的 _headers 格式），每次构建重写：不要手改。',
    block('/*', [...common, ['Strict-Transport-Security', HSTS]]),
    block('/', [csp!]),
    ...published.map((e) =>
      e.name === 'admin'
        ? block('/admin/*', [adminCsp])
        : block(e.folder ? `/${e.name}/*` : `/${e.name}`, [csp!, ...(e.name === '_astro' ? [['Cache-Control', IMMUTABLE] as [string, string]] : [])]),
    ),
    ...['/pagefind/*/fragment/*', '/pagefind/*/index/*', '/pagefind/*/filter/*', '/pagefind/*.pf_meta'].map((p) => block(p, [['Cache-Control', IMMUTABLE]])),
    '',
  ]
    .flat()
    .join('\n');
}
