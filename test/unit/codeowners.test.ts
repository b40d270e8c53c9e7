import { describe, expect, it } from 'vitest';
import { renderCodeowners } from '../../src/domain/codeowners.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';

const units: Unit[] = [
  { id: 'v-b', name: '乙村', kind: 'village', parent: 't', maintainers: ['v-b-clerk'] },
  { id: 'v-a', name: '甲村', kind: 'village', parent: 't', maintainers: ['@v-a-clerk', '@office'] },
];

describe('renderCodeowners', () => {
  it('gives each unit folder to its maintainers and the office, everything else to the office (GitHub/GitLab syntax)', () => {
    const text = renderCodeowners(units, { forge: 'github', office: ['office'], contentPath: 'content' });
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '* @office',
      '/content/entries/v-a/ @v-a-clerk @office',
      '/content/requests/v-a/ @v-a-clerk @office',
      '/content/entries/v-b/ @v-b-clerk @office',
      '/content/requests/v-b/ @v-b-clerk @office',
    ]);
  });
  it('writes regular expressions for Gitea/Forgejo', () => {
    const text = renderCodeowners(units, { forge: 'gitea', office: ['@office'], contentPath: 'content' });
    expect(text).toContain('.* @office\n');
    expect(text).toContain('^content/entries/v-a/.* @v-a-clerk @office\n');
  });
});
