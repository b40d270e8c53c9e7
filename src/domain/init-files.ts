/**
 * The files `gongkai init` writes for a county's own content folder: site.yaml with every setting
 * explained, a units.yaml holding only the county committee (towns and county units hang under
 * it when imported), an empty boards.yaml and an about page. Text only; the command writes them.
 */
import type { Forge } from './codeowners.ts';
import { CONTENT_FORMAT } from './migrations/migrations.ts';

export interface CountyAnswers {
  /** 县名, e.g. 清河县. */
  county: string;
  /** 网站名称, e.g. 清河县党务公开网. */
  title: string;
  base_url: string;
  supervision_phone: string;
  forge: Forge;
  /** The county office's account(s) on the forge, who review and merge. */
  office: string;
  /** 主办单位, by default the county's organisation department. */
  publisher: string;
  /** The launch day supervision counts from: the day of init unless given (--launch). */
  launch: string;
}

const q = (s: string) => JSON.stringify(s);

export function renderSiteYaml(a: CountyAnswers): string {
  const url = a.base_url.endsWith('/') ? a.base_url : `${a.base_url}/`;
  const office = a.office.startsWith('@') ? a.office : `@${a.office}`;
  return `# 网站与全县通用设置（由 gongkai init 生成）。改动后请运行 npm run check 检查。
# 内容格式的版本：由 gongkai init 和 gongkai migrate 填写，不要手改（升级 Gongkai 后运行 npm run gongkai -- migrate）
format_version: ${CONTENT_FORMAT}
county: ${q(a.county)}
title: ${q(a.title)}
base_url: ${q(url)}
publisher: ${q(a.publisher)}
supervision_phone: ${q(a.supervision_phone)}
# address: ${a.county}xx路x号    # 主办单位地址（网站页脚）
# 正式上线：写 true 后，check 和 build 拒绝示范网址、0000 开头的电话、“某某”等占位内容，
# 并在 12 月提醒录入下一年的节假日安排。上线前可以先运行 npm run check -- --go-live 看还差什么。
production: false
# 开通日期：督查考评从这一天算起。此前开始的期间（季度、半年、年度）不计，开通后第一次公开期限
# （期间第一个月的 renew_by_day 日）到来之前，没有公开的事项显示为“未到期”，不算逾期或从未公开。
# 由 gongkai init 写为运行当天；网站正式开通的日子不同时，改成那一天。
launch: ${a.launch}
defaults:
  notice_days: 5        # 公示默认天数（工作日）
  notice_min_days: 5    # 公示最少天数（工作日）：少于这个天数 check 报错
  reply_days: 3         # 点题答复时限（收到后第几个工作日）
  renew_by_day: 15      # 定期公开事项在期间第一个月几日前更新
  notice_grace_days: 3  # 公示结束后在公开栏保留的天数
  recent_days: 90       # 临时性内容在公开栏保留的天数
  board_body_min_pt: 28 # 公开栏正文最小字号（磅）
  card_body_min_pt: 8   # 明白卡正文最小字号（磅）
  card_template: card   # 明白卡模板（templates/card.yaml：名片大小 90×54 毫米）
  card_sheet: A4        # 明白卡拼版纸张：A4、A3 或 SRA3
# 印刷：出血和颜色（公开栏、明白卡的 PDF），详见 .github/guides/printers.md
print:
  bleed_mm: 3           # 印刷出血（毫米）
  party_red: [0, 100, 100, 0]   # 党政红的 CMYK 值（M100 Y100）
# 印刷施工单：印刷厂报价和施工要知道的，写进印刷清单、各镇压缩包、安装清单和“印刷文件”页面（说明见 .github/guides/printers.md“印刷施工单”）。
# delivery.by：town 送到镇（街道）、village 送到每个村（社区）、unit 送到每个单位；地址用单位名录的办公地址。
# print_job:
#   deadline_days: 10                 # 印刷文件日期后几个工作日内送到并装好
#   contact: { name: 县委组织部组织科, phone: 区号-号码 }
#   delivery: { by: town, county: 县直单位的送货地址 }
#   cards: { stock: 铜版纸, weight_gsm: 300, finish: 双面覆哑膜 }
#   boards: { substrate: 3 毫米 PVC 雪弗板, fixing: 裱板后放入柜内，四角用压条卡紧 }
#   install: { by: 印刷厂, remove_old: true }
# 点题：意见箱怎么用；有网上点题表时写它的地址（form_url）
# requests:
#   mailbox: 各村（社区）党群服务中心门口的党务公开意见箱，每周一开箱
#   form_url: ${url}dianti/form/
# 可以出现在公开内容中的公务电话（如监督电话、办公室电话）
allowed_numbers:
  - ${q(a.supervision_phone)}
# 额外的涉密标志（正则表达式），与内置规则一起检查
secret_patterns: []
# 代码托管平台和县委办审核账号：gongkai import units 和 npm run codeowners 据此生成 CODEOWNERS。
codeowners:
  forge: ${a.forge}
  office: [${q(office)}]
# 网页编辑器（/admin/）：填写内容仓库所在的平台和仓库名，见 .github/guides/webmaster.md“附录四：网页编辑器（/admin/）的设置”。
# editor:
#   forge: ${a.forge}
#   repo: 所有者/仓库名
#   branch: main
`;
}

/** The county committee, the root every town and county unit hangs under. */
export function renderUnitsYaml(a: CountyAnswers): string {
  const office = a.office.startsWith('@') ? a.office : `@${a.office}`;
  return `# 单位名录：县委、县直单位、镇（街道）、村（社区）党组织。
# 用 gongkai import units 单位表.xlsx 从表格导入（再次导入会更新），也可以直接修改。
- id: county
  name: ${q(`中共${a.county}委员会`)}
  kind: county-committee
  maintainers: [${q(office)}]
`;
}

export const BOARDS_YAML = `# 公开栏名录：尺寸单位为毫米。用 gongkai import boards 公开栏表.xlsx 从表格导入，也可以直接修改。
[]
`;

export function renderAboutPage(a: CountyAnswers): string {
  return `---
title: 关于本网站
description: ${a.title}的内容来源、公开范围和监督方式。
order: 1
---

${a.title}是${a.county}各级党组织公开党务的统一平台，由${a.publisher}主办。网站上的内容与各单位、各镇（街道）和村（社区）党务公开栏张贴的内容同源。

按照《中国共产党党务公开条例（试行）》和县委有关规定，全县统一确定公开内容目录（见“公开目录”）。党内公开的内容只在党内公开，不在本网站发布。

对公开内容有疑问或意见，可以拨打监督电话 ${a.supervision_phone}，或通过“点题”提出。
`;
}
