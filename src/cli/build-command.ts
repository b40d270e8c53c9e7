/**
 * `gongkai build [--content DIR] [--out DIR]`: check, then build the site into a fresh
 * folder and swap it in, so a failed build never leaves a half-written dist/.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { parseFlags, PROJECT_ROOT, resolveDirs } from './args.ts';
import { runCheck } from './check-command.ts';
import { ContentError, StageError } from './errors.ts';

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹]
  先检查内容（有错误就停止），再生成网站到输出文件夹（默认 dist）。`;


export async function buildCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'dist' },
      help: { type: 'boolean', short: 'h' },
    },
    BUILD_USAGE,
  );
  if (values.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  const { content, templates } = resolveDirs(values);
  const out = resolve(values.out!);

  console.log('【1/2】检查内容…');
  const checked = runCheck({ content, templates, json: false });
  if (checked.errorCount > 0) throw new ContentError('内容有错误，构建已停止，没有改动输出文件夹。');

  console.log('【2/2】生成网站…');
  const staging = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  // Astro reads the content folder through src/content.config.ts, which reads these.
  process.env.GONGKAI_CONTENT_DIR = content;
  process.env.GONGKAI_TEMPLATES_DIR = templates;
  // The build machine has no network: never try to send Astro's usage statistics.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: staging, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn' });
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new StageError('网站', e instanceof Error ? e.message : String(e));
  }
  const old = `${staging}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  console.log(`✓ 网站已生成：${values.out}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  return 0;
}
