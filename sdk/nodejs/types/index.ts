// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

// Export sub-modules:
import * as input from "./input";
import * as output from "./output";

export {
    input,
    output,
};
