/** Physical bulletin boards (公开栏): one record per board in content/boards.yaml. */
import { z } from 'zod';
import { idSchema, nonEmptyText } from './common.ts';

const mm = (label: string) =>
  z
    .number({ error: `${label}应当是以毫米为单位的整数，例如 2400` })
    .int({ error: `${label}应当是整数毫米` })
    .min(100, { error: `${label}太小（至少 100 毫米）；请确认单位是毫米而不是米或厘米` })
    .max(10000, { error: `${label}太大（最多 10000 毫米）；请确认单位是毫米` });

export const TILE_SIZES = ['A3', 'A4'] as const;

/**
 * What a board's print is made of and how it goes up: boards.yaml per board, site.yaml
 * print_job.boards for every board that does not say. `substrate` is what the print goes onto
 * (in a glass-door cabinet: a rigid sheet behind the glass, or the glass itself), `fixing` how.
 */
export const BOARD_SPEC = {
  material: nonEmptyText('材料', 40).optional(),
  finish: nonEmptyText('表面处理', 40).optional(),
  mounting: nonEmptyText('安装方式', 40).optional(),
  substrate: nonEmptyText('基材', 40).optional(),
  fixing: nonEmptyText('固定方式', 40).optional(),
};
export type BoardSpecKey = keyof typeof BOARD_SPEC;
export const BOARD_SPEC_KEYS = Object.keys(BOARD_SPEC) as BoardSpecKey[];

export const boardSchema = z
  .object({
    id: idSchema,
    unit: idSchema,
    template: idSchema,
    location: nonEmptyText('位置', 80),
    width_mm: mm('宽度'),
    height_mm: mm('高度'),
    tile: z.enum(TILE_SIZES, { error: '拼版纸张只能是 A3 或 A4' }).optional(),
    /** The job ticket for the print shop (all optional; printed in the manifest and the installation list). */
    placement: z.enum(['indoor', 'outdoor'], { error: 'placement 只能是 indoor（室内）或 outdoor（室外）' }).optional(),
    ...BOARD_SPEC,
    /** Prints of this board (default 1): a board with two faces, or a spare for a windy site. */
    copies: z.number({ error: 'copies（印几份）应当是整数' }).int({ error: 'copies（印几份）应当是整数' }).min(1).max(20).optional(),
    /** A board of several frames: content continues on more sheets instead of being shortened. */
    continuation: z.boolean({ error: 'continuation 只能是 true 或 false' }).optional(),
  })
  .strict();

export const boardsFileSchema = z.array(boardSchema);

export type Board = z.infer<typeof boardSchema>;
