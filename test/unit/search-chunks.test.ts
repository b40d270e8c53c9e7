/** Which index chunks a query needs, as Pagefind 1.6 chooses them, from the table the search page carries. */
import { describe, expect, it } from 'vitest';
import { chunksFor, queryWords, type Chunk } from '../../src/site/search-chunks.ts';
import { pagefindQuery } from '../../src/site/search-query.ts';

const TABLE: Chunk[] = [
  ['0', '06', 'zh-cn_aaa'],
  ['060', '党委', 'zh-cn_bbb'],
  ['党支部', '村', 'zh-cn_ccc'],
  ['村集体', '龚某', 'zh-cn_ddd'],
];

describe('queryWords', () => {
  it('segments Chinese into words as Pagefind’s script does, dropping punctuation and quotes', () => {
    expect(queryWords('发展党员')).toEqual(['发展', '党员']);
    expect(queryWords('桃花村，财务')).toEqual(['桃花', '村', '财务']);
    expect(queryWords(pagefindQuery('第3号'))).toEqual(['第', '3', '号']);
    expect(queryWords('ABC')).toEqual(['abc']);
  });
});

describe('chunksFor', () => {
  it('takes each chunk whose first and last word enclose a word, once', () => {
    expect(chunksFor(['党'], TABLE)).toEqual(['zh-cn_bbb']);
    expect(chunksFor(['村', '党支部'], TABLE)).toEqual(['zh-cn_ccc']);
    expect(chunksFor(['05', '村集体'], TABLE)).toEqual(['zh-cn_aaa', 'zh-cn_ddd']);
  });

  it('takes none for a word between two chunks (Pagefind then looks for itself)', () => {
    expect(chunksFor(['党报'], TABLE)).toEqual([]); // after 党委, before 党支部
    expect(chunksFor([], TABLE)).toEqual([]);
  });
});
