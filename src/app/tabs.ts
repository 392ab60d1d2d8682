// The tabs' definitions are pure (src/domain/tabs.ts): the adapters read them there; the use cases keep reading them here.
export * from "../domain/tabs";
