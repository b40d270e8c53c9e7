/**
 * A person named with a 党纪处分 (党内警告, 严重警告, 撤销党内职务, 留党察看, 开除党籍) in text
 * that reaches the public. Such measures are disclosed inside the party only; a public work
 * plan, summary or notice that says "给予张某某党内警告处分" publishes it whatever its item.
 * Counts ("给予党内警告处分1人") are fine: only a line that names someone with a measure is.
 *
 * Names are found as clerks write them: an anonymised 张某 / 张某某 / 张×× anywhere on the line,
 * or a name right after 党员, 同志, 给予, 对 (or before 同志) — a common surname and one or two
 * characters. A line is the window: a paragraph is one line as clerks type it, and a front-matter
 * line never runs into the next field.
 */
import type { TextFinding } from './text-findings.ts';

const MEASURE = /党内严重警告|党内警告|严重警告处分|警告处分|撤销党内职务|留党察看|开除党籍/;

// The commonest surnames (more than nine in ten people carry one of them), and compound ones.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝芮';
const COMPOUND = '欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|夏侯|司徒';
const SURNAME = `(?:${COMPOUND}|[${SURNAMES}])`;

/** 张某, 张某某, 张××: how disclosures anonymise a name, still a person to those who know the case. */
const ANONYMISED = new RegExp(`${SURNAME}(?:某某?|[×Xx＊*]{1,2})`, 'u');
/** A full name after 党员/同志/给予/对, or before 同志, ended by what follows a name in such a sentence. */
const NAMED = new RegExp(
  `(?:党员|同志|给予|对|时任)(${SURNAME}\\p{Script=Han}{1,2}?)(?=同志|（|\\(|因|在|于|，|、|党内|严重|留党|开除|撤销|受到|被|违)|(${SURNAME}\\p{Script=Han}{1,2})同志`,
  'u',
);
/** Words that start with a surname's character but name no one (对严重违纪……, 给予全体……). */
const NOT_A_NAME = /^(严重|严肃|严格|严厉|严明|严守|全体|全面|全部|全年|时任|常委|高度|周年|党员|于是|任期|任职|安全|方面|万元|余人)/;

export function findDisciplineNames(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const measure = MEASURE.exec(line);
    if (measure) {
      const anon = ANONYMISED.exec(line);
      const named = NAMED.exec(line);
      const full = named ? (named[1] ?? named[2])! : undefined;
      const name = anon?.[0] ?? (full && !NOT_A_NAME.test(full) ? full : undefined);
      if (name) {
        const at = anon ? anon.index : named!.index + named![0].indexOf(full!);
        out.push({
          severity: 'error',
          code: 'discipline-named',
          message: `这里点了“${name}”的名，写明了“${measure[0]}”：党纪处分只在党内公开，社会公开的内容不能点名`,
          hint: '请把这条内容改为党内公开：在信息区写 scope: party（已有 scope 这一行的，把它改成这样）；要社会公开，就删去姓名，只写人数，例如“给予党内警告处分1人”。',
          offset: offset + at,
          length: name.length,
        });
      }
    }
    offset += line.length + 1;
  }
  return out;
}
