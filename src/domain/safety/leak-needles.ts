/**
 * What the leak scan looks for: the titles and distinctive sentences of every entry the
 * publication gate keeps out, and the repository's own records — commit messages, authors'
 * names and e-mail addresses — which are internal notes, never published. A phrase that also
 * occurs in public text is not distinctive (it would be found for innocent reasons: a
 * reviewer's name is public on every entry they approve) and is left out.
 */
import { PhraseMatcher } from './phrase-matcher.ts';
import type { Entry } from '../model.ts';
import { isPublic } from '../publication.ts';

export interface Needle {
  text: string;
  /** The withheld entry it comes from, e.g. content/entries/…/x.md; for git records, what it is (提交信息, 作者, 邮箱). */
  source: string;
  /** A party-internal entry's text (default), or a git record. */
  kind?: 'entry' | 'git';
}

/** The repository's records, as git reports them for the content folder's commits. */
export interface CommitRecords {
  subjects: readonly string[];
  names: readonly string[];
  emails: readonly string[];
}

const MIN_TITLE = 6;
const MIN_SENTENCE = 14;
const PER_ENTRY = 5;

/** Markdown syntax stripped, so a sentence reads as it does in rendered output. */
function plain(line: string): string {
  return line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#+|>|[-*+]|\d+\.)\s+/, '')
    .replace(/[*_`~|]/g, '')
    .trim();
}

export function sentencesOf(body: string): string[] {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    if (/^\s*\|?\s*:?-{3,}/.test(line)) continue; // table delimiter rows
    for (const s of plain(line).split(/[。！？；\n]/)) {
      const t = s.trim();
      if ([...t].length >= MIN_SENTENCE) out.push(t);
    }
  }
  return out;
}

export function leakNeedles(entries: readonly Entry[], alsoPublic: readonly string[] = []): Needle[] {
  const withheld = entries.filter((e) => !isPublic(e));
  if (withheld.length === 0) return [];
  const candidates: Needle[] = [];
  for (const e of withheld) {
    if ([...e.data.title].length >= MIN_TITLE) candidates.push({ text: e.data.title, source: e.source.file });
    const sentences = sentencesOf(e.body).sort((a, b) => b.length - a.length);
    for (const s of sentences.slice(0, PER_ENTRY)) candidates.push({ text: s, source: e.source.file });
  }
  return distinctive(candidates, entries, alsoPublic);
}

/** Commit subjects shorter than this ("修改", "fix") are too common to tell anything. */
const MIN_SUBJECT = 6;

/** The git records that must never be published, as needles (the distinctive ones). */
export function commitNeedles(records: CommitRecords, entries: readonly Entry[], alsoPublic: readonly string[] = []): Needle[] {
  const candidates: Needle[] = [
    ...records.subjects.filter((s) => [...s.trim()].length >= MIN_SUBJECT).map((s) => ({ text: s.trim(), source: '提交信息', kind: 'git' as const })),
    ...records.names.filter((n) => [...n.trim()].length >= 2).map((n) => ({ text: n.trim(), source: '提交作者', kind: 'git' as const })),
    ...records.emails.filter((e) => e.includes('@')).map((e) => ({ text: e.trim(), source: '提交者邮箱', kind: 'git' as const })),
  ];
  return candidates.length ? distinctive(candidates, entries, alsoPublic) : [];
}

/** Drops candidates that public text contains: they cannot tell a leak from a coincidence. */
function distinctive(candidates: readonly Needle[], entries: readonly Entry[], alsoPublic: readonly string[]): Needle[] {
  const publicText = [
    ...entries
      .filter(isPublic)
      .map((e) => `${e.data.title}\u0000${e.data.summary ?? ''}\u0000${e.body}\u0000${e.data.reviewed_by ?? ''}\u0000${e.data.approved_by ?? ''}`),
    ...alsoPublic,
  ].join('\u0000');
  const phrases = [...new Set(candidates.map((c) => c.text))];
  const common = new Set(new PhraseMatcher(phrases).found(publicText).map((i) => phrases[i]));
  const seen = new Set<string>();
  return candidates.filter((c) => !common.has(c.text) && !seen.has(c.text) && seen.add(c.text));
}
