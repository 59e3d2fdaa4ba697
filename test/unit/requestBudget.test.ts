/** The process's request budget: never more in flight than its size, slots in turn between listings. */
import { RequestBudget } from "../../provider/src/api/requestBudget";

test("slots go to the listings waiting in turn, not first come first served", async () => {
  const budget = new RequestBudget(1);
  const big = {};
  const small = {};
  const order: string[] = [];
  const hold = await budget.acquire(big);
  // Each request ends as soon as it has its slot, handing the slot on.
  const run = (listing: object, name: string) =>
    budget.acquire(listing).then((free) => {
      order.push(name);
      free();
    });
  const waits = [...Array.from({ length: 4 }, (_, i) => run(big, `big${i}`)), run(small, "small")];
  hold();
  await Promise.all(waits);
  // The small listing waited behind one request of the big one, not behind all four.
  expect(order).toEqual(["big0", "small", "big1", "big2", "big3"]);
  expect(budget.peak).toBe(1);
});

test("a waiter whose signal aborts leaves the line; a slot freed twice is freed once", async () => {
  const budget = new RequestBudget(1);
  const hold = await budget.acquire({});
  const controller = new AbortController();
  const gone = budget.acquire({}, controller.signal);
  controller.abort(new Error("cancelled"));
  await expect(gone).rejects.toThrow("cancelled");
  hold();
  hold();
  const a = await budget.acquire({});
  let second = false;
  const b = budget.acquire({}).then((free) => ((second = true), free));
  await new Promise((r) => setImmediate(r));
  expect(second).toBe(false);
  a();
  (await b)();
  expect(budget.peak).toBe(1);
});

test("growing the budget lets waiters through at once", async () => {
  const budget = new RequestBudget(1);
  await budget.acquire({});
  const waiting = Promise.all([budget.acquire({}), budget.acquire({})]);
  budget.resize(3);
  await waiting;
  expect(budget.peak).toBe(3);
});
