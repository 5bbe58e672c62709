// Parses every .tf file under DIR with @cdktf/hcl2json (Go's hashicorp/hcl compiled to WebAssembly), loading the package
// once, the counterpart of `Attest.Benchmarks hcl-parse DIR`. Used by bench/compare-iac.sh.
//   node hcl2json-parse.js NODE_MODULES_PARENT DIR [PASSES]
// NODE_MODULES_PARENT is the folder where `npm install @cdktf/hcl2json` ran (outside the repository).
"use strict";
const fs = require("fs");
const path = require("path");

const [installDir, root, passesArg] = process.argv.slice(2);
if (!installDir || !root) {
  console.error("usage: node hcl2json-parse.js NODE_MODULES_PARENT DIR [PASSES]");
  process.exit(2);
}
const passes = Number(passesArg ?? 1);
const { parse } = require(path.join(path.resolve(installDir), "node_modules", "@cdktf", "hcl2json"));

function walk(folder, out) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== ".terraform") walk(full, out);
    } else if (entry.name.endsWith(".tf")) {
      out.push(full);
    }
  }
  return out;
}

(async () => {
  let clock = process.hrtime.bigint();
  const files = walk(root, []).map((f) => ({ name: path.relative(root, f), text: fs.readFileSync(f, "utf8") }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  console.log(`files: ${files.length}`);
  console.log(`bytes: ${bytes.toLocaleString("en-US")}`);
  console.log(`read: ${(Number(process.hrtime.bigint() - clock) / 1e6).toFixed(1)} ms`);
  for (let pass = 1; pass <= passes; pass++) {
    const failed = [];
    clock = process.hrtime.bigint();
    for (const { name, text } of files) {
      try {
        await parse(name, text);
      } catch (e) {
        failed.push(`${name}: ${String(e.message ?? e).split("\n")[0]}`);
      }
    }
    const ms = Number(process.hrtime.bigint() - clock) / 1e6;
    // The first pass includes instantiating the WebAssembly module (the package starts it on load, parse waits for it)
    console.log(`pass ${pass}: parse ${ms.toFixed(1)} ms (${(bytes / 1048576 / (ms / 1000)).toFixed(1)} MB/s), errors in ${failed.length} files`);
    for (const line of failed.slice(0, 10)) console.log(`  ${line}`);
  }
})();
