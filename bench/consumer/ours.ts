// The consumer program on this package's client: create disks (AK/SK-signed) and wait for the job.
import { createEvsClient, unwrap, waitForEvsJob } from "../../src/index.js";

export async function main(baseUrl: string): Promise<string[]> {
  const evs = createEvsClient({
    baseUrl,
    projectId: process.env.BENCH_PROJECT,
    credentials: { ak: process.env.BENCH_AK ?? "", sk: process.env.BENCH_SK ?? "" },
  });
  const { job_id } = await unwrap(
    evs.POST("/v3/{project_id}/cloudvolumes", {
      body: { volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2 } },
    }),
  );
  const { volumeIds } = await waitForEvsJob(evs, job_id, { intervalMs: 10 });
  return volumeIds;
}

if (process.env.BENCH_BASE_URL) main(process.env.BENCH_BASE_URL).then((ids) => console.log(JSON.stringify(ids)));
