/**
 * A share page, fetched as a visitor: 200, never indexed or cached, and none of the given secrets
 * in its HTML or in its RSC payload (what a client-side navigation would fetch).
 */
import { expect, type APIRequestContext } from "@playwright/test";

export async function expectNothingPrivate(request: APIRequestContext, url: string, secrets: string[]): Promise<void> {
  const html = await request.get(url);
  expect(html.status()).toBe(200);
  expect(html.headers()["x-robots-tag"]).toContain("noindex");
  expect(html.headers()["cache-control"]).toContain("no-store");
  const rsc = await request.get(url, { headers: { RSC: "1" } });
  for (const body of [await html.text(), await rsc.text()]) {
    for (const secret of secrets) expect(body).not.toContain(secret);
  }
}
