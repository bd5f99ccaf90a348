/**
 * Logical sessions: retryable writes (deduplicated by lsid + txnNumber: a retried write answers
 * the first attempt's reply and never applies twice) and multi-document transactions
 * (startTransaction / autocommit:false / commitTransaction / abortTransaction, with mongod's
 * error codes and labels and its transaction lifetime limit).
 */
import { Binary, Long } from "bson";
import { encodeValue } from "../bson-order";
import type { CommandContext, CommandHandler } from "../commands/context";
import type { Doc } from "../doc-paths";
import { MongoError } from "../errors";
import type { Store } from "../store";
import type { ReplicaSet } from "./replica-set";
import { Transaction } from "./transactions";
import { transientError } from "./transaction-store";

/** Commands that are retryable writes when they carry a txnNumber. */
const RETRYABLE_WRITES = new Set(["insert", "update", "delete", "findAndModify", "findandmodify"]);
/** Commands mongod runs inside a transaction (create/createIndexes are refused here, see README). */
const IN_TRANSACTION = new Set(["find", "getMore", "killCursors", "insert", "update", "delete", "findAndModify", "findandmodify", "aggregate", "distinct"]);
/** mongod's default transactionLifetimeLimitSeconds. */
export const DEFAULT_TRANSACTION_LIFETIME_SECONDS = 60;
/** hello's logicalSessionTimeoutMinutes. */
export const LOGICAL_SESSION_TIMEOUT_MINUTES = 30;

interface SessionState {
  /** The highest txnNumber this session has used. */
  txnNumber: bigint;
  /** The reply of the retryable write at `txnNumber`, answered again to a retry. */
  retryReply?: Doc;
  transaction?: Transaction;
  lastUse: number;
}

function txnNumberOf(cmd: Doc): bigint {
  const raw = cmd.txnNumber;
  return typeof raw === "bigint" ? raw : BigInt(String(raw));
}

function sessionName(lsid: Doc): string {
  const id = lsid.id;
  return id instanceof Binary ? id.toString("hex") : String(id);
}

function isTransactional(cmd: Doc): boolean {
  return cmd.txnNumber !== undefined && cmd.autocommit === false;
}

export class Sessions {
  private readonly sessions = new Map<string, SessionState>();
  lifetimeLimitSeconds = DEFAULT_TRANSACTION_LIFETIME_SECONDS;

  constructor(private readonly repl: ReplicaSet) {}

  private session(lsid: Doc): SessionState {
    const key = encodeValue(lsid.id);
    let state = this.sessions.get(key);
    if (!state) {
      if (this.sessions.size % 1024 === 1023) this.forgetIdle();
      state = { txnNumber: -1n, lastUse: Date.now() };
      this.sessions.set(key, state);
    }
    state.lastUse = Date.now();
    return state;
  }

  /** Sessions unused for longer than the logical session timeout are forgotten, as on mongod. */
  private forgetIdle(): void {
    const cutoff = Date.now() - LOGICAL_SESSION_TIMEOUT_MINUTES * 60_000;
    for (const [key, state] of this.sessions) if (state.lastUse < cutoff) this.sessions.delete(key);
  }

  private *openTransactions(): Generator<Transaction> {
    for (const state of this.sessions.values()) if (state.transaction?.state === "active") yield state.transaction;
  }

  /** Runs a command under its session's rules (plain, retryable write, or transaction statement). */
  async run(name: string, cmd: Doc, ctx: CommandContext, handler: CommandHandler): Promise<Doc> {
    const lsid = cmd.lsid as Doc | undefined;
    if (name === "commitTransaction" || name === "abortTransaction") return handler(cmd, ctx);
    if (!lsid || cmd.txnNumber === undefined) return handler(cmd, ctx);
    const state = this.session(lsid);
    const txnNumber = txnNumberOf(cmd);
    if (isTransactional(cmd)) return this.statement(name, cmd, ctx, handler, state, txnNumber);
    if (!RETRYABLE_WRITES.has(name)) return handler(cmd, ctx);
    if (txnNumber < state.txnNumber) throw this.tooOld(txnNumber, state.txnNumber, lsid);
    if (txnNumber === state.txnNumber && state.retryReply) return { ...state.retryReply };
    if (txnNumber === state.txnNumber && state.transaction) {
      throw new MongoError(50911, `Cannot start a retryable write with txnNumber ${txnNumber}: a transaction with that number exists on this session`);
    }
    state.txnNumber = txnNumber;
    state.transaction = undefined;
    const reply = await handler(cmd, ctx);
    state.retryReply = reply;
    return reply;
  }

  private tooOld(txnNumber: bigint, current: bigint, lsid: Doc): MongoError {
    return new MongoError(
      225,
      `Retryable write with txnNumber ${txnNumber} is prohibited on session ${sessionName(lsid)} because a newer retryable write with txnNumber ${current} has already started on this session.`,
    );
  }

  private async statement(name: string, cmd: Doc, ctx: CommandContext, handler: CommandHandler, state: SessionState, txnNumber: bigint): Promise<Doc> {
    if (cmd.startTransaction === true) this.begin(cmd, ctx.store, state, txnNumber);
    const txn = this.current(state, txnNumber);
    if (!IN_TRANSACTION.has(name) || (name === "aggregate" && (cmd.pipeline as Doc[] | undefined)?.some((s) => "$changeStream" in s || "$out" in s || "$merge" in s))) {
      throw new MongoError(263, `Cannot run '${name}' in a multi-document transaction.`);
    }
    if (cmd.writeConcern !== undefined) throw new MongoError(72, "Cannot set write concern after starting a transaction.");
    let reply: Doc;
    try {
      reply = await handler(cmd, { ...ctx, store: txn.store });
    } catch (error) {
      txn.state = "aborted";
      throw error;
    }
    const writeErrors = reply.writeErrors as Doc[] | undefined;
    if (writeErrors?.length) {
      // A failed statement aborts the transaction; a write conflict is a command error with the label.
      txn.state = "aborted";
      const conflict = writeErrors.find((e) => e.code === 112);
      if (conflict) throw transientError(112, conflict.errmsg as string);
    }
    return reply;
  }

  private begin(cmd: Doc, live: Store, state: SessionState, txnNumber: bigint): void {
    if (txnNumber < state.txnNumber || (txnNumber === state.txnNumber && (state.transaction || state.retryReply))) {
      throw new MongoError(225, `Cannot start transaction ${txnNumber} on session because a newer transaction ${state.txnNumber} has already started.`);
    }
    const level = (cmd.readConcern as Doc | undefined)?.level;
    if (level !== undefined && !["snapshot", "majority", "local"].includes(level as string)) {
      throw new MongoError(72, `The readConcern level must be either 'local' (default), 'majority' or 'snapshot' in order to run in a transaction`);
    }
    if (state.transaction?.state === "active") state.transaction.state = "aborted";
    state.txnNumber = txnNumber;
    state.retryReply = undefined;
    const txn = new Transaction(cmd.lsid as Doc, Long.fromBigInt(txnNumber), live, this.repl.oplog, () => this.openTransactions());
    state.transaction = txn;
    const timer = setTimeout(() => {
      if (txn.state === "active") txn.state = "aborted";
    }, this.lifetimeLimitSeconds * 1000);
    timer.unref();
  }

  private current(state: SessionState, txnNumber: bigint): Transaction {
    const txn = state.transaction;
    if (!txn || txnNumber !== state.txnNumber || txn.state === "aborted") {
      throw transientError(251, `Transaction with { txnNumber: ${txnNumber} } has been aborted.`);
    }
    if (txn.state === "committed") throw new MongoError(256, `Transaction with { txnNumber: ${txnNumber} } has been committed.`);
    return txn;
  }

  /** commitTransaction / abortTransaction. */
  finish(name: "commitTransaction" | "abortTransaction", cmd: Doc): Doc {
    const lsid = cmd.lsid as Doc | undefined;
    if (!lsid || cmd.txnNumber === undefined) throw new MongoError(50768, `'${name}' must be run with a session id and a transaction number`);
    const state = this.session(lsid);
    const txnNumber = txnNumberOf(cmd);
    const txn = state.transaction;
    if (!txn || txnNumber !== state.txnNumber) throw transientError(251, `Transaction with { txnNumber: ${txnNumber} } has been aborted.`);
    if (name === "abortTransaction") {
      if (txn.state === "committed") throw new MongoError(256, `Transaction with { txnNumber: ${txnNumber} } has been committed.`);
      if (txn.state === "aborted") throw transientError(251, `Transaction with { txnNumber: ${txnNumber} } has been aborted.`);
      txn.state = "aborted";
      return { ok: 1 };
    }
    // Committing again a committed transaction answers ok: that is how a commit is retried.
    if (txn.state === "committed") return { ok: 1 };
    if (txn.state === "aborted") throw transientError(251, `Transaction with { txnNumber: ${txnNumber} } has been aborted.`);
    try {
      this.repl.asOneEntry({ lsid, txnNumber: txn.txnNumber }, () => txn.commit(this.repl.store()));
    } catch (error) {
      txn.state = "aborted";
      throw error;
    }
    return { ok: 1 };
  }

  /** endSessions: forgets the sessions and aborts their open transactions. */
  end(ids: Doc[]): void {
    for (const lsid of ids) {
      const key = encodeValue(lsid.id);
      const txn = this.sessions.get(key)?.transaction;
      if (txn?.state === "active") txn.state = "aborted";
      this.sessions.delete(key);
    }
  }
}
