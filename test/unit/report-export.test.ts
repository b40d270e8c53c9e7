import { describe, expect, it } from 'vitest';
import type { RequestRow } from '../../src/domain/requests/request-log.ts';
import { toCsv } from '../../src/domain/csv.ts';
import { requestsCsv, requestsJson } from '../../src/report/requests-export.ts';

const row: RequestRow = {
  id: 'v-a/one',
  unit: 'v-a',
  unitName: '甲村党支部',
  topic: '=HYPERLINK("x"),道路',
  channel: '意见箱',
  received: '2026-09-30',
  deadline: '2026-10-10',
  replied: undefined,
  state: 'overdue',
  onTheSpot: false,
  daysLate: 1,
  reply: undefined,
  answer: undefined,
  question: '问题',
  timeline: [],
};

describe('request downloads', () => {
  it('CSV: one row per request with the agreed columns; quotes and neutralises formulas', () => {
    const csv = requestsCsv([row]);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('单位,单位名称,编号,主题,收到日期,答复期限,答复日期,状态,期限说明');
    expect(lines[1]).toBe(`v-a,甲村党支部,v-a/one,"'=HYPERLINK(""x""),道路",2026-09-30,2026-10-10,,已超期未答复,`);
  });

  it('JSON: unit, id, topic, received, deadline, replied, state', () => {
    const json = JSON.parse(requestsJson([row], '2026-10-12'));
    expect(json).toMatchObject({ today: '2026-10-12', count: 1 });
    expect(json.requests[0]).toMatchObject({ unit: 'v-a', id: 'v-a/one', received: '2026-09-30', deadline: '2026-10-10', replied: null, state: 'overdue' });
  });

  it('CSV cells with commas or line breaks are quoted; numbers stay numbers', () => {
    expect(toCsv(['a', 'b'], [[-1, '甲\n乙']])).toBe('\uFEFFa,b\r\n-1,"甲\n乙"\r\n');
  });
});
