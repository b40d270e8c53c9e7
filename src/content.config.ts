/**
 * Astro content collections, fed by the project's own loader so the site sees exactly what
 * `check` validated, through the same schema and the same publication gate.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { entryFrontMatterSchema } from './domain/schema/entry.ts';
import { idSchema } from './domain/schema/common.ts';
import { pageFrontMatterSchema } from './domain/schema/page.ts';
import { imageSource, imageUrl } from './render/entry-images.ts';
import { renderEntryHtml } from './render/markdown-html.ts';
import { contentDir, siteData } from './site/project.ts';

const entries = defineCollection({
  loader: {
    name: 'gongkai-entries',
    load: async ({ store, parseData, generateDigest }) => {
      store.clear();
      const base = import.meta.env.BASE_URL.replace(/\/$/, '');
      for (const e of siteData().entries) {
        const data = await parseData({ id: e.id, data: { ...e.data, unit: e.unit, slug: e.slug, source: e.source.file } });
        const html = renderEntryHtml(e.body, (src) => base + imageUrl(e.unit, imageSource(e, src)));
        store.set({ id: e.id, data, body: e.body, digest: generateDigest({ data, body: e.body }), rendered: { html } });
      }
    },
  },
  schema: entryFrontMatterSchema.extend({ unit: idSchema, slug: idSchema, source: z.string() }),
});

// Astro keeps a collection's store between builds; a build from another content folder
// (tests build test/fixtures/mini) would leave its pages in it, so start each load empty.
const pagesGlob = glob({ pattern: '*.mdx', base: `${contentDir()}/pages` });
const pages = defineCollection({
  loader: {
    ...pagesGlob,
    load: async (context) => {
      context.store.clear();
      await pagesGlob.load(context);
    },
  },
  schema: pageFrontMatterSchema,
});

export const collections = { entries, pages };
