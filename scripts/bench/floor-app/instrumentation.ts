// Deliberately empty. Without a file of this name here, Next.js 16 (Turbopack, rooted at the
// repository's lockfile) builds the app's own instrumentation.ts into the floor app.
export function register(): void {}
