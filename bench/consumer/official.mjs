// The same consumer program on the official SDK core's request path:
// BasicCredentials (AK/SK) + ClientBuilder/HcClient (AKSKSigner) + DefaultHttpClient (axios).
// A service client written the way the generated official service SDKs write theirs.
import { ClientBuilder } from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";

class EvsClient {
  constructor(hcClient) { this.hcClient = hcClient; }
  createVolume(body) {
    return this.hcClient.sendRequest({ method: "POST", url: "/v3/{project_id}/cloudvolumes", contentType: "application/json", pathParams: {}, queryParams: {}, headers: {}, data: body });
  }
  showJob(jobId) {
    return this.hcClient.sendRequest({ method: "GET", url: "/v1/{project_id}/jobs/{job_id}", pathParams: { job_id: jobId }, queryParams: {}, headers: {} });
  }
}

export async function main(baseUrl) {
  const credentials = new BasicCredentials().withAk(process.env.BENCH_AK).withSk(process.env.BENCH_SK).withProjectId(process.env.BENCH_PROJECT);
  const client = new ClientBuilder((hc) => new EvsClient(hc)).withCredential(credentials).withEndpoint(baseUrl).build();
  const { job_id } = await client.createVolume({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2 } });
  for (let interval = 10; ; interval = Math.min(interval * 2, 2000)) {
    const job = await client.showJob(job_id);
    if (job.status === "SUCCESS") return job.entities.sub_jobs.map((sub) => sub.entities.volume_id);
    if (job.status === "FAIL") throw new Error(`job ${job_id} failed: ${job.fail_reason}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

if (process.env.BENCH_BASE_URL) main(process.env.BENCH_BASE_URL).then((ids) => console.log(JSON.stringify(ids)));
