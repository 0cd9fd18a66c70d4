import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Carries the request id through async calls, so logs and audit entries can name the request. */
export const RequestContext = {
  run<T>(requestId: string, fn: () => T): T {
    return storage.run({ requestId }, fn);
  },
  enter(requestId: string): void {
    storage.enterWith({ requestId });
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
};
