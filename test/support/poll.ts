import type { TestSession } from './app-fixture.ts';

/** Poll a job until it ends; tests never depend on how long it takes. */
export async function waitForJobDone(session: TestSession, jobId: number) {
  for (;;) {
    const job = (await session.get(`/api/jobs/${jobId}`)).json() as {
      status: string;
      message: string | null;
      result: unknown;
    };
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}
