//go:build tools

// Pins tfplugindocs, the generator of the Terraform registry pages (docs/index.md,
// docs/data-sources/, docs/resources/), built by scripts/install-tools.sh.
package tools

import _ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
