/**
 * The emulator never reads a request body: a GET of the list API has none, and an unauthenticated
 * client must not be able to make it take in (let alone hold) hundreds of MB.
 */
import { connect } from "node:net";
import { Emulator, startEmulator } from "../../emulator/src";
import { jobsPath } from "./support";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, accessKey: "AKBODYTEST0000000001", secretKey: "SK-body-test" });
});
afterAll(() => emulator.stop());

/**
 * Sends `method path` announcing a body of `announced` bytes and writes it as fast as the server
 * takes it. Returns the status line that came back (if any) and how much of the body the server
 * took before the connection closed: a server that reads bodies takes all of it.
 */
function sendBody(method: string, path: string, announced: number): Promise<{ status?: string; written: number }> {
  const url = new URL(emulator.url);
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  return new Promise((resolve) => {
    let written = 0;
    let answer = "";
    let done = false;
    const socket = connect(Number(url.port), url.hostname);
    const end = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1], written });
    };
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("error", end);
    socket.on("close", end);
    socket.on("connect", () => {
      socket.write(
        `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${announced}\r\n\r\n`,
      );
      const pump = () => {
        while (!done && written < announced) {
          const ok = socket.write(chunk, (err) => {
            if (!err) written += chunk.length;
          });
          if (!ok) {
            socket.once("drain", pump);
            return;
          }
        }
        // All of it was taken: wait for the answer.
        setTimeout(end, 2000);
      };
      pump();
    });
  });
}

const MB = 1024 * 1024;

test.each([
  ["an unauthenticated GET of the list API with a 256 MB body", "GET", () => jobsPath(emulator), "400"],
  ["a POST to the list API", "POST", () => jobsPath(emulator), "405"],
  ["a GET of another path", "GET", () => "/v1/x/anything", "404"],
])("%s is answered without reading the body, and the connection closed", async (_what, method, path, status) => {
  const r = await sendBody(method, path(), 256 * MB);
  // What the sockets' buffers hold on the way, not the body.
  expect(r.written).toBeLessThan(64 * MB);
  if (r.status !== undefined) expect(r.status).toBe(status);
});

test("several at once leave the emulator's memory where it was", async () => {
  const before = process.memoryUsage().rss;
  await Promise.all(Array.from({ length: 4 }, () => sendBody("GET", jobsPath(emulator), 256 * MB)));
  expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
});

test("the start-up description says that a key pair is required, not which", () => {
  expect(emulator.authDescription).toMatch(/requires AK\/SK signatures/);
  expect(emulator.authDescription).not.toContain("AKBODYTEST0000000001");
});
