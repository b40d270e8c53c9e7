/** County-wide settings: content/site.yaml. Every default the rules use is a setting here. */
import { z } from 'zod';
import { FORGES } from '../codeowners.ts';
import { idSchema, isoDateSchema, nonEmptyText, phoneSchema, positiveInt } from './common.ts';
import { CARD_SHEETS, cmykSchema, PARTY_RED } from './template.ts';
import { VERSION_PATTERN } from '../migrations/versions.ts';
import { BOARD_SPEC } from './board.ts';

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
 * What the print shop's files follow (posters, cards): the bleed, the party red templates use, and
 * the printing condition the PDFs declare as their PDF/X OutputIntent. See .github/guides/printers.md.
 */
export const sitePrintSchema = z
  .object({
    /** Bleed around every board and card, in millimetres (Gongkai 0.1.0 had it in defaults: `gongkai migrate` moves it). */
    bleed_mm: positiveInt('出血', 20).default(3),
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

/**
 * Other media made from the same entries (issue 31): village displays, LED strips, the
 * loudspeaker script, the 服务指南 booklet and share pictures for WeChat groups.
 * 中文说明：显示屏、LED 条屏、广播稿、服务指南小册子和微信分享图片的设置。
 */
export const siteMediaSchema = z
  .object({
    /** Characters (full-width) per line of an LED strip: 12 or 16 for common controllers. */
    led_width: positiveInt('LED 每行字数', 64)
      .refine((n) => n >= 4, { error: 'LED 每行字数至少为 4' })
      .default(16),
    /** Seconds each screen of a signage page stays before the next. */
    signage_seconds: positiveInt('显示屏每屏秒数', 600)
      .refine((n) => n >= 3, { error: '显示屏每屏至少 3 秒' })
      .default(15),
    /** Characters of one item of the broadcast script before it is cut with “详细内容请看公开栏或扫码查看”. */
    broadcast_item_chars: positiveInt('广播稿每条字数上限', 5000)
      .refine((n) => n >= 40, { error: '广播稿每条至少 40 个字' })
      .default(240),
    /**
     * Which public entries get share pictures: recent (those published in the last share_days
     * days, and running 公示), all, or none. Each picture costs ~20 ms of CPU once (then it is
     * cached), so an archive of thousands of entries makes the first build minutes longer.
     */
    share_images: z
      .enum(['recent', 'all', 'none'], { error: '分享图片（share_images）只能是 recent（最近的）、all（全部）或 none（不生成）' })
      .default('recent'),
    share_days: positiveInt('分享图片天数', 3660).default(30),
    /** Paper thickness of the booklet in hundredths of a millimetre, for the creep of saddle stitching (10 = 0.10 mm, 80 g/m² offset). */
    booklet_paper_um: positiveInt('服务指南纸张厚度（微米）', 500)
      .refine((n) => n >= 40, { error: '纸张厚度至少 40 微米' })
      .default(100),
  })
  .strict();

/** Where each unit's print files are delivered: to its town, to each village (and town), or to every unit. */
export const DELIVERY_LEVELS = ['town', 'village', 'unit'] as const;

/**
 * The job ticket a print shop quotes and works from (site.yaml print_job): when, who to call,
 * where to deliver, what the cards are printed on, what the boards' prints go onto and how they
 * are fixed unless boards.yaml says otherwise for a board, and who installs and removes.
 * 中文说明：印刷施工单——完成期限、联系人、送货地址、明白卡用纸、公开栏基材和安装。
 */
export const printJobSchema = z
  .object({
    /** Working days after the print files' date by which everything is delivered (and installed). */
    deadline_days: positiveInt('完成期限（工作日）', 120).optional(),
    /** The county's print contact: a name or office, and an office phone (it is published on /print/). */
    contact: z
      .object({ name: nonEmptyText('印刷联系人', 30), phone: phoneSchema })
      .strict()
      .optional(),
    delivery: z
      .object({
        /** town: each town's address takes its villages' files too; village: each village its own; unit: every unit its own. */
        by: z.enum(DELIVERY_LEVELS, { error: '送货方式只能是 town（送到镇）、village（送到村）或 unit（送到每个单位）' }).default('town'),
        /** Where the county units' (县直单位) files go; default site.yaml address. */
        county: nonEmptyText('县直单位送货地址', 80).optional(),
        /** An address other than units.yaml's for some units, by unit id. */
        addresses: z.record(z.string(), nonEmptyText('送货地址', 80)).default({}),
      })
      .strict()
      .default({ by: 'town', addresses: {} }),
    /** The cards' paper. */
    cards: z
      .object({
        stock: nonEmptyText('明白卡纸张', 20).optional(),
        weight_gsm: positiveInt('明白卡克重', 1000).optional(),
        finish: nonEmptyText('明白卡表面处理', 20).optional(),
      })
      .strict()
      .optional(),
    /** What a board's job ticket says when boards.yaml does not say it for the board. */
    boards: z.object(BOARD_SPEC).strict().optional(),
    /** Who installs the boards' prints, and whether the old ones are taken down first. */
    install: z
      .object({
        by: nonEmptyText('安装单位', 30).optional(),
        remove_old: z.boolean({ error: 'remove_old 只能是 true 或 false' }).optional(),
        note: nonEmptyText('安装说明', 120).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PrintJob = z.infer<typeof printJobSchema>;

export const siteSchema = z
  .object({
    /**
     * The content format the files follow (a Gongkai version), written by `init` and `migrate`.
     * Absent in content from before versions were recorded (Gongkai 0.1.0).
     * 中文说明：内容格式的版本，由 gongkai init 和 gongkai migrate 填写，不要手改。
     */
    format_version: z.string().regex(VERSION_PATTERN, { error: '内容格式版本应当写成 0.2.0 这样的三个数字；它由 gongkai migrate 填写，不要手改' }).optional(),
    county: nonEmptyText('县名', 20),
    title: nonEmptyText('网站名称', 40),
    base_url: z.url({ error: '网站地址应当是完整网址，例如 https://dwgk.qinghe.gov.cn/' }),
    publisher: nonEmptyText('发布单位', 40),
    supervision_phone: phoneSchema,
    address: nonEmptyText('地址', 80).optional(),
    defaults: siteDefaultsSchema.default(siteDefaultsSchema.parse({})),
    /** 中文说明：印刷设置——出血、党政红的 CMYK 值、PDF/X 声明的印刷条件和特性文件。 */
    print: sitePrintSchema.default(sitePrintSchema.parse({})),
    /** 中文说明：显示屏、LED、广播稿、服务指南、分享图片的设置（都有默认值）。 */
    media: siteMediaSchema.default(siteMediaSchema.parse({})),
    /** 中文说明：印刷施工单（完成期限、联系人、送货、明白卡用纸、公开栏基材和固定、安装）。 */
    print_job: printJobSchema.default(printJobSchema.parse({})),
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
        form_url: z.url({ error: '点题表单地址应当是完整网址，例如 https://dwgk.qinghe.gov.cn/dianti/form/' }).optional(),
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
export type SiteMedia = z.infer<typeof siteMediaSchema>;
