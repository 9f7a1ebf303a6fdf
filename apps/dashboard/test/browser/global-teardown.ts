import { takeStack, tearDownStack } from './support/stack';

/** Stop the API and worker, drop this run's database and delete its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const stack = takeStack();
  if (!stack) return;
  await tearDownStack(stack, { keepRunDir: process.env.SIFT_KEEP_BROWSER_LOGS === '1' });
}
