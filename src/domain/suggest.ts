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
