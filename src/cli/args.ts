/** Flag parsing shared by the subcommands, with Chinese errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const flag = /'(-{1,2}[^']+)'/.exec(msg)?.[1];
    throw new UsageError(flag ? `不认识的参数或缺少参数值：${flag}\n\n${usage}` : `参数有误：${msg}\n\n${usage}`);
  }
}
