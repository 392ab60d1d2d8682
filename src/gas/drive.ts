// The advanced Drive service (v3, scope drive.file), enabled in the manifest; named when it is not.
export function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === "undefined" || !Drive) throw new Error("dịch vụ nâng cao Drive chưa được bật (appsscript.json)");
  return Drive;
}
