/** The floor route again, with the floor app's pass-through proxy.ts in front of it. */
export const dynamic = "force-dynamic";
export { POST } from "../floor/route";
