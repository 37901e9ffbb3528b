// Every set of documented rules, named as the test reports show it. The spec
// tests (test/spec/rules.test.ts) and the contract tests
// (test/contract/rules.test.ts) both run every set in this list.
import {
  createVolumesRules,
  createVolumesV21Rules,
  exportVolumeToImageRules,
  exportVolumeToImageV2Rules,
} from "./evs.js";
import { createImageRules } from "./ims.js";
import type { Rule } from "./types.js";

export const ruleSets: ReadonlyArray<readonly [subject: string, rules: Rule[]]> = [
  ["EVS create disks (POST /v3/{project_id}/cloudvolumes)", createVolumesRules],
  ["EVS create disks (POST /v2.1/{project_id}/cloudvolumes)", createVolumesV21Rules],
  ["EVS export a disk as an image (POST /v3/{project_id}/volumes/{volume_id}/action)", exportVolumeToImageRules],
  ["EVS export a disk as an image (POST /v2/{project_id}/volumes/{volume_id}/action)", exportVolumeToImageV2Rules],
  ["IMS create a private image (POST /v2/cloudimages/action)", createImageRules],
];
