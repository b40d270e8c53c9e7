/**
 * `gongkai merge <shard folders…> [--content DIR] [--out DIR]`: assembles the shards of one
 * build (see src/build/merge.ts), writes the print manifest, cards.csv, the town zips and the
 * search bundle list, scans the result for leaks and swaps it in like `gongkai build`.
 */
import { join, resolve } from 'node:path';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { ContentError } from '../errors.ts';
import { StageRecorder } from '../build/stage-stats.ts';
import { Staging } from '../build/staging.ts';
import { mergeShards, readShards } from '../build/merge.ts';
import { PrintCache } from '../print/cache.ts';
import { writePrintIndex } from '../print/pipeline.ts';

export const MERGE_USAGE = `用法：npm run gongkai -- merge 文件夹1 文件夹2 … [--content 文件夹] [--out 文件夹]
  把分份构建（npm run build -- --shard i/n）的各份合并成完整的输出文件夹（默认 dist），
  写印刷清单和各镇压缩包，再检查有没有党内内容。各份必须来自同一次构建（同一内容、同一日期）。`;

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { content: { type: 'string', default: 'content' }, templates: { type: 'string' }, out: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } },
    MERGE_USAGE,
  );
  if (values.help) {
    console.log(MERGE_USAGE);
    return 0;
  }
  const shards = readShards(positionals.map((p) => resolve(p)));
  const stages = new StageRecorder();
  const step = (n: number, label: string) => console.log(`【${n}/4】${label}…`);
  step(1, '检查内容');
  // The leak scan needs the withheld entries, which never travel inside a shard.
  const checked = await stages.run('check', '检查', () => runCheck({ ...resolveDirs(values), json: false }), (r) => r.fileCount);
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，合并已停止，没有改动输出文件夹。');
  const project = checked.project;
  const cacheRoot = process.env.GONGKAI_CACHE_DIR ?? join(PROJECT_ROOT, '.cache');
  const staged = new Staging(resolve(values.out!), stages);

  step(2, `合并 ${shards.length} 份`);
  const manifest = await staged.run('merge', '合并', () => mergeShards(shards, staged.dir, project));
  const zips = await staged.run('print-index', '印刷清单', () => writePrintIndex(staged.dir, manifest, project, new PrintCache(join(cacheRoot, 'print'))));
  console.log(`✓ 公开栏 ${manifest.boards.length} 块、明白卡 ${manifest.cards.length} 个单位、${zips.length} 个镇压缩包`);

  step(3, '检查输出中有没有党内内容');
  console.log(`✓ ${await staged.leakScan(project, join(cacheRoot, 'leak-scan'))}。`);

  step(4, '替换输出文件夹');
  await staged.swap();
  stages.save();
  console.log(`✓ 已合并到：${values.out}（共 ${stages.totalSeconds.toFixed(1)} 秒）`);
  return 0;
}
