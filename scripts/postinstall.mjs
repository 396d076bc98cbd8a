// Generates the Prisma clients for both databases after `npm install`, with
// the offline schema engine chosen by prisma.config.ts when Prisma's binary
// host is out of reach.
import { spawnSync } from 'node:child_process';

for (const provider of ['sqlite', 'postgresql']) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', `prisma/${provider}/schema.prisma`], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
