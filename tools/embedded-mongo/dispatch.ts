/** Routes a command document to its handler and shapes errors as mongod does. */
import type { Doc } from "./doc-paths";
import { MongoError, errorReply } from "./errors";
import { adminCommands } from "./commands/admin";
import { collectionCommands } from "./commands/collections";
import type { CommandContext, CommandHandler } from "./commands/context";
import { crudCommands } from "./commands/crud";
import { indexCommands } from "./commands/indexes";

const handlers: Record<string, CommandHandler> = {
  ...adminCommands,
  ...crudCommands,
  ...collectionCommands,
  ...indexCommands,
};

export function registerCommands(more: Record<string, CommandHandler>): void {
  Object.assign(handlers, more);
}

/** Write concerns that ask for the write to be on disk before the reply. */
export function wantsJournal(cmd: Doc): boolean {
  const wc = cmd.writeConcern as Doc | undefined;
  return wc !== undefined && (wc.j === true || wc.journal === true || wc.fsync === true || wc.w === "majority");
}

export async function runCommand(cmd: Doc, ctx: CommandContext): Promise<Doc> {
  const reply = await runUntimed(cmd, ctx);
  // Every reply of a replica-set member carries the cluster time and the operation's time.
  reply.operationTime = ctx.repl.clock.now();
  reply.$clusterTime = ctx.repl.clock.gossip();
  return reply;
}

async function runUntimed(cmd: Doc, ctx: CommandContext): Promise<Doc> {
  const name = Object.keys(cmd)[0] ?? "";
  try {
    const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
    if (!handler) throw new MongoError(59, `no such command: '${name}'`);
    // Sessions decide how it runs: plainly, as a retryable write, or inside a transaction.
    return await ctx.repl.sessions.run(name, cmd, ctx, handler);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (!(error instanceof MongoError) && typeof code === "number") return errorReply(new MongoError(code, (error as Error).message));
    return errorReply(error);
  }
}
