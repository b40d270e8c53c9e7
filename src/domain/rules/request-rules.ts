/** Rules for one 点题 request's own dates; its clock (deadline, state) comes with the calendar. */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { RequestFrontMatter } from '../schema/request.ts';

export function checkRequest(fm: RequestFrontMatter, yearFolder: number): Finding[] {
  const out: Finding[] = [];
  const year = Number(fm.received.slice(0, 4));
  if (year !== yearFolder) {
    out.push(
      error('wrong-year-folder', `收到日期是${year}年，但文件放在了 ${yearFolder} 文件夹中`, `请把文件移到 ${year} 文件夹，或改正收到日期。`, ['received']),
    );
  }
  if (fm.replied && fm.replied < fm.received) {
    out.push(error('reply-before-receipt', `答复日期 ${fm.replied} 早于收到日期 ${fm.received}`, '请核对日期。', ['replied']));
  }
  if (fm.replied && !fm.reply && !fm.answer_entry) {
    out.push(error('reply-without-content', '写了答复日期，但没有答复内容', '请填写 reply（答复内容），或用 answer_entry 指向公开答复的条目。', ['replied']));
  }
  if ((fm.reply || fm.answer_entry) && !fm.replied && !fm.on_the_spot) {
    out.push(error('missing-reply-date', '有答复内容，但没有答复日期', '请填写 replied（答复日期），例如 replied: 2026-11-26。', []));
  }
  if (fm.on_the_spot && !fm.reply) {
    out.push(error('on-the-spot-without-reply', '当场解释的点题需要记录解释内容', '请填写 reply（当场解释的内容）。', ['on_the_spot']));
  }
  if (fm.clarification) {
    const { asked, answered } = fm.clarification;
    if (asked < fm.received)
      out.push(error('clarification-before-receipt', `请求补充说明的日期 ${asked} 早于收到日期`, '请核对日期。', ['clarification', 'asked']));
    if (answered && answered < asked)
      out.push(error('clarification-order', `补充说明的日期 ${answered} 早于请求日期 ${asked}`, '请核对日期。', ['clarification', 'answered']));
  }
  if (fm.status === 'withdrawn' && fm.replied) {
    out.push(warning('withdrawn-but-replied', '已撤回的点题又写了答复日期', '如果已经答复，请把 status 改为 open。', ['status']));
  }
  return out;
}
