import { describe, expect, it } from "vitest";
import { attachmentParts, attachmentTokens, describeAttachment, omittedNote, type TurnAttachment } from "@/lib/server/ai/attachment-parts";
import { demoReplyText } from "@/lib/server/ai/demo-model";
import { assembleSystemInstruction } from "@/lib/server/ai/system-instruction";
import { getBuiltInRole } from "@/lib/server/services/roles/built-in-roles";

const support = getBuiltInRole("tech-support")!;
const screenshot: TurnAttachment = { name: "error.png", mime: "image/png", size: 2048, width: 1280, height: 720 };
const manual: TurnAttachment = { name: "manual.pdf", mime: "application/pdf", size: 81_920, pages: 3 };

describe("attachment token costs (Gemini's published rates)", () => {
  it("is 258 for a small image, 258 per 768 px tile otherwise, 258 per PDF page", () => {
    expect(attachmentTokens({ mime: "image/png", size: 10, width: 300, height: 384 })).toBe(258);
    expect(attachmentTokens(screenshot)).toBe(258 * 2 * 1);
    expect(attachmentTokens(manual)).toBe(774);
    expect(attachmentTokens({ mime: "text/plain", size: 4000 })).toBe(1000);
  });
});

describe("attachments in a turn", () => {
  it("become inline data, text, or a note when left out", () => {
    expect(attachmentParts({ ...screenshot, data: "AAAA" })).toEqual([{ text: "[File error.png (PNG image, 2 KB, 1280 × 720 px)]" }, { inlineData: { mimeType: "image/png", data: "AAAA" } }]);
    expect(attachmentParts({ name: "a.txt", mime: "text/plain", size: 2, text: "hi" })).toEqual([{ text: "[File a.txt (Text file, 2 bytes)]\nhi" }]);
    expect(JSON.stringify(attachmentParts({ ...manual, omitted: true }))).toMatch(/manual\.pdf .* left out to fit the context budget/);
    expect(omittedNote([screenshot, { ...manual, omitted: true }])).toBe("\n\n_Left out to fit the context budget: manual.pdf._");
    expect(omittedNote([screenshot])).toBeNull();
  });

  it("are acknowledged one by one by the demo model (name, type, size, pixels or pages)", () => {
    const text = demoReplyText({
      systemInstruction: assembleSystemInstruction(support, support.fields, {}),
      history: [{ role: "user", text: "Look at these", attachments: [screenshot, manual] }],
    });
    expect(text).toContain("You attached 2 files:");
    expect(text).toContain(`- ${describeAttachment(screenshot)}`);
    expect(text).toContain("- manual.pdf (PDF document, 80 KB, 3 pages)");
  });

  it("are answered by the demo model when they come without a message", () => {
    const text = demoReplyText({
      systemInstruction: assembleSystemInstruction(support, support.fields, {}),
      history: [{ role: "user", text: "", attachments: [screenshot] }],
    });
    expect(text).toContain("You sent files without a message.");
    expect(text).not.toContain("You wrote:");
    expect(text).toContain(`- ${describeAttachment(screenshot)}`);
  });
});
