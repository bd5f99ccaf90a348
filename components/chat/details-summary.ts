// Moved to lib/shared so the share snapshot (server) formats details exactly as the chat shows them.
export { detailLines, type DetailLine } from "@/lib/shared/roles/detail-lines";
