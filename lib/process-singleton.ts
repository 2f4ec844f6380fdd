// Next.js bundles a server module more than once (instrumentation, each route, each runtime chunk), so module
// scope is not process scope. State that must exist once per process lives on globalThis under a registered
// symbol, made by `create` on first use.
export function processSingleton<T>(name: string, create: () => T): T {
  const slot = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`vigil.${name}`);
  let value = slot[key];
  if (value === undefined) {
    value = create();
    slot[key] = value;
  }
  return value;
}

/** A process-wide mutable box, for state that is set later rather than made on first use. */
export const processSlot = <T>(name: string): { value: T | undefined } =>
  processSingleton(name, () => ({ value: undefined }));
