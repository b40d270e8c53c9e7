// Vitest runs our modules through its own module runner; the Astro site built in a test's
// process imports src/site/project-handoff.ts natively (integration.ts). Imported natively
// here too, the test and the site share one copy of it, as the command line and the site do.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { server: { deps: { external: [/\/src\/site\/project-handoff\.ts$/] } } },
});
