/**
 * The ten jobs of a real answer of the list API (count 101, first page of 10, default order), as
 * Huawei published it. The emulator serves them first so its default data starts like the real one.
 */
import type { ApiJob } from "./jobStore";

export const SEED_JOBS: readonly ApiJob[] = [
  {
    "job_id": "646682facddb4912976f19a4d61c6a91",
    "name": "Name 1",
    "state": "TRAINING",
    "project_id": "***",
    "cover_download_url": "https://example.com/646682facddb4912976f19a4d61c6a91_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-09T07:38:09Z",
    "create_time": "2023-12-08T08:30:56Z",
    "contact": "1**********",
    "tags": [],
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "efc5300ecdba4ea48d1ff13a9d907bc0",
    "name": "Name 2",
    "state": "MANUAL_VERIFYING",
    "project_id": "***",
    "cover_download_url": "https://example.com/efc5300ecdba4ea48d1ff13a9d907bc0_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-09T07:32:46Z",
    "create_time": "2023-12-09T07:31:37Z",
    "contact": "1**********",
    "model_version": "V3",
    "matting_type": "AI"
  },
  {
    "job_id": "7889dfd55bf14834a35e78c7f0aa0516",
    "name": "Name 3",
    "state": "INFERENCE_DATA_PREPROCESS_FAILED",
    "project_id": "***",
    "cover_download_url": "https://example.com/7889dfd55bf14834a35e78c7f0aa0516_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-09T07:09:02Z",
    "create_time": "2023-12-08T08:34:12Z",
    "contact": "1**********",
    "tags": [],
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "222509ed63c2498599f519d5ec7ef462",
    "name": "Name 4",
    "state": "TRAINING_DATA_PREPROCESS_SUCCESS",
    "project_id": "***",
    "cover_download_url": "https://example.com/222509ed63c2498599f519d5ec7ef462_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-09T07:08:21Z",
    "create_time": "2023-12-08T08:33:24Z",
    "contact": "1**********",
    "tags": [],
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "dd4a596edc2c44dd881b5e9eff485e21",
    "name": "Name 5",
    "state": "TRAINING_DATA_PREPROCESS_SUCCESS",
    "project_id": "***",
    "cover_download_url": "https://example.com/dd4a596edc2c44dd881b5e9eff485e21_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-09T02:12:01Z",
    "create_time": "2023-12-08T08:29:25Z",
    "contact": "1**********",
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "bf46c9f335b14e84bd028f6acb52686b",
    "name": "Name 6",
    "state": "JOB_FINISH",
    "asset_id": "3174263c6199e0a10d83a257b272ac71",
    "project_id": "***",
    "cover_download_url": "https://example.com/bf46c9f335b14e84bd028f6acb52686b_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-08T08:37:39Z",
    "create_time": "2023-11-29T09:39:25Z",
    "contact": "1**********",
    "model_version": "V3",
    "matting_type": "AI"
  },
  {
    "job_id": "2f96ddd4fdda40af977c1b1d3b6adca8",
    "name": "Name 7",
    "state": "INFERENCE_DATA_PREPROCESS_FAILED",
    "asset_id": "22741ee4bc4130282835bdc2a4b4ac79",
    "project_id": "***",
    "cover_download_url": "https://example.com/2f96ddd4fdda40af977c1b1d3b6adca8_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-08T07:26:53Z",
    "create_time": "2023-10-19T01:13:24Z",
    "contact": "153********",
    "batch_name": "234",
    "model_version": "V3",
    "matting_type": "AI"
  },
  {
    "job_id": "e477dcf363234b2f8aa2aad4d8bad46b",
    "name": "Name 8",
    "state": "INFERENCE_DATA_PREPROCESS_FAILED",
    "asset_id": "d36e8df774ae88315911724d4467cb6d",
    "project_id": "***",
    "cover_download_url": "https://example.com/e477dcf363234b2f8aa2aad4d8bad46b_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-08T01:58:52Z",
    "create_time": "2023-11-27T06:39:46Z",
    "contact": "1**********",
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "d8ca20175d5b4ae6b0056c62e4553d36",
    "name": "Name 9",
    "state": "INFERENCE_DATA_PREPROCESS_FAILED",
    "asset_id": "5ff8e2893ffa8ef848050260eb08faa9",
    "project_id": "***",
    "cover_download_url": "https://example.com/d8ca20175d5b4ae6b0056c62e4553d36_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-04T05:39:24Z",
    "create_time": "2023-11-06T13:51:09Z",
    "contact": "1**********",
    "model_version": "V3.2",
    "matting_type": "AI"
  },
  {
    "job_id": "65e9fb9ac78546268e7d60d5003bfbdc",
    "name": "Name 10",
    "state": "INFERENCE_DATA_PREPROCESS_FAILED",
    "asset_id": "71a0df4bd5966a33818af2b5094cf197",
    "project_id": "***",
    "cover_download_url": "https://example.com/65e9fb9ac78546268e7d60d5003bfbdc_cover?param1=XXX&param2=YYY",
    "last_update_time": "2023-12-01T07:58:26Z",
    "create_time": "2023-11-29T11:19:22Z",
    "contact": "1**********",
    "model_version": "V3",
    "matting_type": "AI"
  }
];

/** The total of the real answer the seed jobs come from. */
export const SEED_TOTAL = 101;
