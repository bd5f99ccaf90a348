import { ImportForm } from "@/components/settings/import-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getEnv } from "@/lib/server/infra/env";
import { listRolesFor } from "@/lib/server/services/roles/roles-service";
import { toOwner } from "@/lib/server/services/owner";

/** Settings → Import: bring conversations in from ChatGPT, Claude or a ChatCraft export. */
export async function ImportSection({ userId }: { userId: string }) {
  const roles = (await listRolesFor(toOwner(userId))).map(({ role }) => ({ id: role.id, name: role.name }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Import conversations</h2>
        </CardTitle>
        <CardDescription>
          Bring your chats in from ChatGPT or Claude (the conversations.json in their data export), or from a ChatCraft export.
          Titles and dates are kept; importing the same file again adds only what is missing.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ImportForm roles={roles} maxBytes={getEnv().IMPORT_MAX_BYTES} />
      </CardContent>
    </Card>
  );
}
