"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2Icon, UploadIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { codeForStatus, errorMessage } from "@/lib/shared/errors";
import { DEFAULT_IMPORT_ROLE_ID, IMPORT_FORMAT_LABELS, isFinished, type ImportJobDTO } from "@/lib/shared/import/schemas";

const selectClass =
  "h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm dark:bg-input/30 [&>option]:bg-popover [&>option]:text-popover-foreground";

const POLL_MS = 500;

export interface ImportFormProps {
  roles: { id: string; name: string }[];
  maxBytes: number;
}

type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "importing"; job: ImportJobDTO } | { kind: "finished"; job: ImportJobDTO };

interface Problem {
  detail?: string;
  errors?: Record<string, string[]>;
}

/**
 * Sends the file with XMLHttpRequest rather than fetch: only XHR reports upload progress, which
 * is most of the wait for a large export. The answer is the job, polled until it finishes.
 */
function send(form: FormData, onProgress: (fraction: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/imports");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not ours (a proxy's page): the status decides the message.
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => resolve({ status: 0, body: {} });
    request.send(form);
  });
}

async function poll(id: string): Promise<ImportJobDTO | null> {
  const response = await fetch(`/api/v1/imports/${encodeURIComponent(id)}`, { cache: "no-store" }).catch(() => null);
  if (!response?.ok) return null;
  return ((await response.json()) as { job: ImportJobDTO }).job;
}

/** Pick a file and a role, watch the progress, read the outcome. */
export function ImportForm({ roles, maxBytes }: ImportFormProps) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const jobId = phase.kind === "importing" ? phase.job.id : null;
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(async () => {
      const job = await poll(jobId);
      if (!job || !alive.current) return;
      if (isFinished(job.status)) {
        clearInterval(timer);
        setPhase({ kind: "finished", job });
        router.refresh();
      } else setPhase({ kind: "importing", job });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, router]);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setErrors({ file: ["Choose a file to import."] });
    if (file.size > maxBytes) return setErrors({ file: [`The file is larger than the import limit of ${Math.floor(maxBytes / (1024 * 1024))} MB.`] });
    setErrors({});
    setFormError(null);
    setPhase({ kind: "uploading", fraction: 0 });
    const { status, body } = await send(data, (fraction) => setPhase({ kind: "uploading", fraction }));
    const job = (body as { job?: ImportJobDTO }).job;
    if (status === 202 && job) return setPhase({ kind: "importing", job });
    const problem = body as Problem;
    setPhase({ kind: "idle" });
    if (problem.errors) setErrors(problem.errors);
    else setFormError(problem.detail ?? errorMessage(codeForStatus(status)));
  }

  const busy = phase.kind === "uploading" || phase.kind === "importing";
  return (
    <div className="grid gap-4">
      <form
        noValidate
        aria-label="Import conversations"
        className="grid gap-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <FormField id="import-file" label="Export file" error={errors.file} description="ChatGPT or Claude conversations.json, or a ChatCraft export (.json or .ndjson).">
          <Input name="file" type="file" accept=".json,.ndjson,application/json" disabled={busy} />
        </FormField>
        <FormField id="import-role" label="Chat with role" error={errors.roleId}>
          <select name="roleId" defaultValue={DEFAULT_IMPORT_ROLE_ID} className={selectClass} disabled={busy}>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </FormField>
        <Button type="submit" disabled={busy} className="sm:mt-6">
          {busy ? <Loader2Icon className="animate-spin" aria-hidden="true" /> : <UploadIcon aria-hidden="true" />}
          Import
        </Button>
      </form>
      {formError && (
        <p role="alert" className="text-sm text-destructive">
          {formError}
        </p>
      )}
      <ImportProgress phase={phase} />
    </div>
  );
}

function ImportProgress({ phase }: { phase: Phase }) {
  if (phase.kind === "idle") return null;
  if (phase.kind === "uploading" || phase.kind === "importing") {
    const fraction = phase.kind === "uploading" ? phase.fraction : phase.job.bytesTotal ? phase.job.bytesRead / phase.job.bytesTotal : 0;
    const label = phase.kind === "uploading" ? "Uploading the file" : `Importing${phase.job.format ? ` from ${IMPORT_FORMAT_LABELS[phase.job.format]}` : ""}: ${phase.job.counts.imported} imported so far`;
    return (
      <div className="grid gap-1" role="status">
        <label htmlFor="import-progress" className="text-sm">
          {label}
        </label>
        <progress id="import-progress" className="h-2 w-full accent-primary" max={1} value={fraction} />
      </div>
    );
  }
  return <ImportResult job={phase.job} />;
}

function ImportResult({ job }: { job: ImportJobDTO }) {
  const { imported, skipped, failed } = job.counts;
  return (
    <div role="status" className="grid gap-2 rounded-md border px-3 py-2 text-sm">
      <p className="font-medium">
        {job.status === "done" ? "Import finished" : "Import stopped"}
        {job.format ? ` (${IMPORT_FORMAT_LABELS[job.format]})` : ""}: {imported} imported, {skipped} already there, {failed} failed.
      </p>
      {job.error && <p className="text-destructive">{job.error.message}</p>}
      {job.failures.length > 0 && (
        <ul className="grid list-disc gap-1 pl-5">
          {job.failures.map((failure) => (
            <li key={failure.index} className="break-words">
              {failure.title ?? `Conversation ${failure.index + 1}`}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
