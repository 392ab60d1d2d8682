// Reading the tabs' rows is pure (src/domain/rows.ts): the adapters read it there; the use cases keep reading it here.
export * from "../domain/rows";
