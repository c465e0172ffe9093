import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { organizationSchema } from '../../../shared/api/organizations.js';
import { importJobSchema } from '../../../shared/api/register.js';
import { MEMBER_HEADERS } from '../../../shared/member-template.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { idNumber, residentRows, seededRandom, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { multipartFile } from '../../testing/multipart.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { importResidents } from '../register/index.js';

async function writeMembersXlsx(file: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员信息');
  sheet.addRow([...MEMBER_HEADERS]);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

describeEachDialect('member import', (env) => {
  let cookie = '';
  let residents: string[][] = [];
  beforeAll(async () => {
    const grid = await env.createRegion(QINGNIAN, 'grid', '党员网格');
    await env.createRegion(grid, 'building', '1号楼');
    residents = [...residentRows({ count: 12, gridCode: grid, buildings: ['1号楼'], seed: 44 })];
    const file = env.file('residents.xlsx');
    await writeResidentXlsx(file, residents);
    await importResidents(env.ctx, file, 'xlsx', {
      scope: new Scope(['230108'], env.dialect),
      actor: SYSTEM_ACTOR,
      skipInvalid: false,
    });
    cookie = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const committee = await env.inject('POST', '/api/organizations', {
      cookie,
      body: { kind: 'committee', name: '青年社区党委', anchorRegionCode: QINGNIAN },
    });
    await env.inject('POST', '/api/organizations', {
      cookie,
      body: {
        kind: 'branch',
        name: '第一党支部',
        parentId: committee.body(organizationSchema).id,
        anchorRegionCode: QINGNIAN,
      },
    });
  });

  const upload = async (file: string) => {
    const form = multipartFile(file);
    const started = await env.app.inject({
      method: 'POST',
      url: '/api/members/import',
      headers: { ...form.headers, cookie },
      payload: form.payload,
    });
    expect(started.statusCode).toBe(202);
    const { id } = importJobSchema.parse(started.json());
    for (let i = 0; i < 200; i++) {
      const job = (await env.inject('GET', `/api/imports/${id}`, { cookie })).body(importJobSchema);
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('member import did not finish');
  };

  const tenMembers = () => {
    const random = seededRandom(5);
    const rows = residents
      .slice(0, 8)
      .map((r) => [r[0]!, r[1]!, r[3]!, '第一党支部', '正式党员', '在职', '2005-07-01', '']);
    // Two members who live outside the district: minimal records.
    rows.push([
      '区外甲',
      idNumber(random, { prefix: '110105' }),
      '',
      '第一党支部',
      '预备党员',
      '流动',
      '2024-03-01',
      '',
    ]);
    rows.push([
      '区外乙',
      idNumber(random, { prefix: '230102' }),
      '13900002222',
      '青年社区党委',
      '正式党员',
      '离退休',
      '1980-07-01',
      '先锋岗',
    ]);
    return rows;
  };

  it('rejects the whole file for a bad row, naming row and reason, and writes nothing', async () => {
    const rows = tenMembers();
    rows[2]![3] = '不存在的支部';
    rows[5]![4] = '积极分子';
    rows[7]![6] = '2999-01-01';
    const file = env.file('members-bad.xlsx');
    await writeMembersXlsx(file, rows);
    const job = await upload(file);
    expect(job).toMatchObject({ status: 'rejected', totalRows: 10, invalid: 3, created: 0, hasReport: true });
    const report = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/report`,
      headers: { cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    // Row number first, then the row's cells, then 错误原因; only the bad rows are listed.
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual([4, 7, 9]);
    const reasons = sheet.getColumn(MEMBER_HEADERS.length + 2).values.slice(2);
    expect(reasons).toEqual([
      '所属组织：组织不存在或不在您的管辖范围内',
      '人员类别：应为 正式党员、预备党员',
      '入党日期：应为不晚于今天的日期，如 2001-07-01',
    ]);
    const members = await env.database.db.selectFrom('members').select('id').execute();
    expect(members).toEqual([]);
  });

  it('imports ten members, links register persons, keeps outsiders out of the register, and re-imports without change', async () => {
    const file = env.file('members.xlsx');
    await writeMembersXlsx(file, tenMembers());
    expect(await upload(file)).toMatchObject({ status: 'succeeded', created: 10, invalid: 0 });
    const persons = await env.database.db.selectFrom('persons').select(['status']).execute();
    expect(persons.filter((p) => p.status === 'non_resident')).toHaveLength(2);
    expect(persons.filter((p) => p.status === 'active')).toHaveLength(12);
    expect(await upload(file)).toMatchObject({ status: 'succeeded', created: 0, unchanged: 10 });
    fs.rmSync(file);
  });
});
