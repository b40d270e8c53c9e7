/**
 * "Today" is an input. Every command that needs it (build, print, report, new, release-notes)
 * decides it here, in one order:
 *
 *   --today  >  GONGKAI_TODAY  >  as_of in content/site.yaml  >  the date in Asia/Shanghai
 *
 * `as_of` pins a snapshot (the demo county, an archived copy) to the day its content describes;
 * a live site never sets it. Release notes replace the clock with a release's commit date.
 *
 * Pure: the environment variable and the clock are read by the caller (the command line, the
 * build, the dev server) and passed in, so tests and the site never depend on the machine.
 */
import { UsageError } from '../../errors.ts';
import { dateProblem, formatChineseDate } from '../dates.ts';

export type TodaySource = 'flag' | 'env' | 'as_of' | 'commit' | 'clock' | 'example';

export interface Today {
  date: string;
  source: TodaySource;
}

export interface TodayInputs {
  /** --today, if given. */
  flag?: string | undefined;
  /** The environment variable GONGKAI_TODAY, as the caller read it. */
  env?: string | undefined;
  /** `as_of` from the project's site.yaml (already validated by its schema). */
  asOf?: string | undefined;
  /** What stands in for the clock (release notes: the release's commit date). */
  fallback?: Today;
  /** The clock, read only when nothing above decides. */
  clock: () => Date;
}

/**
 * The clock a command reads: the machine's, or — when GONGKAI_CLOCK gives a day — noon of that
 * day in Beijing. Unlike --today and GONGKAI_TODAY, the result still counts as the clock: a
 * site built with it is a live site, as if built on that day (its pages' script then moves
 * their dates on from it). Meant for tests and for rebuilding an archived day as it was.
 */
export function clockFrom(setting: string | undefined, machine: () => Date): () => Date {
  if (!setting) return machine;
  const problem = dateProblem(setting);
  if (problem) throw new UsageError(`环境变量 GONGKAI_CLOCK 的日期无效：${problem}（格式为 2026-11-28）`);
  return () => new Date(`${setting}T12:00:00+08:00`);
}

/** The calendar date of an instant in Asia/Shanghai (the county's clock, whatever the build machine's zone). */
// One formatter for the process: building one costs ~0.2 ms, and git history calls this per commit.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDate(instant: Date): string {
  return SHANGHAI_DAY.format(instant);
}

export function resolveToday(inputs: TodayInputs): Today {
  for (const [given, source] of [
    [inputs.flag, 'flag'],
    [inputs.env, 'env'],
  ] as const) {
    if (!given) continue;
    const problem = dateProblem(given);
    if (problem) throw new UsageError(`“今天”的日期无效：${problem}（${source === 'flag' ? '--today' : '环境变量 GONGKAI_TODAY'} 的格式为 2026-11-28）`);
    return { date: given, source };
  }
  if (inputs.asOf) return { date: inputs.asOf, source: 'as_of' };
  return inputs.fallback ?? { date: shanghaiDate(inputs.clock()), source: 'clock' };
}

const WHY: Record<TodaySource, string> = {
  flag: '由命令行参数 --today 指定',
  env: '由环境变量 GONGKAI_TODAY 指定',
  as_of: '来自 site.yaml 的 as_of：示范数据或存档快照的基准日期，正式站点不要设置',
  commit: '该版本的提交日期，北京时间',
  clock: '今天，北京时间',
  example: '示范县的示例发布：site.yaml 的 print.example_release',
};

/** One line saying which day is used and why, e.g. “统计日期：2026年11月27日（由命令行参数 --today 指定）”. */
export function todayLine(t: Today, label = '按这一天计算'): string {
  return `${label}：${formatChineseDate(t.date)}（${WHY[t.source]}）`;
}

/** The same line, but nothing when the day is simply today's date. */
export function todayNote(t: Today, label?: string): string | undefined {
  return t.source === 'clock' ? undefined : todayLine(t, label);
}
