/**
 * The command tree, on commander: `metastudio jobs list` and `metastudio jobs wait`, their flags
 * from the field tables (flags.ts, settings.ts), help with examples, `--version`. commander's
 * errors (an unknown flag with the nearest one, a missing value, an unknown command) are thrown
 * rather than exiting, so that main.ts gives them the usage exit code.
 */
import { Command, Option } from "commander";
import { FieldSpec, JOB_FILTER_FIELDS, PAGING_FIELDS, WAIT_FIELDS } from "../schema/fields";
import { PROVIDER_VERSION } from "../version";
import { optionFor } from "./flags";
import { OUTPUT_FORMATS } from "./output";
import { settingsOptions } from "./settings";

export interface CommandActions {
  list(options: Record<string, unknown>): Promise<void>;
  wait(options: Record<string, unknown>): Promise<void>;
}

export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const EXIT_CODES_HELP = `
Exit codes:
  0    the gate passed (wait), the jobs were listed (list)
  1    a selected job needs a person: failed, stopped or rejected
  2    timed out before every selected job reached a target state
  3    the filters selected no job
  4    usage or configuration error (nothing was sent)
  5    the API failed: authentication, errors retries did not cure, the network
  130  interrupted (SIGINT, SIGTERM)`;

const CONFIG_HELP = `
Configuration (as the Pulumi and Terraform providers take it):
  --region / HW_REGION_NAME, --project-id / HW_PROJECT_ID or HUAWEICLOUD_SDK_PROJECT_ID,
  --endpoint / HW_METASTUDIO_ENDPOINT, --cloud / HW_CLOUD.
  Credentials only from the environment or --credentials-file, never as flags:
  HW_ACCESS_KEY + HW_SECRET_KEY (HUAWEICLOUD_SDK_AK/_SK) [+ HW_SECURITY_TOKEN], or HW_AUTH_TOKEN.`;

const LIST_EXAMPLES = `
Examples:
  metastudio jobs list --batch-name release-7
  metastudio jobs list --state TRAIN_FAILED,COMPILE_FAILED --output csv > failed.csv
  metastudio jobs list --create-since 2026-01-01T00:00:00Z --sort-key create_time --sort-dir desc --limit 20
  metastudio jobs list --tag customer-a --output ndjson | jq -r .jobId
`;

const WAIT_EXAMPLES = `
Examples:
  metastudio jobs wait --batch-name release-7 --timeout 1h
  ASSETS=$(metastudio jobs wait --batch-name release-7 --timeout 2h --poll-interval 1m --output json | jq -r '.assetIds | join(",")')
  metastudio jobs wait --job-id cf69dc4f5b891cd70622e169c2ca5d09 --target-state JOB_FINISH --target-state JOB_SUCCESS --timeout 30m
  metastudio jobs wait --tag nightly --timeout 45m --summary-file summary.md
`;

/** Unknown flags are quoted without their value: `--auth-tokn=...` must not print the token. */
class CliCommand extends Command {
  override createCommand(name?: string): Command {
    return new CliCommand(name);
  }

  unknownOption(flag: string): void {
    const base = Command.prototype as unknown as { unknownOption(this: Command, flag: string): void };
    base.unknownOption.call(this, flag.split("=")[0]);
  }
}

function addFields(command: Command, fields: Readonly<Record<string, FieldSpec>>): void {
  for (const [field, spec] of Object.entries(fields)) command.addOption(optionFor(field, spec));
}

function addCommon(command: Command): void {
  command.addOption(
    new Option("--output <format>", "Result on stdout: table (default on a terminal), json (default otherwise), ndjson or csv.").choices(
      OUTPUT_FORMATS,
    ),
  );
  command.option("--summary-file <path>", "Append a Markdown summary to this file (also to $GITHUB_STEP_SUMMARY when it is set).");
  command.option("--verbose", "Also show the providers' informational and debug lines (requests retried, pages).");
  for (const option of settingsOptions()) command.addOption(option);
  command.addHelpText("after", CONFIG_HELP + "\n" + EXIT_CODES_HELP + "\n");
}

export function buildProgram(actions: CommandActions, output: ProgramOutput): Command {
  const program = new CliCommand("metastudio")
    .description("Huawei Cloud MetaStudio training jobs for pipelines: list them, or wait until they are done.")
    .version(PROVIDER_VERSION, "--version", "Print the version.")
    .exitOverride()
    .configureOutput({ writeOut: (text) => output.writeOut(text), writeErr: (text) => output.writeErr(text) })
    .showHelpAfterError("(add --help for the flags)");
  program.addHelpText(
    "after",
    `
Examples:
  metastudio jobs list --batch-name release-7
  metastudio jobs wait --batch-name release-7 --timeout 1h --output json
${EXIT_CODES_HELP}
`,
  );

  const jobs = program.command("jobs").description("Virtual-avatar model training jobs.");

  const list = jobs.command("list").description("List every training job the filters match (all pages), or the first --limit of them.");
  addFields(list, JOB_FILTER_FIELDS);
  addFields(list, PAGING_FIELDS);
  addCommon(list);
  list.addHelpText("after", LIST_EXAMPLES);
  list.action((options: Record<string, unknown>) => actions.list(options));

  const wait = jobs
    .command("wait")
    .description(
      "Wait until every selected job is in a target state (default JOB_FINISH); fail at once when one needs a person. " +
        "Progress on stderr, the result on stdout.",
    );
  addFields(wait, JOB_FILTER_FIELDS);
  addFields(wait, WAIT_FIELDS);
  wait.addOption(
    new Option("--heartbeat <duration>", "Without a terminal: a progress line at least this often while nothing changes.").default("60s"),
  );
  addCommon(wait);
  wait.addHelpText("after", WAIT_EXAMPLES);
  wait.action((options: Record<string, unknown>) => actions.wait(options));

  return program;
}
