/** GET /api/v1/me — the caller's account and how they authenticated. */
import { apiRoute, jsonResponse } from "@/lib/server/services/api/route";

export const GET = apiRoute(async (_request, { user, token }) =>
  jsonResponse({
    id: user.id,
    username: user.username,
    email: user.email,
    ...(user.name ? { name: user.name } : {}),
    lastLogin: user.lastLogin ? user.lastLogin.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
    auth: token ? { method: "token", scope: token.scope } : { method: "session", scope: "read-write" },
  }),
);
