import "server-only";
import { cookies } from "next/headers";
import { todayIn } from "@/lib/shared/projects/due-dates";
import { TIME_ZONE_COOKIE } from "@/lib/shared/projects/time-zone-cookie";

/** The signed-in user's calendar day, from the time zone their browser reported (UTC until it has). */
export async function userToday(): Promise<string> {
  return todayIn((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}
