/**
 * `gongkai merge` as a function: assembles the shards of one sharded build (merge.ts), writes
 * the print manifest, cards.csv, the town zips and the search bundle list, scans the result for
 * leaks and swaps it in, exactly as a single build would have written it.
 */
import { join, resolve } from 'node:path';
import { ContentError } from '../errors.ts';
import { PrintCache } from '../print/run/cache.ts';
import { writePrintIndex } from '../print/run/print-stage.ts';
import { checkContent, type ContentDirs } from './check-stage.ts';
import type { Log } from './log.ts';
import { writeKioskOffline } from './kiosk-offline.ts';
import { emptyHeadline } from './layout-notes.ts';
import { buildLeakScanner } from './leak-scan.ts';
import { mergeShards, readShards, type ShardRecord } from './merge.ts';
import { StageRecorder, type StageStat } from './stage-stats.ts';
import { Staging } from './staging.ts';

export interface MergeOptions extends ContentDirs {
  shards: readonly string[];
  out: string;
  cacheRoot: string;
}

export async function runMerge(o: MergeOptions, log: Log): Promise<{ boards: number; cards: number; zips: number; stages: StageStat[]; totalSeconds: number }> {
  const shards = readShards(o.shards.map((p) => resolve(p)));
  const stages = new StageRecorder();
  const step = (n: number, label: string) => log.info(`【${n}/4】${label}…`);
  step(1, '检查内容');
  // The leak scan needs the withheld entries, which never travel inside a shard.
  const checked = await stages.run(
    'check',
    '检查',
    () => checkContent(o, log),
    (r) => r.fileCount,
  );
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，合并已停止，没有改动输出文件夹。');
  const project = checked.project;
  const staged = new Staging(resolve(o.out), stages);

  step(2, `合并 ${shards.length} 份`);
  const manifest = await staged.run('merge', '合并', () => mergeShards(shards, staged.dir, project));
  const zips = await staged.run('print-index', '印刷清单', () =>
    writePrintIndex(staged.dir, manifest, project, new PrintCache(join(o.cacheRoot, 'print')), reprintOf(shards[0]!.record)),
  );
  await staged.run('kiosk', '触摸屏离线清单', () => writeKioskOffline(staged.dir, project));
  log.info(`✓ 公开栏 ${manifest.boards.length} 块、明白卡 ${manifest.cards.length} 个单位、${zips.length} 个压缩包（各镇和县直单位）`);
  const empty = emptyHeadline(manifest.empty);
  if (empty) log.warn(`注意：${empty}`);

  step(3, '检查输出中有没有党内内容');
  log.info(`✓ ${await staged.leakScan(buildLeakScanner(project, o.content, join(o.cacheRoot, 'leak-scan')))}。`);

  step(4, '替换输出文件夹');
  await staged.swap();
  log.info(`✓ 已合并到：${o.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）`);
  return { boards: manifest.boards.length, cards: manifest.cards.length, zips: zips.length, stages: stages.stats, totalSeconds: stages.totalSeconds };
}

/** The release's reprint list as every shard recorded it (each computes the same), for the merged quote sheet. */
const reprintOf = (record: ShardRecord): ReadonlySet<string> | undefined => (record.reprint ? new Set(record.reprint) : undefined);
