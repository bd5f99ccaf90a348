// Values the global setup (tests/setup/mongo.global.ts) hands to every test file via inject().
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base connection string of the server the whole run uses (no database in the path). */
    mongoUri: string;
    /** True when the run started the embedded server itself (MONGODB_URI was not given). */
    mongoEmbedded: boolean;
  }
}
