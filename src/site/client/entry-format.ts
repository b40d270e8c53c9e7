/**
 * How the web editor reads and writes an entry file (a custom format registered with Sveltia
 * CMS): YAML front matter and a Markdown body, read as check reads them (YAML 1.2's core
 * schema: dates stay text) and written as check wants them — nothing for a field left empty
 * (no `scope: ''`, no `notice: null`), tables as GFM tables and readable image paths
 * (tidy-markdown.ts), a picture from elsewhere in the unit's folder linked from the entry's
 * folder. Sveltia's own front-matter format writes every field of the form.
 */
import jsYaml from 'js-yaml';
import { tidyMarkdown } from '../../domain/tidy-markdown.ts';

type Data = Record<string, unknown>;

const OPEN = /^---[ \t]*\n/;
const CLOSE = /\n---[ \t]*(?:\n|$)/;

/**
 * Pictures picked from the unit's folder in the media library: Sveltia links them from the
 * repository's root (`/content/entries/<unit>/2026/x.jpg`); every entry sits in a year folder
 * right below the unit's, so from the entry the same file is `../2026/x.jpg`.
 */
function relink(body: string, from: string, to: string): string {
  return body.replace(/(!\[[^\]\n]*\]\(<?)([^)\s>]+)/g, (whole, open: string, url: string) =>
    url.startsWith(from) ? `${open}${to}${url.slice(from.length)}` : whole,
  );
}

/** The fields and the body of an entry file, as the form edits them; `unitFolder` is the unit's folder from the repository's root. */
export function readEntryFile(text: string, unitFolder?: string): Data {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!OPEN.test(src)) return { body: src.trim() };
  const rest = src.replace(OPEN, '');
  const close = CLOSE.exec(`\n${rest}`);
  if (!close) return { body: src.trim() };
  const yaml = `\n${rest}`.slice(1, close.index);
  const body = `\n${rest}`.slice(close.index + close[0].length).replace(/^\n+/, '');
  const fm = (jsYaml.load(yaml, { schema: jsYaml.CORE_SCHEMA }) ?? {}) as Data;
  // `period: 2026` reads as a number; the form's field is text.
  if (typeof fm.period === 'number') fm.period = String(fm.period);
  return { ...fm, body: unitFolder ? relink(body.trimEnd(), '../', `${unitFolder}/`) : body.trimEnd() };
}

/** A value with its empty parts left out; undefined when nothing is left. */
export function withoutEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Data)
      .map(([k, v]) => [k, withoutEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The file for the form's fields, in the form's order, and its body. */
export function writeEntryFile(content: Data, unitFolder?: string): string {
  const { body, ...fields } = content;
  const fm = (withoutEmpty(fields) ?? {}) as Data;
  const yaml = jsYaml.dump(fm, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
  const md = typeof body === 'string' ? tidyMarkdown(body.replace(/\r\n?/g, '\n')).trim() : '';
  const text = unitFolder ? relink(md, `${unitFolder}/`, '../') : md;
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}
