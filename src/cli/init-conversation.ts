/**
 * `gongkai init`'s questions as a conversation: each answer is checked the moment it is typed
 * (src/domain/init-answers.ts) and, when it is wrong, said why in the question's own words and
 * asked again; a county name without 县 is asked back, not completed. Flags are checked the same
 * way: at a terminal a wrong one is asked again, in a script every wrong flag is listed at once.
 * This part only gathers answers; init-command.ts writes the files.
 */
import { romanise } from '../load/romanise.ts';
import { dateProblem } from '../domain/dates.ts';
import {
  countyAnswer,
  exampleOffice,
  exampleUrl,
  forgeAnswer,
  officeAnswer,
  phoneAnswer,
  publisherAnswer,
  titleAnswer,
  urlAnswer,
  type Answer,
  type Examples,
} from '../domain/init-answers.ts';
import type { CountyAnswers } from '../domain/init-files.ts';
import { resolveToday } from '../domain/time/today.ts';
import { UsageError } from '../errors.ts';
import { machineToday } from './args.ts';
import { linePrompter, type Prompter } from './prompt.ts';
import { INIT_USAGE } from './usage.ts';

export type InitValues = Partial<Record<'county' | 'title' | 'url' | 'phone' | 'forge' | 'office' | 'publisher' | 'launch', string>>;

interface Question<T> {
  /** The words of the question, as the person reads them (监督电话). */
  label: string;
  /** The question with its example, without the colon. */
  question: string;
  flag: string;
  check: (value: string) => Answer<T>;
  /** What an empty line gives. */
  fallback?: string;
  /** A flag whose answer would be asked back at a terminal: taken as given (with a note), or refused. */
  unasked: 'accept' | 'refuse';
}

const YES = /^(是|是的|对|对的|确定|y|yes)$/i;
const ENDED = '输入已经结束，还没有回答完，已取消（没有写入任何文件）。';

/** Asks until the answer is right; `first` is a flag's value to check before asking. */
async function converse<T>(prompt: Prompter, q: Question<T>, first: string | undefined): Promise<T> {
  let typed = first;
  for (;;) {
    if (typed === undefined) {
      const line = await prompt.line(`${q.question}${q.fallback === undefined ? '' : `（直接回车：${q.fallback}）`}：`);
      if (line === undefined) throw new UsageError(ENDED);
      typed = line || q.fallback || '';
    }
    const a = q.check(typed);
    typed = undefined;
    if ('ok' in a) return a.ok;
    if ('problem' in a) {
      console.log(`  ✗ ${a.problem}`);
      continue;
    }
    const reply = await prompt.line(`${a.confirm}${a.ask}是就直接回车，不是请重新输入${q.label}：`);
    if (reply === undefined) throw new UsageError(ENDED);
    if (!reply || YES.test(reply)) return a.suggestion;
    typed = reply;
  }
}

/** A flag's value without asking: the answer, or a problem told with the flag the person typed. */
function fromFlag<T>(q: Question<T>, given: string, problems: string[]): T | undefined {
  const a = q.check(given);
  if ('ok' in a) return a.ok;
  if ('problem' in a) return void problems.push(`${q.flag} ${given}：${a.problem}`);
  if (q.unasked === 'accept') {
    console.log(`注意：${a.confirm}已按 ${q.flag} 写的填写；要改，init 之后改 content/site.yaml。`);
    return a.suggestion;
  }
  return void problems.push(`${q.flag} ${given}：${a.confirm}${a.ask}是的话请写 ${q.flag} ${String(a.suggestion)}。`);
}

export async function collectAnswers(values: InitValues): Promise<CountyAnswers> {
  const missing = !values.county || !values.url || !values.phone || !values.forge || !values.office;
  const canAsk = process.stdin.isTTY === true || !!process.env.GONGKAI_FORCE_PROMPT;
  if (missing && !canAsk) throw new UsageError(`非交互运行时必须给出 --county、--url、--phone、--forge 和 --office。\n\n${INIT_USAGE}`);
  const prompt = linePrompter(canAsk);
  const problems: string[] = [];
  // A question is asked when its flag is missing (and, for one with a default, only in a conversation),
  // or when its flag is wrong and someone is there to answer.
  const get = async <T>(q: Question<T>, given: string | undefined): Promise<T | undefined> => {
    if (given === undefined) {
      if (q.fallback === undefined || missing) return converse(prompt, q, undefined);
      const a = q.check(q.fallback);
      if ('ok' in a) return a.ok;
      return void problems.push(`${q.label}默认为“${q.fallback}”：${'problem' in a ? a.problem : a.confirm}请用 ${q.flag} 写明。`);
    }
    if (!canAsk) return fromFlag(q, given, problems);
    const checked = q.check(given);
    if ('ok' in checked) return checked.ok;
    if ('problem' in checked) console.log(`${q.flag} ${given}：${checked.problem}`);
    return converse(prompt, q, 'problem' in checked ? undefined : given);
  };
  try {
    const county = await get({ label: '县名', question: '县名（全称，例如 清河县）', flag: '--county', check: countyAnswer, unasked: 'refuse' }, values.county);
    const name = county ?? values.county ?? '';
    const e: Examples = { county: name, pinyin: romanise(name.replace(/(自治)?(县|市|区|旗)$/, '')).full };
    const title = await get(
      { label: '网站名称', question: '网站名称', flag: '--title', check: titleAnswer, fallback: `${name}党务公开网`, unasked: 'refuse' },
      values.title,
    );
    const publisher = await get(
      { label: '主办单位', question: '主办单位', flag: '--publisher', check: publisherAnswer, fallback: `中共${name}委组织部`, unasked: 'refuse' },
      values.publisher,
    );
    const url = await get(
      { label: '网站地址', question: `网站地址（例如 ${exampleUrl(e)}）`, flag: '--url', check: (v) => urlAnswer(v, e), unasked: 'refuse' },
      values.url,
    );
    const phone = await get(
      { label: '监督电话', question: '监督电话（区号-号码，例如 0312-8123456）', flag: '--phone', check: phoneAnswer, unasked: 'accept' },
      values.phone,
    );
    const forge = await get(
      { label: '代码托管平台', question: '代码托管平台（github、gitlab 或 gitea）', flag: '--forge', check: forgeAnswer, unasked: 'refuse' },
      values.forge,
    );
    const office = await get(
      {
        label: '审核人的账号',
        question: `县委办（审核人）在平台上的账号或团队（例如 ${exampleOffice(e)}）`,
        flag: '--office',
        check: (v) => officeAnswer(v, e),
        unasked: 'refuse',
      },
      values.office,
    );
    // The launch day is not asked: a county runs init when it sets up its own site, and site.yaml says how to change it.
    const problem = values.launch === undefined ? undefined : dateProblem(values.launch);
    if (problem) problems.push(`--launch ${values.launch}：开通日期${problem}（格式为 2026-12-01）。`);
    if (problems.length || !county || !title || !publisher || !url || !phone || !forge || !office)
      throw new UsageError(`填写的内容有误，没有写入任何文件：\n${problems.map((p) => `  ${p}`).join('\n')}\n请改正后重新运行。`);
    const launch = values.launch ?? resolveToday(machineToday()).date;
    return { county, title, publisher, base_url: url, supervision_phone: phone, forge, office, launch };
  } finally {
    prompt.close();
  }
}
