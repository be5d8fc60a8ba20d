export default async function globalTeardown(): Promise<void> {
  await globalThis.__BROWSER_STACK__?.stop();
}
