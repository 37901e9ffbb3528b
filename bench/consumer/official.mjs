// The same consumer program on the official SDK core's request path:
// BasicCredentials (AK/SK) + ClientBuilder/HcClient (AKSKSigner) + DefaultHttpClient (axios).
// A service client written the way the generated official service SDKs write theirs. The client
// benchmark (bench/client.mjs) sends its requests through createOfficialEvsClient too.

import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import { ClientBuilder } from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";

class EvsClient {
  constructor(hcClient) {
    this.hcClient = hcClient;
  }
  createVolume(body) {
    return this.hcClient.sendRequest({
      method: "POST",
      url: "/v3/{project_id}/cloudvolumes",
      contentType: "application/json",
      pathParams: {},
      queryParams: {},
      headers: {},
      data: body,
    });
  }
  showJob(jobId) {
    return this.hcClient.sendRequest({
      method: "GET",
      url: "/v1/{project_id}/jobs/{job_id}",
      pathParams: { job_id: jobId },
      queryParams: {},
      headers: {},
    });
  }
}

/** @param {{ baseUrl: string, ak: string, sk: string, projectId: string }} options */
export function createOfficialEvsClient({ baseUrl, ak, sk, projectId }) {
  const credentials = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
  return new ClientBuilder((hc) => new EvsClient(hc)).withCredential(credentials).withEndpoint(baseUrl).build();
}

export async function main(baseUrl) {
  const client = createOfficialEvsClient({
    baseUrl,
    ak: process.env.BENCH_AK,
    sk: process.env.BENCH_SK,
    projectId: process.env.BENCH_PROJECT,
  });
  const { job_id } = await client.createVolume({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2 } });
  for (let interval = 10; ; interval = Math.min(interval * 2, 2000)) {
    const job = await client.showJob(job_id);
    if (job.status === "SUCCESS") return job.entities.sub_jobs.map((sub) => sub.entities.volume_id);
    if (job.status === "FAIL") throw new Error(`job ${job_id} failed: ${job.fail_reason}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

if (process.env.BENCH_BASE_URL) main(process.env.BENCH_BASE_URL).then((ids) => console.log(JSON.stringify(ids)));
