/** TCP server: one sequential command queue per connection, replies in wire format. */
import { createServer, type Server, type Socket } from "node:net";
import type { Doc } from "./doc-paths";
import type { CommandContext } from "./commands/context";
import { runCommand, wantsJournal } from "./dispatch";
import { encodeLegacyReply, encodeMsgReply, MessageReader, OP_QUERY, parseMessage } from "./wire";

export interface ServerHooks {
  context: Omit<CommandContext, "db" | "connectionId">;
  /** Called after each command: makes its writes durable (waits for fsync when asked). */
  afterCommand: (waitForSync: boolean) => Promise<void> | void;
}

export class WireServer {
  readonly net: Server;
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;

  constructor(private readonly hooks: ServerHooks) {
    this.net = createServer((socket) => this.accept(socket));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const connectionId = this.nextConnectionId++;
    const reader = new MessageReader();
    let queue: Promise<void> = Promise.resolve();
    socket.on("data", (chunk: Buffer) => {
      let messages: Buffer[];
      try {
        messages = reader.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) queue = queue.then(() => this.handle(socket, message, connectionId));
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.sockets.delete(socket));
  }

  private async handle(socket: Socket, raw: Buffer, connectionId: number): Promise<void> {
    let reply: Uint8Array[] | undefined;
    try {
      const message = parseMessage(raw);
      const cmd = message.command;
      const db = typeof cmd.$db === "string" ? cmd.$db : (message.legacyNamespace ?? "admin.$cmd").split(".")[0]!;
      const body: Doc = await runCommand(cmd, { ...this.hooks.context, db, connectionId });
      await this.hooks.afterCommand(wantsJournal(cmd) && body.ok === 1);
      if (message.moreToCome) return;
      reply = message.opCode === OP_QUERY ? encodeLegacyReply(message.requestId, body) : encodeMsgReply(message.requestId, body);
    } catch (error) {
      if (!this.hooks.context.quiet) console.error("[embedded-mongo] dropping connection:", error);
      socket.destroy();
      return;
    }
    if (socket.destroyed) return;
    socket.cork();
    for (const part of reply) socket.write(part);
    socket.uncork();
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.net.once("error", reject);
      this.net.listen(port, host, () => {
        this.net.off("error", reject);
        const address = this.net.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.net.close(() => resolve()));
  }
}
