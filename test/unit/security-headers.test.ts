/** The server settings the build writes: each area's policy, one policy per address, caching by what changes. */
import { describe, expect, it } from 'vitest';
import { headersFile, IMMUTABLE, nginxConf, PAGEFIND_HASHED, PAGEFIND_WASM } from '../../src/site/deploy-config.ts';
import { HEAD_SCRIPT, scriptHash } from '../../src/site/head-script.ts';
import { adminPolicy, forgeOrigins, formatPolicy, sitePolicy } from '../../src/site/security-headers.ts';
import { headersFor, readHeadersFile } from '../headers-file.ts';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('the policies', () => {
  it('lets the site run its files, the hashed head script and Pagefind’s WebAssembly, nothing inline or from elsewhere', () => {
    const p = formatPolicy(sitePolicy());
    expect(directive(p, 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' ${scriptHash(HEAD_SCRIPT)}`);
    expect(directive(p, 'style-src')).toBe("style-src 'self'");
    expect(directive(p, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(p).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:/);
  });

  it('gives the editor its forge and nothing else; without a forge (practice only) no other origin at all', () => {
    expect(formatPolicy(adminPolicy(undefined))).not.toMatch(/https?:/);
    expect(directive(formatPolicy(adminPolicy(undefined)), 'script-src')).toBe("script-src 'self'");
    const github = formatPolicy(adminPolicy({ forge: 'github', repo: 'a/b', branch: 'main', content_path: 'content' }));
    expect(directive(github, 'connect-src')).toBe("connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com");
    expect(forgeOrigins({ forge: 'gitlab', repo: 'a/b', branch: 'main', content_path: 'content', base_url: 'https://git.qinghe.gov.cn/gitlab/' })).toEqual({
      connect: ['https://git.qinghe.gov.cn'],
      img: ['https://git.qinghe.gov.cn', 'https://secure.gravatar.com'],
    });
    expect(forgeOrigins({ forge: 'gitlab', repo: 'a/b', branch: 'main', content_path: 'content' }).connect).toContain('https://gitlab.com');
    expect(forgeOrigins({ forge: 'gitea', repo: 'a/b', branch: 'main', content_path: 'content' })).toEqual({
      connect: ['https://gitea.com'],
      img: ['https://gitea.com'],
    });
  });

  it('hashes the head script exactly as a browser does (sha256 of its text, base64)', () => {
    // Known answer: the digest of "alert(1)" as CSP tools print it.
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});

const TOP = ['index.html', '404.html', 'favicon.svg', 'kiosk-sw.js', 'feed.xml'].map((name) => ({ name, folder: false }));
const FOLDERS = ['_astro', 'admin', 'units', 'search', 'pagefind', 'print', 'kiosk', 'supervision'].map((name) => ({ name, folder: true }));
const SITE = formatPolicy(sitePolicy());

describe('_headers', () => {
  const rules = readHeadersFile(headersFile({}, [...TOP, ...FOLDERS, { name: '_deploy', folder: true }]));
  const at = (path: string) => headersFor(rules, path).headers;

  it('sends exactly one policy to every address, the editor’s under /admin/', () => {
    for (const path of ['/', '/units/v-a/', '/units/v-a/x/', '/search/', '/kiosk-sw.js', '/404.html', '/_astro/a.js', '/pagefind/u/pagefind.js'])
      expect(at(path).get('content-security-policy'), path).toBe(SITE);
    for (const path of ['/admin/', '/admin/config.json', '/admin/sveltia-cms.js'])
      expect(at(path).get('content-security-policy'), path).toBe(formatPolicy(adminPolicy(undefined)));
    for (const path of ['/', '/admin/', '/units/v-a/']) {
      expect(at(path).get('x-content-type-options')).toBe('nosniff');
      expect(at(path).get('x-frame-options')).toBe('DENY');
      expect(at(path).get('strict-transport-security')).toMatch(/^max-age=/);
    }
  });

  it('caches only files named by their content for long; the search’s bundle list and entry files are asked for again', () => {
    for (const path of [
      '/_astro/chrome.a38Io8qb.js',
      '/pagefind/units/fragment/zh-cn_7f5d599.pf_fragment',
      '/pagefind/y2026/index/zh-cn_e24bd4a.pf_index',
      '/pagefind/units/pagefind.zh-cn_d3ecaa44a7e11.pf_meta',
    ])
      expect(at(path).get('cache-control'), path).toBe(IMMUTABLE);
    for (const path of ['/pagefind/bundles.json', '/pagefind/units/pagefind-entry.json', '/pagefind/units/pagefind.js', '/', '/print/manifest.csv'])
      expect(at(path).has('cache-control'), path).toBe(false); // the host's default: revalidate
  });
});

describe('the nginx snippet', () => {
  const conf = nginxConf({ editor: { forge: 'gitea', repo: 'a/b', branch: 'main', content_path: 'content', base_url: 'https://git.example.cn' } });
  const blocks = [...conf.matchAll(/^location ([^{]+)\{([^}]*)\}/gm)].map((m) => ({ head: m[1]!.trim(), body: m[2]! }));

  it('states every header in every location that adds any (nginx does not inherit them into such a location)', () => {
    const adding = blocks.filter((b) => b.body.includes('add_header'));
    expect(adding.map((b) => b.head)).toEqual(['/', '/_astro/', `~ ${PAGEFIND_HASHED}`, `~ ${PAGEFIND_WASM}`, '~* \\.csv$', '/admin/', '= /404.html']);
    for (const b of adding)
      for (const h of ['Cache-Control', 'Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Strict-Transport-Security'])
        expect(b.body, `${b.head} ${h}`).toMatch(new RegExp(`add_header ${h} "[^"]+" always;`));
    expect(blocks.find((b) => b.head === '/admin/')!.body).toContain('https://git.example.cn');
    expect(blocks.find((b) => b.head === '/')!.body).not.toContain('https://git.example.cn');
  });

  it('compresses feeds (text/xml) and data; long-caches only the hashed search chunks', () => {
    expect(conf).toMatch(/gzip_types [^;]*\btext\/xml\b[^;]*;/);
    expect(conf).toMatch(/gzip_types [^;]*\bapplication\/json\b[^;]*;/);
    const hashed = new RegExp(PAGEFIND_HASHED);
    expect(hashed.test('/pagefind/units/fragment/zh-cn_7f5d599.pf_fragment')).toBe(true);
    expect(hashed.test('/pagefind/units/pagefind.zh-cn_d3ecaa44a7e11.pf_meta')).toBe(true);
    for (const f of ['/pagefind/bundles.json', '/pagefind/units/pagefind-entry.json', '/pagefind/units/pagefind.js', '/pagefind/units/wasm.zh-cn.pagefind'])
      expect(hashed.test(f), f).toBe(false);
  });

  it('sends Pagefind’s gzip files as they are, marked gzip, so the browser unpacks them (only on success: no error page claims it)', () => {
    const gzipped = blocks.filter((b) => b.body.includes('Content-Encoding'));
    expect(gzipped.map((b) => b.head)).toEqual([`~ ${PAGEFIND_HASHED}`, `~ ${PAGEFIND_WASM}`]);
    for (const b of gzipped) {
      expect(b.body).toMatch(/^\s*add_header Content-Encoding gzip;$/m);
      expect(b.body).toMatch(/^\s*gzip off;$/m);
    }
    const wasm = new RegExp(PAGEFIND_WASM);
    expect(wasm.test('/pagefind/y2025-2026/wasm.unknown.pagefind')).toBe(true);
    expect(wasm.test('/pagefind/units/wasm.zh-cn.pagefind')).toBe(true);
    for (const f of ['/pagefind/units/pagefind.js', '/pagefind/units/pagefind-entry.json', '/pagefind/units/pagefind-worker.js'])
      expect(wasm.test(f), f).toBe(false);
  });
});
