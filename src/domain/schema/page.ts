/** Editorial pages written by the site's maintainers: content/pages/*.mdx (trusted input). */
import { z } from 'zod';
import { nonEmptyText, positiveInt } from './common.ts';

export const pageFrontMatterSchema = z
  .object({
    title: nonEmptyText('标题', 60),
    description: nonEmptyText('简介', 200).optional(),
    order: positiveInt('排序', 1000).default(100),
  })
  .strict();

export type PageFrontMatter = z.infer<typeof pageFrontMatterSchema>;
