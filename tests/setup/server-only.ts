// `server-only` throws unless bundled for React Server Components; vitest runs server modules
// directly in Node, so it gets this empty stand-in (vitest.config.ts aliases it).
export {};
