// The ports live beside the use cases and the adapters (src/ports.ts): the adapters import them from there, never from
// app/; the use cases keep reading them here.
export * from "../ports";
