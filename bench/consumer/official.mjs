// The same consumer program on the official SDK core's request path:
// BasicCredentials (AK/SK) + ClientBuilder/HcClient (AKSKSigner) + DefaultHttpClient (axios).
// A service client written the way the generated official service SDKs write theirs. The client
// benchmark (bench/client.mjs) sends its requests through createOfficialEvsClient too.

import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import { ClientBuilder } from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";

/** @typedef {import("@huaweicloud/huaweicloud-sdk-core/SdkResponse.js").SdkResponse} SdkResponse */
/** @typedef {import("../../generated/evs.js").components["schemas"]} Schemas */

class EvsClient {
  /** @param {import("@huaweicloud/huaweicloud-sdk-core/HcClient.js").HcClient} hcClient */
  constructor(hcClient) {
    this.hcClient = hcClient;
  }
  /**
   * @param {Schemas["CreateVolumesRequest"]} body
   * @returns {Promise<SdkResponse & Schemas["CreateVolumesResponse"]>}
   */
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
  /**
   * @param {string} jobId
   * @returns {Promise<SdkResponse & Schemas["EvsJob"]>}
   */
  showJob(jobId) {
    // @ts-expect-error no contentType: a GET sends no body, though the SDK's type asks for one
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

/** @typedef {{ entities: { sub_jobs: Array<{ entities: { volume_id: string } }> } }} FinishedBatch */

/** @param {string} baseUrl @returns {Promise<string[]>} */
export async function main(baseUrl) {
  // bench/footprint.mjs sets the three with BENCH_BASE_URL.
  const client = createOfficialEvsClient({
    baseUrl,
    ak: /** @type {string} */ (process.env.BENCH_AK),
    sk: /** @type {string} */ (process.env.BENCH_SK),
    projectId: /** @type {string} */ (process.env.BENCH_PROJECT),
  });
  const { job_id } = await client.createVolume({ volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 40, count: 2 } });
  for (let interval = 10; ; interval = Math.min(interval * 2, 2000)) {
    const job = await client.showJob(job_id);
    // A finished batch create has a sub-job per disk, each naming its disk.
    if (job.status === "SUCCESS") return /** @type {FinishedBatch} */ (job).entities.sub_jobs.map((sub) => sub.entities.volume_id);
    if (job.status === "FAIL") throw new Error(`job ${job_id} failed: ${job.fail_reason}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

if (process.env.BENCH_BASE_URL) main(process.env.BENCH_BASE_URL).then((ids) => console.log(JSON.stringify(ids)));
