/** Kept in step with package.json and sdk/nodejs/package.json by a test. */
export const PROVIDER_VERSION = "0.1.0";
