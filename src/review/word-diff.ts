/**
 * What changed in an entry's text, word by word, for the reviewer's summary. Chinese has no
 * spaces between words, so words come from the ICU word segmenter (Intl.Segmenter, the
 * dictionary the browser uses) through jsdiff; a changed amount shows as
 * 1,<del>860</del><ins>890</ins>.00 rather than as a whole changed paragraph.
 */
import { diffLines, diffWords } from 'diff';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export interface Hunk {
  /** 1-based line in the new text where the change is (in the old text for a pure deletion). */
  line: number;
  /** Markdown: unchanged words as text, removed words in <del>, added in <ins>, long runs of unchanged text shortened. */
  markdown: string;
}

// Markdown and HTML characters in a clerk's text must show as themselves in the summary.
const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\n/g, ' ⏎ ');

/** Unchanged text between changes: kept whole when short, else its ends around “…”. */
function shorten(text: string, first: boolean, last: boolean, keep = 16): string {
  const chars = [...text];
  if (chars.length <= keep * 2) return text;
  const head = first ? '' : chars.slice(0, keep).join('');
  const tail = last ? '' : chars.slice(-keep).join('');
  return `${head}…${tail}`;
}

/** Word-level changes of one changed stretch of lines. */
function wordHunk(before: string, after: string): string {
  const parts = diffWords(before, after, { intlSegmenter: segmenter });
  return parts
    .map((p, i) => {
      if (p.added) return `<ins>${escape(p.value)}</ins>`;
      if (p.removed) return `<del>${escape(p.value)}</del>`;
      return escape(shorten(p.value, i === 0, i === parts.length - 1));
    })
    .join('');
}

/**
 * The changes from `before` to `after`, one hunk per changed stretch of lines, at most `limit`
 * (the summary is read on a phone too); `more` counts the rest.
 */
export function textChanges(before: string, after: string, limit = 8): { hunks: Hunk[]; more: number } {
  const hunks: Hunk[] = [];
  let line = 1;
  let pendingRemoved: { value: string; line: number } | undefined;
  const flush = (added?: string) => {
    if (pendingRemoved === undefined && added === undefined) return;
    // Blank lines at the edges of a change are not worth a ⏎ in the summary; the line number skips them.
    const lead = pendingRemoved ? 0 : /^\n*/.exec(added ?? '')![0].length;
    const trim = (t: string) => t.replace(/^\n+|\n+$/g, '');
    const before = trim(pendingRemoved?.value ?? '');
    const after = trim(added ?? '');
    if (before !== '' || after !== '') hunks.push({ line: (pendingRemoved?.line ?? line) + lead, markdown: wordHunk(before, after) });
    pendingRemoved = undefined;
  };
  for (const part of diffLines(before, after)) {
    const lines = part.count ?? part.value.split('\n').length - 1;
    if (part.removed) {
      pendingRemoved = { value: part.value.replace(/\n$/, ''), line };
    } else if (part.added) {
      flush(part.value.replace(/\n$/, ''));
      line += lines;
    } else {
      flush();
      line += lines;
    }
  }
  flush();
  return { hunks: hunks.slice(0, limit), more: Math.max(0, hunks.length - limit) };
}
