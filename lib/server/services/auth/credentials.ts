/**
 * The password check, kept as plain functions so it can be tested without next-auth. Unknown
 * user and wrong password take the same path and the same time: an unknown user is compared
 * against a dummy hash of the same cost.
 */
import "server-only";
import bcrypt from "bcryptjs";
import { signInSchema } from "@/lib/shared/auth/schemas";
import { bcryptCost, findUserForSignIn, recordSignIn, toPublicUser, type PublicUser, type UserDoc } from "@/models/users";

let dummyHash: { cost: number; hash: Promise<string> } | undefined;

function dummyHashFor(cost: number): Promise<string> {
  if (!dummyHash || dummyHash.cost !== cost) {
    dummyHash = { cost, hash: bcrypt.hash("chatcraft-timing-equaliser", cost) };
  }
  return dummyHash.hash;
}

/** True when `user` exists and `password` is theirs; costs one bcrypt comparison either way. */
export async function passwordMatches(user: UserDoc | null, password: string): Promise<boolean> {
  const hash = user?.passwordHash ?? (await dummyHashFor(bcryptCost()));
  const matches = await bcrypt.compare(password, hash);
  return Boolean(user) && matches;
}

/**
 * Returns the signed-in user, or null for any failure (bad input, unknown user, wrong password).
 * Accepts unknown input: whatever a client posts is validated here first. No limits: callers
 * that face the network go through lib/server/services/auth/sign-in.ts.
 */
export async function authenticateCredentials(input: unknown): Promise<PublicUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await findUserForSignIn(parsed.data.identifier);
  const matches = await passwordMatches(user, parsed.data.password);
  if (!user || !matches) return null;
  const at = new Date();
  await recordSignIn(user._id, at);
  return toPublicUser({ ...user, lastLogin: at });
}
