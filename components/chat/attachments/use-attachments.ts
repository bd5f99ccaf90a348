"use client";

/**
 * The composer's files: each is checked against the limits in the browser (for a quick, clear
 * message; the server checks again), uploaded at once, and shown as a chip until sent or removed.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { formatBytes, type AttachmentLimits, type MessageAttachment } from "@/lib/shared/attachments/types";
import { discardUpload, uploadFile } from "@/components/chat/attachments/upload-file";

export interface PendingFile {
  key: string;
  name: string;
  size: number;
  type: string;
  status: "uploading" | "ready" | "error";
  attachment?: MessageAttachment;
  error?: string;
}

export interface AttachmentsState {
  files: PendingFile[];
  /** A message about the whole set (e.g. one file too many). */
  notice: string | null;
  add: (files: readonly File[]) => void;
  remove: (key: string) => void;
  /** The ids to send; null while an upload is still running. */
  readyIds: () => string[] | null;
  /** After a send: the chips go (the files now belong to the message). */
  clear: () => void;
}

let nextKey = 0;

export function useAttachments(conversationId: string, limits: AttachmentLimits): AttachmentsState {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const current = useRef<PendingFile[]>([]);
  // The callbacks read the latest list without being re-created on every upload's progress.
  useEffect(() => {
    current.current = files;
  }, [files]);

  const update = useCallback((key: string, change: Partial<PendingFile>) => {
    setFiles((list) => list.map((file) => (file.key === key ? { ...file, ...change } : file)));
  }, []);

  const add = useCallback(
    (incoming: readonly File[]) => {
      const room = limits.maxFilesPerMessage - current.current.filter((file) => file.status !== "error").length;
      const accepted = incoming.slice(0, Math.max(0, room));
      setNotice(incoming.length > accepted.length ? `A message can carry at most ${limits.maxFilesPerMessage} files.` : null);
      for (const file of accepted) {
        const key = `file-${(nextKey += 1)}`;
        const entry: PendingFile = { key, name: file.name || "pasted-image.png", size: file.size, type: file.type, status: "uploading" };
        if (file.size === 0) Object.assign(entry, { status: "error", error: "This file is empty." });
        if (file.size > limits.maxFileBytes) Object.assign(entry, { status: "error", error: `Larger than ${formatBytes(limits.maxFileBytes)}.` });
        setFiles((list) => [...list, entry]);
        if (entry.status !== "uploading") continue;
        void uploadFile(file, conversationId).then((result) =>
          update(key, result.ok ? { status: "ready", attachment: result.attachment } : { status: "error", error: result.message }),
        );
      }
    },
    [conversationId, limits, update],
  );

  const remove = useCallback((key: string) => {
    const file = current.current.find((candidate) => candidate.key === key);
    if (file?.attachment) discardUpload(file.attachment.id);
    setFiles((list) => list.filter((candidate) => candidate.key !== key));
    setNotice(null);
  }, []);

  const readyIds = useCallback(() => {
    if (current.current.some((file) => file.status === "uploading")) return null;
    return current.current.flatMap((file) => (file.attachment ? [file.attachment.id] : []));
  }, []);

  const clear = useCallback(() => {
    setFiles([]);
    setNotice(null);
  }, []);

  return { files, notice, add, remove, readyIds, clear };
}
