/**
 * `gongkai merge`: the shards of one build (`gongkai build --shard i/n`, each on its own CI
 * runner) put back together. Every shard holds the whole site; each holds its share of the
 * print files and search bundles and a record of them (.gongkai-shard.json). The merge
 * checks that the shards belong together, copies the shares into one folder and writes what
 * lists the whole run: the manifest, cards.csv, the town zips, the search bundle list and the
 * search page's links to the index —
 * exactly what a single build writes (test/integration/shard.test.ts compares them byte by byte).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Project } from '../domain/model.ts';
import { manifestSchema, matching, type Manifest } from '../print/jobs/manifest.ts';
import { planBundles, writeBundleList } from '../site/search-index.ts';
import { linkSearchPage } from '../site/search-page-links.ts';
import { walkFiles } from '../io/walk.ts';
import type { Shard } from '../domain/shard.ts';
import { MergeError } from '../errors.ts';

export const SHARD_FILE = '.gongkai-shard.json';

/** The program that built a shard: its version and the Node.js that ran it. */
export const PROGRAM = `gongkai ${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version} node ${process.version}`;

export interface ShardRecord {
  shard: Shard;
  /** Same content, templates, date and program on every shard of one build. */
  fingerprint: string;
  /** Search bundles this shard indexed. */
  bundles: string[];
  /** Its boards and cards (the manifest rows), and the whole run's order of both. */
  manifest: Manifest;
  order: { boards: string[]; cards: string[] };
  /** What the release asks to print (`board:<id>`, `card:<unit>`), when it has a reprint list: the merged quote sheet's second column. */
  reprint?: string[];
}

/**
 * What a shard's output depends on, besides the program: every content and template file
 * (path and bytes), and the build's "today". Shards built from different commits or on
 * different days would give a site that is not one build, so the merge refuses them.
 */
export function buildFingerprint(dirs: readonly string[], today: string, program: string): string {
  const h = createHash('sha256').update(`${program}\n${today}\n`);
  for (const dir of dirs)
    for (const f of walkFiles(dir))
      h.update(f)
        .update('\0')
        .update(readFileSync(join(dir, f)))
        .update('\0');
  return h.digest('hex').slice(0, 32);
}

export function writeShardRecord(outDir: string, record: ShardRecord): void {
  writeFileSync(join(outDir, SHARD_FILE), JSON.stringify(record));
}

function readShardRecord(dir: string): ShardRecord {
  const file = join(dir, SHARD_FILE);
  if (!existsSync(file))
    throw new MergeError(
      `文件夹 ${dir} 不是分份构建的输出（里面没有 ${SHARD_FILE}）。请用 npm run build -- --shard 第几份/共几份 --out 文件夹 生成各份，再合并。`,
    );
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ShardRecord;
    matching(manifestSchema, record.manifest, `${file} 中的印刷清单`);
    return record;
  } catch {
    throw new MergeError(`${file} 读不出来（文件不完整？）。请重新生成这一份。`);
  }
}

/** The shards, checked to be exactly parts 1…n of one build, in part order. */
export function readShards(dirs: readonly string[]): { dir: string; record: ShardRecord }[] {
  if (!dirs.length) throw new MergeError('没有给出要合并的文件夹。用法：npm run gongkai -- merge 文件夹1 文件夹2 … --out dist');
  const shards = dirs.map((dir) => ({ dir, record: readShardRecord(dir) })).sort((a, b) => a.record.shard.index - b.record.shard.index);
  const n = shards[0]!.record.shard.count;
  for (const s of shards) {
    if (s.record.shard.count !== n)
      throw new MergeError(`${shards[0]!.dir} 是 ${n} 份中的一份，${s.dir} 却是 ${s.record.shard.count} 份中的一份：不是同一次构建。`);
    if (s.record.fingerprint !== shards[0]!.record.fingerprint)
      throw new MergeError(`${s.dir} 和 ${shards[0]!.dir} 的内容、日期或程序版本不同，不是同一次构建的两份。请从同一个提交、用同一个 --today 重新构建各份。`);
  }
  const seen = shards.map((s) => s.record.shard.index);
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.includes(i));
  const twice = seen.filter((i, k) => seen.indexOf(i) !== k);
  if (missing.length || twice.length)
    throw new MergeError(
      `共 ${n} 份，${missing.length ? `缺少第 ${missing.join('、')} 份` : ''}${missing.length && twice.length ? '，' : ''}${twice.length ? `第 ${twice.join('、')} 份给了不止一次` : ''}。`,
    );
  return shards;
}

/** Copies the shards into `staging` and writes the whole run's lists; returns the merged manifest. */
export function mergeShards(shards: readonly { dir: string; record: ShardRecord }[], staging: string, project: Project): Manifest {
  const [first, ...rest] = shards;
  // The site is the same in every shard; the first one's comes with its own share.
  cpSync(first!.dir, staging, { recursive: true });
  rmSync(join(staging, SHARD_FILE), { force: true });
  const copy = (from: string, rel: string) => {
    mkdirSync(dirname(join(staging, rel)), { recursive: true });
    cpSync(join(from, rel), join(staging, rel), { recursive: true });
  };
  for (const { dir, record } of rest) {
    for (const b of record.bundles) copy(dir, join('pagefind', b));
    for (const row of record.manifest.boards) for (const f of [row.pdf, row.preview, row.tiles]) if (f) copy(dir, f);
    for (const row of record.manifest.cards) for (const f of [row.pdf, row.preview, row.single]) copy(dir, f);
  }
  const written = new Set(shards.flatMap((s) => s.record.bundles));
  writeBundleList(
    staging,
    planBundles(project).filter((b) => written.has(b.name)),
  );
  linkSearchPage(staging);
  const boards = new Map(shards.flatMap((s) => s.record.manifest.boards.map((r) => [r.id, r] as const)));
  const cards = new Map(shards.flatMap((s) => s.record.manifest.cards.map((r) => [r.unit, r] as const)));
  const { order } = first!.record;
  const lost = [...order.boards.filter((id) => !boards.has(id)), ...order.cards.filter((u) => !cards.has(u))];
  if (lost.length)
    throw new MergeError(
      `各份里都没有这些印刷文件：${lost.slice(0, 10).join('、')}${lost.length > 10 ? ` 等 ${lost.length} 个` : ''}。某一份的构建可能没有完成，请重新构建那一份。`,
    );
  // Every shard lists the whole run's empty boards and cards (they are never dealt out).
  return {
    generated: first!.record.manifest.generated,
    job: first!.record.manifest.job,
    boards: order.boards.map((id) => boards.get(id)!),
    cards: order.cards.map((u) => cards.get(u)!),
    empty: first!.record.manifest.empty,
  };
}
