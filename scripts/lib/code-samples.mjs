// The code samples of the rendered docs (Redoc's `x-codeSamples`, the
// right-hand panel): for every operation, a curl command and a TypeScript
// program using this package's client, written from the description itself,
// so an operation added to spec/ gets its samples with no work of its own.
//
// What a sample sends comes from the operation: its method and path, the
// server's URL with the region variable's default, each required parameter's
// `example`, and the request body's first named example (the one Redoc shows
// first). When the success answer carries a `job_id`, the TypeScript sample
// waits for the job with the service's waiter. The comments are in the page's
// language; the code is the same in every language.
//
// test/docs/code-samples.test.ts type-checks every TypeScript sample in strict
// mode and runs every sample against the mock; the browser test finds them on
// the pages.
import { resolveRef as deref, eachOperation } from "./openapi.mjs";

/** What the samples need to know about each service's client. */
export const sampleClients = /** @type {const} */ ({
  evs: { factory: "createEvsClient", variable: "evs", jobWaiter: "waitForEvsJob", jobResult: "volumeIds" },
  ims: { factory: "createImsClient", variable: "ims", jobWaiter: "waitForImsJob", jobResult: "imageId" },
});

/**
 * The samples' names, in the order the panel's menu lists them. Redoc shows
 * only the samples whose name is in its `codeSamples.languages` option
 * (scripts/docs.mjs passes these).
 */
export const sampleLabels = /** @type {const} */ (["curl", "TypeScript"]);

/** The package the TypeScript samples import. */
export const packageName = "huaweicloud-evs-ims-openapi";

/** The environment variables the samples read: the official SDKs' names, and a token for curl (which cannot sign). */
export const sampleEnvironment = /** @type {const} */ ({
  token: "HUAWEICLOUD_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
});

const comments = {
  en: {
    curlToken: [
      `An IAM token in ${sampleEnvironment.token} (from POST https://iam.{region}.myhuaweicloud.com/v3/auth/tokens,`,
      "its X-Subject-Token header). Use your region's endpoint.",
    ],
    curlProject: `The project ID in ${sampleEnvironment.projectId}.`,
    tsCredentials: [
      `AK/SK from ${sampleEnvironment.ak} and ${sampleEnvironment.sk}, the project from ${sampleEnvironment.projectId}:`,
      "the client signs every request. Use your region.",
    ],
    waitForJob: "Asynchronous: wait until the job ends (throws JobFailedError if it fails).",
    jobMaybe: "A job follows only when the answer has a job_id.",
  },
  "zh-CN": {
    curlToken: [
      `IAM token 放在 ${sampleEnvironment.token} 中（调用 POST https://iam.{region}.myhuaweicloud.com/v3/auth/tokens 获取，`,
      "即响应头 X-Subject-Token 的值）。请使用您所在区域的终端节点。",
    ],
    curlProject: `项目 ID 放在 ${sampleEnvironment.projectId} 中。`,
    tsCredentials: [
      `AK/SK 取自 ${sampleEnvironment.ak} 和 ${sampleEnvironment.sk}，项目 ID 取自 ${sampleEnvironment.projectId}；`,
      "客户端会为每个请求签名。请使用您所在的区域。",
    ],
    waitForJob: "异步操作：等待任务结束（任务失败时抛出 JobFailedError）。",
    jobMaybe: "只有响应中带有 job_id 时才有任务需要等待。",
  },
};

/** @typedef {keyof typeof comments} Lang */
/** @typedef {{ lang: "Shell" | "TypeScript", label: (typeof sampleLabels)[number], source: string }} CodeSample */

/**
 * The samples of one operation.
 * @param {any} doc the bundle (English, or translated: the summaries go into the comments)
 * @param {keyof typeof sampleClients} service
 * @param {Lang} lang
 * @param {string} template the operation's path template
 * @param {string} method its method, in either case
 * @returns {CodeSample[]}
 */
export function operationSamples(doc, service, lang, template, method) {
  const entry = eachOperation(doc).find((candidate) => candidate.template === template && candidate.method === method.toLowerCase());
  if (!entry) throw new Error(`no operation ${method.toUpperCase()} ${template}`);
  return samplesOf(doc, service, lang, entry);
}

/**
 * @param {any} doc @param {keyof typeof sampleClients} service @param {Lang} lang
 * @param {ReturnType<typeof eachOperation>[number]} entry
 * @returns {CodeSample[]}
 */
function samplesOf(doc, service, lang, entry) {
  const request = describeRequest(doc, entry);
  return [
    { lang: "Shell", label: "curl", source: curlSample(lang, request) },
    { lang: "TypeScript", label: "TypeScript", source: typeScriptSample(service, lang, request) },
  ];
}

/**
 * The document with `x-codeSamples` on every operation.
 * @template T
 * @param {T} doc @param {keyof typeof sampleClients} service @param {Lang} lang @returns {T}
 */
export function withCodeSamples(doc, service, lang) {
  const copy = /** @type {any} */ (structuredClone(doc));
  for (const entry of eachOperation(copy)) entry.operation["x-codeSamples"] = samplesOf(copy, service, lang, entry);
  return copy;
}

/**
 * What a sample of the operation sends, and what it gets.
 * @param {any} doc @param {ReturnType<typeof eachOperation>[number]} entry
 */
function describeRequest(doc, { template: path, method, item, operation }) {
  const where = `${method.toUpperCase()} ${path} (${operation.operationId})`;
  const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(doc, parameter));
  /** @type {{ name: string, in: string, value: unknown }[]} */
  const sent = [];
  for (const parameter of parameters) {
    // The client fills in the project; curl takes it from the environment.
    if (!parameter.required || (parameter.in === "path" && parameter.name === "project_id")) continue;
    const schema = deref(doc, parameter.schema);
    const value = parameter.example ?? schema?.example ?? schema?.examples?.[0];
    if (value === undefined) throw new Error(`${where}: required parameter ${parameter.name} has no example, which its code samples send`);
    sent.push({ name: parameter.name, in: parameter.in, value });
  }

  const content = deref(doc, operation.requestBody)?.content;
  /** @type {unknown} */
  let body;
  if (content) {
    const json = content["application/json"];
    if (!json) throw new Error(`${where}: the code samples send JSON bodies only, not ${Object.keys(content).join(", ")}`);
    const [first] = Object.values(json.examples ?? {});
    body = first ? deref(doc, first).value : json.example;
    if (body === undefined) throw new Error(`${where}: the request body has no example, which its code samples send`);
  }

  const [status, response] = Object.entries(operation.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  if (!status) throw new Error(`${where}: no 2xx response`);
  const schema = deref(doc, deref(doc, response)?.content?.["application/json"]?.schema);
  // A call that answers with a `job_id` starts a job (a GET that has one only reports on it).
  const job = method === "get" ? undefined : schemaProperty(doc, schema, "job_id");

  const server = doc.servers?.[0];
  if (!server?.url) throw new Error(`${doc.info?.title}: no server, which the code samples call`);
  const baseUrl = server.url.replace(/\{(\w+)\}/g, (/** @type {string} */ _, /** @type {string} */ name) => {
    const fallback = server.variables?.[name]?.default;
    if (fallback === undefined) throw new Error(`server variable ${name} has no default`);
    return fallback;
  });
  const region = server.variables?.region?.default;
  if (typeof region !== "string") throw new Error(`${doc.info?.title}: the server has no region variable with a default`);

  return { path, method, operation, where, sent, body, status: Number(status), job, baseUrl, region };
}

/**
 * Whether a response schema has the property, and whether every answer has
 * it: through allOf (any part may require it) and anyOf/oneOf (each answer
 * must).
 * @param {any} doc @param {any} schema @param {string} name
 * @returns {{ required: boolean } | undefined}
 */
function schemaProperty(doc, schema, name) {
  if (!schema) return undefined;
  const look = (/** @type {any} */ part) => schemaProperty(doc, deref(doc, part), name);
  const own =
    schema.properties && Object.hasOwn(schema.properties, name) ? { required: (schema.required ?? []).includes(name) } : undefined;
  const parts = [own, ...(schema.allOf ?? []).map(look)].filter((part) => part !== undefined);
  const choices = (schema.anyOf ?? schema.oneOf ?? []).map(look);
  const inChoices = choices.some((/** @type {any} */ choice) => choice !== undefined);
  if (parts.length === 0 && !inChoices) return undefined;
  const alwaysInChoices = choices.length > 0 && choices.every((/** @type {any} */ choice) => choice?.required);
  return { required: parts.some((part) => part.required) || alwaysInChoices };
}

/** @param {string} text */
const shellQuote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/** @param {Lang} lang @param {ReturnType<typeof describeRequest>} request */
function curlSample(lang, request) {
  const say = comments[lang];
  const path = request.path.replace(/\{(\w+)\}/g, (/** @type {string} */ _, /** @type {string} */ name) => {
    if (name === "project_id") return `\${${sampleEnvironment.projectId}}`;
    const parameter = request.sent.find((candidate) => candidate.in === "path" && candidate.name === name);
    if (!parameter) throw new Error(`${request.where}: path parameter ${name} is not described`);
    return encodeURIComponent(String(parameter.value));
  });
  const query = request.sent
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(parameter.value))}`)
    .join("&");
  const lines = [
    `curl -sS -i -X ${request.method.toUpperCase()} "${request.baseUrl}${path}${query ? `?${query}` : ""}"`,
    `-H "X-Auth-Token: \${${sampleEnvironment.token}}"`,
    ...request.sent
      .filter((parameter) => parameter.in === "header")
      .map((parameter) => `-H ${shellQuote(`${parameter.name}: ${parameter.value}`)}`),
  ];
  if (request.body !== undefined) {
    // The JSON indented under the command it belongs to.
    lines.push("-H 'Content-Type: application/json'", `-d ${shellQuote(JSON.stringify(request.body, null, 2).replaceAll("\n", "\n  "))}`);
  }
  return [
    `# ${summaryOf(request)}`,
    ...say.curlToken.map((line) => `# ${line}`),
    ...(request.path.includes("{project_id}") ? [`# ${say.curlProject}`] : []),
    lines.join(" \\\n  "),
    "",
  ].join("\n");
}

/** @param {ReturnType<typeof describeRequest>} request */
const summaryOf = (request) => `${request.operation.summary}: ${request.method.toUpperCase()} ${request.path}`;

/**
 * @param {keyof typeof sampleClients} service @param {Lang} lang
 * @param {ReturnType<typeof describeRequest>} request
 */
function typeScriptSample(service, lang, request) {
  const say = comments[lang];
  const client = sampleClients[service];
  const imports = [client.factory, "unwrap", ...(request.job ? [client.jobWaiter] : [])];

  /** @type {Record<string, Record<string, unknown>>} */
  const params = {};
  for (const parameter of request.sent) {
    const group = params[parameter.in] ?? {};
    params[parameter.in] = group;
    group[parameter.name] = parameter.value;
  }
  /** @type {Record<string, unknown>} */
  const init = {};
  if (Object.keys(params).length) init.params = params;
  if (request.body !== undefined) init.body = request.body;
  const call = `${client.variable}.${request.method.toUpperCase()}(${JSON.stringify(request.path)}${Object.keys(init).length ? `, ${literal(init, 2)}` : ""})`;

  const lines = [
    `import { ${imports.join(", ")} } from ${JSON.stringify(packageName)};`,
    "",
    ...say.tsCredentials.map((line) => `// ${line}`),
    `const ${client.variable} = ${client.factory}({ region: ${JSON.stringify(request.region)} });`,
    "",
    `// ${summaryOf(request)}`,
    `const result = await unwrap(`,
    `  ${call},`,
    `);`,
  ];
  if (!request.job) {
    lines.push("console.log(result);");
  } else {
    const wait = [
      `// ${say.waitForJob}`,
      `const { ${client.jobResult} } = await ${client.jobWaiter}(${client.variable}, result.job_id);`,
      `console.log(${client.jobResult});`,
    ];
    if (request.job.required) lines.push(...wait);
    // `in` first: where some answers have no job_id (an order, say), it picks the ones that do.
    else {
      lines.push(
        `// ${say.jobMaybe}`,
        'if ("job_id" in result && result.job_id !== undefined) {',
        ...wait.map((line) => `  ${line}`),
        "} else {",
        "  console.log(result);",
        "}",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A JSON value as a TypeScript literal: identifier keys unquoted, two-space
 * indentation continuing from `indent`.
 * @param {unknown} value @param {number} indent
 * @returns {string}
 */
function literal(value, indent) {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${pad}  ${literal(item, indent + 2)},`).join("\n")}\n${pad}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const key = (/** @type {string} */ name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
    return `{\n${entries.map(([name, child]) => `${pad}  ${key(name)}: ${literal(child, indent + 2)},`).join("\n")}\n${pad}}`;
  }
  return JSON.stringify(value);
}
