/**
 * Splitting one build over several CI runners (`gongkai build --shard i/n`). Every shard
 * builds the whole site (pages are cheap next to posters and search indexes, and every page
 * must be identical anyway) and its share of the slow, independent parts: print products and
 * per-town search bundles, dealt round-robin in plan order so each runner gets a mix of large
 * and small ones. `gongkai merge` then puts the shares together (src/pipeline/merge.ts).
 */
import { UsageError } from '../errors.ts';

export interface Shard {
  /** 1-based, as CI matrices count (GitLab's CI_NODE_INDEX is 1-based too). */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 64 || index < 1 || index > count) {
    throw new UsageError(`--shard 的值“${text}”不对：应写成“第几份/共几份”，例如 --shard 2/3（共 3 份中的第 2 份，份数 1–64）。`);
  }
  return { index, count };
}

/** Whether the i-th item (0-based, in plan order) belongs to this shard. */
export function inShard(shard: Shard | undefined, i: number): boolean {
  return !shard || i % shard.count === shard.index - 1;
}

export const shardLabel = (s: Shard): string => `第 ${s.index}/${s.count} 份`;
