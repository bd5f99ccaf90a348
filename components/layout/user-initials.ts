import type { ShellUser } from "@/components/layout/types";

/** Up to two letters for the avatar: from the name's words, else the username's start. */
export function userInitials(user: Pick<ShellUser, "name" | "username">): string {
  const words = (user.name ?? "").trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length >= 2 ? `${words[0]![0]}${words[words.length - 1]![0]}` : (words[0] ?? user.username).slice(0, 2);
  return letters.toUpperCase();
}
