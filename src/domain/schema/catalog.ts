/**
 * The disclosure catalog (公开目录): aspects and their items, from content/catalog.yaml.
 * A county adapts the file; the code only knows the shape.
 */
import { z } from 'zod';
import { CADENCES } from '../period.ts';
import { idSchema, nonEmptyText } from './common.ts';

export const SCOPES = ['public', 'party'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = { public: '社会公开', party: '党内公开' };

/** Catalog levels: which kinds of unit must disclose an item. */
export const LEVELS = ['county_unit', 'town', 'village'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { county_unit: '县直单位', town: '镇（街道）', village: '村（社区）' };

export const catalogItemSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText('事项名称', 60),
    cadence: z.enum(CADENCES, { error: `公开时限只能是：${CADENCES.join('、')}` }),
    scope: z.enum(SCOPES, { error: '公开范围只能是 public（社会公开）或 party（党内公开）' }),
    levels: z.array(z.enum(LEVELS, { error: `适用层级只能是：${LEVELS.join('、')}` })).min(1),
    note: z.string().optional(),
    src: z.string().optional(),
    /**
     * What people call it when they search (财务、收支、账目 for the dues items; 入党 for
     * recruitment): the site's search finds the item's entries by these words, and the item's
     * page lists them. The catalogue's names are the regulation's, not villagers'.
     */
    words: z
      .array(z.string({ error: '每个常用说法都应当是文字' }).trim().min(1, { error: '常用说法不能是空的' }).max(12, { error: '一个常用说法最多12个字' }), {
        error: 'words（群众常用说法）应当写成列表，例如 [财务, 收支, 账目]',
      })
      .max(20, { error: '一个事项最多写20个常用说法' })
      .optional(),
  })
  .strict();

export const aspectSchema = z
  .object({
    id: idSchema,
    name: nonEmptyText('方面名称', 40),
    items: z.array(catalogItemSchema).min(1, { error: '每个方面至少要有一个事项' }),
  })
  .strict();

export const catalogSchema = z.object({ aspects: z.array(aspectSchema).min(1) }).strict();

export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type Aspect = z.infer<typeof aspectSchema>;
export type CatalogFile = z.infer<typeof catalogSchema>;

/** The catalog with lookups; built once, then passed around. */
export interface Catalog {
  aspects: Aspect[];
  items: Map<string, CatalogItem & { aspect: string }>;
}

export function indexCatalog(file: CatalogFile): Catalog {
  const items = new Map<string, CatalogItem & { aspect: string }>();
  for (const aspect of file.aspects) {
    for (const item of aspect.items) items.set(item.id, { ...item, aspect: aspect.id });
  }
  return { aspects: file.aspects, items };
}
