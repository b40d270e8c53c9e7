/**
 * The `layout` block of a board template (templates/<id>.yaml): everything a county may
 * change without code — header band, panels (栏目) and the aspects they hold, type sizes,
 * footer. Sizes are for the template's design size; a board of another size gets its
 * nearest template scaled (with a warning), never below the legibility floor.
 */
import { ContentError } from '../../errors.ts';
import { z } from 'zod';
import type { Board } from '../../domain/schema/board.ts';
import { measure as size, PARTY_RED, templateColourSchema, type Template } from '../../domain/schema/template.ts';

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
        height_mm: size('页脚高度', 1000).default(90),
        text_pt: size('页脚字号', 1000).default(30),
        qr_mm: size('二维码边长', 1000).default(70),
      })
      .strict()
      .default({ height_mm: 90, text_pt: 30, qr_mm: 70 }),
    panels: z
      .array(panelSchema)
      .min(1)
      .default([{ title: '公开内容', aspects: ['*'] }]),
  })
  .strict();

export type BoardLayout = z.infer<typeof boardLayoutSchema>;

export interface ResolvedLayout {
  templateId: string;
  layout: BoardLayout;
  /** Factor applied to the template's sizes for this board (1 when the size matches). */
  scale: number;
  /** Set when the board's size matched no template and a nearest one was scaled. */
  warning?: string;
}

/** A template (or a setting it depends on) is wrong: the county's file to fix, not a bug. */
export class LayoutError extends ContentError {
  override name = 'LayoutError';
}

/** Parses a template's layout block; the error names the template file and the field. */
export function parseLayout(id: string, template: Template): BoardLayout {
  const r = boardLayoutSchema.safeParse(template.layout);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new LayoutError(`模板 templates/${id}.yaml 的 layout.${issue.path.join('.')} 有误：${issue.message}。请对照其他模板改正。`);
}

/** How far apart two sizes are, independent of scale: log-ratio distance of both sides. */
const distance = (w1: number, h1: number, w2: number, h2: number) => Math.hypot(Math.log(w1 / w2), Math.log(h1 / h2));

/**
 * The layout for a board: its own template when the size matches; otherwise whichever board
 * template (its own included) is nearest in size, scaled to fit the board.
 */
export function resolveLayout(board: Board, templates: ReadonlyMap<string, Template>): ResolvedLayout {
  const own = templates.get(board.template);
  if (own && own.width_mm === board.width_mm && own.height_mm === board.height_mm)
    return { templateId: board.template, layout: parseLayout(board.template, own), scale: 1 };
  const exact = [...templates].find(([, t]) => t.kind === 'board' && t.width_mm === board.width_mm && t.height_mm === board.height_mm);
  let best: [string, Template] | undefined = exact;
  if (!best) {
    for (const entry of [...templates].filter(([, t]) => t.kind === 'board')) {
      const [, t] = entry;
      if (
        !best ||
        distance(board.width_mm, board.height_mm, t.width_mm, t.height_mm) <
          distance(board.width_mm, board.height_mm, best[1].width_mm, best[1].height_mm) - 1e-9 ||
        (entry[0] === board.template &&
          distance(board.width_mm, board.height_mm, t.width_mm, t.height_mm) <=
            distance(board.width_mm, board.height_mm, best[1].width_mm, best[1].height_mm) + 1e-9)
      )
        best = entry;
    }
  }
  if (!best) throw new LayoutError(`没有可用的公开栏模板（templates/ 中没有 kind: board 的模板），公开栏 ${board.id} 无法排版。`);
  const [id, t] = best;
  const scale = Math.min(board.width_mm / t.width_mm, board.height_mm / t.height_mm);
  if (exact) return { templateId: id, layout: parseLayout(id, t), scale: 1 };
  return {
    templateId: id,
    layout: parseLayout(id, t),
    scale,
    warning: `公开栏 ${board.id} 的尺寸 ${board.width_mm}×${board.height_mm} 毫米没有对应的模板，已按最接近的模板“${t.name}”（${t.width_mm}×${t.height_mm}）缩放 ${scale.toFixed(2)} 倍排版。如需专门的版式，请在 templates/ 中新增该尺寸的模板。`,
  };
}
