/**
 * How Pulumi users read the core's field references: configuration as the stack config key they
 * set (`metastudio:projectId`), inputs as the program writes them (`batchName`). The schema's
 * descriptions are read beside the Provider's own inputs, so there a config key is bare.
 */
import type { Spelling } from "../schema/text";
import { PACKAGE_NAME } from "./names";

export const PULUMI_SPELLING: Spelling = {
  field: (ref) => (ref.config ? `${PACKAGE_NAME}:${ref.name}` : ref.name),
  term: (ref) => ref.term,
};

export const PULUMI_SCHEMA_SPELLING: Spelling = {
  field: (ref) => ref.name,
  term: (ref) => ref.term,
};
