/**
 * Building blocks shared by every schema. Messages are written for clerks, in Chinese.
 * Schemas accept what a YAML 1.2 parser yields and must be idempotent: Astro re-parses
 * data our loader already validated, so a transform may never change an output's meaning.
 */
import { z } from 'zod';
import { dateProblem, guessIsoDate } from '../dates.ts';
import { PHONE_FORMAT_HINT, PHONE_PATTERN } from '../phone.ts';

// Zod's own fallback messages (for cases we did not word ourselves) in Chinese too.
z.config(z.locales.zhCN());

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Lower-case ASCII identifiers: they become folder names and URLs. */
export const idSchema = z
  .string({ error: '应当填写一个英文标识（小写字母、数字和连字符）' })
  .regex(ID_PATTERN, { error: '标识只能由小写英文字母、数字和连字符“-”组成，例如 dues-collection' })
  .max(64, { error: '标识太长（最多64个字符）' });

// Full-width forms (２０２６－０７－０５) and the ideographic space: what a Chinese input method in
// full-width mode types.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export const isoDateSchema = z.string({ error: '应当填写日期，格式为“年-月-日”，例如 2026-07-01' }).superRefine((value, ctx) => {
  const problem = dateProblem(value);
  if (!problem) return;
  if (FULL_WIDTH.test(value)) {
    const half = value.normalize('NFKC').trim();
    const fixed = dateProblem(half) ? guessIsoDate(half) : half;
    ctx.addIssue({
      code: 'custom',
      message: `“${value}”里有全角的数字或符号（输入法的全角状态打出来的），日期要用半角${fixed ? `：请改成 ${fixed}` : '，例如 2026-07-01'}`,
    });
    return;
  }
  const guess = guessIsoDate(value);
  ctx.addIssue({
    code: 'custom',
    message: guess ? `${problem}；是不是想写 ${guess}？` : `${problem}；日期格式为“年-月-日”，例如 2026-07-01`,
  });
});

export const nonEmptyText = (label: string, max: number) =>
  z
    .string({ error: `${label}应当是一段文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}太长（最多${max}个字）` });

/** A person's name or role as recorded on the board (e.g. 张某某（支部书记）). */
export const personSchema = (label: string) => nonEmptyText(label, 40);

/** Phone numbers as printed: digits, hyphens, parentheses and spaces, an extension after 转 (0312-8123456转801). */
export const phoneSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(PHONE_PATTERN, { error: `电话号码只能包含数字、连字符和括号；${PHONE_FORMAT_HINT}` }));

export const positiveInt = (label: string, max: number) =>
  z
    .number({ error: `${label}应当是一个整数` })
    .int({ error: `${label}应当是一个整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过 ${max}` });
