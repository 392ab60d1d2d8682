const ts = require("typescript"); const fs=require("fs"); const path=require("path");
function walk(d){return fs.readdirSync(d,{withFileTypes:true}).flatMap(e=>e.isDirectory()?walk(path.join(d,e.name)):[path.join(d,e.name)])}
let tot=0; const per={};
for (const f of walk("src")) { const sf=ts.createSourceFile(f, fs.readFileSync(f,"utf8"), ts.ScriptTarget.ES2020, true);
  let b=0; (function v(n){ if (ts.isStringLiteral(n)||ts.isNoSubstitutionTemplateLiteral(n)) { if (!ts.isImportDeclaration(n.parent)&&!ts.isExportDeclaration(n.parent)) b+=Buffer.byteLength(n.text);} else if (ts.isTemplateExpression(n)) { b+=Buffer.byteLength(n.head.text); for (const s of n.templateSpans) b+=Buffer.byteLength(s.literal.text);} ts.forEachChild(n,v)})(sf);
  per[f]=b; tot+=b; }
console.log("string bytes total", tot); console.log(Object.entries(per).sort((a,b)=>b[1]-a[1]).slice(0,14).map(x=>x.join(" ")).join("\n"));
