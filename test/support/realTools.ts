/**
 * The real engines (the Pulumi CLI and its language hosts, OpenTofu) for the end-to-end tests,
 * found where `npm run tools:install` builds them (harness/toolsDir.ts).
 *
 * Under CI a missing tool fails the suite: a green run must mean the real engines judged it.
 * Outside CI the suite is skipped with a line that says so and names the command that builds them.
 */
import { existsSync } from "node:fs";
import { REPO_ROOT } from "../../harness/repoRoot";
import { toolPath, toolsDir } from "../../harness/toolsDir";

export { REPO_ROOT, toolPath, toolsDir };

/**
 * `describe` when every tool named is built; otherwise a failing suite under CI and a skipped one,
 * announced, elsewhere.
 */
export function describeWithTools(tools: string[], title: string, body: () => void): void {
  const missing = tools.filter((t) => !existsSync(toolPath(t)));
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const why = `missing ${missing.join(", ")} in ${toolsDir()}; build them with \`npm run tools:install\``;
  if (process.env.CI) {
    describe(title, () => {
      test("the real engines are built", () => {
        throw new Error(`real-engine tests cannot run under CI: ${why}`);
      });
    });
    return;
  }
  process.stderr.write(`[real-engine tests skipped] ${title}: ${why}\n`);
  describe.skip(title, body);
}
