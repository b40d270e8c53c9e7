/**
 * The response headers a server sends with the site: a Content-Security-Policy the pages satisfy
 * (written from what the build emits, not by hand), and the usual hardening beside it. Two areas:
 *
 * - the public site: only its own files; scripts from files plus the one inline head script, by
 *   its hash (head-script.ts); WebAssembly for Pagefind's search ('wasm-unsafe-eval'); no inline
 *   style (Astro writes every stylesheet to a file: astro-config.ts);
 * - /admin/ (Sveltia CMS, where clerks sign in): its own files, no WebAssembly, plus what Sveltia
 *   needs and the site never does — inline styles (Svelte injects them), blob: and data: images
 *   and previews, and the forge's API named in site.yaml's `editor`, and nothing else.
 *
 * Both forbid framing (frame-ancestors 'none', and X-Frame-Options for old browsers), plugins and
 * <base>. deploy-config.ts turns this into the nginx snippet and the _headers file the build
 * writes, so the webmaster's server and the site never disagree.
 */
import type { Site } from '../domain/schema/site.ts';
import { HEAD_SCRIPT, scriptHash } from './head-script.ts';

export type Area = 'site' | 'admin';

/** A policy as ordered directives; sources in the order written. */
export type Policy = readonly (readonly [directive: string, ...sources: string[]])[];

/** How long browsers remember to use HTTPS only: a year (sent on HTTPS responses only). */
export const HSTS = 'max-age=31536000';

/** The origins the editor talks to for a forge: its API (connect-src) and avatars and pictures (img-src). */
export function forgeOrigins(editor: Site['editor']): { connect: string[]; img: string[] } {
  if (!editor) return { connect: [], img: [] };
  const own = editor.base_url ? new URL(editor.base_url).origin : undefined;
  switch (editor.forge) {
    case 'github':
      // base_url names the sign-in helper, opened as a window (not subject to connect-src).
      return { connect: ['https://api.github.com', 'https://www.githubstatus.com'], img: ['https://*.githubusercontent.com'] };
    case 'gitlab': {
      const origin = own ?? 'https://gitlab.com';
      return {
        connect: [origin, ...(own ? [] : ['https://status-api.hostedstatus.com'])],
        img: [origin, 'https://secure.gravatar.com'],
      };
    }
    case 'gitea': {
      const origin = own ?? 'https://gitea.com';
      return { connect: [origin], img: [origin] };
    }
  }
}

/** The public site's policy. */
export function sitePolicy(): Policy {
  return [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", scriptHash(HEAD_SCRIPT)],
    ['style-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
}

/**
 * The editor's policy. Sveltia's own list (its documentation, "Setting up Content Security
 * Policy"), less what this site serves itself (the script, its texts and fonts: editor-assets.ts,
 * so no unpkg.com or jsDelivr), plus the forge of site.yaml. Without a forge only the practice
 * mode runs, which keeps its files in the browser: no other origin at all.
 */
export function adminPolicy(editor: Site['editor']): Policy {
  const forge = forgeOrigins(editor);
  return [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'blob:', 'data:', ...forge.img],
    ['media-src', "'self'", 'blob:'],
    ['frame-src', 'blob:'],
    ['connect-src', "'self'", 'blob:', 'data:', ...forge.connect],
    ['manifest-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
}

export const formatPolicy = (p: Policy): string => p.map((d) => d.join(' ')).join('; ');

/** Every security header of an area, in the order a server sends them. HSTS is left to the caller (HTTPS only). */
export function securityHeaders(area: Area, site: Pick<Site, 'editor'>): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', formatPolicy(area === 'admin' ? adminPolicy(site.editor) : sitePolicy())],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
  ];
}
