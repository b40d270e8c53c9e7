/**
 * Code written into a page rather than loaded from a file: inline scripts, <style> elements,
 * style="…" and on…="…" attributes, javascript: links. The site's Content-Security-Policy
 * (security-headers.ts) blocks all of it except the head script it allows by hash, so a page
 * carrying any other would silently lose it in the browser; the build looks for it instead and
 * names the page (an MDX page of content/pages/ is the likely source: Markdown entries are
 * sanitised, and Astro writes its own scripts and styles to files).
 *
 * Regular expressions, not an HTML parser: the build reads every page, and tags are found
 * attribute by attribute, quoted values included, so a “>” or a word like style= in a value or
 * in the text is never taken for markup.
 */
import { scriptHash } from './head-script.ts';

export type InlineKind = 'script' | 'style' | 'style-attribute' | 'event-handler' | 'javascript-url';

export interface InlineCode {
  kind: InlineKind;
  /** The start of the offending markup, for the message. */
  snippet: string;
}

/** Script types a browser runs (a JSON or template block is data, which the policy does not govern). */
const RUNS = /^\s*(|text\/javascript|application\/javascript|module)\s*$/i;
const SCRIPT = /<script\b((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>/gi;
const TAG = /<[a-zA-Z][\w:-]*((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) out.set(m[1]!.toLowerCase(), (m[2] ?? '').replace(/^["']|["']$/g, ''));
  return out;
}

const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** Inline code in `html` that the policy would block: scripts whose hash is not in `allowed`, styles, handlers. */
export function inlineCode(html: string, allowed: ReadonlySet<string>): InlineCode[] {
  const found: InlineCode[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = attributes(m[1] ?? '');
    if (attrs.has('src') || !RUNS.test(attrs.get('type') ?? '')) continue;
    if (!allowed.has(scriptHash(m[2]!))) found.push({ kind: 'script', snippet: cut(m[0]) });
  }
  for (const m of html.matchAll(STYLE)) found.push({ kind: 'style', snippet: cut(m[0]) });
  // Attributes: only when the page has anything like them at all (most pages have none).
  if (!/\sstyle\s*=|\son[a-z]+\s*=|javascript:/i.test(html)) return found;
  const text = html.replace(SCRIPT, '<script></script>');
  for (const m of text.matchAll(TAG)) {
    for (const [name, value] of attributes(m[1] ?? '')) {
      if (name === 'style') found.push({ kind: 'style-attribute', snippet: cut(m[0]) });
      else if (/^on[a-z]+$/.test(name)) found.push({ kind: 'event-handler', snippet: cut(m[0]) });
      else if (/^\s*javascript:/i.test(value)) found.push({ kind: 'javascript-url', snippet: cut(m[0]) });
    }
  }
  return found;
}

export const INLINE_LABELS: Record<InlineKind, string> = {
  script: '内联脚本 <script>',
  style: '内联样式 <style>',
  'style-attribute': 'style="…" 属性',
  'event-handler': 'onclick 之类的事件属性',
  'javascript-url': 'javascript: 链接',
};
