/**
 * The clock of a 点题 request. Its state is computed from dates, never typed in: a clerk
 * cannot mark a late reply as on time. Deadline = `reply_days` working days after the day
 * received (day 0 = the receipt day). Asking the requester for clarification stops the clock
 * from the day asked until the day answered; the working days already used stay used.
 */
import type { Request } from '../model.ts';
import type { WorkCalendar } from '../time/calendar.ts';

export const REQUEST_STATES = ['waiting', 'clarifying', 'due_today', 'overdue', 'on_time', 'late', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  waiting: '办理中',
  clarifying: '待提出人补充说明',
  due_today: '今天到期',
  overdue: '已超期未答复',
  on_time: '按时答复',
  late: '超期答复',
  withdrawn: '提出人撤回',
};

export interface TimelineEvent {
  date: string;
  /** What happened, in Chinese, as the public log shows it. */
  text: string;
}

export interface RequestClock {
  /** Reply deadline; undefined while the clock is stopped for clarification. */
  deadline: string | undefined;
  /** The reply date, if one is recorded and not after today. */
  replied: string | undefined;
  state: RequestState;
  onTheSpot: boolean;
  /** Working days past the deadline (late replies and overdue requests), else 0. */
  daysLate: number;
  /** Set when the deadline was counted across a year without its holiday arrangement (weekends only). */
  deadlineProvisional?: true;
  /** Set when the days past the deadline were counted so. */
  daysLateProvisional?: true;
  timeline: TimelineEvent[];
}

export type OpenRequestState = Extract<RequestState, 'waiting' | 'due_today' | 'overdue'>;

/**
 * An unanswered request's state on `today`, from its deadline alone — the part of the clock
 * that moves every day, so the page script recomputes it too (with the working days the page
 * carries, src/domain/time/work-days-digest.ts).
 */
export function openRequestState(
  today: string,
  deadline: string,
  workingDaysBetween: (from: string, to: string) => number,
): { state: OpenRequestState; daysLate: number } {
  if (today < deadline) return { state: 'waiting', daysLate: 0 };
  if (today === deadline) return { state: 'due_today', daysLate: 0 };
  return { state: 'overdue', daysLate: workingDaysBetween(deadline, today) };
}

/**
 * The first day after `today` on which something recorded in the request happens (it is
 * received, the requester is asked or answers, the reply is given): the log cannot show it
 * before that day, so a page built today is out of date from then on.
 */
export function nextRequestEvent(r: Request['data'], today: string): string | undefined {
  const dates = [r.received, r.clarification?.asked, r.clarification?.answered, r.on_the_spot ? undefined : r.replied];
  return dates.filter((d): d is string => d !== undefined && d > today).sort()[0];
}

function deadlineOf(r: Request['data'], today: string, replyDays: number, cal: WorkCalendar): string | undefined {
  const plain = cal.addWorkingDays(r.received, replyDays);
  const c = r.clarification;
  // Asking after the deadline has passed does not buy time.
  if (!c || c.asked > plain || c.asked > today) return plain;
  if (!c.answered || c.answered > today) return undefined;
  const used = cal.workingDaysBetween(r.received, c.asked);
  return cal.addWorkingDays(c.answered, Math.max(replyDays - used, 0));
}

export function requestClock(request: Request, today: string, replyDays: number, cal: WorkCalendar): RequestClock {
  const r = request.data;
  const deadline = deadlineOf(r, today, replyDays, cal);
  const replied = r.on_the_spot ? (r.replied ?? r.received) : r.replied !== undefined && r.replied <= today ? r.replied : undefined;

  const timeline: TimelineEvent[] = [{ date: r.received, text: `收到点题（${r.channel}）` }];
  if (r.on_the_spot) timeline.push({ date: replied!, text: '当场解释答复' });
  if (r.clarification && r.clarification.asked <= today) {
    timeline.push({ date: r.clarification.asked, text: '请提出人补充说明，答复时限暂停计算' });
    if (r.clarification.answered && r.clarification.answered <= today) {
      timeline.push({ date: r.clarification.answered, text: '提出人已补充说明，恢复计算答复时限' });
    }
  }
  if (replied && !r.on_the_spot) timeline.push({ date: replied, text: '公开答复' });

  let state: RequestState;
  let daysLate = 0;
  if (r.status === 'withdrawn') state = 'withdrawn';
  else if (r.on_the_spot) state = 'on_time';
  else if (replied) {
    const late = deadline !== undefined && replied > deadline;
    state = late ? 'late' : 'on_time';
    if (late) daysLate = cal.workingDaysBetween(deadline, replied);
  } else if (deadline === undefined) state = 'clarifying';
  else ({ state, daysLate } = openRequestState(today, deadline, cal.workingDaysBetween));
  timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // A guess says so wherever it is shown: the deadline, and the days past it.
  const provisional = {
    ...(deadline !== undefined && cal.provisionalYears(r.received, deadline).length ? { deadlineProvisional: true as const } : {}),
    ...(daysLate > 0 && cal.provisionalYears(deadline!, replied ?? today).length ? { daysLateProvisional: true as const } : {}),
  };
  return { deadline, replied, state, onTheSpot: r.on_the_spot, daysLate, ...provisional, timeline };
}
