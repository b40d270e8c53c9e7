/**
 * Whether a county's Gongkai is likely behind, told without the network: the installed version's
 * release day against the build's day. A county that has not upgraded for half a year misses
 * fixes and, every year, the holiday table's update; the go-live check and every production build
 * say so, with how to upgrade. (Content in an older or newer format than the program is an error
 * of its own: src/load/check-format.ts.)
 */
import { formatChineseDate } from '../dates.ts';
import { warning, type Finding } from '../diagnostics.ts';
import { daysBetween } from '../time/day-math.ts';

/** Days after its release from which an installed Gongkai is reported as probably behind. */
export const UPGRADE_AFTER_DAYS = 180;

export function checkGongkaiAge(installed: { version: string; released?: string | undefined }, today: string): Finding | undefined {
  if (!installed.released) return undefined;
  const age = daysBetween(installed.released, today);
  if (age < UPGRADE_AFTER_DAYS) return undefined;
  return warning(
    'gongkai-outdated',
    `本站用的 Gongkai ${installed.version} 是${formatChineseDate(installed.released)}发布的，已经 ${age} 天没有升级，可能已经有新版本（修正、下一年的节假日安排）`,
    '看 Gongkai 发布页上的更新说明（CHANGELOG.md）；有新版本时，把 package.json 中 gongkai 的版本改成它，运行 npm install，再运行 npm run gongkai -- migrate（先试运行），检查、构建后提交。',
    ['dependencies', 'gongkai'],
  );
}
