/**
 * The coverage rate of the 督查考评 and the county's summary line: covered / required, 0–100,
 * rounded down (a unit with nothing required is at 100, shown as a dash). Alone in their module
 * because the supervision page's script words them again on the day it is read.
 */
export function rateOf(covered: number, required: number): number {
  return required === 0 ? 100 : Math.floor((covered * 100) / required);
}

/** A coverage rate as people read it, or a dash when nothing is due yet (a rate of nothing would read as 100%). */
export const rateText = (r: { required: number; rate: number }): string => (r.required === 0 ? '—' : `${r.rate}%`);

/** The county's (or a town's) figures in one sentence; `notDue` counts items waiting for their first deadline after the launch. */
export function summaryLine(r: { required: number; covered: number; rate: number; overdue: number; missing: number; notDue: number }): string {
  if (r.required === 0 && r.notDue)
    return `应按时限公开的事项（长期公开和定期公开）都还没到开通后第一次公开期限：${r.notDue} 项未到期，没有逾期或从未公开的事项`;
  const notDue = r.notDue ? `；开通后第一次公开期限还没到的 ${r.notDue} 项记为未到期` : '';
  return `应按时限公开的事项（长期公开和定期公开）${r.required} 项，已按时公开 ${r.covered} 项（${rateText(r)}），逾期未更新 ${r.overdue} 项，从未公开 ${r.missing} 项${notDue}`;
}
