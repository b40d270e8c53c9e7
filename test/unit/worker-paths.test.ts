/**
 * Worker threads are started from a module path. In Gongkai's own checkout that is a .ts file
 * (Node strips the types); a county runs the compiled lib/ of the packed Gongkai, where only .js
 * files exist. A path spelled with '.ts' works here and fails only in a county's build, so every
 * worker is named through siblingModule, which picks the extension of the module naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siblingModule } from '../../src/project-root.ts';
import { ROOT } from '../helpers.ts';

const sources = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('worker module paths', () => {
  it('never name a .ts file directly', () => {
    const offenders = sources.filter((f) => /new URL\(\s*['"`][^'"`]*\.ts['"`]\s*,\s*import\.meta\.url/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('take the extension of the module naming them', () => {
    expect(siblingModule('worker', 'file:///g/src/media/run/media-stage.ts').href).toBe('file:///g/src/media/run/worker.ts');
    expect(siblingModule('worker', 'file:///g/lib/media/run/media-stage.js').href).toBe('file:///g/lib/media/run/worker.js');
  });
});
