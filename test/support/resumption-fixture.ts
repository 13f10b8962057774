import { expect } from 'vitest';
import type { TestApp, TestSession } from './app-fixture.ts';
import { PLACES } from './app-fixture.ts';

/** The enterprise condition list every test publishes (江西门槛 + 五不开工, both with sources). */
export const LIST_ID = 'jx-enterprise-test';
/** Sector of enterprise a (industry 39, 电子设备制造) on the published approval list: medium risk means 审批. */
export const APPROVAL_ITEM = 'JX-FG-39';

/** A multipart body with one file and text fields, for app.inject(). */
export function multipart(fileName: string, content: Buffer, type: string, fields: Record<string, string> = {}) {
  const boundary = `----resumption${content.length.toString(16)}x${fileName.length}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small valid PDF (the upload checks the signature). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** A tiny JPEG header (photos). */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

export async function upload(
  s: TestSession,
  purpose: string,
  fields: Record<string, string> = {},
): Promise<{ id: string; name: string }> {
  const photo = purpose === 'photo';
  const body = multipart(
    photo ? '现场照片.jpg' : '防控方案.pdf',
    photo ? JPEG : PDF,
    photo ? 'image/jpeg' : 'application/pdf',
    {
      purpose,
      ...fields,
    },
  );
  const res = await s.post('/api/resumption/files', body.payload, body.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * The configuration of a city on `today`: the condition list and the approval list published, lead departments for
 * 青山湖区 (its 工信局) and 东湖区, 青山湖区 medium risk and 东湖区 low risk from `today`.
 */
export async function setUpResumption(t: TestApp, admin: TestSession, today: string): Promise<void> {
  const ok = (res: { statusCode: number; body: string }, code = 200) => expect(res.statusCode, res.body).toBe(code);
  ok(
    await admin.post('/api/resumption/lists', {
      listId: LIST_ID,
      title: '江西省企业复工复产防控条件清单（测试）',
      riskLevels: ['low', 'medium', 'high'],
      jurisdiction: '江西省',
      templateIds: ['jx-gate', 'five-no-start', 'six-musts'],
    }),
    201,
  );
  ok(await admin.post(`/api/resumption/lists/${LIST_ID}/publish`, { publishedOn: today }));
  ok(
    await admin.post('/api/resumption/approval-lists', {
      publishedOn: today,
      items: [
        {
          code: APPROVAL_ITEM,
          name: '电子设备制造企业复工审批',
          sectors: ['39'],
          procedure: '牵头部门受理，相关部门并联审查',
          materials: ['复工复产方案', '疫情防控方案'],
          timeLimitWorkingDays: 2,
          legalBasis: '国办发明电〔2020〕6号',
        },
      ],
    }),
  );
  const { qsh, dh } = t.fixture.departments;
  ok(
    await admin.put('/api/resumption/lead-departments', {
      regionCode: PLACES.county,
      enterpriseType: '*',
      departmentId: qsh,
    }),
  );
  ok(
    await admin.put('/api/resumption/lead-departments', {
      regionCode: PLACES.otherCounty,
      enterpriseType: '*',
      departmentId: dh,
    }),
  );
  ok(
    await admin.post('/api/resumption/risk-levels', {
      areaCode: PLACES.county,
      level: 'medium',
      effectiveFrom: today,
      basis: '南昌市新冠肺炎疫情防控指挥部评估',
    }),
    201,
  );
  ok(
    await admin.post('/api/resumption/risk-levels', {
      areaCode: PLACES.otherCounty,
      level: 'low',
      effectiveFrom: today,
      basis: '南昌市新冠肺炎疫情防控指挥部评估',
    }),
    201,
  );
}

interface ListItem {
  id: string;
  kind: 'yes_no' | 'material' | 'number';
  number?: { min?: number };
}

/** Self-assessment answers that meet every item of the list (materials uploaded by the enterprise). */
export async function goodAnswers(ent: TestSession, items: readonly ListItem[]) {
  const answers: Record<string, unknown> = {};
  for (const item of items) {
    if (item.kind === 'yes_no') answers[item.id] = { kind: 'yes_no', value: true };
    else if (item.kind === 'number') answers[item.id] = { kind: 'number', value: Math.max(item.number?.min ?? 0, 1) };
    else answers[item.id] = { kind: 'material', files: [{ fileId: (await upload(ent, 'material')).id }] };
  }
  return answers;
}

/** A plan with key posts first and local staff first, starting on `startDate`. */
export function plan(startDate: string, normalHeadcount = 120) {
  return {
    normalHeadcount,
    batches: [
      { batchNo: 1, startDate, keyPostStaff: 20, otherLocalStaff: 40, otherNonLocalStaff: 0, fromKeyAreasStaff: 0 },
    ],
  };
}

/**
 * Files a complete application for the signed-in enterprise and submits it: draft, plan, prevention plan,
 * self-assessment, signed commitment letter, submit. Returns the application id and the submit response.
 */
export async function fileApplication(ent: TestSession, startDate: string) {
  const my = (await ent.get('/api/resumption/my')).json();
  const created = await ent.post('/api/resumption/applications', {});
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const prevention = await upload(ent, 'prevention_plan');
  const edit = await ent.post(`/api/resumption/applications/${id}/package`, {
    plan: plan(startDate),
    preventionPlan: { fileId: prevention.id },
    answers: await goodAnswers(ent, my.conditionList.items),
  });
  expect(edit.statusCode, edit.body).toBe(200);
  const signed = await ent.post(`/api/resumption/applications/${id}/commitment`, {
    signerName: '张测试',
    signerTitle: '总经理',
  });
  expect(signed.statusCode, signed.body).toBe(200);
  const submit = await ent.post(`/api/resumption/applications/${id}/submit`, {});
  return { id, submit, my };
}
