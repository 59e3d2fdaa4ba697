/**
 * The core's public entry points, for any front end (docs/architecture.md, "The core's surface"):
 * the functions and their declarations, the session (configuration -> settings -> client, cancel,
 * shutdown), and how failures are worded and bounded. Loading this loads zod and the functions;
 * a front end that must start fast requires it on first use, as the plugins do.
 */
export { callable, FUNCTIONS, getTrainingJobs, waitForTrainingJobs } from "./functions";
export type { AnyOutputs, Callable, PreparedCall, ProviderFunction } from "./functions";
export { DECLARATIONS, GET_TRAINING_JOBS, WAIT_FOR_TRAINING_JOBS } from "./declarations";
export type { FunctionDeclaration } from "./declarations";
export { ProviderSession, SHUTDOWN_GRACE_MS } from "./session";
export type { CallOptions, CallSetup, ClientFactory, Resolved } from "./session";
export { boundedLine, MAX_FAILURE_CHARS, shownFailures } from "./failures";
export type { ShownFailure } from "./failures";
export { CallFailure } from "../functions/context";
export type { CallContext, Clock, LogSeverity } from "../functions/context";
export { CONFIG_FIELDS } from "../schema/fields";
export type { FieldSpec, FieldTable } from "../schema/fields";
export type { InputFailure } from "../schema/inputValidation";
export { configKey, errorText, inputName, render, TABLE_SPELLING } from "../schema/text";
export type { FieldRef, Spelling, TermRef, Text } from "../schema/text";
export type { ApiJob } from "../schema/trainingJob";
export { jobsOf, pageJobCount } from "../schema/outputs";
export type { JobPage } from "../schema/outputs";
