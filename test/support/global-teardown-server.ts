export default async function globalTeardown(): Promise<void> {
  await globalThis.__TEMPORAL_SERVER__?.stop();
}
