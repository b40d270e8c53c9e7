/**
 * The `layout` block of a board template (templates/<id>.yaml): everything a county may
 * change without code — header band, panels (栏目) and the aspects they hold, type sizes,
 * footer. Sizes are for the template's design size; a board of another size gets its
 * nearest template scaled (with a warning), never below the legibility floor.
 */
import { ContentError } from '../../errors.ts';
import type { Board } from '../../domain/schema/board.ts';
import type { Template } from '../../domain/schema/template.ts';
import { boardLayoutSchema, type BoardLayout } from '../../domain/schema/board-layout.ts';
import { nearestTemplate } from '../../domain/board-templates.ts';

export { boardLayoutSchema, panelSchema, type BoardLayout } from '../../domain/schema/board-layout.ts';

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

/**
 * The layout for a board: its own template when the size matches; otherwise whichever board
 * template (its own included) is nearest in size, scaled to fit the board (domain/board-templates.ts).
 */
export function resolveLayout(board: Board, templates: ReadonlyMap<string, Template>): ResolvedLayout {
  const near = nearestTemplate(board, templates);
  if (!near) throw new LayoutError(`没有可用的公开栏模板（templates/ 中没有 kind: board 的模板），公开栏 ${board.id} 无法排版。`);
  const { id, template: t, scale, exact } = near;
  if (exact) return { templateId: id, layout: parseLayout(id, t), scale: 1 };
  return {
    templateId: id,
    layout: parseLayout(id, t),
    scale,
    warning: `公开栏 ${board.id} 的尺寸 ${board.width_mm}×${board.height_mm} 毫米没有对应的模板，已按最接近的模板“${t.name}”（${t.width_mm}×${t.height_mm}）缩放 ${scale.toFixed(2)} 倍排版。如需专门的版式，请在 templates/ 中新增该尺寸的模板。`,
  };
}
