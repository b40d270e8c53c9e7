/** Flag parsing shared by the subcommands, with Chinese errors. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clockFrom, type TodayInputs } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { SHIPPED_TEMPLATES } from '../project-root.ts';

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const flag = /'(-{1,2}[^']+)'/.exec(msg)?.[1];
    throw new UsageError(flag ? `不认识的参数或缺少参数值：${flag}\n\n${usage}` : `参数有误：${msg}\n\n${usage}`);
  }
}

/** What only the machine knows about "today": the environment variables and the clock (src/domain/time/today.ts takes them as inputs). */
export const machineToday = (): Pick<TodayInputs, 'env' | 'clock'> => ({
  env: process.env.GONGKAI_TODAY,
  clock: clockFrom(process.env.GONGKAI_CLOCK, () => new Date()),
});

/**
 * Content and templates folders from the flags. Templates default to the folder beside the
 * content (a county's own repository, whose files override Gongkai's one by one), else the ones
 * shipped with Gongkai.
 */
export function resolveDirs(values: { content?: string | undefined; templates?: string | undefined }): { content: string; templates: string } {
  const content = resolve(values.content ?? 'content');
  if (values.templates) return { content, templates: resolve(values.templates) };
  const beside = join(dirname(content), 'templates');
  return { content, templates: existsSync(beside) ? beside : SHIPPED_TEMPLATES };
}
