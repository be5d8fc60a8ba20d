import { MessageChannel } from 'node:worker_threads';

/**
 * What antd needs from jsdom in a component test: a MessageChannel (React's scheduler),
 * matchMedia (its responsive parts) and ResizeObserver (its popups, which jsdom never lays out). Node's ports keep the process alive while they listen, so
 * every channel lent to the page is closed at the end, or Jest would never exit.
 */
class NoLayout {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function lendAntdWhatJsdomLacks(): void {
  const lentChannels: MessageChannel[] = [];
  class ClosedAtEndChannel extends MessageChannel {
    constructor() {
      super();
      lentChannels.push(this);
    }
  }
  beforeAll(() => {
    Object.assign(globalThis, { MessageChannel: ClosedAtEndChannel, ResizeObserver: NoLayout });
    Object.defineProperty(window, 'matchMedia', {
      value: (query: string) => ({
        matches: false,
        media: query,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  });
  afterAll(() => {
    for (const channel of lentChannels) {
      channel.port1.close();
      channel.port2.close();
    }
  });
}
