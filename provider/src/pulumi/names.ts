/** Pulumi's names for the core's functions and types: `metastudio:index:<name>` tokens. */
export const PACKAGE_NAME = "metastudio";
const MODULE_PREFIX = `${PACKAGE_NAME}:index:`;
export const TRAINING_JOB_TYPE = `${MODULE_PREFIX}TrainingJob`;

export function functionToken(name: string): string {
  return MODULE_PREFIX + name;
}

/** The core function a token names, or undefined when it names none of this package's. */
export function functionName(token: string): string | undefined {
  return token.startsWith(MODULE_PREFIX) ? token.slice(MODULE_PREFIX.length) : undefined;
}
