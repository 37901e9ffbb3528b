// The documented rules (test/rules/) that the compiler cannot enforce, and
// why: a body that breaks one of these compiles, and only the mock and the
// service refuse it. Every other rule's breaking body is a compile error
// (test/types/rules.test.ts proves both, rule by rule, so this list cannot
// claim too much or too little). The schema keeps each of them for the
// validators (spec/DECISIONS.md, D-CompileTimeRules).

const range = 'a number\'s range: TypeScript has no type for "the integers from 1 to 32768"';
const length = "a string's length: TypeScript has no type for strings of at most n characters";
const pattern = "a pattern: a template literal type cannot say which characters a string may hold";
const size = "how many items or keys: a tuple type would refuse the arrays and maps callers build at run time";

const integer = "an integer: TypeScript has one type for all numbers";

/** The same rules (by name) of operations that share a schema: `<operation>: <rule>` for each. */
const forEach = (names: string[], rules: Record<string, string>) =>
  Object.fromEntries(names.flatMap((name) => Object.entries(rules).map(([rule, why]) => [`${name}: ${rule}`, why])));

export const rulesWithoutTypes: Record<string, string> = {
  // VolumeFields: both create-disk operations.
  ...forEach(["createVolumes", "createVolumesV21"], {
    "size is at least 1 GB": range,
    "size is at most 32768 GB": range,
    "count is at least 1": range,
    "count is at most 100": range,
    "name is at most 255 characters": length,
    "name is at most 250 characters when count is above 1": "a length that depends on a number (count above 1): neither is a type",
    "description is at most 255 characters": length,
    "__system__cmkid is exactly 36 characters": length,
    "at most 10 tags": size,
    "a tag key is at most 36 characters": length,
    "a tag key has letters, digits, _, - and Chinese only": pattern,
    "a tag value is at most 43 characters and may be empty": length,
    "a tag value has letters, digits, _, ., - and Chinese only": pattern,
  }),
  "createVolumesV21: v2.1: throughput is an integer": integer,
  "createVolumesV21: v2.1: periodNum is at least 1": range,
  "createVolumesV21: v2.1: periodNum is at most 9 months": range,
  // ExportVolumeToImageRequest: the export at /v3 and at /v2.
  ...forEach(["exportVolumeToImage", "exportVolumeToImageV2"], {
    "image_name is at least 1 character": length,
    "image_name is at most 128 characters": length,
    "image_name does not start or end with a space": pattern,
    "image_name has letters, Chinese, digits, -, ., _ and spaces only": pattern,
  }),
  "createImage: an image name is at most 128 characters": length,
  "createImage: an image name does not start or end with a space": pattern,
  "createImage: an image name has letters, Chinese, digits, -, ., _ and spaces only": pattern,
  "createImage: a description is at most 1024 characters": length,
  "createImage: a description has no line break": pattern,
  "createImage: a description has no < or >": pattern,
  "createImage: a tag is key.value with a key of letters, digits, _, - and Chinese": pattern,
  "createImage: a tag key is at most 36 characters": pattern,
  "createImage: a tag value is at most 43 characters": pattern,
  "createImage: an image_tags key is 1 to 36 characters": length,
  "createImage: an image_tags value is at most 43 characters of the documented set": pattern,
  "createImage: image_url is <bucket>:<file>": pattern,
  "createImage: min_disk of a system image file is at least 40 GB": range,
  "createImage: min_disk of a system image file is at most 1024 GB": range,
  "createImage: os_version is required for an .iso image file":
    'it depends on how image_url ends (a pattern): a type cannot say "a string that does not end in .iso", so the union has no second half',
  "createImage: at most 3 data-disk image files": size,
  "createImage: min_disk of a data-disk image file is at least 1 GB": range,
  "createImage: min_disk of a data-disk image file is at most 2048 GB": range,
  "createImage: data-disk images without a server need at least one disk": size,
  "createImage: enterprise_project_id is 0 or a UUID": pattern,
};

/**
 * Rules the types enforce (a value typed `EvsSchema<…>` or `ImsSchema<…>`
 * refuses the breaking body) that a call through the client lets through:
 * openapi-fetch infers a call's options from the argument, so a field the
 * body should not have is not an error when the rest of the body is right
 * (openapi-ts/openapi-typescript#2329). Only misspelled fields are lost that
 * way; a rule between fields fails the types' check itself.
 */
export const rulesLostThroughTheClient: Record<string, string> = {
  ...forEach(["exportVolumeToImage", "exportVolumeToImageV2"], {
    "the export accepts only documented fields (wire name __os_type)": "a misspelled field",
  }),
  "createImage: each form accepts only its documented fields": "a misspelled field",
};
