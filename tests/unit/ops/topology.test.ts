/** Start-up refuses a standalone mongod with how to run a single-node replica set; a replica set or mongos passes. */
import { describe, expect, it } from "vitest";
import { replicaSetProblem } from "@/lib/server/infra/db/topology";

describe("the replica-set requirement", () => {
  it("refuses a standalone with the commands that fix it", () => {
    const problem = replicaSetProblem({ isWritablePrimary: true, maxWireVersion: 21 });
    expect(problem).toMatch(/--replSet rs0/);
    expect(problem).toMatch(/rs\.initiate\(\)/);
    expect(problem).toMatch(/docs\/setup\.md/);
  });

  it("accepts a replica set member and a mongos", () => {
    expect(replicaSetProblem({ setName: "rs0", isWritablePrimary: true })).toBeNull();
    expect(replicaSetProblem({ msg: "isdbgrid" })).toBeNull();
  });
});
