/**
 * The programs a release ships, one self-contained executable each per platform. Adding a program
 * is one line: its compiled entry module (relative to the repository, as tsc lays it out under
 * dist/) and the function of that module that starts it, called with no arguments (it reads
 * process.argv and process.env itself). The function may return a promise; a rejection is printed
 * and exits 1.
 */
export interface ExecutableSpec {
  /** File name of the executable (without `.exe`), also the name in the archives. */
  readonly name: string;
  /** Entry module, relative to the repository root, without extension. */
  readonly module: string;
  /** The exported function that starts the program. */
  readonly start: string;
  /**
   * How it is released: `pulumi` as a plugin tarball the Pulumi CLI installs, `terraform` as the
   * zips, checksums and manifest of a Terraform provider registry, `plain` as a tarball of the
   * executable alone.
   */
  readonly release: "pulumi" | "terraform" | "plain";
}

export const PULUMI_PLUGIN: ExecutableSpec = {
  name: "pulumi-resource-metastudio",
  module: "provider/src/pulumi/main",
  start: "startPlugin",
  release: "pulumi",
};
export const TERRAFORM_PROVIDER: ExecutableSpec = {
  name: "terraform-provider-metastudio",
  module: "provider/src/terraform/main",
  start: "startPlugin",
  release: "terraform",
};

/** The pipeline command (docs/cli.md), shipped beside the providers on the same core. */
export const COMMAND_LINE: ExecutableSpec = {
  name: "metastudio",
  module: "provider/src/cli/main",
  start: "main",
  release: "plain",
};

export const EXECUTABLES: readonly ExecutableSpec[] = [PULUMI_PLUGIN, TERRAFORM_PROVIDER, COMMAND_LINE];
