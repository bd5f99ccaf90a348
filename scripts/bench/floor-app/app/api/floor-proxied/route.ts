/** The floor route again, with the floor app's pass-through proxy.ts in front of it. */
export { dynamic, POST } from "../floor/route";
