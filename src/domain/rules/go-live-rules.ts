/**
 * The go-live check: what only the demo county may carry. A county's live site (site.yaml
 * `production: true`, or `check --go-live`) must not print an example domain into every QR code,
 * a 0000- phone on every card, a frozen as_of, or 某某 where a name belongs — a print shop cannot
 * tell a placeholder from a real number, so these are refused before anything is printed.
 */
import { formatChineseDate } from '../dates.ts';
import { error, warning, type Finding } from '../diagnostics.ts';
import type { Board } from '../schema/board.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { Site } from '../schema/site.ts';
import { UNIT_KIND_LABELS, type Unit } from '../schema/unit.ts';
import { firstDueAfterLaunch } from '../supervision/cadence.ts';
import { isPeriodic } from '../period.ts';

/** Reserved and demo host names (RFC 2606 and the demo's own), never a county's address. */
const EXAMPLE_HOST = /(^|\.)example(\.|$)|\.(test|invalid|localhost|local)$|^localhost$|^127\./i;
/** The demo's phones all start 0000-; no Chinese area code does. */
const PLACEHOLDER_PHONE = /^0{3,}/;
/** What stands for a name nobody filled in, and the demo county's own name. */
const PLACEHOLDER_TEXT = /某某|[Xx×]{2,}|示范县|待填|待定/;

export interface GoLiveFindings {
  site: Finding[];
  units: Finding[];
  boards: Finding[];
}

/** What the go-live check refuses, for `init` to refuse at once (and never offer as an example). */
export const isExampleUrl = (url: string): boolean => EXAMPLE_HOST.test(hostOf(url));
export const isPlaceholderPhone = (phone: string): boolean => PLACEHOLDER_PHONE.test(phone.trim());
export const isPlaceholderText = (text: string): boolean => PLACEHOLDER_TEXT.test(text);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const exampleUrl = (url: string, label: string, path: (string | number)[]): Finding[] =>
  EXAMPLE_HOST.test(hostOf(url))
    ? [
        error(
          'placeholder-address',
          `${label}“${url}”是示范用的地址，不是本县的网址`,
          '请改成本县网站的真实地址（例如 https://dwgk.xxx.gov.cn/）：二维码和网站链接都由它生成，印出去就改不了了。',
          path,
        ),
      ]
    : [];

const placeholderPhone = (phone: string | undefined, label: string, path: (string | number)[]): Finding[] =>
  phone !== undefined && PLACEHOLDER_PHONE.test(phone)
    ? [error('placeholder-phone', `${label}“${phone}”是示范用的号码（0000 开头）`, '请改成真实的电话号码（区号-号码，例如 0571-12345678）。', path)]
    : [];

const placeholderText = (text: string | undefined, label: string, path: (string | number)[]): Finding[] =>
  text !== undefined && PLACEHOLDER_TEXT.test(text)
    ? [error('placeholder-name', `${label}“${text}”还是占位文字（某某、示范县、待填）`, '请改成真实的名称或地址。', path)]
    : [];

/**
 * The job ticket (print_job): its contact and addresses must be real, and a live county should
 * say what a shop needs to quote without calling (the deadline, whom to call, the cards' paper,
 * who installs) — missing parts are a warning: /print/ and the zips then say "请向县里问清".
 */
function printJobFindings(job: Site['print_job']): Finding[] {
  const out: Finding[] = [];
  if (job.contact) {
    out.push(...placeholderText(job.contact.name, '印刷联系人', ['print_job', 'contact', 'name']));
    out.push(...placeholderPhone(job.contact.phone, '印刷联系人电话', ['print_job', 'contact', 'phone']));
  }
  if (job.delivery.county) out.push(...placeholderText(job.delivery.county, '县直单位送货地址', ['print_job', 'delivery', 'county']));
  for (const [unit, address] of Object.entries(job.delivery.addresses))
    out.push(...placeholderText(address, `“${unit}”的送货地址`, ['print_job', 'delivery', 'addresses', unit]));
  if (job.install?.by) out.push(...placeholderText(job.install.by, '安装单位', ['print_job', 'install', 'by']));
  const missing = [
    ...(job.deadline_days ? [] : ['完成期限（deadline_days）']),
    ...(job.contact ? [] : ['印刷联系人（contact）']),
    ...(job.cards?.stock && job.cards.weight_gsm ? [] : ['明白卡纸张和克重（cards）']),
    ...(job.install ? [] : ['安装（install）']),
  ];
  if (missing.length)
    out.push(
      warning(
        'print-job-incomplete',
        `印刷施工单（site.yaml 的 print_job）没有写：${missing.join('、')}，印刷厂报价和施工前要打电话问`,
        '请在 site.yaml 的 print_job 中写上（写法见 .github/guides/printers.md“印刷施工单”），印刷清单、各镇压缩包、安装清单和“印刷文件”页面都会写明。',
        ['print_job'],
      ),
    );
  return out;
}

function siteFindings(site: Site): Finding[] {
  const out: Finding[] = [
    ...placeholderText(site.county, '县名', ['county']),
    ...placeholderText(site.title, '网站名称', ['title']),
    ...placeholderText(site.publisher, '发布单位', ['publisher']),
    ...placeholderText(site.address, '地址', ['address']),
    ...exampleUrl(site.base_url, '网站地址', ['base_url']),
    ...placeholderPhone(site.supervision_phone, '监督电话', ['supervision_phone']),
  ];
  site.allowed_numbers.forEach((n, i) => out.push(...placeholderPhone(n, '允许公开的电话', ['allowed_numbers', i])));
  if (site.requests?.form_url) out.push(...exampleUrl(site.requests.form_url, '点题表单地址', ['requests', 'form_url']));
  if (site.editor?.base_url) out.push(...exampleUrl(site.editor.base_url, '代码托管平台地址', ['editor', 'base_url']));
  if (site.as_of)
    out.push(
      error(
        'as-of-in-production',
        `正式站点设置了基准日期 as_of: ${site.as_of}，网站和公开栏会永远停在这一天`,
        '请删除 site.yaml 中 as_of 这一行：正式站点按构建当天（北京时间）计算。',
        ['as_of'],
      ),
    );
  if (site.print.example_release)
    out.push(
      error(
        'example-release-in-production',
        `正式站点设置了示例发布日期 print.example_release: ${site.print.example_release}，重新印刷清单会拿同一份内容在那一天的样子来比较`,
        '请删除 site.yaml 中 example_release 这一行：正式站点每次发布打一个 git 标签，重新印刷清单与上一个标签比较。',
        ['print', 'example_release'],
      ),
    );
  out.push(...printJobFindings(site.print_job));
  return out;
}

function unitFindings(units: readonly Unit[]): Finding[] {
  return units.flatMap((u, i) => [
    ...placeholderText(u.name, '单位名称', [i, 'name']),
    ...placeholderText(u.address, `“${u.name}”的办公地址`, [i, 'address']),
    ...placeholderPhone(u.phone, `“${u.name}”的电话`, [i, 'phone']),
  ]);
}

/** Units a board should hang for but none does: a warning at the unit (some county units share one board). */
function unitsWithoutBoard(units: readonly Unit[], boards: readonly Board[]): Finding[] {
  const withBoard = new Set(boards.map((b) => b.unit));
  return units.flatMap((u, i) =>
    u.kind === 'county-committee' || withBoard.has(u.id)
      ? []
      : [
          warning(
            'unit-without-board',
            `${UNIT_KIND_LABELS[u.kind]}“${u.name}”（${u.id}）没有公开栏`,
            '请在公开栏表格中为它加一行（单位、位置、宽、高、模板）后重新导入；确实没有公开栏的可以不管这条提醒。',
            [i],
          ),
        ],
  );
}

export function checkGoLive(site: Site, units: readonly Unit[], boards: readonly Board[]): GoLiveFindings {
  return {
    site: siteFindings(site),
    units: [...unitFindings(units), ...unitsWithoutBoard(units, boards)],
    boards: boards.flatMap((b, i) => placeholderText(b.location, `公开栏 ${b.id} 的位置`, [i, 'location'])),
  };
}

/**
 * The launch day (site.yaml `launch`), which supervision counts from: without it a county that
 * has just gone live is shown failing everything, from periods long before the site existed;
 * a day still ahead makes every item "not yet due" until then.
 */
export function checkLaunch(site: Site, today: string): Finding[] {
  if (!site.launch)
    return [
      warning(
        'launch-missing',
        'site.yaml 没有写开通日期（launch），督查考评会从最早的期间算起：刚上线时每个单位都显示“从未公开”“逾期”',
        `请在 site.yaml 中加一行 launch: ${today}（网站正式开通的日期）：此前开始的期间不计，开通后第一次公开期限之前没有公开的事项显示为“未到期”。`,
      ),
    ];
  if (site.launch > today)
    return [
      warning(
        'launch-in-future',
        `开通日期 launch: ${site.launch} 还没到（今天是 ${today}）：在这一天之前，督查考评把所有事项都算作“未到期”`,
        '网站确实在那一天开通就不用改；已经开通的，改成实际开通的日期。',
        ['launch'],
      ),
    ];
  return [];
}

/** What the launch day means for supervision, in one sentence for the go-live check's verdict. */
export function launchExplanation(site: Site, catalog: Catalog): string {
  if (!site.launch) return '没有写开通日期（launch）：督查考评从最早的期间算起。';
  const day = site.defaults.renew_by_day;
  const launch = site.launch;
  const dues = [...catalog.items.values()]
    .flatMap(({ cadence, scope }) =>
      scope === 'public' && (cadence === 'long_term' || isPeriodic(cadence)) ? [firstDueAfterLaunch(cadence, launch, day).dueBy] : [],
    )
    .sort();
  const first = dues[0] ? `最早的在${formatChineseDate(dues[0])}，` : '';
  return (
    `开通日期 ${formatChineseDate(launch)}（site.yaml 的 launch）：督查考评从这一天算起，此前开始的期间不计；` +
    `每个事项开通后第一次公开期限（${first}即期间第一个月的${day}日）之前没有公开的，显示为“未到期”，不算逾期或从未公开。`
  );
}
