/**
 * The `layout` block of a board template (templates/<id>.yaml): everything a county may change
 * without code — header band, panels (栏目) and the aspects they hold, type sizes, footer. Here in
 * the domain, so `check` can tell what a board's size does to them (rules/board-size-rules.ts);
 * the print engine reads the same schema (print/layout/template-layout.ts).
 */
import { z } from 'zod';
import { measure as size, PARTY_RED, templateColourSchema } from './template.ts';

export const panelSchema = z
  .object({
    /** Panel heading, e.g. 组织建设. */
    title: z.string().min(1).max(20),
    /** Catalog aspect ids shown in this panel, in order; `'*'` takes every aspect no other panel names. */
    aspects: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const boardLayoutSchema = z
  .object({
    margin_mm: size('页边距', 500).default(30),
    gutter_mm: size('栏间距', 300).default(20),
    header: z
      .object({
        height_mm: size('标题栏高度', 1000).default(160),
        title_pt: size('标题字号', 2000).default(160),
        /** The header band, panel titles and rules: the county's party red unless the template names a colour. */
        color: templateColourSchema.default([...PARTY_RED]),
      })
      .strict()
      .default({ height_mm: 160, title_pt: 160, color: [...PARTY_RED] }),
    panel_title_pt: size('栏目标题字号', 1000).default(56),
    entry_title_pt: size('条目标题字号', 1000).default(40),
    heading_pt: size('小标题字号', 1000).default(34),
    body_pt: size('正文字号', 1000).default(32),
    /** How large the body may grow to fill a board with little on it (default 2 × body_pt). */
    body_max_pt: size('正文最大字号', 1000).optional(),
    meta_pt: size('日期字号', 1000).default(28),
    line_height: z.number().min(1).max(3).default(1.5),
    footer: z
      .object({
        height_mm: size('页脚高度', 1000).default(130),
        text_pt: size('页脚字号', 1000).default(30),
        qr_mm: size('二维码边长', 1000).default(120),
      })
      .strict()
      .default({ height_mm: 130, text_pt: 30, qr_mm: 120 }),
    panels: z
      .array(panelSchema)
      .min(1)
      .default([{ title: '公开内容', aspects: ['*'] }]),
  })
  .strict();

export type BoardLayout = z.infer<typeof boardLayoutSchema>;
