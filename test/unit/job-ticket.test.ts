/** The job ticket: the deadline in working days, where each unit's files go at each delivery level, a board's spec, and the ticket in words. */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/domain/model.ts';
import { printJobSchema } from '../../src/domain/schema/site.ts';
import { boardSpecOf, COUNTY_GROUP, deliveryOf, jobTicket, paperText, ticketLines } from '../../src/print/jobs/job-ticket.ts';
import { load, MINI } from '../helpers.ts';

const { project: mini } = load(MINI);
const withJob = (job: unknown): Project => ({ ...mini!, site: { ...mini!.site, print_job: printJobSchema.parse(job) } });
const TOWN_ADDRESS = { 't-demo': '测试镇政府大院' };

describe('job ticket', () => {
  it('dates the deadline in working days after the files, skipping the weekend', () => {
    const t = jobTicket(withJob({ deadline_days: 10, contact: { name: '组织科', phone: '0000-6123400' } }), '2026-11-27');
    // Friday 27 November: ten working days on is Friday 11 December.
    expect(t).toMatchObject({ date: '2026-11-27', deadline: '2026-12-11', deadline_days: 10, contact: { name: '组织科' }, delivery_by: 'town' });
    expect(ticketLines(t)[1]).toBe('完成期限：2026-12-11（印刷文件日期后 10 个工作日）前送到并安装好');
  });

  it('says in each line what the county has not written, and where to write it', () => {
    const lines = ticketLines(jobTicket(withJob({}), '2026-11-27'));
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => l.includes('未写')).length).toBe(4);
    expect(lines.join('\n')).toContain('site.yaml 的 print_job.deadline_days');
    expect(lines.join('\n')).toContain('site.yaml 的 print_job.contact');
  });

  it('puts the cards paper and the installation in words', () => {
    expect(paperText({ stock: '铜版纸', weight_gsm: 300, finish: '双面覆哑膜' })).toBe('铜版纸 300 克，双面覆哑膜');
    expect(paperText({ weight_gsm: 250 })).toBe('250 克');
    expect(paperText({})).toBeUndefined();
    const lines = (install: unknown) => ticketLines(jobTicket(withJob({ install }), '2026-11-27')).at(-1);
    expect(lines({ by: '印刷厂', remove_old: true, note: '装好后拍照' })).toBe('安装：由印刷厂安装，先撕下（拆下）旧的再安装；装好后拍照');
    expect(lines({ by: '各村自行', remove_old: false })).toBe('安装：由各村自行安装，旧的不用撤下');
  });

  it('delivers to the town: villages go with their town, the county units to the county address', () => {
    const p = withJob({ delivery: { by: 'town', county: '县委组织部收发室', addresses: TOWN_ADDRESS } });
    expect(deliveryOf(p, 'v-demo-a')).toEqual({ group: 't-demo', to: '中共测试镇委员会', address: '测试镇政府大院' });
    expect(deliveryOf(p, 't-demo')).toEqual({ group: 't-demo', to: '中共测试镇委员会', address: '测试镇政府大院' });
    expect(deliveryOf(p, 'cu-demo')).toEqual({ group: COUNTY_GROUP, to: mini!.site.publisher, address: '县委组织部收发室' });
  });

  it('delivers to each village at its own address, else to its town; a town without an address says so', () => {
    const p = withJob({ delivery: { by: 'village', addresses: TOWN_ADDRESS } });
    expect(deliveryOf(p, 'v-demo-a')).toEqual({ group: 't-demo', to: '甲村党支部', address: '测试镇甲村村委会' });
    expect(deliveryOf(p, 'v-demo-b')).toEqual({ group: 't-demo', to: '中共测试镇委员会', address: '测试镇政府大院' });
    // Not the county office's address for a town that has none: the quote says 地址未写.
    expect(deliveryOf(withJob({ delivery: { by: 'village' } }), 'v-demo-b')).toEqual({ group: 't-demo', to: '乙村党支部', address: '' });
    // No county address in print_job: site.yaml's own address.
    expect(deliveryOf(p, 'cu-demo').address).toBe(mini!.site.address);
  });

  it('delivers to every unit, a county unit in the county units’ zip', () => {
    const p = withJob({ delivery: { by: 'unit', addresses: { 'cu-demo': '教育局办公室' } } });
    expect(deliveryOf(p, 'cu-demo')).toEqual({ group: COUNTY_GROUP, to: '测试县教育局党组', address: '教育局办公室' });
    expect(deliveryOf(p, 'v-demo-a').to).toBe('甲村党支部');
  });

  it('takes a board’s own spec before the county’s defaults', () => {
    const job = printJobSchema.parse({ boards: { material: 'PP背胶相纸', substrate: 'KT 板', fixing: '双面胶' } });
    const board = mini!.boards.find((b) => b.id === 'b-v-demo-a')!;
    expect(boardSpecOf(board, job)).toEqual({
      material: '户外防紫外线车贴（背胶）',
      finish: '覆亮膜',
      mounting: '不锈钢宣传栏，玻璃门内',
      substrate: 'KT 板',
      fixing: '双面胶',
    });
    expect(
      boardSpecOf(
        mini!.boards.find((b) => b.id === 'b-t-demo')!,
        printJobSchema.parse({}),
      ),
    ).toEqual({});
  });
});
