import * as esbuild from "esbuild";
const r = await esbuild.build({ entryPoints: ["src/main.ts"], bundle: true, format: "iife", minify: true, charset: "utf8", write: false, metafile: true, target: "es2020", platform: "neutral", mainFields:["module","main"], outdir: "out" });
const o = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(o.inputs).map(([k,v])=>[v.bytesInOutput,k]).sort((a,b)=>b[0]-a[0]);
let src=0, zod=0; for (const [b,k] of rows) { if (k.includes("zod")) zod+=b; else src+=b; }
console.log("src", src, "zod", zod);
for (const [b,k] of rows.filter(r=>!r[1].includes("zod"))) console.log(String(b).padStart(6), k);
