/**
 * How the chat page folds live events into what it shows: a streaming reply grows only by the next
 * chunk in sequence (no repeated and no missing words), anything it cannot place asks for a
 * re-read, and a re-read keeps text the page already shows beyond the server's copy.
 */
import { describe, expect, it } from "vitest";
import { applyLiveChunk, applyLiveMessage, mergeLatest, RESYNC, streamingReply } from "@/components/chat/live-merge";
import type { MessageDTO } from "@/lib/shared/chat/types";

function message(id: string, overrides: Partial<MessageDTO> = {}): MessageDTO {
  return { id, sender: "ai", kind: "message", message: "", timestamp: `2026-01-01T00:00:0${id}.000Z`, status: "complete", ...overrides };
}
const chunk = (seq: number, text: string) => ({ conversationId: "c", messageId: "2", seq, text });

describe("a streaming reply followed live", () => {
  const shown = [message("1", { sender: "user", message: "Hi" }), message("2", { status: "streaming", message: "One ", seq: 1 })];

  it("grows by the next chunk, ignores a repeat, and asks for a re-read on a gap", () => {
    const next = applyLiveChunk(shown, chunk(2, "two "));
    expect(next).not.toBe(RESYNC);
    expect((next as MessageDTO[])[1]).toMatchObject({ message: "One two ", seq: 2 });
    expect(applyLiveChunk(next as MessageDTO[], chunk(2, "two "))).toBe(next);
    expect(applyLiveChunk(shown, chunk(4, "four "))).toBe(RESYNC);
    expect(applyLiveChunk(shown, { ...chunk(2, "x"), messageId: "9" })).toBe(RESYNC);
  });

  it("takes the reply's final state, ignores its streaming copies, and re-reads for a message it does not have", () => {
    expect(applyLiveMessage(shown, message("2", { status: "streaming" }))).toBe(shown);
    const done = applyLiveMessage(shown, message("2", { status: "stopped", message: "One two" }));
    expect((done as MessageDTO[])[1]).toMatchObject({ status: "stopped", message: "One two" });
    expect(applyLiveMessage(shown, message("3"))).toBe(RESYNC);
    expect(streamingReply(shown)?.id).toBe("2");
    expect(streamingReply(done as MessageDTO[])).toBeUndefined();
  });

  it("merges a re-read page: older pages stay, fresher local text wins, an empty page clears", () => {
    const older = message("0", { sender: "user", message: "Earlier" });
    const local = [older, ...shown.slice(0, 1), message("2", { status: "streaming", message: "One two three ", seq: 3 })];
    const page = [shown[0]!, message("2", { status: "streaming", message: "One two ", seq: 2 }), message("3", { sender: "user" })];
    const merged = mergeLatest(local, page);
    expect(merged.map((m) => m.id)).toEqual(["0", "1", "2", "3"]);
    expect(merged[2]).toMatchObject({ message: "One two three ", seq: 3 });
    expect(mergeLatest(local, [shown[0]!, message("2", { status: "complete", message: "Done." })])[2]).toMatchObject({ message: "Done." });
    expect(mergeLatest(local, [])).toEqual([]);
  });

  it("leaves a page opened in the middle alone when the newest page does not touch it", () => {
    const middle = [message("1"), message("2")];
    const newest = [message("7"), message("8")];
    expect(mergeLatest(middle, newest, true)).toBe(middle);
    expect(mergeLatest(middle, [message("2"), ...newest], true).map((m) => m.id)).toEqual(["1", "2", "7", "8"]);
    expect(mergeLatest(middle, newest, false).map((m) => m.id)).toEqual(["1", "2", "7", "8"]);
  });
});
