/**
 * Astro content collections, fed by the project's own loader so the site sees exactly what
 * `check` validated, through the same schema and the same publication gate.
 */
import { context } from 'virtual:gongkai/context';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { entryFrontMatterSchema } from './domain/schema/entry.ts';
import { idSchema } from './domain/schema/common.ts';
import { pageFrontMatterSchema } from './domain/schema/page.ts';
import { entryImages } from './html/entry-images.ts';
import { entryHtml } from './site/entry-html.ts';
import { siteData } from './site/project.ts';

const entries = defineCollection({
  loader: {
    name: 'gongkai-entries',
    // Astro keeps the store between builds (one cache folder per content folder, see
    // site/astro-cache-dir.ts). An entry whose digest — front matter, body, the published URLs of
    // its images, which change with the image bytes, and the code that renders it (its module
    // graph, site-code.ts) — is unchanged keeps its rendered HTML: a one-entry rebuild renders
    // one entry's Markdown, not 8,000 (~7 s cold).
    load: async ({ store, parseData, generateDigest }) => {
      const base = import.meta.env.BASE_URL;
      const seen = new Set<string>();
      let rendered = 0;
      for (const e of siteData(context).entries) {
        seen.add(e.id);
        const raw = { ...e.data, unit: e.unit, slug: e.slug, source: e.source.file };
        const digest = generateDigest({ code: context.code.entryHtml, base, raw, body: e.body, images: entryImages([e]).map((i) => i.url) });
        if (store.get(e.id)?.digest === digest) continue;
        const data = await parseData({ id: e.id, data: raw });
        const html = entryHtml(e, base);
        store.set({ id: e.id, data, body: e.body, digest, rendered: { html } });
        rendered++;
      }
      console.log(`  条目正文：重新生成 ${rendered} 条，未变沿用 ${seen.size - rendered} 条`);
      // Withdrawn, renamed or now party-scope entries leave the site.
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  },
  schema: entryFrontMatterSchema.extend({ unit: idSchema, slug: idSchema, source: z.string() }),
});

// Astro keeps a collection's store between builds; a build from another content folder
// (tests build test/fixtures/mini) would leave its pages in it, so start each load empty.
const pagesGlob = glob({ pattern: '*.mdx', base: `${context.contentDir}/pages` });
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
