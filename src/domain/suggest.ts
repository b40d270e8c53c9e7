/** Did-you-mean suggestions for ids clerks mistype. */
import { distance } from 'fastest-levenshtein';

export interface Candidate {
  id: string;
  /** Human name; a clerk often writes the Chinese name instead of the id. */
  name?: string;
}

/**
 * The closest candidate by id or by name, if close enough to be a plausible typo:
 * an exact name match (党费收缴情况 for dues-collection), a name containing the input,
 * or an id within a third of its length in edit distance.
 */
export function suggest(input: string, candidates: readonly Candidate[]): Candidate | undefined {
  const needle = input.trim();
  if (!needle) return undefined;
  const byName = candidates.find((c) => c.name === needle);
  if (byName) return byName;
  const lower = needle.toLowerCase();
  let best: Candidate | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.id);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  if (best && bestScore <= Math.max(2, Math.floor(best.id.length / 3))) return best;
  if (needle.length >= 2) {
    const partial = candidates.find((c) => c.name?.includes(needle) || c.id.includes(lower));
    if (partial) return partial;
  }
  return undefined;
}

export function describeCandidate(c: Candidate): string {
  return c.name ? `${c.id}（${c.name}）` : c.id;
}

/** “是不是想写 X？” or undefined. */
export function didYouMean(input: string, candidates: readonly Candidate[]): string | undefined {
  const s = suggest(input, candidates);
  return s ? `是不是想写 ${describeCandidate(s)}？` : undefined;
}

/** A name in Latin letters, for matching what a clerk typed in pinyin: full and initials. */
export interface Romanised {
  /** 党费收缴情况 → dangfeishoujiaoqingkuang */
  full: string;
  /** 党费收缴情况 → dfsjqk */
  initials: string;
}

export interface RankOptions {
  /** Turns a Chinese name into pinyin; given by the caller (the library is large and only needed here). */
  romanise?: (name: string) => Romanised;
  limit?: number;
}

const QUOTES_AND_SPACE = /[\s“”‘’"'「」《》]/g;
const HAN = /\p{Script=Han}/u;

/** How well `needle` names a candidate: 0 not at all, higher better. */
function score(needle: string, c: Candidate, romanise: RankOptions['romanise']): number {
  const name = (c.name ?? '').replace(QUOTES_AND_SPACE, '');
  const lower = needle.toLowerCase();
  if (name && name === needle) return 100;
  if (lower.replace(/[-_]/g, '') === c.id.replace(/-/g, '')) return 95;
  let best = 0;
  if (name && needle.length >= 2 && name.includes(needle)) best = Math.max(best, 80 + (10 * needle.length) / name.length);
  if (name && name.length >= 2 && needle.includes(name)) best = Math.max(best, 75);
  const d = distance(lower, c.id);
  if (d <= Math.max(2, Math.floor(c.id.length / 3))) best = Math.max(best, 70 - 5 * d);
  if (needle.length >= 3 && c.id.includes(lower)) best = Math.max(best, 60);
  const han = [...needle].filter((ch) => HAN.test(ch));
  if (name && han.length >= 2) {
    // Part of a name in other words (党费收缴 for 党费收缴情况, 三重一大决策 for “三重一大”事项集体决策情况).
    const common = han.filter((ch) => name.includes(ch)).length;
    const shared = common / han.length;
    if (common >= 2 && shared >= 0.5) best = Math.max(best, 30 + 40 * shared);
  }
  const latin = lower.replace(/[^a-z]/g, '');
  if (romanise && name && latin.length >= 2 && latin.length === lower.replace(/[-_\s]/g, '').length) {
    const r = romanise(name);
    if (latin.length >= 4 && r.full.includes(latin)) best = Math.max(best, 65 + (10 * latin.length) / r.full.length);
    else if (r.initials.startsWith(latin)) best = Math.max(best, 50 + latin.length);
  }
  return best;
}

/**
 * The best few candidates for what a clerk typed: a Chinese name or part of one, an id with
 * a typo, or pinyin (dangfei, sanzhongyida, dfsj). Best first; empty when nothing is close.
 */
export function rankCandidates(input: string, candidates: readonly Candidate[], opts: RankOptions = {}): Candidate[] {
  const needle = input.replace(QUOTES_AND_SPACE, '');
  if (!needle) return [];
  return candidates
    .map((c) => ({ c, s: score(needle, c, opts.romanise) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, opts.limit ?? 3)
    .map((x) => x.c);
}

/**
 * “是不是想写“城关镇”？” for a Chinese name typed with a wrong character (城关真): spreadsheets
 * name units by name, where one character in four may be off (not more: 中共清河县委组织部 is not 中共清河县委员会); ids are tried after names.
 */
export function didYouMeanName(input: string, candidates: readonly Candidate[]): string | undefined {
  const needle = input.trim();
  let best: Candidate | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = c.name ? distance(needle, c.name) : Infinity;
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  if (best && bestScore <= Math.max(1, Math.floor([...needle].length / 4))) return `是不是想写“${best.name}”？`;
  return didYouMean(needle, candidates);
}
