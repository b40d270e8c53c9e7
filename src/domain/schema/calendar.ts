/**
 * Local corrections to the working-day calendar: content/calendar/*.yaml.
 * The rules that use them (working-day arithmetic) come with the time-rules module.
 */
import { z } from 'zod';
import { isoDateSchema, nonEmptyText } from './common.ts';

const dayOrRange = z.union([isoDateSchema, z.object({ from: isoDateSchema, to: isoDateSchema }).strict()], {
  error: '应当是一个日期（2026-10-01）或一个区间（from: 2026-10-01, to: 2026-10-07）',
});

export const calendarFileSchema = z
  .object({
    year: z.number({ error: '年份应当是四位数字，例如 2027' }).int().min(2000).max(2100),
    source: nonEmptyText('依据', 120).optional(),
    /** Days off (statutory holidays and local days off). */
    holidays: z.array(dayOrRange).default([]),
    /** Make-up working days (调休上班) that fall on weekends. */
    workdays: z.array(isoDateSchema).default([]),
    /** When true, the file replaces the built-in table for the year instead of amending it. */
    replace: z.boolean().default(false),
  })
  .strict();

export type CalendarFile = z.infer<typeof calendarFileSchema>;
