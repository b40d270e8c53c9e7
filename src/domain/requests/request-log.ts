/**
 * The public request log (点题台账): one row per request, per unit and county-wide, for the
 * site, the downloads (requests.json / requests.csv) and the compliance report.
 *
 * Only requests of units that exist and that were received by today are listed; an answering
 * entry is linked only when it passes the publication gate, so a reply that points at a
 * party-internal entry never reveals that entry's title or address.
 */
import type { Entry, Project, Request } from '../model.ts';
import { isPublic } from '../publication.ts';
import type { WorkCalendar } from '../time/calendar.ts';
import { requestClock, type RequestState, type TimelineEvent } from './request-state.ts';

export interface RequestRow {
  /** `<unit>/<slug>`. */
  id: string;
  unit: string;
  unitName: string;
  topic: string;
  channel: string;
  received: string;
  deadline: string | undefined;
  replied: string | undefined;
  state: RequestState;
  onTheSpot: boolean;
  daysLate: number;
  /** The deadline, or the days past it, counted across a year without its holiday arrangement (request-state.ts). */
  deadlineProvisional?: true;
  daysLateProvisional?: true;
  reply: string | undefined;
  /** The public entry that answers the request, if any. */
  answer: { id: string; title: string } | undefined;
  question: string;
  timeline: TimelineEvent[];
}

export interface RequestLogInput {
  project: Pick<Project, 'units' | 'requests' | 'entries' | 'site'>;
  calendar: WorkCalendar;
  today: string;
}

function answerOf(r: Request, publicById: Map<string, Entry>): RequestRow['answer'] {
  if (!r.data.answer_entry) return undefined;
  const e = publicById.get(`${r.unit}/${r.data.answer_entry}`);
  return e ? { id: e.id, title: e.data.title } : undefined;
}

/** Newest first, then by id: the order of the public log. */
export function buildRequestLog({ project, calendar, today }: RequestLogInput): RequestRow[] {
  const units = new Map(project.units.map((u) => [u.id, u]));
  const publicById = new Map(project.entries.filter(isPublic).map((e) => [e.id, e]));
  const rows: RequestRow[] = [];
  for (const r of project.requests) {
    const unit = units.get(r.unit);
    if (!unit || r.data.received > today) continue;
    const clock = requestClock(r, today, project.site.defaults.reply_days, calendar);
    rows.push({
      id: r.id,
      unit: r.unit,
      unitName: unit.name,
      topic: r.data.topic,
      channel: r.data.channel,
      received: r.data.received,
      deadline: clock.deadline,
      replied: clock.replied,
      state: clock.state,
      onTheSpot: clock.onTheSpot,
      daysLate: clock.daysLate,
      ...(clock.deadlineProvisional ? { deadlineProvisional: true as const } : {}),
      ...(clock.daysLateProvisional ? { daysLateProvisional: true as const } : {}),
      // A reply dated after today is not yet given: do not publish it ahead of time.
      reply: clock.replied ? r.data.reply : undefined,
      answer: clock.replied ? answerOf(r, publicById) : undefined,
      question: r.body.trim(),
      timeline: clock.timeline,
    });
  }
  return rows.sort((a, b) => (a.received < b.received ? 1 : a.received > b.received ? -1 : a.id < b.id ? -1 : 1));
}

export function countByState(rows: readonly RequestRow[]): Record<RequestState, number> {
  const out: Record<RequestState, number> = { waiting: 0, clarifying: 0, due_today: 0, overdue: 0, on_time: 0, late: 0, withdrawn: 0 };
  for (const r of rows) out[r.state]++;
  return out;
}
