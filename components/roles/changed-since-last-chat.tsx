import { InfoIcon } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { BriefHistoryEntryDTO } from "@/lib/shared/api/roles";
import { describeChange, formatHistoryTime } from "@/lib/shared/roles/history-text";

/** Above the details form: what changed in the brief since the last chat with this role began. */
export function ChangedSinceLastChat({ roleName, since, changes }: { roleName: string; since: string; changes: BriefHistoryEntryDTO[] }) {
  return (
    <Alert role="status" data-testid="changed-since-last-chat">
      <InfoIcon aria-hidden="true" />
      <AlertTitle>Changed since your last chat with {roleName}</AlertTitle>
      <AlertDescription>
        <p className="text-xs">
          That chat began <time dateTime={since}>{formatHistoryTime(since)}</time>.
        </p>
        <ul className="list-disc pl-5">
          {changes.map((entry) => (
            <li key={entry.id}>{describeChange(entry)}</li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
