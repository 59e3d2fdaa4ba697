/** The MetaStudio emulator's programmatic API, for tests, the demo and the benchmarks. */
export { startEmulator, DEFAULT_PROJECT_ID } from "./server";
export type { Emulator, EmulatorOptions, RequestInfo } from "./server";
export type { ApiJob } from "./jobStore";
export type { Fault } from "./faultInjector";
export { PIPELINE, startAdvancing } from "./jobAdvancer";
export type { AdvanceOptions, Advancer } from "./jobAdvancer";
export { seededRandom } from "./seededRandom";
