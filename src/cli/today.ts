/**
 * "Today" is an input: --today, then GONGKAI_TODAY, then the date in Asia/Shanghai
 * (the county's clock, whatever time zone the build machine is in).
 */
import { dateProblem } from '../domain/dates.ts';
import { UsageError } from './errors.ts';

export function resolveToday(flag?: string, env = process.env.GONGKAI_TODAY): string {
  const given = flag ?? env;
  if (given) {
    const problem = dateProblem(given);
    if (problem) throw new UsageError(`“今天”的日期无效：${problem}（--today 或 GONGKAI_TODAY 的格式为 2026-11-28）`);
    return given;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
