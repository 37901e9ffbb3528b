// The request examples of the descriptions, written out as TypeScript values
// checked against the generated types (`satisfies`: a field the types do not
// know, a wrong enum value or a missing required field fails to compile).
// test/types/page-examples.test.ts checks that each still equals the bundle's
// example of the same name, so these cannot drift from the spec.
import type { EvsSchema, ImsSchema } from "../../src/index.js";

type CreateVolumes = EvsSchema<"CreateVolumesRequest">;
type CreateVolumesV21 = EvsSchema<"CreateVolumesV21Request">;
type ExportVolume = EvsSchema<"ExportVolumeToImageRequest">;
type CreateImage = ImsSchema<"CreateImageRequest">;

export const evsRequestExamples = {
  "encrypted-ssd": {
    volume: {
      backup_id: null,
      count: 1,
      availability_zone: "az-dc-1",
      description: "test_volume_1",
      size: 120,
      name: "test_volume_1",
      volume_type: "SSD",
      metadata: { __system__encrypted: "1", __system__cmkid: "37b0d52e-c249-40d6-83cb-2b93f22445bd" },
    },
  } satisfies CreateVolumes,
  "from-snapshot-batch": {
    volume: {
      availability_zone: "az-dc-1",
      snapshot_id: "2bf2b3a1-6a3c-4d8e-9c55-8a1e0f2d7c44",
      size: 100,
      count: 3,
      name: "data-disk",
      volume_type: "GPSSD",
      metadata: { full_clone: "0" },
      tags: { env: "test", owner: "team-a" },
    },
  } satisfies CreateVolumes,
  "prepaid-yearly": {
    volume: {
      name: "test_volume_3",
      availability_zone: "cn-north-1a",
      volume_type: "SATA",
      size: 120,
      description: "hehehe",
      multiattach: true,
      count: 1,
    },
    bssParam: { chargingMode: "prePaid", periodType: "year", periodNum: 1, isAutoPay: "true", isAutoRenew: "true" },
  } satisfies CreateVolumesV21,
  "gpssd2-attached": {
    volume: {
      name: "data-gpssd2",
      availability_zone: "cn-north-4a",
      volume_type: "GPSSD2",
      size: 100,
      iops: 3000,
      throughput: 125,
      metadata: { create_for_volume_id: "true" },
    },
    server_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    "OS-SCH-HNT:scheduler_hints": { dedicated_storage_id: "1b3e8e1a-4c2d-4f3e-9a6b-7c8d9e0f1a2b" },
  } satisfies CreateVolumesV21,
  "export-vhd": {
    "os-volume_upload_image": {
      image_name: "sxmatch2",
      force: true,
      container_format: "bare",
      disk_format: "vhd",
      __os_type: "linux",
    },
  } satisfies ExportVolume,
};

const tags = ["aaa.111", "bbb.333", "ccc.444"];
const imageTags = [
  { key: "key2", value: "value2" },
  { key: "key1", value: "value1" },
];

export const imsRequestExamples = {
  "server-system-image-tags": {
    name: "ims_test",
    description: "云服务器制作系统盘镜像",
    instance_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    tags,
  } satisfies CreateImage,
  "server-data-images-tags": {
    data_images: [
      {
        name: "ims_data_image_test",
        description: "云服务器数据卷制作数据盘镜像",
        volume_id: "c5dfbd0c-bf0a-4798-a453-61dc6b54aa30",
        tags,
      },
    ],
  } satisfies CreateImage,
  "obs-file-tags": {
    name: "ims_test_file",
    description: "OBS文件制作镜像",
    image_url: "ims-image:centos70.qcow2",
    os_version: "CentOS 7.0 64bit",
    is_config_init: true,
    min_disk: 40,
    is_config: true,
    tags,
  } satisfies CreateImage,
  "server-system-image-image-tags": {
    name: "ims_test",
    description: "云服务器制作系统盘镜像",
    instance_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    image_tags: imageTags,
  } satisfies CreateImage,
  "server-data-images-image-tags": {
    data_images: [
      {
        name: "ims_data_image_test",
        description: "云服务器数据卷制作数据盘镜像",
        volume_id: "c5dfbd0c-bf0a-4798-a453-61dc6b54aa30",
        image_tags: imageTags,
      },
    ],
  } satisfies CreateImage,
  "obs-file-image-tags": {
    name: "ims_test_file",
    description: "OBS文件制作镜像",
    image_url: "ims-image:centos70.qcow2",
    os_version: "CentOS 7.0 64bit",
    is_config_init: true,
    min_disk: 40,
    image_tags: imageTags,
  } satisfies CreateImage,
  "data-volume-system-image-tags": {
    name: "ims_test",
    description: "数据卷制作系统盘镜像",
    volume_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    type: "ECS",
    os_version: "CentOS 7.0 64bit",
    tags,
  } satisfies CreateImage,
  "data-volume-system-image-image-tags": {
    name: "ims_test",
    description: "数据卷制作系统盘镜像",
    volume_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    type: "ECS",
    os_version: "CentOS 7.0 64bit",
    image_tags: imageTags,
  } satisfies CreateImage,
  "server-system-and-data-images": {
    name: "web-server-base",
    instance_id: "877a2cda-ba63-4e1e-b95f-e67e48b6129a",
    data_images: [{ name: "web-server-data", volume_id: "c5dfbd0c-bf0a-4798-a453-61dc6b54aa30" }],
  } satisfies CreateImage,
  "obs-file-quick-import-with-data-disks": {
    name: "euler-arm-base",
    image_url: "ims-image:euleros-arm.zvhd2",
    min_disk: 40,
    os_type: "Linux",
    os_version: "EulerOS 2.9 64bit",
    architecture: "arm",
    is_quick_import: true,
    data_images: [
      { image_url: "ims-image:data-1.zvhd2", min_disk: 100, is_quick_import: true },
      { name: "logs", image_url: "ims-image:data-2.zvhd2", min_disk: 200 },
    ],
  } satisfies CreateImage,
};
