/** Judging a board's posting photos against its print history (domain/postings): every state, and the marks in the QR link. */
import { describe, expect, it } from 'vitest';
import { boardPosting, countStates, type BoardPostingInput, type PhotoReading } from '../../src/domain/postings/posting-state.ts';
import { markedUrl, readMarkedUrl, releaseMark } from '../../src/domain/postings/release-mark.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { publicPostingPhoto } from '../../src/domain/publication.ts';

const PAGE = 'https://dwgk.example.cn/units/v-a/';
const calendar = buildCalendar([]);
const OLD = { mark: '20260302-e01d', from: '2026-03-02' };
// Released on a Monday: five working days later is the next Monday.
const NEW = { mark: '20261130-6d40', from: '2026-11-30' };
const photo = (date: string | undefined, links: PhotoReading['links'], extra: Partial<PhotoReading> = {}): PhotoReading => ({
  file: `content/postings/b-a/${date}.jpg`,
  ...(date ? { date } : {}),
  links,
  ...extra,
});
const input = (photos: PhotoReading[]): BoardPostingInput => ({ boardId: 'b-a', page: PAGE, releases: [OLD, NEW], photos });
const owners = new Map([
  [OLD.mark, 'b-a'],
  [NEW.mark, 'b-a'],
  ['20261120-aaaa', 'b-b'],
]);
const judge = (photos: PhotoReading[], today = '2026-12-10') => boardPosting(input(photos), owners, calendar, today, 5);

describe('release marks', () => {
  it('ride on the unit page as ?r= and read back, the page without them', () => {
    const mark = releaseMark('2026-12-07', { panels: [] });
    expect(mark).toMatch(/^20261207-[0-9a-f]{4}$/);
    expect(readMarkedUrl(markedUrl(PAGE, mark))).toEqual({ page: PAGE, mark });
    expect(readMarkedUrl(PAGE)).toEqual({ page: PAGE });
    expect(readMarkedUrl('not a link')).toBeUndefined();
    expect(releaseMark('2026-12-07', { panels: [1] })).not.toBe(mark);
  });
});

describe('posting states', () => {
  it('posted within N working days of the release, late after', () => {
    expect(judge([photo('2026-12-07', [{ page: PAGE, mark: NEW.mark }])])).toMatchObject({ state: 'posted', workingDays: 5 });
    expect(judge([photo('2026-12-08', [{ page: PAGE, mark: NEW.mark }])])).toMatchObject({ state: 'late', workingDays: 6 });
  });

  it('outdated when a photo after the release shows an older print, or a print without a mark', () => {
    expect(judge([photo('2026-12-03', [{ page: PAGE, mark: OLD.mark }])]).state).toBe('outdated');
    expect(judge([photo('2026-12-03', [{ page: PAGE }])]).state).toBe('outdated');
  });

  it('an older print photographed before the release leaves the board pending, then missing', () => {
    const before = [photo('2026-11-01', [{ page: PAGE, mark: OLD.mark }])];
    expect(judge(before, '2026-12-02').state).toBe('pending');
    expect(judge(before, '2026-12-10').state).toBe('missing');
  });

  it('unreadable with the retake advice; wrong board names the other; never without photos', () => {
    const blurred = judge([photo('2026-12-03', [])]);
    expect(blurred.state).toBe('unreadable');
    expect(blurred.photo!.advice).toContain('请重拍');
    const wrong = judge([photo('2026-12-03', [{ page: 'https://dwgk.example.cn/units/v-b/', mark: '20261120-aaaa' }])]);
    expect(wrong).toMatchObject({ state: 'wrong_board', photo: { other: 'b-b' } });
    expect(judge([]).state).toBe('never');
    expect(judge([photo(undefined, [{ page: PAGE, mark: NEW.mark }])]).photo!.advice).toContain('拍摄日期');
  });

  it('a readable retake on the same day wins over a blurred photo', () => {
    expect(judge([photo('2026-12-03', []), photo('2026-12-03', [{ page: PAGE, mark: NEW.mark }])]).state).toBe('posted');
  });

  it('shows the public the whole board of the decisive day, not the close-up of its code', () => {
    const whole = photo('2026-12-03', [], { file: 'whole.jpg', codeShare: 0 });
    const closeUp = photo('2026-12-03', [{ page: PAGE, mark: NEW.mark }], { file: 'close.jpg', codeShare: 0.35 });
    const row = { ...judge([closeUp, whole]), unit: 'v-a', unitName: '甲村', location: '村委会' };
    expect(row.state).toBe('posted');
    expect(publicPostingPhoto(row)!.file).toBe('whole.jpg');
    // Without a readable code that day, nothing is published.
    expect(publicPostingPhoto({ ...judge([whole]), unit: 'v-a', unitName: '甲村', location: '村委会' })).toBeUndefined();
  });

  it('counts every state', () => {
    const c = countStates([{ state: 'posted' }, { state: 'posted' }, { state: 'never' }]);
    expect(c).toMatchObject({ boards: 3, posted: 2, never: 1, late: 0 });
  });
});
