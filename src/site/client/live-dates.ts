/**
 * Dates that change with the day a page is read, recomputed in the browser from the dates the
 * page carries: a 公示's status and days left (from its working days), and whether an open
 * request is still within its time, due today or overdue (from its deadline). Without scripts,
 * or on a snapshot site (site.yaml as_of, --today: the build's "today" is not the clock's), the
 * build's figures stay as they are.
 */
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The status line of a notice on `today`, as src/domain/time/notice.ts words it. */
export function noticeStatusOn(today: string, start: string, end: string, workdays: readonly string[]): { text: string; running: boolean } {
  if (today < start) return { text: `公示将于${chineseDate(start)}开始`, running: false };
  if (today > end) return { text: '公示已结束', running: false };
  const left = workdays.filter((d) => d >= today).length;
  return { text: left > 0 ? `公示中，还剩${left}个工作日` : '公示中', running: true };
}

/** An open request's state on `today`: 办理中, 今天到期 or 已超期未答复. */
export function requestStateOn(today: string, deadline: string): string {
  return today < deadline ? '办理中' : today === deadline ? '今天到期' : '已超期未答复';
}

export function startLiveDates(root: HTMLElement, now: Date = new Date()): void {
  if (root.dataset.todaySource !== 'clock') return;
  const today = SHANGHAI_DAY.format(now);
  if (today === root.dataset.today) return;
  for (const el of document.querySelectorAll<HTMLElement>('[data-notice]')) {
    const status = el.querySelector<HTMLElement>('[data-notice-status]');
    const { start, end, workdays } = el.dataset;
    if (!status || !start || !end) continue;
    const s = noticeStatusOn(today, start, end, (workdays ?? '').split(' ').filter(Boolean));
    status.textContent = s.text;
    status.classList.toggle('running', s.running);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-request-deadline]')) {
    if (el.dataset.requestDeadline) el.textContent = requestStateOn(today, el.dataset.requestDeadline);
  }
}
