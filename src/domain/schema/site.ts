/** County-wide settings: content/site.yaml. Every default the rules use is a setting here. */
import { z } from 'zod';
import { FORGES } from '../codeowners.ts';
import { idSchema, isoDateSchema, nonEmptyText, phoneSchema, positiveInt } from './common.ts';
import { CARD_SHEETS, cmykSchema, PARTY_RED } from './template.ts';

/** Forges the browser editor (Sveltia CMS) can save to. */
export const EDITOR_FORGES = ['github', 'gitlab', 'gitea'] as const;

export const siteDefaultsSchema = z
  .object({
    /** Working days a 公示 runs when an entry does not say. */
    notice_days: positiveInt('默认公示天数', 60).default(5),
    /** The county's shortest 公示, in working days: a shorter notice is refused by check. */
    notice_min_days: positiveInt('公示最少天数', 60).default(5),
    /** Working days after receipt within which a 点题 request must be answered. */
    reply_days: positiveInt('点题答复时限', 30).default(3),
    /** Day of the period's first month by which a periodic item should be renewed. */
    renew_by_day: positiveInt('定期公开更新期限', 28).default(15),
    /** Days an ended 公示 stays on a board. */
    notice_grace_days: positiveInt('公示结束后保留天数', 60).default(3),
    /** Days an ad-hoc entry counts as recent and stays on the board. */
    recent_days: positiveInt('临时性内容上栏天数', 365).default(90),
    bleed_mm: positiveInt('出血', 20).default(3),
    /** Body text floor on boards read at 1–2 m, in points. */
    board_body_min_pt: positiveInt('公开栏正文最小字号', 200).default(28),
    card_body_min_pt: positiveInt('明白卡正文最小字号', 40).default(8),
    /** The card template (templates/<id>.yaml, kind: card) for units no card template names by kind. */
    card_template: idSchema.default('card'),
    /** Sheet cards are imposed on, unless the card template says otherwise. */
    card_sheet: z.enum(CARD_SHEETS, { error: `明白卡拼版纸张只能是：${CARD_SHEETS.join('、')}` }).default('A4'),
    /** Space between neighbouring cards' trim edges; at least twice the bleed, so bleeds never overprint a neighbour. */
    card_gutter_mm: positiveInt('明白卡间距', 30).default(6),
    /**
     * A household keeps its card for months: nothing goes on a card that leaves its board within
     * this many days of the day the card is printed (a 公示 ending next week, an expiring entry).
     */
    card_life_days: positiveInt('明白卡内容至少有效天数', 365).default(30),
    /** Spare sheets for spoilage, as a percentage of the sheets the households need. */
    card_spare_percent: positiveInt('明白卡备用比例', 100).default(5),
    /** Largest entry file accepted, in kilobytes. */
    max_entry_kb: positiveInt('条目文件大小上限', 10240).default(512),
    /** Largest image accepted, in kilobytes, and its pixel count (decompression bombs). */
    max_image_kb: positiveInt('图片大小上限', 51200).default(8192),
    max_image_megapixels: positiveInt('图片像素上限', 200).default(40),
    /** Working days after a board's new release within which a posting photo must show it (督查: 按时张贴). */
    posting_days: positiveInt('张贴期限（工作日）', 60).default(5),
    /** Seconds without a touch after which a kiosk (触摸屏) returns to its start page. */
    kiosk_idle_seconds: positiveInt('触摸屏无操作返回首页秒数', 3600).default(120),
  })
  .strict()
  .refine((d) => d.notice_days >= d.notice_min_days, { error: '默认公示天数（notice_days）不能少于公示最少天数（notice_min_days）', path: ['notice_days'] });

/**
 * Colour of the print files (posters, cards): the party red templates use, and the printing
 * condition the PDFs declare as their PDF/X OutputIntent. See .github/guides/printers.md.
 */
export const sitePrintSchema = z
  .object({
    /** CMYK of 党政红, used wherever a template writes `party-red` or names no colour. */
    party_red: cmykSchema.default([...PARTY_RED]),
    /**
     * OutputConditionIdentifier: a condition registered with the ICC (FOGRA39 by default), or
     * the county's own name for the condition of `icc_profile`.
     */
    output_condition: z
      .string()
      .regex(/^[\x21-\x7e][\x20-\x7e]{0,62}$/, { error: '印刷条件名称用英文字母、数字写，例如 FOGRA39' })
      .optional(),
    /** A CMYK output profile (.icc) to embed, relative to the repository root, e.g. print/ISOcoated_v2_eci.icc. */
    icc_profile: z
      .string()
      .regex(/\.ic[cm]$/i, { error: '特性文件应当是 .icc 或 .icm 文件，例如 print/ISOcoated_v2_eci.icc' })
      .optional(),
    /**
     * The demo county only: without a release (git tag) to compare with, the build compares with
     * the same content laid out on this earlier day, so the printers' page shows what a reprint
     * list looks like. A live site never sets it (`check --go-live` refuses it); it tags releases.
     * 中文说明：示范县的示例发布日期，正式站点不要写。
     */
    example_release: isoDateSchema.optional(),
  })
  .strict();

export const siteSchema = z
  .object({
    county: nonEmptyText('县名', 20),
    title: nonEmptyText('网站名称', 40),
    base_url: z.url({ error: '网站地址应当是完整网址，例如 https://dwgk.example.gov.cn/' }),
    publisher: nonEmptyText('发布单位', 40),
    supervision_phone: phoneSchema,
    address: nonEmptyText('地址', 80).optional(),
    defaults: siteDefaultsSchema.default(siteDefaultsSchema.parse({})),
    /** 中文说明：印刷颜色——党政红的 CMYK 值、PDF/X 声明的印刷条件和特性文件。 */
    print: sitePrintSchema.default(sitePrintSchema.parse({})),
    /**
     * The "today" of a snapshot (the demo county, an archived copy): used when neither --today
     * nor GONGKAI_TODAY is given. A live site never sets it, or it would stand still on that day.
     * 中文说明：示范数据/存档快照的基准日期，正式站点不要设置。
     */
    as_of: isoDateSchema.optional(),
    /**
     * The day the county's own site went live (开通日期), from which supervision counts: a period
     * that began before it is not asked for, and an item is "not yet due" until its first deadline
     * after it (src/domain/supervision/cadence.ts). `init` writes the day it runs. Without it (the
     * demo county) supervision counts every period, from the earliest.
     * 中文说明：本站正式开通的日期，督查考评从这一天算起，此前开始的期间不计。
     */
    launch: isoDateSchema.optional(),
    /**
     * The county's own live site: check and build then refuse what only the demo may carry
     * (example domains, 0000- phones, as_of, 某某 names), as `check --go-live` does on request.
     * 中文说明：正式上线的站点写 production: true，检查和构建就不再放过示范数据的占位内容。
     */
    production: z.boolean({ error: 'production 只能写 true 或 false' }).default(false),
    /**
     * 点题: the web form, if the county runs one (then the site links it and prints its QR
     * code; without it, nothing says requests can be made on the website), and how the
     * suggestion boxes work. 中文说明：网上点题表单地址（没有就不写）、意见箱的说明。
     */
    requests: z
      .object({
        form_url: z.url({ error: '点题表单地址应当是完整网址，例如 https://dwgk.example.gov.cn/dianti/form' }).optional(),
        mailbox: nonEmptyText('意见箱说明', 80).optional(),
      })
      .strict()
      .optional(),
    /** Official numbers that may appear in public entries (hotlines, office phones). */
    allowed_numbers: z.array(phoneSchema).default([]),
    /** Code-owner file for the forge the county uses; `check` keeps it in step with units.yaml. */
    codeowners: z
      .object({
        forge: z.enum(FORGES, { error: `代码托管平台只能是：${FORGES.join('、')}` }),
        office: z
          .array(z.string().regex(/^@?[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.-]+)?$/, { error: '应当是代码托管平台的用户名或团队，例如 @shifan-dwgk' }))
          .min(1, { error: '至少要有一个县委办（审核）账号' }),
      })
      .strict()
      .optional(),
    /**
     * The browser editor for clerks without git (/admin/, Sveltia CMS): which forge holds the
     * content repository. Without it, /admin/ explains what to set and offers only the practice mode.
     * 中文说明：网页编辑器连接的代码托管平台和仓库。
     */
    editor: z
      .object({
        forge: z.enum(EDITOR_FORGES, { error: `网页编辑器的平台只能是：${EDITOR_FORGES.join('、')}` }),
        repo: z.string().regex(/^[\w.-]+\/[\w./-]+$/, { error: '仓库应当写成“所有者/仓库名”，例如 shifan-county/dwgk' }),
        branch: nonEmptyText('分支', 100).default('main'),
        /** The forge's address when self-hosted (GitLab, Gitea), e.g. https://git.example.gov.cn. */
        base_url: z.url({ error: '平台地址应当是完整网址，例如 https://git.shifan.example.cn' }).optional(),
        /** OAuth application id (GitLab, Gitea: sign-in without a token). */
        app_id: nonEmptyText('应用 ID', 200).optional(),
        /** The content folder inside the repository. */
        content_path: z.string().default('content'),
      })
      .strict()
      .optional(),
    /** Extra secret markers (regular expressions) besides the built-in ones. */
    secret_patterns: z
      .array(
        z.string().refine(
          (s) => {
            try {
              new RegExp(s, 'u');
              return true;
            } catch {
              return false;
            }
          },
          { error: '不是有效的正则表达式；只想匹配文字时，直接写文字即可，例如“仅供内部参考”' },
        ),
      )
      .default([]),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
export type SiteDefaults = z.infer<typeof siteDefaultsSchema>;
