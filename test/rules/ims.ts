// The documented rules of the IMS create-image request
// (ims/create-image.current.md, seed 004, ims/image-attributes.md,
// ims/image-tag-format.md).
import { type PageQuery, type ParameterRule, type Rule, repeat, without } from "./types.js";

const fromServer = (fields: Record<string, unknown> = {}) => ({
  name: "web-base",
  instance_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
  ...fields,
});
const serverDataImage = (fields: Record<string, unknown> = {}) => ({
  name: "web-data",
  volume_id: "c5dfbd0c-bf0a-4798-a453-61dc6b54aa30",
  ...fields,
});
const fromObsFile = (fields: Record<string, unknown> = {}) => ({
  name: "centos-file",
  image_url: "ims-image:centos70.qcow2",
  min_disk: 40,
  ...fields,
});
const obsDataImage = (fields: Record<string, unknown> = {}) => ({
  image_url: "ims-image:data.qcow2",
  min_disk: 100,
  ...fields,
});
const fromDataVolume = (fields: Record<string, unknown> = {}) => ({
  name: "from-volume",
  volume_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
  os_version: "CentOS 7.0 64bit",
  ...fields,
});

export const createImageRules: Rule[] = [
  {
    rule: "a request has a source: instance_id, data_images, image_url or volume_id",
    valid: fromServer(),
    invalid: { name: "no-source" },
    violation: { path: "", keyword: "oneOf" },
  },
  {
    rule: "an image from a server needs a name",
    valid: fromServer(),
    invalid: without(fromServer(), "name"),
    violation: { path: "", keyword: "required", mentions: "name" },
  },
  {
    rule: "an image name is at most 128 characters",
    valid: fromServer({ name: repeat("a", 128) }),
    invalid: fromServer({ name: repeat("a", 129) }),
    violation: { path: "/name", keyword: "maxLength" },
  },
  {
    rule: "an image name does not start or end with a space",
    valid: fromServer({ name: "web base" }),
    invalid: fromServer({ name: " web base" }),
    violation: { path: "/name", keyword: "pattern" },
  },
  {
    rule: "an image name has letters, Chinese, digits, -, ., _ and spaces only",
    valid: fromServer({ name: "镜像 web-1.0_a" }),
    invalid: fromServer({ name: "web@base" }),
    violation: { path: "/name", keyword: "pattern" },
  },
  {
    rule: "a description is at most 1024 characters",
    valid: fromServer({ description: repeat("d", 1024) }),
    invalid: fromServer({ description: repeat("d", 1025) }),
    violation: { path: "/description", keyword: "maxLength" },
  },
  {
    rule: "a description has no line break",
    valid: fromServer({ description: "云服务器制作系统盘镜像" }),
    invalid: fromServer({ description: "line one\nline two" }),
    violation: { path: "/description", keyword: "pattern" },
  },
  {
    rule: "a description has no < or >",
    valid: fromServer({ description: "a = b" }),
    invalid: fromServer({ description: "<b>bold</b>" }),
    violation: { path: "/description", keyword: "pattern" },
  },
  {
    rule: "only one of tags and image_tags (from a server)",
    valid: fromServer({ image_tags: [{ key: "k", value: "v" }] }),
    invalid: fromServer({ tags: ["k.v"], image_tags: [{ key: "k", value: "v" }] }),
    violation: { path: "/image_tags", keyword: "false schema" },
  },
  {
    rule: "only one of tags and image_tags (from an OBS file)",
    valid: fromObsFile({ tags: ["k.v"] }),
    invalid: fromObsFile({ tags: ["k.v"], image_tags: [{ key: "k", value: "v" }] }),
    violation: { path: "/image_tags", keyword: "false schema" },
  },
  {
    rule: "only one of tags and image_tags (from a data volume)",
    valid: fromDataVolume({ tags: ["k.v"] }),
    invalid: fromDataVolume({ tags: ["k.v"], image_tags: [{ key: "k", value: "v" }] }),
    violation: { path: "/image_tags", keyword: "false schema" },
  },
  {
    rule: "only one of tags and image_tags (in a server's data image)",
    valid: { data_images: [serverDataImage({ tags: ["k.v"] })] },
    invalid: { data_images: [serverDataImage({ tags: ["k.v"], image_tags: [{ key: "k", value: "v" }] })] },
    violation: { path: "/data_images/0/image_tags", keyword: "false schema" },
  },
  {
    rule: "a tag is key.value with a key of letters, digits, _, - and Chinese",
    valid: fromServer({ tags: ["环境.测试", "owner.team.a", "flag"] }),
    invalid: fromServer({ tags: [".value"] }),
    violation: { path: "/tags/0", keyword: "pattern" },
  },
  {
    rule: "a tag key is at most 36 characters",
    valid: fromServer({ tags: [`${repeat("k", 36)}.v`] }),
    invalid: fromServer({ tags: [`${repeat("k", 37)}.v`] }),
    violation: { path: "/tags/0", keyword: "pattern" },
  },
  {
    rule: "a tag value is at most 43 characters",
    valid: fromServer({ tags: [`k.${repeat("v", 43)}`] }),
    invalid: fromServer({ tags: [`k.${repeat("v", 44)}`] }),
    violation: { path: "/tags/0", keyword: "pattern" },
  },
  {
    rule: "an image_tags key is 1 to 36 characters",
    valid: fromServer({ image_tags: [{ key: repeat("k", 36), value: "" }] }),
    invalid: fromServer({ image_tags: [{ key: "", value: "v" }] }),
    violation: { path: "/image_tags/0/key", keyword: "minLength" },
  },
  {
    rule: "an image_tags value is at most 43 characters of the documented set",
    valid: fromServer({ image_tags: [{ key: "k", value: "v1.0_测试-a" }] }),
    invalid: fromServer({ image_tags: [{ key: "k", value: "v 1" }] }),
    violation: { path: "/image_tags/0/value", keyword: "pattern" },
  },
  {
    rule: "an image_tags entry has a key and a value",
    valid: fromServer({ image_tags: [{ key: "k", value: "" }] }),
    invalid: fromServer({ image_tags: [{ key: "k" }] }),
    violation: { path: "/image_tags/0", keyword: "required", mentions: "value" },
  },
  {
    rule: "a server's data image needs a name",
    valid: { data_images: [serverDataImage()] },
    invalid: { data_images: [without(serverDataImage(), "name")] },
    violation: { path: "/data_images/0", keyword: "required", mentions: "name" },
  },
  {
    rule: "a server's data image needs a volume_id",
    valid: fromServer({ data_images: [serverDataImage()] }),
    invalid: fromServer({ data_images: [without(serverDataImage(), "volume_id")] }),
    violation: { path: "/data_images/0", keyword: "required", mentions: "volume_id" },
  },
  {
    rule: "data-disk images from a server need no instance_id; with one, the system image needs a name",
    valid: { data_images: [serverDataImage()] },
    invalid: { instance_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a", data_images: [serverDataImage()] },
    violation: { path: "", keyword: "required", mentions: "name" },
  },
  {
    rule: "image_url is <bucket>:<file>",
    valid: fromObsFile({ image_url: "my-bucket:images/centos.qcow2" }),
    invalid: fromObsFile({ image_url: "centos.qcow2" }),
    violation: { path: "/image_url", keyword: "pattern" },
  },
  {
    rule: "an image from an OBS file needs min_disk",
    valid: fromObsFile(),
    invalid: without(fromObsFile(), "min_disk"),
    violation: { path: "", keyword: "required", mentions: "min_disk" },
  },
  {
    rule: "min_disk of a system image file is at least 40 GB",
    valid: fromObsFile({ min_disk: 40 }),
    invalid: fromObsFile({ min_disk: 39 }),
    violation: { path: "/min_disk", keyword: "minimum" },
  },
  {
    rule: "min_disk of a system image file is at most 1024 GB",
    valid: fromObsFile({ min_disk: 1024 }),
    invalid: fromObsFile({ min_disk: 1025 }),
    violation: { path: "/min_disk", keyword: "maximum" },
  },
  {
    rule: "os_version is required for quick import",
    valid: fromObsFile({ is_quick_import: true, os_version: "CentOS 7.0 64bit" }),
    invalid: fromObsFile({ is_quick_import: true }),
    violation: { path: "", keyword: "required", mentions: "os_version" },
  },
  {
    rule: "os_version is required for an ISO file",
    valid: fromObsFile({ type: "IsoImage", os_version: "CentOS 7.0 64bit" }),
    invalid: fromObsFile({ type: "IsoImage" }),
    violation: { path: "", keyword: "required", mentions: "os_version" },
  },
  {
    rule: "os_version is required for an .iso image file",
    valid: fromObsFile({ image_url: "ims-image:ubuntu.ISO", os_version: "Ubuntu 18.04 server 64bit" }),
    invalid: fromObsFile({ image_url: "ims-image:ubuntu.ISO" }),
    violation: { path: "", keyword: "required", mentions: "os_version" },
  },
  {
    rule: "os_type is Linux, Windows or Other",
    valid: fromObsFile({ os_type: "Windows" }),
    invalid: fromObsFile({ os_type: "linux" }),
    violation: { path: "/os_type", keyword: "enum" },
  },
  {
    rule: "architecture is x86 or arm",
    valid: fromObsFile({ architecture: "arm" }),
    invalid: fromObsFile({ architecture: "arm64" }),
    violation: { path: "/architecture", keyword: "enum" },
  },
  {
    rule: "the type of an image from a file is ECS, BMS, FusionCompute, Ironic or IsoImage",
    valid: fromObsFile({ type: "Ironic" }),
    invalid: fromObsFile({ type: "KVM" }),
    violation: { path: "/type", keyword: "enum" },
  },
  {
    rule: "is_config is a boolean",
    valid: fromObsFile({ is_config: true }),
    invalid: fromObsFile({ is_config: "true" }),
    violation: { path: "/is_config", keyword: "type" },
  },
  {
    rule: "at most 3 data-disk image files",
    valid: fromObsFile({ data_images: [obsDataImage(), obsDataImage(), obsDataImage()] }),
    invalid: fromObsFile({ data_images: [obsDataImage(), obsDataImage(), obsDataImage(), obsDataImage()] }),
    violation: { path: "/data_images", keyword: "maxItems" },
  },
  {
    rule: "min_disk of a data-disk image file is at least 1 GB",
    valid: fromObsFile({ data_images: [obsDataImage({ min_disk: 1 })] }),
    invalid: fromObsFile({ data_images: [obsDataImage({ min_disk: 0 })] }),
    violation: { path: "/data_images/0/min_disk", keyword: "minimum" },
  },
  {
    rule: "min_disk of a data-disk image file is at most 2048 GB",
    valid: fromObsFile({ data_images: [obsDataImage({ min_disk: 2048 })] }),
    invalid: fromObsFile({ data_images: [obsDataImage({ min_disk: 2049 })] }),
    violation: { path: "/data_images/0/min_disk", keyword: "maximum" },
  },
  {
    rule: "data-disk images without a server need at least one disk",
    valid: fromObsFile({ data_images: [] }),
    invalid: { data_images: [] },
    violation: { path: "/data_images", keyword: "minItems" },
  },
  {
    rule: "a data-disk image file needs image_url",
    valid: fromObsFile({ data_images: [obsDataImage()] }),
    invalid: fromObsFile({ data_images: [without(obsDataImage(), "image_url")] }),
    violation: { path: "/data_images/0", keyword: "required", mentions: "image_url" },
  },
  {
    rule: "a system image from a data volume needs os_version",
    valid: fromDataVolume(),
    invalid: without(fromDataVolume(), "os_version"),
    violation: { path: "", keyword: "required", mentions: "os_version" },
  },
  {
    rule: "the type of an image from a data volume is ECS, BMS, FusionCompute or Ironic",
    valid: fromDataVolume({ type: "BMS" }),
    invalid: fromDataVolume({ type: "IsoImage" }),
    violation: { path: "/type", keyword: "enum" },
  },
  {
    rule: "enterprise_project_id is 0 or a UUID",
    valid: fromServer({ enterprise_project_id: "0" }),
    invalid: fromServer({ enterprise_project_id: "default" }),
    violation: { path: "/enterprise_project_id", keyword: "pattern" },
  },
  {
    rule: "min_ram is an integer",
    valid: fromServer({ min_ram: 1024 }),
    invalid: fromServer({ min_ram: "1024" }),
    violation: { path: "/min_ram", keyword: "type" },
  },
  {
    rule: "each form accepts only its documented fields",
    valid: fromServer(),
    invalid: fromServer({ instanceId: "877a2cda" }),
    violation: { path: "", keyword: "unevaluatedProperties", mentions: "instanceId" },
  },
  {
    rule: "fields of another form are not accepted (no image_url from a server)",
    valid: fromServer({ max_ram: 4096 }),
    invalid: fromServer({ image_url: "ims-image:centos70.qcow2" }),
    violation: { path: "", keyword: "unevaluatedProperties", mentions: "image_url" },
  },
].map((rule) => ({ ...rule, operation: "createImage" as const }));

// The query parameters of GET /v2/cloudimages (ims/list-images.md, 表 1).
const project = "1bed856811654c1cb661a6ca845ebc77";
/** A rule of one query parameter of listImages: the value that obeys, the one that breaks, the keyword. */
const param = (rule: string, name: string, valid: string, invalid: string, keyword: string): ParameterRule => ({
  rule,
  service: "ims",
  operationId: "listImages",
  in: "query",
  name,
  valid,
  invalid,
  keyword,
});
const supportFlags = [
  "__support_kvm",
  "__support_xen",
  "__support_largememory",
  "__support_diskintensive",
  "__support_highperformance",
  "__support_xen_hana",
  "__support_kvm_infiniband",
];

/** The rules of the IMS operations' query and header parameters: the image list's filters. */
export const imsParameterRules: ParameterRule[] = [
  param("limit is an integer", "limit", "1", "one", "type"),
  param("limit is a whole number", "limit", "500", "1.5", "type"),
  param("min_ram is an integer", "min_ram", "0", "2GB", "type"),
  param("min_disk is an integer", "min_disk", "40", "40GB", "type"),
  param("min_disk is at least 1 GB (a data-disk image's least)", "min_disk", "1", "0", "minimum"),
  param("min_disk is at most 2048 GB (a data-disk image's most)", "min_disk", "2048", "2049", "maximum"),
  param("protected is a boolean", "protected", "true", "yes", "type"),
  param("__whole_image is a boolean", "__whole_image", "false", "no", "type"),
  param("__isregistered is true or false", "__isregistered", "true", "1", "enum"),
  param("__imagetype is gold, private, shared or market", "__imagetype", "market", "public", "enum"),
  param("visibility is public, private or shared", "visibility", "shared", "gold", "enum"),
  param("status is queued, saving, active, killed or deleted", "status", "killed", "ready", "enum"),
  param("container_format is bare", "container_format", "bare", "ovf", "enum"),
  param("disk_format is vhd, zvhd, zvhd2, raw, qcow2 or iso", "disk_format", "zvhd2", "vmdk", "enum"),
  param("__os_bit is 32 or 64", "__os_bit", "32", "128", "enum"),
  param("__platform is one of the listed platforms", "__platform", "Huawei Cloud EulerOS", "Windows Server", "enum"),
  param("sort_key is one of the sortable attributes", "sort_key", "size", "owner", "enum"),
  param("sort_dir is asc or desc, in lower case", "sort_dir", "asc", "ASC", "enum"),
  param("__os_type is Linux, Windows or Other", "__os_type", "Other", "linux", "enum"),
  param("member_status is accepted, rejected or pending", "member_status", "pending", "declined", "enum"),
  param("virtual_env_type is FusionCompute, Ironic, DataImage or IsoImage", "virtual_env_type", "IsoImage", "KVM", "enum"),
  param("architecture is x86 or arm", "architecture", "arm", "arm64", "enum"),
  ...supportFlags.map((flag) => param(`${flag} is true or left out`, flag, "true", "false", "enum")),
  param("tag is Key=Value, not the key.value of the tag itself", "tag", "a=b", "a.b", "pattern"),
  param("tag may have an empty value", "tag", "a=", "=b", "pattern"),
  param("a tag key is at most 36 characters", "tag", `${repeat("k", 36)}=v`, `${repeat("k", 37)}=v`, "pattern"),
  param("a tag value is at most 43 characters", "tag", `k=${repeat("v", 43)}`, `k=${repeat("v", 44)}`, "pattern"),
  param("enterprise_project_id is 0, a UUID or all_granted_eps", "enterprise_project_id", "all_granted_eps", "default", "pattern"),
  param("enterprise_project_id may be a UUID", "enterprise_project_id", "b1a40a66-41a2-4ef4-a6e5-9c7f3c7e5f50", "b1a40a66", "pattern"),
  param("created_at is <operator>:<UTC time>", "created_at", "gte:2018-10-28T10:00:00Z", "2018-10-28T10:00:00Z", "pattern"),
  param("created_at takes the documented operators only", "created_at", "neq:2018-10-28 10:00:00", "ge:2018-10-28 10:00:00", "pattern"),
  param("updated_at is <operator>:<UTC time>", "updated_at", "lt:2018-10-28T10:00:00Z", "lt:2018-10-28T10:00", "pattern"),
  param("name follows the image-name rules: no leading space", "name", "CentOS 7.3 64bit", " CentOS", "pattern"),
  param("name is at most 128 characters", "name", repeat("n", 128), repeat("n", 129), "maxLength"),
];

/** The page's request and the common queries it lists, each to be accepted as it is. */
const pageQueries: Array<Omit<PageQuery, "operationId">> = [
  { name: "the page's request example", query: { __imagetype: "gold", sort_key: "name", limit: "1" } },
  { name: "public images", query: { __imagetype: "gold", visibility: "public", protected: "true" } },
  { name: "private images", query: { owner: project } },
  { name: "shared images accepted", query: { member_status: "accepted", visibility: "shared", __imagetype: "shared" } },
  { name: "shared images rejected", query: { member_status: "rejected", visibility: "shared", __imagetype: "shared" } },
  { name: "shared images not yet accepted", query: { member_status: "pending", visibility: "shared", __imagetype: "shared" } },
  { name: "public images of a bare metal flavor", query: { __imagetype: "gold", __support_s4l: "true", virtual_env_type: "Ironic" } },
  { name: "images created before a time (created_at row)", query: { created_at: "lt:2018-10-28T10:00:00Z" } },
  { name: "images updated before a time (updated_at row)", query: { updated_at: "lt:2018-10-28T10:00:00Z" } },
  { name: "a tag added as a.b (tag row)", query: { tag: "a=b" } },
];
export const listImagesPageQueries: PageQuery[] = pageQueries.map((query) => ({ ...query, operationId: "listImages" }));
