// The advanced services enabled in the manifest: Drive (v3, scope drive.file) and Docs (v1, scope documents); each
// named when it is not enabled.
export function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === "undefined" || !Drive) throw new Error("dịch vụ nâng cao Drive chưa được bật (appsscript.json)");
  return Drive;
}

export function docs(): NonNullable<typeof Docs> {
  if (typeof Docs === "undefined" || !Docs) throw new Error("dịch vụ nâng cao Docs chưa được bật (appsscript.json)");
  return Docs;
}
