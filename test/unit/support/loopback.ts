/**
 * Small servers on 127.0.0.1 for in-process tests of the HTTP client: an ordinary one whose
 * handler a test writes, and a raw TCP one for answers no HTTP library would send (a body cut
 * short, a trickle). Each records what it received.
 */
import { createServer, IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { AddressInfo, createServer as createTcpServer, Socket } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Loopback {
  url: string;
  received: Received[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export async function serveHttp(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<Loopback> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    handler(req, res, received.length);
  });
  const state = { connections: 0 };
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `onRequest` gets the socket and the request head as text, once the head is complete. */
export async function serveRaw(onRequest: (socket: Socket, head: string, n: number) => void): Promise<Loopback> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const state = { connections: 0 };
  const server = createTcpServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head = "";
    const onData = (d: Buffer) => {
      head += d.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onData);
      const [line, ...lines] = head.slice(0, end).split("\r\n");
      const [method, url] = line.split(" ");
      const headers: IncomingHttpHeaders = {};
      for (const l of lines) headers[l.slice(0, l.indexOf(":")).toLowerCase()] = l.slice(l.indexOf(":") + 1).trim();
      received.push({ method, url, headers });
      onRequest(socket, head.slice(0, end), received.length);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A list answer of `n` jobs out of `count`. */
export function pageBody(n: number, count = n, prefix = "j"): string {
  const jobs = Array.from({ length: n }, (_, i) => ({
    job_id: `${prefix}${i}`,
    name: `model ${i}`,
    state: "JOB_FINISH",
    asset_id: `asset-${prefix}${i}`,
  }));
  return JSON.stringify({ count, jobs });
}
