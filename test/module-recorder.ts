/**
 * Run in a fresh process by test/integration/code-graph.test.ts: records every module Node
 * loads while the print renderer turns the given jobs into files (one thread, as the pool does
 * with one job), then writes the list of module URLs. Nothing else is imported before the
 * hook is in place, so the list is exactly what rendering needs.
 *
 *   node test/module-recorder.ts <tasks.json> <out.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = new Set<string>();
registerHooks({
  load(url, context, next) {
    loaded.add(url);
    return next(url, context);
  },
});

const [tasksFile, outFile] = process.argv.slice(2) as [string, string];
const { renderAndStore } = await import('../src/print/run/pool.ts');
for (const task of JSON.parse(readFileSync(tasksFile, 'utf8'))) await renderAndStore(task);
writeFileSync(outFile, JSON.stringify([...loaded].sort()));
