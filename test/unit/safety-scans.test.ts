import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidIdNumber, luhnValid } from '../../src/domain/safety/personal-data.ts';
import { findSecretMarkings } from '../../src/domain/safety/secret-markings.ts';
import { pipeCells } from '../../src/domain/safety/table-rows.ts';
import { scanMarkdown } from '../../src/domain/safety/markdown-safety.ts';
import { positionOf } from '../../src/domain/safety/text-findings.ts';

// A syntactically valid, fictional ID number (check digit computed), and one digit off.
const VALID_ID = '11010519491231002X';
const BAD_CHECK = '110105194912310021';

describe('secret markings', () => {
  it('finds 绝密/机密/秘密 with ★, with or without a period', () => {
    const text = '标题\n机密★10年\n文件 绝密★ 和 秘密 ★长期';
    const found = findSecretMarkings(text).map((f) => text.slice(f.offset, f.offset + f.length).replace(/\s/g, ''));
    expect(found).toEqual(['机密★10年', '绝密★', '秘密★长期']);
  });
  it('finds internal markers and extra patterns from settings, not ordinary words', () => {
    expect(findSecretMarkings('本材料为内部资料，注意保密').map((f) => f.code)).toEqual(['internal-marking', 'internal-marking']);
    expect(findSecretMarkings('保密审查已完成；秘密投票')).toEqual([]);
    expect(findSecretMarkings('仅限班子成员阅', { extra: [/仅限班子成员/u] })).toHaveLength(1);
  });
});

describe('personal data', () => {
  it('validates the ID check digit', () => {
    expect(isValidIdNumber(VALID_ID)).toBe(true);
    expect(isValidIdNumber(BAD_CHECK)).toBe(false);
  });
  it('finds ID numbers, and numbers laid out as one whose check digit is wrong (a typo of a real ID)', () => {
    expect(findPersonalData(`身份证号：${VALID_ID}`).map((f) => f.code)).toEqual(['personal-id-number']);
    const [typo] = findPersonalData(`身份证号：${BAD_CHECK}`);
    expect(typo!.code).toBe('personal-id-number');
    expect(typo!.message).toContain('输错');
    // No province 99, or a 13th month: not an ID, whatever the digits.
    expect(findPersonalData(`项目编号：99${BAD_CHECK.slice(2)}`)).toEqual([]);
    expect(findPersonalData(`项目编号：1101051949${'13'}310021`)).toEqual([]);
  });
  it('finds mobile numbers in common spellings, and masks them in the message', () => {
    const found = findPersonalData('联系人手机 138 1234 5678，或 +86-13912345678');
    expect(found.map((f) => f.code)).toEqual(['personal-mobile', 'personal-mobile']);
    expect(found[0]!.message).toContain('138*****678');
    expect(found[0]!.message).not.toContain('13812345678');
  });
  it('lets allowlisted numbers and landlines pass', () => {
    expect(findPersonalData('监督电话：13800000000', { allowed: ['138-0000-0000'] })).toEqual([]);
    expect(findPersonalData('办公电话：0000-6123400，(0571)87654321')).toEqual([]);
  });
  it('finds bank card numbers by Luhn', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(findPersonalData('卡号 6222 0212 3456 7890 128').map((f) => f.code)).toEqual(['personal-bank-card']);
    expect(findPersonalData('合同号 6222021234567890127')).toEqual([]);
  });
});

describe('markdown safety', () => {
  it('refuses unsafe links and remote images, warns about raw HTML', () => {
    const body =
      '[a](javascript:alert(1)) [b](https://ok.example) [c](tel:0000-1) [d](../x/)\n\n![x](https://evil.example/p.png)\n\n<script>alert(1)</script>\n';
    const codes = scanMarkdown(body, { recruitment: false }).findings.map((f) => f.code);
    expect(codes).toEqual(['unsafe-link', 'remote-image', 'raw-html']);
  });
  it('collects local images for the loader to check', () => {
    expect(scanMarkdown('![现场](photos/a.jpg)', { recruitment: false }).images).toMatchObject([{ url: 'photos/a.jpg', offset: 0 }]);
  });
  it('allows only the permitted columns in recruitment notices', () => {
    const body =
      '| 姓名 | 性别 | 出生年月 | 工作单位或职业 | 申请入党时间 | 身份证号 | 家庭住址 |\n| - | - | - | - | - | - | - |\n| 张某 | 男 | 1990年5月 | 村民 | 2024年3月 | x | y |\n';
    const found = scanMarkdown(body, { recruitment: true }).findings;
    expect(found.map((f) => f.message)).toEqual(['党员发展公示不能公开“身份证号”一栏', '党员发展公示不能公开“家庭住址”一栏']);
    expect(positionOf(body, found[0]!.offset)).toEqual({ line: 1, column: body.indexOf('| 身份证号') + 1 });
  });
  it('names a forbidden column in a header typed without its delimiter row too, beside the missing row', () => {
    // The web editor saves a table typed line by line this way when its table shortcut has not run.
    const body = '现予公示。\n\n| 姓名 | 家庭住址 |\n| 赵某某 | 甲村3组 |\n';
    const found = scanMarkdown(body, { recruitment: true }).findings;
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ['table-no-delimiter', 'error'],
      ['recruitment-field', 'error'],
    ]);
    expect(found[1]!.message).toBe('党员发展公示不能公开“家庭住址”一栏');
    expect(body.slice(found[1]!.offset, found[1]!.offset + found[1]!.length)).toBe('家庭住址');
    expect(scanMarkdown(body.replace('家庭住址', '工作单位'), { recruitment: true }).findings.map((f) => f.code)).toEqual(['table-no-delimiter']);
    expect(scanMarkdown(body, { recruitment: false }).findings.map((f) => f.code)).toEqual(['table-no-delimiter']);
  });
  it('splits a table line into cells as GFM does: escaped pipes kept, an escaped backslash not, a last backslash in the last cell', () => {
    const cells = (line: string) => pipeCells(line).map((c) => c.text);
    expect(cells('| 姓名 | 家庭\\|住址 |')).toEqual(['姓名', '家庭\\|住址']);
    expect(cells('| a | b\\\\|')).toEqual(['a', 'b\\\\']);
    expect(cells('a | b \\')).toEqual(['a', 'b \\']);
    expect(pipeCells('|  姓名 |')).toEqual([{ text: '姓名', offset: 3, length: 2 }]);
  });
});
