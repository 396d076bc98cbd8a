// @ts-check
import { fileURLToPath } from 'node:url';
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Rendered pages live in each instance's memory; tag invalidations are
  // shared through the database, so an edit made on one instance shows on all.
  cacheHandler: fileURLToPath(new URL('./lib/cache/shared-tag-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'pg'],
  images: { unoptimized: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
