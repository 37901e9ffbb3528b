// The documented rules of the EVS request bodies (evs/create-volumes.current.md,
// evs/create-volumes-v2.1.md, evs/export-volume-to-image.current.md,
// evs/export-volume-to-image-v2.md and seeds 000-003), and the fields the
// official Go SDK added to v2.1 since (spec/DECISIONS.md, D-V21Newer).
import { type OperationName, type ParameterRule, type Rule, repeat, without } from "./types.js";

type RuleData = Omit<Rule, "operation">;
const at =
  (operation: OperationName) =>
  (rule: RuleData): Rule => ({ ...rule, operation });

const cmkId = "37b0d52e-c249-40d6-83cb-2b93f22445bd";
const volume = (fields: Record<string, unknown>) => ({
  volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 100, ...fields },
});
/** A volume body without the default size, for the rules about sources. */
const sizeless = (fields: Record<string, unknown>) => ({ volume: without(volume(fields).volume, "size") });
const exportBody = (fields: Record<string, unknown>) => ({
  "os-volume_upload_image": { image_name: "disk-image", ...fields },
});

/** The volume rules both create APIs share (VolumeFields.yaml): each is checked at v3 and at v2.1. */
const sharedVolumeRules: RuleData[] = [
  {
    rule: "the body needs a volume",
    valid: volume({}),
    invalid: {},
    violation: { path: "", keyword: "required", mentions: "volume" },
  },
  {
    rule: "availability_zone is required",
    valid: volume({}),
    invalid: { volume: { volume_type: "SSD", size: 100 } },
    violation: { path: "/volume", keyword: "required", mentions: "availability_zone" },
  },
  {
    rule: "volume_type is required",
    valid: volume({}),
    invalid: { volume: { availability_zone: "az-dc-1", size: 100 } },
    violation: { path: "/volume", keyword: "required", mentions: "volume_type" },
  },
  {
    rule: "size is required for a blank disk",
    valid: sizeless({ backup_id: "b1" }),
    invalid: sizeless({}),
    violation: { path: "/volume", keyword: "required", mentions: "size" },
  },
  {
    rule: "size is required from a snapshot",
    valid: volume({ snapshot_id: "s1" }),
    invalid: sizeless({ snapshot_id: "s1" }),
    violation: { path: "/volume", keyword: "required", mentions: "size" },
  },
  {
    rule: "size is required from an image",
    valid: volume({ imageRef: "i1" }),
    invalid: sizeless({ imageRef: "i1" }),
    violation: { path: "/volume", keyword: "required", mentions: "size" },
  },
  {
    rule: "size is optional from a backup, and a null backup_id is no backup",
    valid: sizeless({ backup_id: "b1" }),
    invalid: sizeless({ backup_id: null }),
    violation: { path: "/volume", keyword: "required", mentions: "size" },
  },
  {
    rule: "size is at least 1 GB",
    valid: volume({ size: 1 }),
    invalid: volume({ size: 0 }),
    violation: { path: "/volume/size", keyword: "minimum" },
  },
  {
    rule: "size is at most 32768 GB",
    valid: volume({ size: 32768 }),
    invalid: volume({ size: 32769 }),
    violation: { path: "/volume/size", keyword: "maximum" },
  },
  {
    rule: "size is an integer, not a string",
    valid: volume({ size: 120 }),
    invalid: volume({ size: "120" }),
    violation: { path: "/volume/size", keyword: "type" },
  },
  {
    rule: "only one of backup_id and snapshot_id",
    valid: volume({ snapshot_id: "s1", backup_id: null }),
    invalid: volume({ backup_id: "b1", snapshot_id: "s1" }),
    violation: { path: "/volume/snapshot_id", keyword: "false schema" },
  },
  {
    rule: "only one of backup_id and imageRef",
    valid: volume({ imageRef: "i1" }),
    invalid: volume({ backup_id: "b1", imageRef: "i1" }),
    violation: { path: "/volume/imageRef", keyword: "false schema" },
  },
  {
    rule: "only one of snapshot_id and imageRef",
    valid: volume({ snapshot_id: "s1" }),
    invalid: volume({ snapshot_id: "s1", imageRef: "i1" }),
    violation: { path: "/volume/imageRef", keyword: "false schema" },
  },
  {
    rule: "count is at least 1",
    valid: volume({ count: 1 }),
    invalid: volume({ count: 0 }),
    violation: { path: "/volume/count", keyword: "minimum" },
  },
  {
    rule: "count is at most 100",
    valid: volume({ count: 100 }),
    invalid: volume({ count: 101 }),
    violation: { path: "/volume/count", keyword: "maximum" },
  },
  {
    rule: "count is only 1 from a backup",
    valid: volume({ backup_id: "b1", count: 1 }),
    invalid: volume({ backup_id: "b1", count: 2 }),
    violation: { path: "/volume/count", keyword: "maximum" },
  },
  {
    rule: "name is at most 255 characters",
    valid: volume({ name: repeat("n", 255) }),
    invalid: volume({ name: repeat("n", 256) }),
    violation: { path: "/volume/name", keyword: "maxLength" },
  },
  {
    rule: "name is at most 250 characters when count is above 1",
    valid: volume({ count: 2, name: repeat("n", 250) }),
    invalid: volume({ count: 2, name: repeat("n", 251) }),
    violation: { path: "/volume/name", keyword: "maxLength" },
  },
  {
    rule: "description is at most 255 characters",
    valid: volume({ description: repeat("d", 255) }),
    invalid: volume({ description: repeat("d", 256) }),
    violation: { path: "/volume/description", keyword: "maxLength" },
  },
  {
    rule: "multiattach is a boolean",
    valid: volume({ multiattach: true }),
    invalid: volume({ multiattach: "true" }),
    violation: { path: "/volume/multiattach", keyword: "type" },
  },
  {
    rule: "the volume accepts only documented fields",
    valid: volume({ enterprise_project_id: "0" }),
    invalid: volume({ volumeType: "SSD" }),
    violation: { path: "/volume", keyword: "unevaluatedProperties", mentions: "volumeType" },
  },
  {
    rule: "metadata values are never null",
    valid: volume({ metadata: { __system__encrypted: "0" } }),
    invalid: volume({ metadata: { __system__encrypted: null } }),
    violation: { path: "/volume/metadata/__system__encrypted", keyword: "type" },
  },
  {
    rule: "__system__encrypted is '0' or '1'",
    valid: volume({ metadata: { __system__encrypted: "1" } }),
    invalid: volume({ metadata: { __system__encrypted: "2" } }),
    violation: { path: "/volume/metadata/__system__encrypted", keyword: "enum" },
  },
  {
    rule: "__system__cmkid is exactly 36 characters",
    valid: volume({ metadata: { __system__encrypted: "1", __system__cmkid: cmkId } }),
    invalid: volume({ metadata: { __system__encrypted: "1", __system__cmkid: cmkId.slice(1) } }),
    violation: { path: "/volume/metadata/__system__cmkid", keyword: "minLength" },
  },
  {
    rule: "__system__cmkid needs __system__encrypted",
    valid: volume({ metadata: { __system__encrypted: "1", __system__cmkid: cmkId } }),
    invalid: volume({ metadata: { __system__cmkid: cmkId } }),
    violation: { path: "/volume/metadata", keyword: "required", mentions: "__system__encrypted" },
  },
  {
    rule: "__system__cmkid needs __system__encrypted set to '1'",
    valid: volume({ metadata: { __system__encrypted: "1", __system__cmkid: cmkId } }),
    invalid: volume({ metadata: { __system__encrypted: "0", __system__cmkid: cmkId } }),
    violation: { path: "/volume/metadata/__system__encrypted", keyword: "const" },
  },
  {
    rule: "hw:passthrough is 'true' or 'false'",
    valid: volume({ metadata: { "hw:passthrough": "false" } }),
    invalid: volume({ metadata: { "hw:passthrough": "yes" } }),
    violation: { path: "/volume/metadata/hw:passthrough", keyword: "enum" },
  },
  {
    rule: "full_clone is '0'",
    valid: volume({ snapshot_id: "s1", metadata: { full_clone: "0" } }),
    invalid: volume({ snapshot_id: "s1", metadata: { full_clone: "1" } }),
    violation: { path: "/volume/metadata/full_clone", keyword: "enum" },
  },
  {
    rule: "__system__encrypted is not allowed from a snapshot",
    valid: volume({ metadata: { __system__encrypted: "1" } }),
    invalid: volume({ snapshot_id: "s1", metadata: { __system__encrypted: "1" } }),
    violation: { path: "/volume/metadata/__system__encrypted", keyword: "false schema" },
  },
  {
    rule: "__system__cmkid is not allowed from an image",
    valid: volume({ metadata: { __system__encrypted: "1", __system__cmkid: cmkId } }),
    invalid: volume({ imageRef: "i1", metadata: { __system__encrypted: "1", __system__cmkid: cmkId } }),
    violation: { path: "/volume/metadata/__system__cmkid", keyword: "false schema" },
  },
  {
    rule: "hw:passthrough is not allowed from a snapshot",
    valid: volume({ metadata: { "hw:passthrough": "true" } }),
    invalid: volume({ snapshot_id: "s1", metadata: { "hw:passthrough": "true" } }),
    violation: { path: "/volume/metadata/hw:passthrough", keyword: "false schema" },
  },
  {
    rule: "hw:passthrough is not allowed from an image",
    valid: volume({ imageRef: "i1", metadata: { full_clone: "0" } }),
    invalid: volume({ imageRef: "i1", metadata: { "hw:passthrough": "true" } }),
    violation: { path: "/volume/metadata/hw:passthrough", keyword: "false schema" },
  },
  {
    rule: "at most 10 tags",
    valid: volume({ tags: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"])) }),
    invalid: volume({ tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }),
    violation: { path: "/volume/tags", keyword: "maxProperties" },
  },
  {
    rule: "a tag key is at most 36 characters",
    valid: volume({ tags: { [repeat("k", 36)]: "v" } }),
    invalid: volume({ tags: { [repeat("k", 37)]: "v" } }),
    violation: { path: "/volume/tags", keyword: "maxLength" },
  },
  {
    rule: "a tag key has letters, digits, _, - and Chinese only",
    valid: volume({ tags: { "环境_env-1": "v" } }),
    invalid: volume({ tags: { "env.name": "v" } }),
    violation: { path: "/volume/tags", keyword: "pattern" },
  },
  {
    rule: "a tag value is at most 43 characters and may be empty",
    valid: volume({ tags: { a: "", b: repeat("v", 43) } }),
    invalid: volume({ tags: { b: repeat("v", 44) } }),
    violation: { path: "/volume/tags/b", keyword: "maxLength" },
  },
  {
    rule: "a tag value has letters, digits, _, ., - and Chinese only",
    valid: volume({ tags: { env: "测试.v1_a-b" } }),
    invalid: volume({ tags: { env: "a b" } }),
    violation: { path: "/volume/tags/env", keyword: "pattern" },
  },
  {
    rule: "metadata accepts only documented keys",
    valid: volume({ metadata: { "hw:passthrough": "true" } }),
    invalid: volume({ metadata: { "hw:passthrough": "true", owner: "me" } }),
    violation: { path: "/volume/metadata", keyword: "unevaluatedProperties", mentions: "owner" },
  },
  {
    rule: "volume_type is a documented disk type",
    valid: volume({ volume_type: "GPSSD" }),
    invalid: volume({ volume_type: "NVME" }),
    violation: { path: "/volume/volume_type", keyword: "enum" },
  },
];

/** What only v3 has, or refuses: shareable, and none of v2.1's newer fields. */
const v3VolumeRules: RuleData[] = [
  {
    rule: "v3: volume_type is SSD, GPSSD, SAS or SATA (the newer types are v2.1's)",
    valid: volume({ volume_type: "SATA" }),
    invalid: volume({ volume_type: "GPSSD2" }),
    violation: { path: "/volume/volume_type", keyword: "enum" },
  },
  {
    rule: "v3: shareable (deprecated) is the string 'true' or 'false'",
    valid: volume({ shareable: "true" }),
    invalid: volume({ shareable: true }),
    violation: { path: "/volume/shareable", keyword: "type" },
  },
  {
    rule: "v3: metadata accepts only the four keys of the page (create_for_volume_id is v2.1's)",
    valid: volume({ metadata: { full_clone: "0" }, snapshot_id: "s1" }),
    invalid: volume({ metadata: { create_for_volume_id: "true" } }),
    violation: { path: "/volume/metadata", keyword: "unevaluatedProperties", mentions: "create_for_volume_id" },
  },
  {
    rule: "v3: iops is not a field (it is v2.1's)",
    valid: volume({}),
    invalid: volume({ iops: 3000 }),
    violation: { path: "/volume", keyword: "unevaluatedProperties", mentions: "iops" },
  },
  {
    rule: "v3: the body is only the volume",
    valid: volume({}),
    invalid: { ...volume({}), bssParam: { chargingMode: "postPaid" } },
    violation: { path: "", keyword: "additionalProperties", mentions: "bssParam" },
  },
];

const prepaid = (fields: Record<string, unknown> = {}) => ({ chargingMode: "prePaid", periodType: "month", periodNum: 1, ...fields });
const gpssd2 = (fields: Record<string, unknown> = {}) => ({ volume_type: "GPSSD2", iops: 3000, throughput: 125, ...fields });
/** A v2.1 body: the volume, plus the top-level fields given. */
const v21 = (volumeFields: Record<string, unknown>, body: Record<string, unknown> = {}) => ({ ...volume(volumeFields), ...body });

/** What only v2.1 has (evs/create-volumes-v2.1.md and the official Go SDK), or refuses. */
const v21Rules: RuleData[] = [
  {
    rule: "v2.1: volume_type also takes ESSD, GPSSD2 and ESSD2 (official SDK)",
    valid: v21({ volume_type: "ESSD" }),
    invalid: v21({ volume_type: "ESSD3" }),
    violation: { path: "/volume/volume_type", keyword: "enum" },
  },
  {
    rule: "v2.1: shareable is not a field",
    valid: v21({ multiattach: true }),
    invalid: v21({ shareable: "true" }),
    violation: { path: "/volume", keyword: "unevaluatedProperties", mentions: "shareable" },
  },
  {
    rule: "v2.1: a GPSSD2 disk needs iops",
    valid: v21(gpssd2()),
    invalid: v21(without(gpssd2(), "iops")),
    violation: { path: "/volume", keyword: "required", mentions: "iops" },
  },
  {
    rule: "v2.1: an ESSD2 disk needs iops",
    valid: v21({ volume_type: "ESSD2", iops: 5000 }),
    invalid: v21({ volume_type: "ESSD2" }),
    violation: { path: "/volume", keyword: "required", mentions: "iops" },
  },
  {
    rule: "v2.1: a GPSSD2 disk needs throughput",
    valid: v21(gpssd2()),
    invalid: v21(without(gpssd2(), "throughput")),
    violation: { path: "/volume", keyword: "required", mentions: "throughput" },
  },
  {
    rule: "v2.1: iops only for GPSSD2 and ESSD2",
    valid: v21({ volume_type: "ESSD2", iops: 5000 }),
    invalid: v21({ volume_type: "SSD", iops: 5000 }),
    violation: { path: "/volume/iops", keyword: "false schema" },
  },
  {
    rule: "v2.1: throughput only for GPSSD2",
    valid: v21(gpssd2()),
    invalid: v21({ volume_type: "ESSD2", iops: 5000, throughput: 125 }),
    violation: { path: "/volume/throughput", keyword: "false schema" },
  },
  {
    rule: "v2.1: iops is an integer",
    valid: v21(gpssd2({ iops: 3000 })),
    invalid: v21(gpssd2({ iops: "3000" })),
    violation: { path: "/volume/iops", keyword: "type" },
  },
  {
    rule: "v2.1: throughput is an integer",
    valid: v21(gpssd2({ throughput: 125 })),
    invalid: v21(gpssd2({ throughput: 125.5 })),
    violation: { path: "/volume/throughput", keyword: "type" },
  },
  {
    rule: "v2.1: metadata also takes create_for_volume_id, 'true' or 'false' (official SDK, Terraform)",
    valid: v21({ metadata: { create_for_volume_id: "true" } }),
    invalid: v21({ metadata: { create_for_volume_id: true } }),
    violation: { path: "/volume/metadata/create_for_volume_id", keyword: "type" },
  },
  {
    rule: "v2.1: create_for_volume_id does not lift the snapshot rule on encryption",
    valid: v21({ snapshot_id: "s1", metadata: { create_for_volume_id: "true" } }),
    invalid: v21({ snapshot_id: "s1", metadata: { create_for_volume_id: "true", __system__encrypted: "1" } }),
    violation: { path: "/volume/metadata/__system__encrypted", keyword: "false schema" },
  },
  {
    rule: "v2.1: chargingMode is prePaid or postPaid",
    valid: v21({}, { bssParam: { chargingMode: "postPaid" } }),
    invalid: v21({}, { bssParam: { chargingMode: "PrePaid" } }),
    violation: { path: "/bssParam/chargingMode", keyword: "enum" },
  },
  {
    rule: "v2.1: a prepaid create needs periodType",
    valid: v21({}, { bssParam: prepaid() }),
    invalid: v21({}, { bssParam: without(prepaid(), "periodType") }),
    violation: { path: "/bssParam", keyword: "required", mentions: "periodType" },
  },
  {
    rule: "v2.1: a prepaid create needs periodNum",
    valid: v21({}, { bssParam: prepaid() }),
    invalid: v21({}, { bssParam: without(prepaid(), "periodNum") }),
    violation: { path: "/bssParam", keyword: "required", mentions: "periodNum" },
  },
  {
    rule: "v2.1: periodType is month or year",
    valid: v21({}, { bssParam: prepaid({ periodType: "year" }) }),
    invalid: v21({}, { bssParam: prepaid({ periodType: "day" }) }),
    violation: { path: "/bssParam/periodType", keyword: "enum" },
  },
  {
    rule: "v2.1: periodNum is at least 1",
    valid: v21({}, { bssParam: prepaid({ periodNum: 1 }) }),
    invalid: v21({}, { bssParam: prepaid({ periodNum: 0 }) }),
    violation: { path: "/bssParam/periodNum", keyword: "minimum" },
  },
  {
    rule: "v2.1: periodNum is at most 9 months",
    valid: v21({}, { bssParam: prepaid({ periodNum: 9 }) }),
    invalid: v21({}, { bssParam: prepaid({ periodNum: 10 }) }),
    violation: { path: "/bssParam/periodNum", keyword: "maximum" },
  },
  {
    rule: "v2.1: periodNum is 1 for a yearly subscription",
    valid: v21({}, { bssParam: prepaid({ periodType: "year", periodNum: 1 }) }),
    invalid: v21({}, { bssParam: prepaid({ periodType: "year", periodNum: 2 }) }),
    violation: { path: "/bssParam/periodNum", keyword: "maximum" },
  },
  {
    rule: "v2.1: periodNum is an integer",
    valid: v21({}, { bssParam: prepaid({ periodNum: 3 }) }),
    invalid: v21({}, { bssParam: prepaid({ periodNum: "3" }) }),
    violation: { path: "/bssParam/periodNum", keyword: "type" },
  },
  {
    rule: "v2.1: isAutoPay is the string 'true' or 'false', not a boolean",
    valid: v21({}, { bssParam: prepaid({ isAutoPay: "true" }) }),
    invalid: v21({}, { bssParam: prepaid({ isAutoPay: true }) }),
    violation: { path: "/bssParam/isAutoPay", keyword: "type" },
  },
  {
    rule: "v2.1: isAutoRenew is the string 'true' or 'false'",
    valid: v21({}, { bssParam: prepaid({ isAutoRenew: "false" }) }),
    invalid: v21({}, { bssParam: prepaid({ isAutoRenew: "yes" }) }),
    violation: { path: "/bssParam/isAutoRenew", keyword: "enum" },
  },
  {
    rule: "v2.1: bssParam accepts only documented fields",
    valid: v21({}, { bssParam: prepaid() }),
    invalid: v21({}, { bssParam: prepaid({ periodUnit: "month" }) }),
    violation: { path: "/bssParam", keyword: "additionalProperties", mentions: "periodUnit" },
  },
  {
    rule: "v2.1: an ESSD2 disk is pay-per-use only",
    valid: v21({ volume_type: "ESSD2", iops: 5000 }, { bssParam: { chargingMode: "postPaid" } }),
    invalid: v21({ volume_type: "ESSD2", iops: 5000 }, { bssParam: prepaid() }),
    violation: { path: "/bssParam/chargingMode", keyword: "const" },
  },
  {
    rule: "v2.1: dedicated_storage_id is a string",
    valid: v21({}, { "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: "dss-1" } }),
    invalid: v21({}, { "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: 1 } }),
    violation: { path: "/OS-SCH-HNT:scheduler_hints/dedicated_storage_id", keyword: "type" },
  },
  {
    rule: "v2.1: the scheduler hints accept only dedicated_storage_id",
    valid: v21({}, { "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: "dss-1" } }),
    invalid: v21({}, { "OS-SCH-HNT:scheduler_hints": { storage_id: "dss-1" } }),
    violation: { path: "/OS-SCH-HNT:scheduler_hints", keyword: "additionalProperties", mentions: "storage_id" },
  },
  {
    rule: "v2.1: server_id is a string",
    valid: v21({}, { server_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a" }),
    invalid: v21({}, { server_id: ["877a2cda-ba63-4e1e-b95f-e67e48b6129a"] }),
    violation: { path: "/server_id", keyword: "type" },
  },
  {
    rule: "v2.1: the body accepts only documented fields (wire name OS-SCH-HNT:scheduler_hints)",
    valid: v21({}, { "OS-SCH-HNT:scheduler_hints": {} }),
    invalid: v21({}, { scheduler_hints: {} }),
    violation: { path: "", keyword: "additionalProperties", mentions: "scheduler_hints" },
  },
];

export const createVolumesRules: Rule[] = [...sharedVolumeRules, ...v3VolumeRules].map(at("createVolumes"));
export const createVolumesV21Rules: Rule[] = [...sharedVolumeRules, ...v21Rules].map(at("createVolumesV21"));

/** The export rules: one request schema, served at the v3 and the Cinder v2 path. */
const exportRules: RuleData[] = [
  {
    rule: "the body needs os-volume_upload_image",
    valid: exportBody({}),
    invalid: { "os-volume_upload_image ": { image_name: "x" } },
    violation: { path: "", keyword: "required", mentions: "os-volume_upload_image" },
  },
  {
    rule: "image_name is required",
    valid: exportBody({}),
    invalid: { "os-volume_upload_image": { force: true } },
    violation: { path: "/os-volume_upload_image", keyword: "required", mentions: "image_name" },
  },
  {
    rule: "image_name is at least 1 character",
    valid: exportBody({ image_name: "a" }),
    invalid: exportBody({ image_name: "" }),
    violation: { path: "/os-volume_upload_image/image_name", keyword: "minLength" },
  },
  {
    rule: "image_name is at most 128 characters",
    valid: exportBody({ image_name: repeat("a", 128) }),
    invalid: exportBody({ image_name: repeat("a", 129) }),
    violation: { path: "/os-volume_upload_image/image_name", keyword: "maxLength" },
  },
  {
    rule: "image_name does not start or end with a space",
    valid: exportBody({ image_name: "my image" }),
    invalid: exportBody({ image_name: "my image " }),
    violation: { path: "/os-volume_upload_image/image_name", keyword: "pattern" },
  },
  {
    rule: "image_name has letters, Chinese, digits, -, ., _ and spaces only",
    valid: exportBody({ image_name: "镜像 disk-1.0_a" }),
    invalid: exportBody({ image_name: "disk/1" }),
    violation: { path: "/os-volume_upload_image/image_name", keyword: "pattern" },
  },
  {
    rule: "disk_format is vhd, zvhd, zvhd2, raw or qcow2",
    valid: exportBody({ disk_format: "qcow2" }),
    invalid: exportBody({ disk_format: "vmdk" }),
    violation: { path: "/os-volume_upload_image/disk_format", keyword: "enum" },
  },
  {
    rule: "container_format is ami, ari, aki, ovf or bare",
    valid: exportBody({ container_format: "ovf" }),
    invalid: exportBody({ container_format: "docker" }),
    violation: { path: "/os-volume_upload_image/container_format", keyword: "enum" },
  },
  {
    rule: "__os_type is windows or linux (lower case)",
    valid: exportBody({ __os_type: "windows" }),
    invalid: exportBody({ __os_type: "Windows" }),
    violation: { path: "/os-volume_upload_image/__os_type", keyword: "enum" },
  },
  {
    rule: "force is a boolean",
    valid: exportBody({ force: false }),
    invalid: exportBody({ force: "false" }),
    violation: { path: "/os-volume_upload_image/force", keyword: "type" },
  },
  {
    rule: "the export accepts only documented fields (wire name __os_type)",
    valid: exportBody({ __os_type: "linux" }),
    invalid: exportBody({ os_type: "linux" }),
    violation: { path: "/os-volume_upload_image", keyword: "additionalProperties", mentions: "os_type" },
  },
];

export const exportVolumeToImageRules: Rule[] = exportRules.map(at("exportVolumeToImage"));
export const exportVolumeToImageV2Rules: Rule[] = exportRules.map(at("exportVolumeToImageV2"));

/** The rules of the EVS operations' query and header parameters (none of them has one yet: X-Client-Token is any string). */
export const evsParameterRules: ParameterRule[] = [];
