// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";

// No schema type is used as a function input (TrainingJob is only ever returned), so gen-sdk would
// emit no interfaces here; the module stays so `types.input` exists as in every generated SDK.
