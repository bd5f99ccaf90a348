import type { NextConfig } from "next";

// A bare app: nothing configured, so it measures Next.js itself.
const nextConfig: NextConfig = {};

export default nextConfig;
