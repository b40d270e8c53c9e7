// Astro's configuration for its own command line and for editors. The site's configuration
// lives in src/site/astro-config.ts; `npm run build` and `npm run dev` pass it to Astro
// directly, with the folders and the build's context.
import { siteAstroConfig } from './src/site/astro-config.ts';

export default siteAstroConfig({ contentDir: 'content', templatesDir: 'templates' });
