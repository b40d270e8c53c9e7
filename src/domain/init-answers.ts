/**
 * The answers `gongkai init` asks for, each checked the moment it is given, in the words of the
 * question (监督电话, not supervision_phone). An answer is accepted, refused with what to write
 * instead, or turned into a question back — a county name without 县/市/区/旗 is asked about
 * (清河 → “是清河县吗？”), never completed by guess. Examples are made from the county's own
 * name and are never what the go-live check refuses (example domains, 0000 phones, 示范县).
 */
import type { Forge } from './codeowners.ts';
import { isMobileNumber, PHONE_PATTERN, phoneFromCell } from './phone.ts';
import { isExampleUrl, isPlaceholderPhone, isPlaceholderText } from './rules/go-live-rules.ts';

export type Answer<T = string> =
  | { ok: T }
  | { problem: string }
  /** Ask back: what is odd (`confirm`), the question (`ask`); Enter takes `suggestion`, anything else is a new answer. */
  | { confirm: string; ask: string; suggestion: T };

/** What the examples are made of: the county's name and its pinyin (qinghe). */
export interface Examples {
  county: string;
  pinyin: string;
}

export const exampleUrl = (e: Examples) => `https://dwgk.${e.pinyin || 'xian'}.gov.cn/`;
export const exampleOffice = (e: Examples) => `@${e.pinyin || 'xian'}-dwgk`;

const COUNTY_SUFFIX = /(县|市|区|旗)$/;
const PLACEHOLDER = '是示范数据用的占位文字，上线检查不会放过';

function text(label: string, value: string, max: number): Answer {
  const v = value.trim();
  if (!v) return { problem: `${label}不能空着。` };
  if ([...v].length > max) return { problem: `${label}太长了（${[...v].length} 个字，最多 ${max} 个）。` };
  if (isPlaceholderText(v)) return { problem: `“${v}”${PLACEHOLDER}，请写本县真实的${label}。` };
  return { ok: v };
}

/** 县名: the full name, 清河县; a name without its suffix is asked about. */
export function countyAnswer(value: string): Answer {
  const checked = text('县名', value, 20);
  if (!('ok' in checked)) return checked;
  const v = checked.ok;
  if (COUNTY_SUFFIX.test(v)) return checked;
  return {
    confirm: `“${v}”后面没有“县”“市”“区”或“旗”：县委的名称（中共${v}县委员会）和网站标题都要用全称。`,
    ask: `是“${v}县”吗？`,
    suggestion: `${v}县`,
  };
}

export const titleAnswer = (value: string): Answer => text('网站名称', value, 40);
export const publisherAnswer = (value: string): Answer => text('主办单位', value, 40);

/** 网站地址: a full http(s) address of the county's own domain. */
export function urlAnswer(value: string, e: Examples): Answer {
  const v = value.trim().normalize('NFKC');
  if (!v) return { problem: '网站地址不能空着。' };
  const example = `网站地址要写完整，例如 ${exampleUrl(e)}`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    // dwgk.qinghe.gov.cn: a domain without https:// — asked, not assumed.
    if (!/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(v)) return { problem: `“${value.trim()}”不是网址。${example}。` };
    const full = `https://${v}${v.includes('/') ? '' : '/'}`;
    const checked = urlAnswer(full, e);
    return 'ok' in checked ? { confirm: '网站地址要以 https:// 开头。', ask: `是“${full}”吗？`, suggestion: full } : checked;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { problem: `“${value.trim()}”不是有效的网址。${example}。` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `网站地址要以 https:// 开头。${example}。` };
  if (isExampleUrl(v))
    return {
      problem: `“${v}”是示范用的地址，不是本县的网址：它会印进每一张公开栏和明白卡的二维码，印出去就改不了了。请写本县网站的真实地址，例如 ${exampleUrl(e)}。`,
    };
  return { ok: v };
}

/** 监督电话: an office number as it will be printed; a mobile is asked about (it goes on every board and card). */
export function phoneAnswer(value: string): Answer {
  const v = value.trim();
  if (!v) return { problem: '监督电话不能空着。' };
  const read = phoneFromCell(v);
  if (!read.phone || !PHONE_PATTERN.test(read.phone))
    return { problem: `“${v}”不是电话号码。电话写区号-号码，例如 0312-8123456；有分机的写在“转”字后面，例如 0312-8123456转801。` };
  if (isPlaceholderPhone(read.phone)) return { problem: `“${v}”是示范用的号码（0000 开头），上线检查不会放过。请写本县真实的监督电话。` };
  if (isMobileNumber(read.phone))
    return {
      confirm: `“${read.phone}”是手机号：监督电话会印在每一块公开栏和每一张明白卡上，一般用单位的座机。`,
      ask: '确实用这个手机号吗？',
      suggestion: read.phone,
    };
  return { ok: read.phone };
}

const FORGE_WORDS: Record<string, Forge> = { github: 'github', gitlab: 'gitlab', gitea: 'gitea', 极狐: 'gitlab', 极狐gitlab: 'gitlab' };

export function forgeAnswer(value: string): Answer<Forge> {
  const v = value.trim().normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const forge = FORGE_WORDS[v];
  if (forge) return { ok: forge };
  return { problem: `代码托管平台“${value.trim()}”不认识，只能是 github、gitlab（极狐）或 gitea。` };
}

/** 县委办的账号: a forge user or team (@qinghe-dwgk, @qinghe/dwgk), never a person's Chinese name. */
export function officeAnswer(value: string, e: Examples): Answer {
  const v = value.trim().normalize('NFKC');
  if (!v) return { problem: '审核人的账号不能空着。' };
  if (/^@?[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.-]+)?$/.test(v)) return { ok: v.startsWith('@') ? v : `@${v}` };
  const hint = `请写平台上的账号或团队（英文字母、数字和连字符），例如 ${exampleOffice(e)}`;
  if (/\p{Script=Han}/u.test(v)) return { problem: `“${v}”是中文，不是平台上的账号。${hint}。` };
  return { problem: `“${v}”不是平台上的账号。${hint}。` };
}
