// Request bodies that widely used clients send, built here by hand the way
// their source builds them (read for facts; no code of theirs is copied).
// Each must be accepted: evidence of what the service takes that does not
// depend on the pages (spec/DECISIONS.md, rule 6). Where a client sends what a
// page forbids, `because` names the decision that accepts it. The spec tests
// validate each body and the contract tests send it to the mock.
import type { OperationName } from "./types.js";

export type ClientBody = {
  /** The client and what it does, as a test name. */
  client: string;
  /** Where in the client's source the body is built. */
  source: string;
  operation: OperationName;
  body: unknown;
  /** Headers the client sends besides the credentials. */
  headers?: Record<string, string>;
  /** The decision behind a field a page forbids or leaves out. */
  because?: string;
};

const terraform = "huaweicloud/terraform-provider-huaweicloud huaweicloud/services/evs/resource_huaweicloud_evs_volume.go";
const goSdk = "huaweicloud/huaweicloud-sdk-go-v3 services/evs/v2 (CreateVolume: evs_meta.go, model/model_create_volume_*.go)";
const golangsdk = "chnsz/golangsdk";
const zone = "cn-north-4a";
// Terraform puts this key in the metadata of every disk it creates, and reads the new disk's ID from volume_ids.
const terraformMetadata = { create_for_volume_id: "true" };

export const clientBodies: ClientBody[] = [
  {
    client: "Terraform huaweicloud_evs_volume: a pay-per-use SAS data disk with tags (the resource's first documented example)",
    source: `${terraform} (buildCreateVolumeBodyParams)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "SAS",
        name: "volume",
        description: "my volume",
        size: 20,
        tags: { foo: "bar", key: "value" },
        metadata: terraformMetadata,
      },
    },
    because: "D-CreateForVolumeId",
  },
  {
    client: "Terraform huaweicloud_evs_volume: a KMS-encrypted shared SCSI disk in a dedicated storage pool, attached to a server",
    source: `${terraform} (buildVolumeMetadataBodyParams, buildSchedulerBodyParams)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "SSD",
        name: "shared-scsi",
        size: 40,
        multiattach: true,
        metadata: {
          ...terraformMetadata,
          __system__cmkid: "37b0d52e-c249-40d6-83cb-2b93f22445bd",
          __system__encrypted: "1",
          "hw:passthrough": "true",
        },
      },
      server_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
      "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: "1b3e8e1a-4c2d-4f3e-9a6b-7c8d9e0f1a2b" },
    },
    because: "D-CreateForVolumeId",
  },
  {
    client: "Terraform huaweicloud_evs_volume: a monthly GPSSD2 disk with IOPS and throughput, renewed and paid at once",
    source: `${terraform} (buildBssParamBodyParams; isAutoPay from cbc.GetAutoPay)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "GPSSD2",
        name: "gpssd2-prepaid",
        size: 100,
        iops: 3000,
        throughput: 125,
        enterprise_project_id: "0",
        metadata: terraformMetadata,
      },
      bssParam: { chargingMode: "prePaid", periodType: "month", periodNum: 1, isAutoRenew: "true", isAutoPay: "true" },
    },
    because: "D-CreateForVolumeId, D-V21Newer, D-BssParam",
  },
  {
    client: "Terraform huaweicloud_evs_volume: a disk from a backup, with no size",
    source: `${terraform} (size is left out when 0; size or backup_id is required)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "SSD",
        backup_id: "a8f1c2d3-1e2f-4a5b-8c9d-0e1f2a3b4c5d",
        metadata: terraformMetadata,
      },
    },
    because: "D-CreateForVolumeId, D-V21Size",
  },
  {
    client: "Terraform huaweicloud_evs_volume: an ESSD2 system disk from an image (image_id sent as imageRef)",
    source: `${terraform} (buildVolumeBodyParams)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "ESSD2",
        size: 40,
        iops: 5000,
        imageRef: "e9e91bff-14b6-4a0b-8377-4ed0813e3360",
        metadata: terraformMetadata,
      },
    },
    because: "D-CreateForVolumeId, D-V21Newer",
  },
  {
    client: "Terraform huaweicloud_evs_volume: a disk from a snapshot (the metadata key is allowed from a snapshot)",
    source: `${terraform} (buildVolumeBodyParams)`,
    operation: "createVolumesV21",
    body: {
      volume: {
        availability_zone: zone,
        volume_type: "GPSSD",
        size: 100,
        snapshot_id: "2bf2b3a1-6a3c-4d8e-9c55-8a1e0f2d7c44",
        metadata: terraformMetadata,
      },
    },
    because: "D-CreateForVolumeId",
  },
  {
    client: "official Go SDK CreateVolume: an ESSD disk, pay-per-use named explicitly, with an idempotency token",
    source: `${goSdk}; the SDK sends Content-Type application/json;charset=UTF-8`,
    operation: "createVolumesV21",
    body: { bssParam: { chargingMode: "postPaid" }, volume: { availability_zone: zone, size: 100, volume_type: "ESSD" } },
    headers: { "Content-Type": "application/json;charset=UTF-8", "X-Client-Token": "3f1c9d2e-8b7a-4e6f-9d0c-1a2b3c4d5e6f" },
    because: "D-V21Newer",
  },
  {
    client: "golangsdk cloudvolumes.Create: a batch of two disks, its bssParam always carrying chargingMode",
    source: `${golangsdk} openstack/evs/v2/cloudvolumes/requests.go (CreateOpts, BssParam; posted to /v2.1)`,
    operation: "createVolumesV21",
    body: {
      volume: { availability_zone: zone, volume_type: "GPSSD", name: "batch", size: 50, count: 2 },
      bssParam: { chargingMode: "postPaid" },
    },
  },
  {
    client: "golangsdk volumeactions.UploadImage: export a disk as a qcow2 image, forced",
    source: `${golangsdk} openstack/blockstorage/extensions/volumeactions/requests.go (UploadImageOpts; volumes/{id}/action of block storage v2)`,
    operation: "exportVolumeToImageV2",
    body: { "os-volume_upload_image": { container_format: "bare", disk_format: "qcow2", image_name: "disk-image", force: true } },
  },
];
