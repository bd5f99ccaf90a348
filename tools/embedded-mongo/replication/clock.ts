/**
 * The replica set's logical clock: every write gets a strictly increasing BSON Timestamp
 * (seconds, increment), as mongod's oplog does. `$clusterTime` and `operationTime` come from it.
 */
import { Binary, Long, Timestamp } from "bson";
import type { Doc } from "../doc-paths";

/** A Timestamp as one ordered number: seconds in the high 32 bits, increment in the low. */
export function timestampValue(ts: Timestamp): bigint {
  return (BigInt(ts.high >>> 0) << 32n) | BigInt(ts.low >>> 0);
}

export function timestampFrom(value: bigint): Timestamp {
  return new Timestamp({ t: Number(value >> 32n), i: Number(value & 0xffffffffn) });
}

export class ClusterClock {
  private seconds: number;
  private increment = 0;

  constructor() {
    // One second ahead of the wall clock at start-up: a server restarted within the same second
    // must never hand out a Timestamp an earlier run already used (resume tokens carry them).
    this.seconds = Math.floor(Date.now() / 1000) + 1;
  }

  /** The Timestamp of a new write. */
  tick(): Timestamp {
    const now = Math.floor(Date.now() / 1000);
    if (now > this.seconds) {
      this.seconds = now;
      this.increment = 1;
    } else {
      this.increment += 1;
    }
    return this.now();
  }

  /** The latest Timestamp handed out (the cluster time of a read). */
  now(): Timestamp {
    return new Timestamp({ t: this.seconds, i: this.increment });
  }

  /** `$clusterTime` as a replica-set member gossips it (unsigned: this server has no keys). */
  gossip(): Doc {
    return { clusterTime: this.now(), signature: { hash: new Binary(Buffer.alloc(20)), keyId: Long.ZERO } };
  }
}
