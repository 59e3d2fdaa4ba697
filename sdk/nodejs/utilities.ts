// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

/** Returns the first of the named environment variables that is set to a non-empty value. */
export function getEnv(...vars: string[]): string | undefined {
    for (const v of vars) {
        const value = process.env[v];
        if (value) {
            return value;
        }
    }
    return undefined;
}

export function getEnvBoolean(...vars: string[]): boolean | undefined {
    const s = getEnv(...vars);
    if (s !== undefined) {
        // The spellings Go's strconv.ParseBool accepts, so the SDK reads a variable exactly as
        // Go-based Pulumi providers (and their users' habits) do.
        if (["1", "t", "T", "true", "TRUE", "True"].find(v => v === s) !== undefined) {
            return true;
        }
        if (["0", "f", "F", "false", "FALSE", "False"].find(v => v === s) !== undefined) {
            return false;
        }
    }
    return undefined;
}

export function getEnvNumber(...vars: string[]): number | undefined {
    const s = getEnv(...vars);
    if (s !== undefined) {
        const f = parseFloat(s);
        if (!isNaN(f)) {
            return f;
        }
    }
    return undefined;
}

export function getVersion(): string {
    // The compiled module lives in bin/, the package.json one level up; a build that copies
    // package.json into bin/ (as gen-sdk's Makefiles do) is served too.
    let version: string;
    try {
        version = require("../package.json").version;
    } catch {
        version = require("./package.json").version;
    }
    // Node allows a "v" prefix, semver (and so the engine's plugin lookup) does not.
    if (version.indexOf("v") === 0) {
        version = version.slice(1);
    }
    return version;
}

/**
 * Pins the plugin version of every resource and invoke to this SDK's version, so a program gets
 * the plugin its SDK was built against.
 * @internal
 */
export function resourceOptsDefaults(): any {
    return { version: getVersion() };
}

/**
 * Defines properties that load their module on first access, so importing the package does not
 * load every function module.
 * @internal
 */
export function lazyLoad(exports: any, props: string[], loadModule: any) {
    for (const property of props) {
        Object.defineProperty(exports, property, {
            enumerable: true,
            get: function () {
                return loadModule()[property];
            },
        });
    }
}
