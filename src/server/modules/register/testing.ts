import { z } from 'zod';
import { importJobSchema } from '../../../shared/api/register.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import { multipartFile } from '../../testing/multipart.js';
import type { TestEnv } from '../../testing/test-env.js';

/** Fixtures of the register for tests elsewhere (the authorization matrix). */

/**
 * An import in `community`, uploaded by a grid worker of a new grid there and waited for: one of
 * its rows names a building that does not exist (9号楼), so the job keeps an error report.
 */
export async function finishedImportJob(env: TestEnv, community: string): Promise<{ id: string }> {
  const grid = await env.createRegion(community, 'grid', '导入网格');
  await env.createRegion(grid, 'building', '1号楼');
  const worker = await env.loginAs({ role: 'grid_worker', regionCode: grid });
  const file = env.file(`import-${community}.xlsx`);
  await writeResidentXlsx(
    file,
    residentRows({ count: 4, gridCode: grid, buildings: ['1号楼', '9号楼'], seed: 77 }),
  );
  const form = multipartFile(file);
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/imports?skipInvalid=true',
    headers: { ...form.headers, cookie: worker.cookie },
    payload: form.payload,
  });
  if (response.statusCode >= 300) throw new Error(`import: ${response.body}`);
  const id = z.object({ id: z.string() }).parse(response.json()).id;
  for (let i = 0; i < 200; i++) {
    const job = await env.inject('GET', `/api/imports/${id}`, { cookie: worker.cookie });
    if (job.body(importJobSchema).status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { id };
}
