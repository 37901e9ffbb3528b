// The documented rules of the EVS request bodies (evs/create-volumes.current.md,
// evs/export-volume-to-image.current.md and seeds 000-003).
import { repeat, type ParameterRule, type Rule } from "./types.js";

const cmkId = "37b0d52e-c249-40d6-83cb-2b93f22445bd";
const volume = (fields: Record<string, unknown>) => ({
  volume: { availability_zone: "az-dc-1", volume_type: "SSD", size: 100, ...fields },
});
/** A volume body without the default size, for the rules about sources. */
const sizeless = (fields: Record<string, unknown>) => {
  const { size: _size, ...rest } = volume(fields).volume;
  return { volume: rest };
};
const exportBody = (fields: Record<string, unknown>) => ({
  "os-volume_upload_image": { image_name: "disk-image", ...fields },
});

export const createVolumesRules: Rule[] = [
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
    rule: "volume_type is SSD, GPSSD, SAS or SATA",
    valid: volume({ volume_type: "GPSSD" }),
    invalid: volume({ volume_type: "NVME" }),
    violation: { path: "/volume/volume_type", keyword: "enum" },
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
    rule: "shareable (deprecated) is the string 'true' or 'false'",
    valid: volume({ shareable: "true" }),
    invalid: volume({ shareable: true }),
    violation: { path: "/volume/shareable", keyword: "type" },
  },
  {
    rule: "the volume accepts only documented fields",
    valid: volume({ enterprise_project_id: "0" }),
    invalid: volume({ volumeType: "SSD" }),
    violation: { path: "/volume", keyword: "additionalProperties", mentions: "volumeType" },
  },
  {
    rule: "metadata accepts only the four documented keys",
    valid: volume({ metadata: { "hw:passthrough": "true" } }),
    invalid: volume({ metadata: { "hw:passthrough": "true", owner: "me" } }),
    violation: { path: "/volume/metadata", keyword: "additionalProperties", mentions: "owner" },
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
].map((rule) => ({ ...rule, operation: "createVolumes" as const }));

export const exportVolumeToImageRules: Rule[] = [
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
].map((rule) => ({ ...rule, operation: "exportVolumeToImage" as const }));

/** The rules of the EVS operations' query and header parameters (none of them has one yet). */
export const evsParameterRules: ParameterRule[] = [];
