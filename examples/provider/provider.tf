terraform {
  required_providers {
    metastudio = {
      source  = "pulumi-metastudio/metastudio"
      version = "0.1.0"
    }
  }
}

# Credentials from the environment (HW_ACCESS_KEY / HW_SECRET_KEY, or HW_AUTH_TOKEN), as the
# huaweicloud provider reads them; region and project here or in HW_REGION_NAME / HW_PROJECT_ID.
provider "metastudio" {
  region      = "cn-north-4"
  project_id  = "0123456789abcdef0123456789abcdef"
  max_retries = 3
}
