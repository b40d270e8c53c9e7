/**
 * The downloadable request log: dist/data/requests.json and requests.csv, one row per
 * request (unit, id, topic, received, deadline, replied, state, and whether the deadline is
 * counted from weekends only for want of the year's holiday arrangement). Built from the same rows
 * as the public log, so the downloads never say more than the pages.
 */
import { REQUEST_STATE_LABELS } from '../domain/requests/request-state.ts';
import { PROVISIONAL } from '../domain/time/provisional-mark.ts';
import type { RequestRow } from '../domain/requests/request-log.ts';
import { toCsv } from '../domain/csv.ts';

export function requestsJson(rows: readonly RequestRow[], today: string): string {
  return JSON.stringify(
    {
      today,
      count: rows.length,
      requests: rows.map((r) => ({
        unit: r.unit,
        unit_name: r.unitName,
        id: r.id,
        topic: r.topic,
        channel: r.channel,
        received: r.received,
        deadline: r.deadline ?? null,
        replied: r.replied ?? null,
        state: r.state,
        state_label: REQUEST_STATE_LABELS[r.state],
        // The deadline or the days overdue counted across a year without its holiday arrangement (weekends only).
        provisional: !!(r.deadlineProvisional || r.daysLateProvisional),
        on_the_spot: r.onTheSpot,
        answer_entry: r.answer?.id ?? null,
      })),
    },
    null,
    2,
  );
}

export function requestsCsv(rows: readonly RequestRow[]): string {
  return toCsv(
    ['单位', '单位名称', '编号', '主题', '收到日期', '答复期限', '答复日期', '状态', '期限说明'],
    rows.map((r) => [
      r.unit,
      r.unitName,
      r.id,
      r.topic,
      r.received,
      r.deadline,
      r.replied,
      REQUEST_STATE_LABELS[r.state],
      r.deadlineProvisional || r.daysLateProvisional ? PROVISIONAL : undefined,
    ]),
  );
}
