/**
 * Board templates: templates/<id>.yaml. Only the part every consumer needs is fixed here
 * (name, design size, which unit kinds it suits); the layout block belongs to the print engine.
 */
import { z } from 'zod';
import { nonEmptyText } from './common.ts';
import { UNIT_KINDS } from './unit.ts';

export const templateSchema = z
  .object({
    name: nonEmptyText('模板名称', 40),
    kind: z.enum(['board', 'card']).default('board'),
    width_mm: z.number().int().min(50).max(10000),
    height_mm: z.number().int().min(50).max(10000),
    unit_kinds: z.array(z.enum(UNIT_KINDS)).default([]),
    layout: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type Template = z.infer<typeof templateSchema>;
