/** The error a promise is rejected with; fails the test if the promise is fulfilled instead. */
export async function rejected(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with ${JSON.stringify(e)}, not an Error`, { cause: e });
  }
  throw new Error("expected a rejection, but the promise was fulfilled");
}
