/**
 * The answer to Stop through the API (`POST /api/v1/conversations/{id}/stop`): which replies are
 * being stopped. Stop is idempotent — asking again while a reply still streams names it again;
 * once nothing streams the answer says so (`state: "idle"`), never an error.
 */
import { z } from "zod";

export const stopResultSchema = z
  .object({
    state: z.enum(["stopping", "idle"]).meta({ description: "`stopping`: the replies named are being stopped (within a second, wherever they stream); `idle`: no reply was streaming." }),
    messageIds: z.array(z.string()).meta({ description: "The streaming replies' message ids; their partial text is kept, status `stopped`." }),
  })
  .meta({ id: "StopResult" });

export type StopResult = z.infer<typeof stopResultSchema>;
