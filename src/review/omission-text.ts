/**
 * Why an entry left a board or a card, in the words a reviewer and a printer read: the reason
 * the selection itself recorded (OffBoard from src/domain/current.ts, OffCard from the card
 * job), never a guess from the outside. An entry named as the cause is on the board, so public.
 */
import type { OffBoard } from '../domain/current.ts';
import { formatChineseDate } from '../domain/dates.ts';
import type { Entry } from '../domain/model.ts';
import type { OffCard } from '../print/jobs/card-job.ts';

const quoted = (e: Entry) => `${e.id}“${e.data.title}”`;

/** Why the entry is not on the board; undefined when the reason must not be told (no longer public). */
export function offBoardText(off: OffBoard): string | undefined {
  switch (off.why) {
    case 'not-public':
      return undefined;
    case 'board-false':
      return '改为只上网站（board: false）';
    case 'not-yet':
      return `发布日期${formatChineseDate(off.date)}还没到`;
    case 'expired':
      return `已过到期日期${formatChineseDate(off.expires)}（expires）`;
    case 'no-item':
      return '事项已不在公开目录（catalog.yaml）中';
    case 'notice-not-started':
      return `公示${formatChineseDate(off.start)}才开始`;
    case 'notice-ended':
      return `公示已于${formatChineseDate(off.end)}结束，结束后在公开栏保留的 ${off.graceDays} 天也已过`;
    case 'replaced':
      return off.periodic ? `已有更新一期的内容：${quoted(off.by)}` : `同一事项有更新的一条：${quoted(off.by)}`;
    case 'concluded':
      return `事项已于${formatChineseDate(off.result.data.date)}公布结果，结果在公开栏保留的 ${off.days} 天已过`;
    case 'old':
      return `临时性内容在公开栏保留 ${off.days} 天，已过`;
  }
}

/**
 * Why the entry is not on the card. `newcomers` are the entries new on the card since the sheet
 * it is compared with: when the front is full, they are what pushed it off.
 */
export function offCardText(off: OffCard, newcomers: ReadonlySet<string>): string | undefined {
  switch (off.why) {
    case 'board':
      if (!off.off) return undefined;
      return offBoardText(off.off) && `不在公开栏上了：${offBoardText(off.off)}`;
    case 'no-summary':
      return '没有摘要（summary）：明白卡只印有摘要的条目';
    case 'not-in-template':
      return `${off.endedNotice ? '公示已结束，' : ''}事项不在明白卡模板 templates/${off.template}.yaml 列出的事项（layout.items）中`;
    case 'same-item':
      return `明白卡每个事项只印最新的一条，现在印的是 ${quoted(off.by)}`;
    case 'short-lived':
      return `${formatChineseDate(off.until)}就不再公开在栏上，不到明白卡要求的 ${off.days} 天（site.yaml 的 defaults.card_life_days）：明白卡要用几个月，只印长期有效的内容`;
    case 'full': {
      if (off.noticeEnded)
        return `公示已于${formatChineseDate(off.noticeEnded)}结束，不再排在最前：明白卡正面最多印 ${off.max} 条，按模板 layout.items 的事项顺序它排不上`;
      const pushed = off.ahead.filter((e) => newcomers.has(e.id));
      const by = pushed.length ? `被新印上的 ${pushed.map(quoted).join('、')} 挤下` : '排在前面的条目已占满';
      return `${by}：明白卡正面最多印 ${off.max} 条，正在公示的排最前，其余按模板 layout.items 的事项顺序`;
    }
  }
}
